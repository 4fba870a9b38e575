/* eslint-disable @n8n/community-nodes/no-restricted-imports -- reads the repository's documents; never shipped */
/**
 * The README is for n8n users who find the package in the nodes panel or on npm: short, in the order
 * they need it (what it does and a picture, install, credential, operations, trigger, AI agents,
 * examples, versions and limits, development), with the depth in docs/. Its generated sections are
 * current, the anchors n8n's editor links to exist, and every document under docs/ can be reached
 * from it.
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

import { sectionOf } from '../../scripts/generatedSection';
import { PROJECT_ROOT } from '../../scripts/n8n/hosts';
import { operationsMarkdown } from '../../scripts/operations-table';
import { headingAnchors, markdownFilesUnder, relativeLinks, withoutCodeBlocks } from '../helpers/markdown';

const MAX_LINES = 350;

/** The README's `##` sections, in the order a user reads them. */
const REQUIRED_SECTIONS = [
	'Install',
	'Credentials',
	'Operations',
	'Raydocs Trigger',
	'Use with AI agents',
	'Examples',
	'Supported n8n versions',
	'Limits',
	'Behaviour you can rely on',
	'Development',
	'License',
];

const readmePath = join(PROJECT_ROOT, 'README.md');
const readme = () => readFileSync(readmePath, 'utf8');

/** `##` headings outside code blocks. */
function sections(markdown: string): string[] {
	return [...withoutCodeBlocks(markdown).matchAll(/^## (.+?)\s*$/gm)].map((match) => match[1]);
}

/** Markdown images and `<img>` tags. */
function images(markdown: string): Array<{ target: string; index: number }> {
	return [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)|<img[^>]+src="([^"]+)"/g)].map((match) => ({
		target: match[1] ?? match[2],
		index: match.index!,
	}));
}

describe('README.md', () => {
	it(`has at most ${MAX_LINES} lines`, () => {
		expect(readme().split('\n').length).toBeLessThanOrEqual(MAX_LINES);
	});

	it('has the sections a user needs, in order', () => {
		expect(sections(readme())).toEqual(REQUIRED_SECTIONS);
	});

	it('opens with what the package does in 2-4 sentences and one picture from docs/images, before installing', () => {
		const text = readme();
		const install = text.indexOf('\n## Install\n');
		const found = images(text);
		expect(found).toHaveLength(1);
		expect(found[0].index).toBeLessThan(install);
		expect(found[0].target).toMatch(/^docs\/images\/[a-z0-9-]+\.png$/);
		expect(existsSync(join(PROJECT_ROOT, found[0].target))).toBe(true);
		const intro = text.slice(text.indexOf('\n'), install).replace(/<img[^>]*>/g, '');
		expect(intro).toMatch(/Raydocs/);
		const sentences = intro.trim().split(/(?<=\.)\s+/);
		expect(sentences.length).toBeGreaterThanOrEqual(2);
		expect(sentences.length).toBeLessThanOrEqual(4);
	});

	it('says how to install: the editor, by hand, Docker, queue mode, and the n8n 3 setting', () => {
		const install = readme().split('\n## Install\n')[1].split('\n## ')[0];
		expect(install).toContain('Settings → Community Nodes');
		expect(install).toContain('cd ~/.n8n/nodes');
		expect(install).toContain('npm install n8n-nodes-raydocs');
		expect(install).toMatch(/\*\*Docker\*\*/);
		expect(install).toContain('](docs/queue-mode.md)');
		expect(install).toContain('N8N_UNVERIFIED_PACKAGES_ENABLED=true');
		expect(install).toContain('](docs/n8n3.md)');
	});

	it('holds the two development commands, and both are npm scripts', () => {
		const development = readme().split('\n## Development\n')[1];
		expect(development).toContain('npm ci && npm run demo');
		expect(development).toContain('npm ci && npm test');
		expect(development).toContain('](docs/development.md)');
		const scripts = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
		expect(scripts.demo).toBeDefined();
		expect(scripts.test).toBeDefined();
	});

	it('has the anchors that the codex files and the credential link to', () => {
		const links = [
			readFileSync(join(PROJECT_ROOT, 'nodes/Raydocs/Raydocs.node.json'), 'utf8'),
			readFileSync(join(PROJECT_ROOT, 'nodes/RaydocsTrigger/RaydocsTrigger.node.json'), 'utf8'),
			readFileSync(join(PROJECT_ROOT, 'credentials/RaydocsApi.credentials.ts'), 'utf8'),
		].flatMap((text) => [...text.matchAll(/github\.com\/raydocs\/n8n-nodes-raydocs#([a-z0-9-]+)/g)].map((match) => match[1]));
		expect(links).toEqual(expect.arrayContaining(['readme', 'credentials', 'raydocs-trigger']));
		const anchors = headingAnchors(readme());
		for (const anchor of links.filter((link) => link !== 'readme')) expect(anchors).toContain(anchor);
	});

	it("carries the operations table as `npm run docs:operations` writes it", () => {
		expect(sectionOf('README.md', 'operations')).toBe(operationsMarkdown());
	});

	it('leads to every document under docs/, directly or through other documents', () => {
		const all = markdownFilesUnder(join(PROJECT_ROOT, 'docs'));
		const reached = new Set<string>([readmePath]);
		const queue = [readmePath];
		while (queue.length) {
			const file = queue.shift()!;
			for (const target of relativeLinks(readFileSync(file, 'utf8'))) {
				const path = target.split('#')[0];
				if (!path.endsWith('.md')) continue;
				const linked = resolve(dirname(file), decodeURIComponent(path));
				if (!reached.has(linked) && existsSync(linked)) {
					reached.add(linked);
					queue.push(linked);
				}
			}
		}
		expect(all.filter((file) => !reached.has(file)).map((file) => relative(PROJECT_ROOT, file))).toEqual([]);
	});
});
