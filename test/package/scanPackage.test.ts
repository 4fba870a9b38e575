/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- packs and scans the package; never shipped */
/**
 * The published package: what `npm pack` puts in it, and n8n's community-package checks on it
 * (scripts/scanPackage.mjs). Needs a build (`npm test` builds first).
 */
import { execFileSync, spawnSync } from 'child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { assertBuilt, projectManifest } from '../../scripts/n8n/communityPackage';
import { PROJECT_ROOT } from '../../scripts/n8n/hosts';

interface ScanOutput {
	passed: boolean;
	files: string[];
	problems: string[];
}

function scan(target?: string): { code: number | null; result: ScanOutput } {
	const run = spawnSync('node', [join(PROJECT_ROOT, 'scripts', 'scanPackage.mjs'), ...(target ? [target] : [])], {
		cwd: PROJECT_ROOT,
		encoding: 'utf8',
		timeout: 120_000,
	});
	const lastLine = run.stdout.trim().split('\n').pop() ?? '';
	if (!lastLine.startsWith('{')) throw new Error(`scanPackage.mjs printed no result:\n${run.stdout}\n${run.stderr}`);
	return { code: run.status, result: JSON.parse(lastLine) as ScanOutput };
}

describe('the packed package', () => {
	let work: string;
	let packageDir: string;

	beforeAll(() => {
		assertBuilt();
		work = mkdtempSync(join(tmpdir(), 'raydocs-pack-test-'));
		const output = execFileSync('npm', ['pack', '--ignore-scripts', '--loglevel=error', '--pack-destination', work], {
			cwd: PROJECT_ROOT,
			encoding: 'utf8',
		});
		execFileSync('tar', ['-xzf', join(work, output.trim().split('\n').pop()!.trim()), '-C', work]);
		packageDir = join(work, 'package');
	});

	afterAll(() => rmSync(work, { recursive: true, force: true }));

	it("holds only what n8n loads, and passes n8n's community-package checks", () => {
		const { code, result } = scan();
		expect(result.problems).toEqual([]);
		expect(code).toBe(0);
		const manifest = projectManifest();
		expect(result.files).toEqual(expect.arrayContaining([...manifest.n8n.nodes, ...manifest.n8n.credentials, 'package.json', 'index.js']));
		expect(result.files.filter((file) => file.endsWith('.map') || file.endsWith('.ts') || file === 'dist/package.json')).toEqual([]);
		// compiled files carry no pointer to a source map either
		const raydocs = readFileSync(join(packageDir, 'dist/nodes/Raydocs/Raydocs.node.js'), 'utf8');
		expect(raydocs).not.toContain('sourceMappingURL');
	});

	it('fails on a source map, a dist/package.json and code n8n forbids in community nodes', () => {
		writeFileSync(join(packageDir, 'dist', 'package.json'), '{}');
		writeFileSync(join(packageDir, 'dist/nodes/Raydocs/Raydocs.node.js.map'), '{"version":3,"sources":["../../../nodes/Raydocs/Raydocs.node.ts"]}');
		appendFileSync(join(packageDir, 'dist/nodes/Raydocs/Raydocs.node.js'), "\nconst childProcess = require('child_process');\nchildProcess.execSync('id');\n");
		const { code, result } = scan(packageDir);
		expect(code).toBe(1);
		expect(result.problems).toEqual([
			'dist/nodes/Raydocs/Raydocs.node.js.map: a source map (its .ts sources are not shipped)',
			'dist/package.json: a copy of package.json inside dist/',
			expect.stringMatching(/community-package scan of the packed package: ESLint violations found[\s\S]*child_process/),
		]);
	});
});
