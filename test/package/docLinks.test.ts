/* eslint-disable @n8n/community-nodes/no-restricted-imports -- reads the repository's documents; never shipped */
/**
 * Every relative link in the README and the documents beside it leads somewhere: the file (or
 * folder) exists, and an anchor (`#section`, `other.md#section`) names a heading of that file as
 * GitHub and npm render it, or an explicit `<a id>` / `<a name>`.
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

import { PROJECT_ROOT } from '../../scripts/n8n/hosts';
import { headingAnchors, markdownFilesUnder, relativeLinks } from '../helpers/markdown';

/** The Markdown files a user or contributor reads: the README, docs/, examples/, tools/, CHANGELOG. */
function documents(): string[] {
	const found = ['README.md', 'CHANGELOG.md'].map((file) => join(PROJECT_ROOT, file));
	for (const folder of ['docs', 'examples', 'tools']) {
		if (existsSync(join(PROJECT_ROOT, folder))) found.push(...markdownFilesUnder(join(PROJECT_ROOT, folder)));
	}
	return found;
}

describe('links in the README and docs/', () => {
	const files = documents();

	it('finds the documents it checks', () => {
		expect(files.map((file) => relative(PROJECT_ROOT, file))).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md']));
	});

	it.each(files.map((file) => [relative(PROJECT_ROOT, file), file]))('%s: every relative link and anchor resolves', (_name, file) => {
		const markdown = readFileSync(file, 'utf8');
		const broken: string[] = [];
		for (const target of relativeLinks(markdown)) {
			const [pathPart, anchor] = target.split('#', 2);
			const path = pathPart ? resolve(dirname(file), decodeURIComponent(pathPart)) : file;
			if (!existsSync(path)) {
				broken.push(`${target} (no such file)`);
				continue;
			}
			if (anchor === undefined || anchor === '') continue;
			if (!path.endsWith('.md')) {
				broken.push(`${target} (an anchor into a file that is not Markdown)`);
				continue;
			}
			if (!headingAnchors(readFileSync(path, 'utf8')).has(decodeURIComponent(anchor))) {
				broken.push(`${target} (no heading "#${anchor}" in ${relative(PROJECT_ROOT, path)})`);
			}
		}
		expect(broken).toEqual([]);
	});
});

describe('the link checker itself', () => {
	it('makes the anchors GitHub makes, numbering repeated headings', () => {
		const anchors = headingAnchors(
			'# Raydocs Trigger\n## Use with AI agents\n### Waiting at realistic timing (real n8n)\n## Examples\n## Examples\n```\n# not a heading\n```\n<a id="custom"></a>\n## `npm test` and *More*\n',
		);
		expect([...anchors]).toEqual([
			'raydocs-trigger',
			'use-with-ai-agents',
			'waiting-at-realistic-timing-real-n8n',
			'examples',
			'examples-1',
			'npm-test-and-more',
			'custom',
		]);
	});

	it('reads relative links and images outside code, and leaves web addresses alone', () => {
		const markdown =
			'See [install](#install), [docs](docs/performance.md#memory "title") and ![shot](docs/images/a.png).\n' +
			'<img src="docs/images/b.png" width="400">\n[site](https://raydocs.com) [mail](mailto:a@b.c)\n' +
			'`[not](a-link.md)`\n```\n[also not](code.md)\n```\n';
		expect(relativeLinks(markdown)).toEqual(['#install', 'docs/performance.md#memory', 'docs/images/a.png', 'docs/images/b.png']);
	});
});
