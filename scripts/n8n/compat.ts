/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console -- test tooling that installs and runs n8n; never shipped */
/**
 * `npm run test:compat`: the compatibility matrix. For each n8n release below, installs it when
 * missing (scripts/n8n/install-n8n.sh, one at a time: about 5 minutes and 1.7 GB each), runs
 * test/compat/core.compat.ts in it, and prints one table: a row per release, a column per case.
 *
 *   npm run test:compat                          the whole matrix (~6 min once installed)
 *   npm run test:compat -- --readme              ... and write the table into README.md (Supported n8n versions)
 *   COMPAT_VERSIONS=1.85.3,2.41.1 npm run test:compat
 *   E2E_SKIP_BUILD=1                             reuse dist/
 * Exits 1 when any case failed. Not part of `npm test`: the floor adds a ~6 min install and ~2 min
 * of runs to CI, and it changes only when n8n's engine does.
 */
import { spawn } from 'child_process';
import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { replaceSection } from '../generatedSection';
import { cacheDir, PROJECT_ROOT, type N8nLine } from './hosts';

interface MatrixEntry {
	version: string;
	line: N8nLine;
	/** Why it is in the matrix. */
	role: string;
}

/**
 * Oldest first: every release the README lists. The floor, 1.85.3, is the oldest that loads the
 * package as n8n's public extension points describe it (docs/design/transport.md).
 */
const MATRIX: MatrixEntry[] = [
	{ version: '1.85.3', line: '1', role: 'oldest supported (the floor)' },
	{ version: '1.123.81', line: '1', role: 'newest 1.x' },
	{ version: '2.41.1', line: '2', role: 'current' },
	{ version: '2.41.3', line: '2', role: 'newest 2.x' },
];

interface JestAssertion {
	title: string;
	status: 'passed' | 'failed' | 'pending' | string;
	failureMessages?: string[];
}

interface HostOutcome {
	entry: MatrixEntry;
	node: string;
	/** case name → "✓ outcome" or "✗ ..." */
	cells: Map<string, string>;
	failed: number;
	seconds: number;
	error?: string;
}

async function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
	const child = spawn(command, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
	return await new Promise((done) => child.once('exit', done));
}

function hostEnv(entry: MatrixEntry): NodeJS.ProcessEnv {
	return entry.line === '1' ? { N8N_LINE: '1', N8N1_VERSION: entry.version } : { N8N_LINE: '2', N8N2_VERSION: entry.version };
}

function nodeVersionOf(entry: MatrixEntry): string {
	try {
		const stats = JSON.parse(readFileSync(join(cacheDir(), `n8n-${entry.version}`, 'install-stats.json'), 'utf8')) as { node: string };
		return stats.node;
	} catch {
		return entry.line === '2' ? 'Node 24' : process.version;
	}
}

/** "Extract Many: extracted, one item per file" → ["Extract Many", "extracted, one item per file"] */
function splitTitle(title: string): [string, string] {
	const colon = title.indexOf(': ');
	return colon < 0 ? [title, 'passed'] : [title.slice(0, colon), title.slice(colon + 2)];
}

async function runHost(entry: MatrixEntry, resultsDir: string): Promise<HostOutcome> {
	const started = Date.now();
	const outcome: HostOutcome = { entry, node: '', cells: new Map(), failed: 0, seconds: 0 };
	console.log(`\n[compat] n8n ${entry.version} (${entry.role})`);
	const installed = await run('bash', [join(PROJECT_ROOT, 'scripts', 'n8n', 'install-n8n.sh')], hostEnv(entry));
	outcome.node = nodeVersionOf(entry);
	if (installed !== 0) {
		outcome.error = `install failed (exit ${installed})`;
		outcome.failed = 1;
		return outcome;
	}
	const resultFile = join(resultsDir, `compat-${entry.version}.json`);
	await run('npx', ['jest', '-c', 'test/compat/jest.compat.config.js', '--json', `--outputFile=${resultFile}`], hostEnv(entry));
	try {
		const results = JSON.parse(readFileSync(resultFile, 'utf8')) as {
			testResults: Array<{ assertionResults: JestAssertion[]; message?: string }>;
		};
		for (const file of results.testResults) {
			if (file.assertionResults.length === 0 && file.message) outcome.error = file.message.split('\n').find((text) => text.trim()) ?? 'suite failed';
			for (const assertion of file.assertionResults) {
				const [name, expected] = splitTitle(assertion.title);
				const passed = assertion.status === 'passed';
				if (!passed) outcome.failed += 1;
				outcome.cells.set(name, passed ? `✓ ${expected}` : `✗ ${assertion.status}`);
			}
		}
	} catch (error) {
		outcome.error = `no results (${(error as Error).message})`;
		outcome.failed += 1;
	}
	outcome.seconds = Math.round((Date.now() - started) / 1000);
	return outcome;
}

/**
 * A row per case, a column per release. A cell is "✓" when the case had the outcome it has in the
 * newest release (stated in the first column), "✓ <outcome>" when it was expected to differ there.
 */
function table(outcomes: HostOutcome[]): string {
	const cases = [...new Set(outcomes.flatMap((outcome) => [...outcome.cells.keys()]))];
	const newest = outcomes[outcomes.length - 1];
	const header = ['Case', ...outcomes.map((outcome) => `n8n ${outcome.entry.version}`)];
	const rows = [
		['Role', ...outcomes.map((outcome) => outcome.entry.role)],
		['Node.js', ...outcomes.map((outcome) => outcome.node)],
		...cases.map((name) => {
			const reference = newest.cells.get(name) ?? '';
			const cells = outcomes.map((outcome) => {
				const cell = outcome.cells.get(name) ?? (outcome.error ? `✗ ${outcome.error}` : '-');
				return cell === reference && cell.startsWith('✓') ? '✓' : cell;
			});
			return [`${name}: ${reference.replace(/^[✓✗] /, '')}`, ...cells];
		}),
	];
	return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

async function main(): Promise<void> {
	const wanted = process.env.COMPAT_VERSIONS?.split(',').map((version) => version.trim());
	const entries = wanted ? MATRIX.filter((entry) => wanted.includes(entry.version)) : MATRIX;
	if (entries.length === 0) throw new Error(`COMPAT_VERSIONS names none of ${MATRIX.map((entry) => entry.version).join(', ')}`);
	if (process.env.E2E_SKIP_BUILD !== '1') {
		if ((await run('npm', ['run', 'build', '--silent'], {})) !== 0) throw new Error('npm run build failed');
	}
	const resultsDir = join(cacheDir(), 'runs');
	mkdirSync(resultsDir, { recursive: true });
	const outcomes: HostOutcome[] = [];
	for (const entry of entries) outcomes.push(await runHost(entry, resultsDir));

	const date = new Date().toISOString().slice(0, 10);
	const markdown = `${table(outcomes)}\n\n_\`npm run test:compat\`, ${date}._`;
	console.log(`\n[compat] ${date}\n${markdown}\n`);
	for (const outcome of outcomes) console.log(`[compat] n8n ${outcome.entry.version}: ${outcome.seconds} s, ${outcome.failed} failed`);
	const failed = outcomes.reduce((sum, outcome) => sum + outcome.failed, 0);
	if (process.argv.includes('--readme')) {
		if (failed > 0 || entries.length !== MATRIX.length) console.log('[compat] README not updated: it carries only a complete, passing matrix');
		else console.log(replaceSection('README.md', 'compat', markdown) ? '[compat] README table updated' : '[compat] README table already up to date');
	}
	process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error: Error) => {
	console.error(`[compat] ${error.message}`);
	process.exitCode = 1;
});
