/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node for tests and tooling; never shipped (package.json "files") */
/** Generated parts of the README live between `<!-- name:start -->` and `<!-- name:end -->`. */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

const readmePath = join(__dirname, '..', 'README.md');

/** Replaces the section's content; returns whether the README changed. */
export function replaceReadmeSection(name: string, content: string): boolean {
	const readme = readFileSync(readmePath, 'utf8');
	const section = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`);
	if (!section.test(readme)) throw new Error(`README.md has no <!-- ${name}:start --> ... <!-- ${name}:end --> section`);
	const updated = readme.replace(section, () => `<!-- ${name}:start -->\n${content}\n<!-- ${name}:end -->`);
	writeFileSync(readmePath, updated);
	return updated !== readme;
}
