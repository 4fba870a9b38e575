/* eslint-disable @n8n/community-nodes/no-restricted-imports -- writes a throwaway Markdown file; never shipped */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { replaceSection, sectionOf } from '../../scripts/generatedSection';

describe('generated sections of a Markdown file', () => {
	let folder: string;
	let file: string;
	const original = '# Title\n\n<!-- table:start -->\n| old |\n<!-- table:end -->\n\ntext\n\n<!-- other:start -->\nkept\n<!-- other:end -->\n';

	beforeEach(() => {
		folder = mkdtempSync(join(tmpdir(), 'generated-section-'));
		file = join(folder, 'doc.md');
		writeFileSync(file, original);
	});
	afterEach(() => rmSync(folder, { recursive: true, force: true }));

	it('reads a section without its markers', () => {
		expect(sectionOf(file, 'table')).toBe('| old |');
		expect(sectionOf(file, 'other')).toBe('kept');
	});

	it('replaces only the named section of the file it is given, and says so', () => {
		expect(replaceSection(file, 'table', '| new |\n| row |')).toBe(true);
		expect(readFileSync(file, 'utf8')).toBe(
			'# Title\n\n<!-- table:start -->\n| new |\n| row |\n<!-- table:end -->\n\ntext\n\n<!-- other:start -->\nkept\n<!-- other:end -->\n',
		);
	});

	it('leaves the file alone when the section is already current', () => {
		expect(replaceSection(file, 'table', '| old |')).toBe(false);
		expect(readFileSync(file, 'utf8')).toBe(original);
	});

	it('takes the content literally ($ signs included)', () => {
		replaceSection(file, 'table', 'costs $1 and $&');
		expect(sectionOf(file, 'table')).toBe('costs $1 and $&');
	});

	it('names the file and the section when the markers are missing', () => {
		expect(() => replaceSection(file, 'missing', 'x')).toThrow(`${file} has no <!-- missing:start --> … <!-- missing:end --> section`);
		expect(readFileSync(file, 'utf8')).toBe(original);
	});
});
