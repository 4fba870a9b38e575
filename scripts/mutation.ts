/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console -- tooling that runs StrykerJS; never shipped (package.json "files") */
/**
 * Mutation testing (`npm run test:mutation`): StrykerJS makes small edits (mutants) to each file of
 * `nodes/**\/shared` and the trigger's polling and state code, and reruns that file's direct unit
 * tests (the test files that mirror it, `<name>.test.ts` and `<name>.<aspect>.test.ts`). A mutant no
 * test notices is a promise no test holds. Each file is measured against its own tests on purpose:
 * counting the operation suites too would rerun hundreds of tests per mutant, and a hook should have
 * a direct test (the Okta node's rule).
 *
 *   npm run test:mutation                              every file, then the score table
 *   npm run test:mutation -- nodes/Raydocs/shared/ids.ts   one file (or several)
 *   npm run test:mutation -- --readme                  every file, then the table into docs/development.md too
 *   npm run test:mutation -- --report [--readme]       the table from the last results only
 *   MUTATION_CONCURRENCY=1 npm run test:mutation ...   one test runner instead of two
 *
 * Results are kept per file in reports/mutation/<file>.json and reused (Stryker's incremental mode):
 * a rerun tests only mutants whose code or covering tests changed.
 */
import { spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { basename, dirname, join, relative } from 'path';

import { replaceSection } from './generatedSection';

const root = join(__dirname, '..');
const reportsDir = join(root, 'reports', 'mutation');
const MINIMUM_SCORE = 85;

/** The files under mutation testing. */
export function mutatedFiles(): string[] {
	const shared = readdirSync(join(root, 'nodes/Raydocs/shared'))
		.filter((name) => name.endsWith('.ts'))
		.map((name) => `nodes/Raydocs/shared/${name}`);
	const trigger = ['extractionState.ts', 'pollBudget.ts', 'pollExtractionCompleted.ts', 'pollWorkflowRunCompleted.ts'].map(
		(name) => `nodes/RaydocsTrigger/${name}`,
	);
	return [...shared, ...trigger].sort();
}

/** The test files that mirror a source file: `test/<dir>/<name>.test.ts` and `<name>.<aspect>.test.ts`. */
export function directTests(file: string): string[] {
	const testDir = join(root, 'test', dirname(file));
	const name = basename(file, '.ts');
	if (!existsSync(testDir)) return [];
	return readdirSync(testDir)
		.filter((candidate) => candidate === `${name}.test.ts` || (candidate.startsWith(`${name}.`) && candidate.endsWith('.test.ts')))
		.map((candidate) => relative(root, join(testDir, candidate)));
}

const resultFile = (file: string) => join(reportsDir, `${file.replace(/\//g, '__')}.json`);

function runStryker(file: string): boolean {
	const tests = directTests(file);
	if (tests.length === 0) {
		console.log(`${file}: no direct test file (test/${file.replace(/\.ts$/, '.test.ts')}), not measured`);
		return false;
	}
	const result = spawnSync(
		'npx',
		[
			'stryker',
			'run',
			'--mutate',
			file,
			'--incrementalFile',
			relative(root, resultFile(file)),
			...(process.env.MUTATION_CONCURRENCY ? ['--concurrency', process.env.MUTATION_CONCURRENCY] : []),
		],
		{
			cwd: root,
			stdio: 'inherit',
			// The jest config for mutation runs reads which tests to run from here.
			env: { ...process.env, MUTATION_TESTS: tests.join(',') },
		},
	);
	return result.status === 0;
}

interface FileScore {
	killed: number;
	survived: number;
	ignored: number;
	score: number | undefined;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

export function scoreOf(file: string): FileScore | undefined {
	if (!existsSync(resultFile(file))) return undefined;
	const report = JSON.parse(readFileSync(resultFile(file), 'utf8')) as {
		files: Record<string, { mutants: Array<{ status: string }> }>;
	};
	const mutants = Object.entries(report.files)
		.filter(([path]) => path.endsWith(file))
		.flatMap(([, entry]) => entry.mutants);
	const killed = mutants.filter((mutant) => DETECTED.has(mutant.status)).length;
	const survived = mutants.filter((mutant) => UNDETECTED.has(mutant.status)).length;
	const ignored = mutants.length - killed - survived;
	return { killed, survived, ignored, score: killed + survived === 0 ? undefined : (100 * killed) / (killed + survived) };
}

export function scoreTable(files: string[]): { markdown: string; total: number | undefined } {
	const lines = ['| File | Detected | Survived | Not scored (run at load, or invalid) | Score |', '|---|---|---|---|---|'];
	let killed = 0;
	let survived = 0;
	for (const file of files) {
		const score = scoreOf(file);
		if (!score) {
			lines.push(`| \`${file}\` | not measured | | | |`);
			continue;
		}
		killed += score.killed;
		survived += score.survived;
		const shown = score.score === undefined ? 'n/a' : `${score.score.toFixed(1)}%`;
		lines.push(`| \`${file}\` | ${score.killed} | ${score.survived} | ${score.ignored} | ${shown} |`);
	}
	const total = killed + survived === 0 ? undefined : (100 * killed) / (killed + survived);
	lines.push(`| **All** | **${killed}** | **${survived}** | | **${total === undefined ? 'n/a' : `${total.toFixed(1)}%`}** |`);
	return { markdown: lines.join('\n'), total };
}

function main(): void {
	const args = process.argv.slice(2);
	const reportOnly = args.includes('--report');
	const chosen = args.filter((arg) => !arg.startsWith('--'));
	const files = chosen.length > 0 ? chosen : mutatedFiles();
	let failed = false;
	if (!reportOnly) for (const file of files) failed = !runStryker(file) || failed;
	const { markdown, total } = scoreTable(chosen.length > 0 ? files : mutatedFiles());
	console.log(`\n${markdown}\n`);
	if (args.includes('--readme')) replaceSection('docs/development.md', 'mutation-score', markdown);
	if (failed) process.exitCode = 1;
	else if (chosen.length === 0 && (total === undefined || total < MINIMUM_SCORE)) {
		console.log(`Mutation score below ${MINIMUM_SCORE}%.`);
		process.exitCode = 1;
	}
}

if (process.argv[1]?.endsWith('mutation.ts')) main();
