/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tooling; never shipped (package.json "files") */
/** The README's generated sections: everything between `<!-- name:start -->` and `<!-- name:end -->`. */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

const readmePath = join(__dirname, '..', 'README.md');

/** Replaces the section's content; returns false when it was already the same. */
export function replaceReadmeSection(name: string, markdown: string): boolean {
	const readme = readFileSync(readmePath, 'utf8');
	const section = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`);
	if (!section.test(readme)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> section`);
	const updated = readme.replace(section, () => `<!-- ${name}:start -->\n${markdown}\n<!-- ${name}:end -->`);
	if (updated === readme) return false;
	writeFileSync(readmePath, updated);
	return true;
}
