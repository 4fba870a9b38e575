/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling; never shipped (package.json "files") */
/**
 * Generated sections of the project's Markdown files (README.md, docs/*.md): everything between
 * `<!-- name:start -->` and `<!-- name:end -->`. The scripts, benches and tests that write or check
 * one name the file it lives in; a file path is relative to the project root.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';

const projectRoot = join(__dirname, '..');

function sectionPattern(name: string): RegExp {
	return new RegExp(`<!-- ${name}:start -->\\n?([\\s\\S]*?)\\n?<!-- ${name}:end -->`);
}

function read(file: string, name: string): { path: string; text: string; match: RegExpMatchArray } {
	const path = resolve(projectRoot, file);
	const text = readFileSync(path, 'utf8');
	const match = text.match(sectionPattern(name));
	if (!match) throw new Error(`${file} has no <!-- ${name}:start --> … <!-- ${name}:end --> section`);
	return { path, text, match };
}

/** The section's current content, without the markers. */
export function sectionOf(file: string, name: string): string {
	return read(file, name).match[1];
}

/** Replaces the section's content; returns false when it was already the same. */
export function replaceSection(file: string, name: string, markdown: string): boolean {
	const { path, text } = read(file, name);
	const updated = text.replace(sectionPattern(name), () => `<!-- ${name}:start -->\n${markdown}\n<!-- ${name}:end -->`);
	if (updated === text) return false;
	writeFileSync(path, updated);
	return true;
}
