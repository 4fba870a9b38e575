/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console -- tooling that runs StrykerJS; never shipped (package.json "files") */
/**
 * Mutation testing (`npm run test:mutation`): StrykerJS makes small edits (mutants) to every shipped
 * source file (`nodes/**` and `credentials/**`) and reruns that file's direct tests (the test files
 * that mirror it, `<name>.test.ts` and `<name>.<aspect>.test.ts`; operations mirror
 * `resources/<resource>/<operation>.ts` as `test/nodes/Raydocs/<resource>/<operation>.test.ts`). A
 * mutant no test notices is a promise no test holds. Each file is measured against its own tests on
 * purpose: counting the operation suites too would rerun hundreds of tests per mutant, and a hook
 * should have a direct test (the Okta node's rule).
 *
 *   npm run test:mutation                              every file, then the score table
 *   npm run test:mutation -- nodes/Raydocs/shared/ids.ts   one file (or several)
 *   npm run test:mutation -- --readme                  every file, then the table into docs/development.md too
 *   npm run test:mutation -- --report [--readme]       the table from the last results only
 *   MUTATION_CONCURRENCY=1 npm run test:mutation ...   one test runner instead of two
 *
 * Stryker mutates the file in place (no sandbox copy, so jest's transform cache stays warm from one
 * file to the next); the original is restored when the run ends or is interrupted, and a run refuses
 * to start while a shipped file still holds Stryker's instrumentation (a killed run). Files are run
 * one after the other, never two at once in one checkout, and nothing else (jest, a build) should run
 * in the checkout meanwhile.
 *
 * A file without a function or a class (a description: fields and their routing) has no code that
 * runs after n8n loads the node, so every mutant in it would be a static one that the run ignores:
 * such a file is not run through Stryker; its mutants are counted (instrumenter only) and shown as
 * "description only".
 *
 * Results are kept per file in reports/mutation/<file>.json and reused (Stryker's incremental mode):
 * a rerun tests only mutants whose code or covering tests changed.
 */
import { spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'fs';
import { basename, dirname, join, relative } from 'path';
import * as ts from 'typescript';

import { replaceSection } from './generatedSection';
import { explainedSurvivors } from './mutationSurvivors';

const root = join(__dirname, '..');
const reportsDir = join(root, 'reports', 'mutation');
/** The goals of a full run: this score overall, and MINIMUM_FILE_SCORE for every measured file. */
const MINIMUM_SCORE = 95;
const MINIMUM_FILE_SCORE = 90;
/** What Stryker's instrumentation puts in a file it mutates: left behind only by a killed in-place run. */
const INSTRUMENTATION_MARK = 'stryMutAct_9fa48';

function typeScriptFilesUnder(dir: string): string[] {
	return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
		const path = `${dir}/${entry.name}`;
		if (entry.isDirectory()) return typeScriptFilesUnder(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

/** The files under mutation testing: every shipped source file. */
export function mutatedFiles(): string[] {
	return [...typeScriptFilesUnder('nodes'), ...typeScriptFilesUnder('credentials')].sort();
}

/**
 * Whether the file has code that runs after n8n has loaded the node: a function or a method. The rest
 * of a module runs once, when it is loaded, and so do a class's fields and constructor: n8n builds
 * each node and credential type once, at load.
 */
export function hasCodeRunAfterLoad(source: string): boolean {
	const sourceFile = ts.createSourceFile('file.ts', source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
	const found = (node: ts.Node): boolean =>
		(ts.isFunctionLike(node) && !ts.isConstructorDeclaration(node)) || (ts.forEachChild(node, found) ?? false);
	return found(sourceFile);
}

/**
 * Declarations that n8n reads on every request rather than once: the credential's `authenticate`
 * and `test` (its rules turn an HTTP status into the message a user sees). Their mutants are static
 * (the credential type is built at load), so for these files Stryker runs them too, each with the
 * file's direct tests and the mutant active from module load (jest loads the modules anew for every
 * run, so that costs no more than any other mutant).
 */
export const STATIC_MUTANTS_SCORED = ['credentials/RaydocsApi.credentials.ts'];

/** The directory of a file's mirror in test/: `resources/<resource>/` is mirrored as `<resource>/`. */
function testDirOf(file: string): string {
	return join('test', dirname(file).replace(/^nodes\/Raydocs\/resources\//, 'nodes/Raydocs/'));
}

/** The test files that mirror a source file: `<name>.test.ts` and `<name>.<aspect>.test.ts` in its test directory. */
export function directTests(file: string): string[] {
	const testDir = join(root, testDirOf(file));
	const name = basename(file, '.ts');
	if (!existsSync(testDir)) return [];
	return readdirSync(testDir)
		.filter((candidate) => candidate === `${name}.test.ts` || (candidate.startsWith(`${name}.`) && candidate.endsWith('.test.ts')))
		.map((candidate) => relative(root, join(testDir, candidate)));
}

const resultFile = (file: string) => join(reportsDir, `${file.replace(/\//g, '__')}.json`);
const descriptionResultFile = (file: string) => join(reportsDir, `${file.replace(/\//g, '__')}.description.json`);

/** Refuses to run while a shipped file still holds Stryker's instrumentation (an in-place run that was killed). */
function instrumentedLeftovers(): string[] {
	return mutatedFiles().filter((file) => readFileSync(join(root, file), 'utf8').includes(INSTRUMENTATION_MARK));
}

function runStryker(file: string): boolean {
	const tests = directTests(file);
	if (tests.length === 0) {
		console.log(`${file}: no direct test file (${testDirOf(file)}/${basename(file, '.ts')}.test.ts), not measured`);
		rmSync(resultFile(file), { force: true });
		return false;
	}
	rmSync(descriptionResultFile(file), { force: true });
	const result = spawnSync(
		process.execPath,
		[
			join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js'),
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
			// The jest config for mutation runs reads which tests to run from here; stryker.config.mjs
			// whether static mutants count.
			env: {
				...process.env,
				MUTATION_TESTS: tests.join(','),
				MUTATION_STATIC: STATIC_MUTANTS_SCORED.includes(file) ? 'scored' : 'ignored',
			},
		},
	);
	return result.status === 0;
}

interface CountedMutant {
	mutatorName: string;
	ignoreReason?: string;
}

/** A description-only file: its mutants, counted by Stryker's instrumenter without running anything. */
async function countDescriptionMutants(file: string): Promise<void> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for this step
	const { Instrumenter } = require('@stryker-mutator/instrumenter') as {
		Instrumenter: new (logger: unknown) => {
			instrument(
				files: Array<{ name: string; content: string; mutate: boolean }>,
				options: { plugins: null; excludedMutations: string[]; ignorers: never[] },
			): Promise<{ mutants: CountedMutant[] }>;
		};
	};
	const quiet = () => false;
	const logger = { isDebugEnabled: quiet, isTraceEnabled: quiet, debug() {}, info() {}, warn() {}, error() {}, trace() {} };
	const { mutants } = await new Instrumenter(logger).instrument(
		[{ name: file, content: readFileSync(join(root, file), 'utf8'), mutate: true }],
		{ plugins: null, excludedMutations: ['StringLiteral'], ignorers: [] },
	);
	rmSync(resultFile(file), { force: true });
	writeFileSync(descriptionResultFile(file), JSON.stringify({ descriptionOnly: true, mutants: mutants.length }));
}

interface FileScore {
	killed: number;
	survived: number;
	ignored: number;
	score: number | undefined;
	descriptionOnly: boolean;
	survivors: Survivor[];
}

/** A mutant no direct test noticed: where, what the code was and what Stryker made of it. */
export interface Survivor {
	line: number;
	mutatorName: string;
	original: string;
	replacement: string;
}

interface ReportedMutant {
	status: string;
	mutatorName: string;
	replacement: string;
	location: { start: { line: number; column: number }; end: { line: number; column: number } };
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const oneLine = (code: string) => code.replace(/\s+/g, ' ').trim();

/** The source text a mutant replaced (Stryker's lines count from 1, its columns from 1). */
function originalCode(source: string, { start, end }: ReportedMutant['location']): string {
	const lines = source.split('\n');
	if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
	return [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join('\n');
}

export function scoreOf(file: string): FileScore | undefined {
	if (existsSync(descriptionResultFile(file))) {
		const { mutants } = JSON.parse(readFileSync(descriptionResultFile(file), 'utf8')) as { mutants: number };
		return { killed: 0, survived: 0, ignored: mutants, score: undefined, descriptionOnly: true, survivors: [] };
	}
	if (!existsSync(resultFile(file))) return undefined;
	const report = JSON.parse(readFileSync(resultFile(file), 'utf8')) as {
		files: Record<string, { source: string; mutants: ReportedMutant[] }>;
	};
	const entries = Object.entries(report.files).filter(([path]) => path.endsWith(file));
	const mutants = entries.flatMap(([, entry]) => entry.mutants);
	const killed = mutants.filter((mutant) => DETECTED.has(mutant.status)).length;
	const survivors = entries.flatMap(([, entry]) =>
		entry.mutants
			.filter((mutant) => UNDETECTED.has(mutant.status))
			.map((mutant) => ({
				line: mutant.location.start.line,
				mutatorName: mutant.mutatorName,
				original: oneLine(originalCode(entry.source, mutant.location)),
				replacement: oneLine(mutant.replacement),
			})),
	);
	const survived = survivors.length;
	const ignored = mutants.length - killed - survived;
	return {
		killed,
		survived,
		ignored,
		score: killed + survived === 0 ? undefined : (100 * killed) / (killed + survived),
		descriptionOnly: false,
		survivors: survivors.sort((a, b) => a.line - b.line),
	};
}

const shorten = (code: string) => (code.length > 60 ? `${code.slice(0, 57)}...` : code);
const inlineCode = (code: string) => `\`${shorten(code).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;

/** Why a survivor survives, from scripts/mutationSurvivors.ts; undefined when nobody explained it yet. */
export function explanationOf(file: string, survivor: Survivor): string | undefined {
	return explainedSurvivors[file]?.find(
		(explained) => oneLine(explained.original) === survivor.original && oneLine(explained.replacement) === survivor.replacement,
	)?.why;
}

/**
 * Explanations in scripts/mutationSurvivors.ts that no survivor of a measured file matches any more:
 * the code changed, a test now kills the mutant, or the mutant timed out this time. Printed so that
 * a reason does not outlive its survivor, and so that a survivor that only timed out is noticed.
 */
export function unmatchedExplanations(files: string[]): string[] {
	return files.flatMap((file) => {
		const score = scoreOf(file);
		if (!score || score.descriptionOnly) return [];
		return (explainedSurvivors[file] ?? [])
			.filter(
				(explained) =>
					!score.survivors.some(
						(survivor) => oneLine(explained.original) === survivor.original && oneLine(explained.replacement) === survivor.replacement,
					),
			)
			.map((explained) => `${file}: \`${explained.original}\` → \`${explained.replacement}\``);
	});
}

export function scoreTable(files: string[]): { markdown: string; total: number | undefined; unexplained: number } {
	const lines = [
		'| File | Detected | Survived | Not scored (run at load, strings, or invalid) | Score | Survivors: why they survive |',
		'|---|---|---|---|---|---|',
	];
	let killed = 0;
	let survived = 0;
	let unexplained = 0;
	for (const file of files) {
		const score = scoreOf(file);
		if (!score) {
			lines.push(`| \`${file}\` | not measured | | | | |`);
			continue;
		}
		if (score.descriptionOnly) {
			lines.push(`| \`${file}\` | 0 | 0 | ${score.ignored} | n/a: declaration only | |`);
			continue;
		}
		killed += score.killed;
		survived += score.survived;
		const shown = score.score === undefined ? 'n/a: runs only at load' : `${score.score.toFixed(1)}%`;
		const why = score.survivors.map((survivor) => {
			const explanation = explanationOf(file, survivor);
			if (!explanation) unexplained++;
			return `line ${survivor.line} ${inlineCode(survivor.original)} → ${inlineCode(survivor.replacement)}: ${explanation ?? '**not explained**'}`;
		});
		lines.push(`| \`${file}\` | ${score.killed} | ${score.survived} | ${score.ignored} | ${shown} | ${why.join('<br>')} |`);
	}
	const total = killed + survived === 0 ? undefined : (100 * killed) / (killed + survived);
	lines.push(`| **All** | **${killed}** | **${survived}** | | **${total === undefined ? 'n/a' : `${total.toFixed(1)}%`}** | |`);
	return { markdown: lines.join('\n'), total, unexplained };
}

const minutes = (ms: number) => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const reportOnly = args.includes('--report');
	const chosen = args.filter((arg) => !arg.startsWith('--'));
	const files = chosen.length > 0 ? chosen : mutatedFiles();
	let failed = false;
	if (!reportOnly) {
		const leftovers = instrumentedLeftovers();
		if (leftovers.length > 0) {
			console.error(
				`Stryker's instrumentation is still in ${leftovers.join(', ')} (an in-place run was killed): restore the file(s) from git or .stryker-tmp/ first.`,
			);
			process.exitCode = 1;
			return;
		}
		mkdirSync(reportsDir, { recursive: true });
		const started = Date.now();
		for (const file of files) {
			const fileStarted = Date.now();
			if (STATIC_MUTANTS_SCORED.includes(file) || hasCodeRunAfterLoad(readFileSync(join(root, file), 'utf8'))) {
				failed = !runStryker(file) || failed;
			}
			else await countDescriptionMutants(file);
			console.log(`[mutation] ${file}: ${minutes(Date.now() - fileStarted)}`);
		}
		console.log(`[mutation] ${files.length} file(s) in ${minutes(Date.now() - started)}`);
	}
	const { markdown, total, unexplained } = scoreTable(chosen.length > 0 ? files : mutatedFiles());
	console.log(`\n${markdown}\n`);
	if (args.includes('--readme')) replaceSection('docs/development.md', 'mutation-score', markdown);
	const shown = chosen.length > 0 ? files : mutatedFiles();
	const belowFileScore = shown.filter((file) => {
		const score = scoreOf(file)?.score;
		return score !== undefined && score < MINIMUM_FILE_SCORE;
	});
	if (failed) process.exitCode = 1;
	else if (chosen.length === 0 && (total === undefined || total < MINIMUM_SCORE)) {
		console.log(`Mutation score below ${MINIMUM_SCORE}%.`);
		process.exitCode = 1;
	}
	if (belowFileScore.length > 0) {
		console.log(`Below ${MINIMUM_FILE_SCORE}% for the file: ${belowFileScore.join(', ')}.`);
		process.exitCode = 1;
	}
	if (unexplained > 0) console.log(`${unexplained} survivor(s) not explained yet: add why to scripts/mutationSurvivors.ts.`);
	const unmatched = unmatchedExplanations(shown);
	if (unmatched.length > 0) {
		console.log(`Explained in scripts/mutationSurvivors.ts but no longer surviving (killed, timed out, or the code changed):\n${unmatched.join('\n')}`);
	}
}

if (process.argv[1]?.endsWith('mutation.ts')) void main();
