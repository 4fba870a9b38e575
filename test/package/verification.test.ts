/* eslint-disable @n8n/community-nodes/no-restricted-imports -- reads the package and its build; never shipped */
/**
 * The rules of n8n's verification review that a test can check on the package itself
 * (docs/verification.md lists every rule and where it is checked): one service, MIT, no runtime
 * dependencies, the n8n-node tool in strict mode, shipped code without environment, file-system or
 * other Node.js access, English text. Needs a build (`npm test` builds first).
 */
import { readdirSync, readFileSync } from 'fs';
import type { ICredentialType, INodeType } from 'n8n-workflow';
import { join, relative } from 'path';

import { RaydocsApi } from '../../credentials/RaydocsApi.credentials';
import { Raydocs } from '../../nodes/Raydocs/Raydocs.node';
import { RaydocsTrigger } from '../../nodes/RaydocsTrigger/RaydocsTrigger.node';
import { assertBuilt, projectManifest } from '../../scripts/n8n/communityPackage';
import { PROJECT_ROOT } from '../../scripts/n8n/hosts';

interface Manifest {
	name: string;
	license: string;
	keywords: string[];
	files: string[];
	homepage: string;
	repository: { type: string; url: string };
	scripts: Record<string, string>;
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	overrides?: unknown;
	n8n: { n8nNodesApiVersion: number; strict: boolean; nodes: string[]; credentials: string[] };
}

const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as Manifest;

/** Every .js file npm ships (package.json "files"), relative to the project. */
function shippedScripts(): string[] {
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
			entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
		);
	return manifest.files
		.flatMap((entry) => (entry.endsWith('.js') ? [join(PROJECT_ROOT, entry)] : walk(join(PROJECT_ROOT, entry))))
		.map((file) => relative(PROJECT_ROOT, file))
		.sort();
}

/** A script's code without its comments (dist/ has none; index.js explains itself in some). */
function codeOf(file: string): string {
	return readFileSync(join(PROJECT_ROOT, file), 'utf8')
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/^\s*\/\/.*$/gm, '');
}

/** Every string the editor shows from a description: names, descriptions, hints, placeholders, actions. */
function shownTexts(value: unknown, into: string[] = []): string[] {
	const shownKeys = new Set(['displayName', 'description', 'placeholder', 'hint', 'action', 'name', 'subtitle', 'notice']);
	if (Array.isArray(value)) value.forEach((entry) => shownTexts(entry, into));
	else if (value && typeof value === 'object') {
		for (const [key, entry] of Object.entries(value)) {
			if (typeof entry === 'string' && shownKeys.has(key)) into.push(entry);
			else shownTexts(entry, into);
		}
	}
	return into;
}

describe("n8n's verification rules, on the package itself", () => {
	it('is one service: the Raydocs nodes and the one Raydocs credential', () => {
		expect(manifest.name).toMatch(/^n8n-nodes-/);
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.n8n.credentials).toEqual(['dist/credentials/RaydocsApi.credentials.js']);
		const nodes: INodeType[] = [new Raydocs(), new RaydocsTrigger()];
		expect(manifest.n8n.nodes).toEqual(['dist/nodes/Raydocs/Raydocs.node.js', 'dist/nodes/RaydocsTrigger/RaydocsTrigger.node.js']);
		for (const node of nodes) expect(node.description.credentials?.map((credential) => credential.name)).toEqual(['raydocsApi']);
		expect(new RaydocsApi().name).toBe('raydocsApi');
	});

	it('is MIT licensed, in package.json and LICENSE.md', () => {
		expect(manifest.license).toBe('MIT');
		const licence = readFileSync(join(PROJECT_ROOT, 'LICENSE.md'), 'utf8');
		expect(licence.split('\n')[0]).toBe('MIT License');
		expect(licence).toContain('Permission is hereby granted, free of charge');
	});

	it('has no runtime dependencies, no install scripts and no overrides; n8n-workflow comes from n8n', () => {
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(manifest.overrides).toBeUndefined();
		const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare', 'prepublish'];
		expect(Object.keys(manifest.scripts).filter((name) => lifecycle.includes(name))).toEqual([]);
	});

	it('points npm and n8n at one public GitHub repository', () => {
		const repository = /^git\+https:\/\/github\.com\/([\w.-]+\/[\w.-]+)\.git$/.exec(manifest.repository.url);
		expect(repository).not.toBeNull();
		expect(manifest.homepage.startsWith(`https://github.com/${repository![1]}`)).toBe(true);
	});

	it("uses n8n's node tool: strict lint with the default configuration, release and prerelease", () => {
		expect(manifest.n8n.strict).toBe(true);
		expect(manifest.n8n.n8nNodesApiVersion).toBe(1);
		expect(manifest.scripts.lint).toBe('n8n-node lint');
		// Strict mode refuses any other configuration; this keeps the file as n8n-node writes it.
		const eslintConfig = readFileSync(join(PROJECT_ROOT, 'eslint.config.mjs'), 'utf8').replace(/\s+/g, ' ').trim();
		expect(eslintConfig).toBe("import { config } from '@n8n/node-cli/eslint'; export default config;");
		expect(manifest.scripts.release).toBe('n8n-node release');
		expect(manifest.scripts.prepublishOnly).toBe('n8n-node prerelease');
	});

	describe('the shipped code', () => {
		let scripts: string[];
		beforeAll(() => {
			assertBuilt();
			scripts = shippedScripts();
		});

		it('ships the compiled nodes and credential, and nothing else runnable', () => {
			const { nodes, credentials } = projectManifest().n8n;
			expect(scripts).toEqual(expect.arrayContaining([...nodes, ...credentials, 'index.js']));
			expect(scripts.every((file) => file === 'index.js' || file.startsWith('dist/'))).toBe(true);
		});

		it('loads only n8n-workflow and its own files: no fs, child_process, http or other Node.js module', () => {
			const loaded = new Set<string>();
			for (const file of scripts) {
				const text = codeOf(file);
				for (const match of text.matchAll(/\brequire\(\s*(['"])([^'"]+)\1\s*\)/g)) loaded.add(match[2]);
				expect({ file, dynamicImport: /\bimport\(/.test(text) }).toEqual({ file, dynamicImport: false });
			}
			expect([...loaded].filter((name) => name !== 'n8n-workflow' && !name.startsWith('.'))).toEqual([]);
			expect(loaded).toContain('n8n-workflow');
		});

		it('reads no environment and uses no timers or other globals n8n forbids', () => {
			const forbidden = /\b(process|globalThis|global|__dirname|__filename|setTimeout|setInterval|setImmediate|clearTimeout|clearInterval|clearImmediate|eval)\b\s*[.([]/;
			const found = scripts.flatMap((file) => {
				const match = forbidden.exec(codeOf(file));
				return match ? [`${file}: ${match[0]}`] : [];
			});
			expect(found).toEqual([]);
		});
	});

	it('shows English text only: no letters outside the Latin script in what the editor shows', () => {
		const texts = [new Raydocs(), new RaydocsTrigger(), new RaydocsApi()].flatMap((type) =>
			shownTexts((type as INodeType).description ?? (type as ICredentialType)),
		);
		expect(texts.length).toBeGreaterThan(500);
		const foreign = texts.filter((text) => /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(text));
		expect(foreign).toEqual([]);
	});
});
