/**
 * `npm run scan:package`: the package as npm would publish it, checked the way n8n checks community
 * packages before verifying them. n8n's scanner (@n8n/scan-community-package) only takes a name on
 * the npm registry, and needs its provenance; its lint step is exported, so it runs here on:
 *   1. the packed tarball (compiled .js and package.json, like the scanner's tarball leg),
 *   2. the sources (package.json, nodes/ and credentials/, like the scanner's source leg),
 * and the tarball must hold only what users need (see FORBIDDEN).
 *
 *   node scripts/scanPackage.mjs             pack the built project (run `npm run build` first)
 *   node scripts/scanPackage.mjs <dir|.tgz>  check an unpacked package folder or a tarball
 * Prints one JSON line {passed, files, problems} last; exits 1 when anything fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// eslint-plugin-n8n-nodes-base checks fake file names when NODE_ENV is "test" (jest sets it).
if (process.env.NODE_ENV === 'test') process.env.NODE_ENV = 'production';
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import('@n8n/scan-community-package/scanner/scanner.mjs');

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What a user's n8n never needs; source maps would point stack traces at .ts files not shipped. */
const FORBIDDEN = [
	{ pattern: /^dist\/package\.json$/, why: 'a copy of package.json inside dist/' },
	{ pattern: /\.map$/, why: 'a source map (its .ts sources are not shipped)' },
	{ pattern: /\.ts$/, why: 'TypeScript source or declarations' },
	{ pattern: /(^|\/)(test|tests|__tests__|bench|scripts|examples|\.cache)\//, why: 'tests, benches or tooling' },
	{ pattern: /\.tgz$|\.tsbuildinfo$/, why: 'a build leftover' },
];

function listFiles(dir) {
	return readdirSync(dir, { recursive: true })
		.map((entry) => String(entry))
		.filter((entry) => statSync(join(dir, entry)).isFile())
		.map((entry) => entry.split('\\').join('/'))
		.sort();
}

function unpack(tarball, into) {
	execFileSync('tar', ['-xzf', tarball, '-C', into]);
	return join(into, 'package');
}

function packProject(into) {
	if (!existsSync(join(projectRoot, 'dist'))) throw new Error('dist/ is missing: run npm run build first');
	const output = execFileSync('npm', ['pack', '--ignore-scripts', '--loglevel=error', '--pack-destination', into], {
		cwd: projectRoot,
		encoding: 'utf8',
	});
	return join(into, output.trim().split('\n').pop().trim());
}

export async function scanPackage(target) {
	const work = mkdtempSync(join(tmpdir(), 'raydocs-scan-'));
	try {
		let packageDir;
		if (!target) packageDir = unpack(packProject(work), work);
		else if (target.endsWith('.tgz')) packageDir = unpack(resolve(target), work);
		else packageDir = resolve(target);

		const files = listFiles(packageDir);
		const problems = [];
		for (const file of files) {
			const rule = FORBIDDEN.find(({ pattern }) => pattern.test(file));
			if (rule) problems.push(`${file}: ${rule.why}`);
		}
		const legs = [
			['packed package', await analyzePackage(packageDir, ['**/*.js', 'package.json'])],
			['sources', await analyzePackage(projectRoot, SOURCE_FILE_PATTERNS)],
		];
		for (const [leg, result] of legs) {
			if (!result.passed) problems.push(`n8n's community-package scan of the ${leg}: ${result.message}\n${result.details ?? ''}`);
		}
		return { passed: problems.length === 0, files, problems, packageDir: relative(work, packageDir) };
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const result = await scanPackage(process.argv[2]);
	console.log(
		result.passed
			? `[scan] ${result.files.length} files in the package; n8n's community-package checks passed`
			: `[scan] FAILED:\n${result.problems.join('\n')}`,
	);
	console.log(JSON.stringify({ passed: result.passed, files: result.files, problems: result.problems }));
	process.exit(result.passed ? 0 : 1);
}
