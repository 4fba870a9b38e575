/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- the command-line entry point of the test server talks to the terminal and the process */
/**
 * Standalone fake Raydocs: `node scripts/run-ts.js tools/fake-raydocs/cli.ts [options]`.
 * Prints the API URL, the storage URL and a full-ability token, then serves until SIGINT/SIGTERM.
 */
import { DEFAULT_VARIANTS, startFakeRaydocs } from './server';
import type { FakeRaydocsOptions, Timing, Variants } from './server';

const USAGE = `Usage: node scripts/run-ts.js tools/fake-raydocs/cli.ts [options]

  --port N               API port (env FAKE_RAYDOCS_PORT; default 0 = any free port)
  --storage-port N       fake S3 port (env FAKE_RAYDOCS_STORAGE_PORT; default 0)
  --rate-limit N|off     requests per window per IP (env FAKE_RAYDOCS_RATE_LIMIT; default 100)
  --rate-window-ms N     rate-limit window (env FAKE_RAYDOCS_RATE_WINDOW_MS; default 60000)
  --parse-ms N           document parsing time (env FAKE_RAYDOCS_PARSE_MS; default 2000)
  --run-queued-ms N      run queued time (env FAKE_RAYDOCS_RUN_QUEUED_MS; default 500)
  --run-processing-ms N  run processing time (env FAKE_RAYDOCS_RUN_PROCESSING_MS; default 2000)
  --batch-start-ms N     batch session start delay (env FAKE_RAYDOCS_BATCH_START_MS; default 500)
  --signed-url-ttl-ms N  upload URL lifetime (env FAKE_RAYDOCS_SIGNED_URL_TTL_MS; default 300000)
  --variant key=value    documentation-generation variant, repeatable (e.g. workspacesList=array)
  --no-seed              no demo workspace/template (the token's user still exists)
  --verbose              print one line per request (tokens are never printed in it)
  --help`;

function fail(message: string): never {
	console.error(`${message}\n\n${USAGE}`);
	process.exit(2);
}

function integer(name: string, text: string | undefined): number | undefined {
	if (text === undefined || text === '') return undefined;
	if (!/^\d+$/.test(text)) fail(`${name} must be a non-negative integer, got "${text}"`);
	return Number(text);
}

function parseVariant(assignment: string, variants: Partial<Variants>): void {
	const [key, ...rest] = assignment.split('=');
	const raw = rest.join('=');
	if (!(key in DEFAULT_VARIANTS) || raw === '')
		fail(`unknown variant "${assignment}"; known: ${Object.keys(DEFAULT_VARIANTS).join(', ')}`);
	const expected = typeof DEFAULT_VARIANTS[key as keyof Variants];
	const value = expected === 'boolean' ? raw === 'true' : expected === 'number' ? Number(raw) : raw;
	(variants as Record<string, unknown>)[key] = value;
}

function parseArguments(argv: string[]): { options: FakeRaydocsOptions; verbose: boolean } {
	const env = process.env;
	const flags = new Map<string, string>();
	const variants: Partial<Variants> = {};
	let seed = true;
	let verbose = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') {
			console.log(USAGE);
			process.exit(0);
		}
		if (arg === '--no-seed') seed = false;
		else if (arg === '--verbose') verbose = true;
		else if (arg.startsWith('--')) {
			const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
			const value = inline ?? argv[++i];
			if (value === undefined) fail(`missing value for --${name}`);
			if (name === 'variant') parseVariant(value, variants);
			else flags.set(name, value);
		} else fail(`unexpected argument "${arg}"`);
	}
	const known = [
		'port',
		'storage-port',
		'rate-limit',
		'rate-window-ms',
		'parse-ms',
		'run-queued-ms',
		'run-processing-ms',
		'batch-start-ms',
		'signed-url-ttl-ms',
	];
	for (const name of flags.keys()) if (!known.includes(name)) fail(`unknown option --${name}`);
	const pick = (flag: string, envName: string): string | undefined =>
		flags.get(flag) ?? env[envName];

	const rateLimitText = pick('rate-limit', 'FAKE_RAYDOCS_RATE_LIMIT');
	const windowMs =
		integer('--rate-window-ms', pick('rate-window-ms', 'FAKE_RAYDOCS_RATE_WINDOW_MS')) ?? 60_000;
	const rateLimit =
		rateLimitText === 'off'
			? false
			: { limit: integer('--rate-limit', rateLimitText) ?? 100, windowMs };
	const timing: Timing = {
		parseMs: integer('--parse-ms', pick('parse-ms', 'FAKE_RAYDOCS_PARSE_MS')) ?? 2000,
		runQueuedMs:
			integer('--run-queued-ms', pick('run-queued-ms', 'FAKE_RAYDOCS_RUN_QUEUED_MS')) ?? 500,
		runProcessingMs:
			integer('--run-processing-ms', pick('run-processing-ms', 'FAKE_RAYDOCS_RUN_PROCESSING_MS')) ??
			2000,
		batchSessionStartMs:
			integer('--batch-start-ms', pick('batch-start-ms', 'FAKE_RAYDOCS_BATCH_START_MS')) ?? 500,
	};
	return {
		verbose,
		options: {
			port: integer('--port', pick('port', 'FAKE_RAYDOCS_PORT')) ?? 0,
			storagePort:
				integer('--storage-port', pick('storage-port', 'FAKE_RAYDOCS_STORAGE_PORT')) ?? 0,
			rateLimit,
			timing,
			variants,
			seed,
			signedUrlTtlMs: integer(
				'--signed-url-ttl-ms',
				pick('signed-url-ttl-ms', 'FAKE_RAYDOCS_SIGNED_URL_TTL_MS'),
			),
		},
	};
}

async function main(): Promise<void> {
	// Output piped into e.g. `head` may close early; the server should keep running regardless.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code !== 'EPIPE') throw error;
	});
	const { options, verbose } = parseArguments(process.argv.slice(2));
	const fake = await startFakeRaydocs(options);
	const seed = fake.state.seed;
	const template = seed ? fake.state.templates.get(seed.templateId) : undefined;
	const workspace = seed ? fake.state.workspaces.get(seed.workspaceId) : undefined;
	console.log(`Fake Raydocs API:   ${fake.url}`);
	console.log(`Fake storage (S3):  ${fake.storageUrl}`);
	console.log(`Access token (every ability, label "full"): ${fake.token}`);
	if (workspace && template) {
		console.log(
			`Seeded workspace:   ${workspace.id} "${workspace.name}" (user 1, Ada Admin <ada@example.com>, admin)`,
		);
		console.log(`Seeded template:    ${template.id} "${template.name}"`);
	}
	console.log('Press Ctrl+C to stop.');

	let printed = 0;
	const printer = verbose
		? setInterval(() => {
				for (const entry of fake.log.slice(printed)) {
					if (entry.status === 0 && entry.fault !== 'drop') break; // still in flight
					const label = entry.tokenLabel
						? ` [${entry.tokenLabel}]`
						: entry.hasAuthorization
							? ' [unknown token]'
							: '';
					console.log(
						`${new Date(entry.at).toISOString()} ${entry.listener} ${entry.method} ${entry.path} → ${entry.status}${label}`,
					);
					printed += 1;
				}
			}, 200)
		: undefined;

	let stopping = false;
	const stop = (signal: string): void => {
		if (stopping) return;
		stopping = true;
		if (printer) clearInterval(printer);
		console.log(`\n${signal} received, stopping.`);
		void fake.close().then(() => process.exit(0));
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
