/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- the README's demo: a terminal program that installs and runs n8n; never shipped (package.json "files") */
/**
 * The README's first command. On a fresh machine it installs a real n8n (2.x by default, with
 * progress; cached in .cache/n8n), builds and packs this package and installs it into n8n like a
 * user would, starts the fake Raydocs server (or uses the real API when RAYDOCS_TOKEN is set),
 * imports examples/extract-invoice-from-email.json and its credential, runs it with
 * `n8n execute`, and prints the extracted invoice as a table. Everything it started is stopped
 * before it exits.
 *
 *   node scripts/run-ts.js scripts/demo.ts
 *   RAYDOCS_TOKEN=… RAYDOCS_TEMPLATE_ID=<uuid> [RAYDOCS_BASE_URL=…] node scripts/run-ts.js scripts/demo.ts
 *   N8N_LINE=1 …   runs it in n8n 1.x instead
 *   … scripts/demo.ts --queue   runs it in queue mode: Redis (Debian's redis-server, installed when
 *                               missing and run as root), n8n main + 2 workers, the package on each;
 *                               the editor's Execute goes through Redis to a worker
 */
import { rmSync } from 'fs';
import { join } from 'path';

import { startFakeRaydocs, type FakeRaydocs } from '../tools/fake-raydocs/server';
import { installPackage } from './n8n/communityPackage';
import { EXAMPLE_CREDENTIAL, INVOICE_EXAMPLE, loadExample, prepareExample, writeExampleFiles } from './n8n/examples';
import { N8nHost, nodeItems, type ExecutionItem, type ExecutionRun } from './n8n/host';
import { ensureInstalled, linesFromEnv, N8N_HOSTS, PROJECT_ROOT } from './n8n/hosts';
import { runTracked } from './n8n/processes';
import { QueueModeN8n } from './n8n/queueMode';

const line = linesFromEnv(process.env.N8N_LINE ?? '2')[0];
const queueMode = process.argv.includes('--queue');

function step(text: string): void {
	console.log(`\n▸ ${text}`);
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const started = Date.now();
	const result = await work();
	console.log(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	return result;
}

function printTable(rows: Array<[string, unknown]>): void {
	const width = Math.max(...rows.map(([key]) => key.length));
	console.log(`  ${'field'.padEnd(width)}  value`);
	console.log(`  ${'-'.repeat(width)}  ${'-'.repeat(40)}`);
	for (const [key, value] of rows) {
		console.log(`  ${key.padEnd(width)}  ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`);
	}
}

let fake: FakeRaydocs | undefined;
let host: N8nHost | undefined;
let cluster: QueueModeN8n | undefined;

async function cleanUp(): Promise<void> {
	await cluster?.dispose();
	cluster = undefined;
	await host?.dispose();
	await fake?.close();
	fake = undefined;
}

/**
 * Queue mode: Redis, main and 2 workers; the workflow runs as the editor's Execute does, which
 * main hands to a worker through Redis (OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS). `n8n execute` would
 * run in its own process instead, so this goes through main's REST API.
 */
async function runInQueueMode(offline: boolean, credential: Parameters<N8nHost['importCredentials']>[0], templateId: string): Promise<{ items: ExecutionItem[]; n8n: N8nHost }> {
	if (line !== '2') throw new Error('--queue runs on n8n 2.x only: leave N8N_LINE unset');
	const queue = await timed('Redis started', async () => await QueueModeN8n.create({ line, purpose: 'demo-queue', workers: 2, offloadManualExecutions: true, offline }));
	cluster = queue;
	console.log(`  redis-server on 127.0.0.1:${queue.redis.port} (pid ${queue.redis.pid})`);
	step(`Installing the package into .n8n/nodes of main, ${queue.workers.map((worker) => worker.name).join(' and ')}`);
	await timed('npm pack + npm install (x3)', async () => await queue.installPackage());
	const files = writeExampleFiles(queue.main.filesDir);
	step(`Importing examples/${INVOICE_EXAMPLE} and the credential "${EXAMPLE_CREDENTIAL.name}"`);
	await timed('n8n import:credentials', async () => await queue.main.importCredentials(credential));
	const workflow = prepareExample(loadExample(INVOICE_EXAMPLE), { filesDir: queue.main.filesDir, templateId });
	await timed('n8n import:workflow', async () => await queue.main.importWorkflows([workflow]));
	step('Starting n8n main, then 2 workers (EXECUTIONS_MODE=queue)');
	await timed(`main on ${queue.main.baseUrl}, workers ready`, async () => await queue.start());
	step(`Running "${workflow.name}" from the editor's Execute (REST) on ${files.invoice.split('/').pop()}`);
	const rest = await queue.main.rest();
	const execution = await timed('executed', async () => await rest.runManually(workflow.id, 'Manual Trigger', 240_000));
	const run = { data: execution.data } as ExecutionRun;
	const error = run.data?.resultData?.error;
	if (execution.status !== 'success') {
		throw new Error(`the workflow failed${error ? `: ${error.message ?? ''}${error.description ? `\n${error.description}` : ''}` : ''}\n(n8n logs: ${queue.main.logsDir})`);
	}
	console.log(`  execution ${execution.id} ran on ${queue.workerOf(execution.id) ?? 'main'}`);
	return { items: nodeItems(run, 'Sheet Row'), n8n: queue.main };
}

/** One n8n process: `n8n execute` runs the workflow. */
async function runInOneProcess(offline: boolean, credential: Parameters<N8nHost['importCredentials']>[0], templateId: string): Promise<{ items: ExecutionItem[]; n8n: N8nHost }> {
	const n8n = await N8nHost.create({ line, purpose: 'demo', offline });
	host = n8n;
	step(`Installing the package into ${join(n8n.userFolder, '.n8n', 'nodes')}`);
	await timed('npm pack + npm install', async () => await installPackage(n8n));
	const files = writeExampleFiles(n8n.filesDir);

	step(`Importing examples/${INVOICE_EXAMPLE} and the credential "${EXAMPLE_CREDENTIAL.name}"`);
	await timed('n8n import:credentials', async () => await n8n.importCredentials(credential));
	const workflow = prepareExample(loadExample(INVOICE_EXAMPLE), { filesDir: n8n.filesDir, templateId });
	await timed('n8n import:workflow', async () => await n8n.importWorkflows([workflow]));

	step(`Running "${workflow.name}" (n8n execute --id ${workflow.id}) on ${files.invoice.split('/').pop()}`);
	const result = await timed('n8n execute', async () => await n8n.execute(workflow.id));
	const error = result.run?.data?.resultData?.error;
	if (result.code !== 0 || !result.run) {
		throw new Error(`the workflow failed${error ? `: ${error.message ?? ''}${error.description ? `\n${error.description}` : ''}` : ''}\n(n8n log: ${result.logFile})`);
	}
	return { items: nodeItems(result.run, 'Sheet Row'), n8n };
}

async function main(): Promise<void> {
	const realToken = process.env.RAYDOCS_TOKEN?.trim();
	const spec = N8N_HOSTS[line];

	step(`n8n ${spec.version} on ${spec.runtime}${queueMode ? ', queue mode' : ''}`);
	await timed('n8n is installed', async () => await ensureInstalled(line));

	step('Building the package (npm run build)');
	await timed('built', async () => {
		const build = await runTracked('npm', ['run', 'build', '--silent'], { cwd: PROJECT_ROOT, env: process.env, timeoutMs: 300_000 });
		if (build.code !== 0) throw new Error(`npm run build failed:\n${build.output.slice(-3000)}`);
	});

	let baseUrl: string;
	let templateId: string;
	if (realToken) {
		baseUrl = process.env.RAYDOCS_BASE_URL?.trim() || 'https://api.raydocs.com';
		templateId = process.env.RAYDOCS_TEMPLATE_ID?.trim() ?? '';
		if (!templateId) {
			throw new Error('RAYDOCS_TEMPLATE_ID is not set: give the UUID of one of your templates (the template\'s page in Raydocs shows it).');
		}
		step(`Raydocs API: ${baseUrl}`);
	} else {
		// Slower than the test timings so that the extraction visibly waits for parsing and the run.
		fake = await startFakeRaydocs({ timing: { parseMs: 1500, runQueuedMs: 300, runProcessingMs: 1500 } });
		baseUrl = fake.url;
		templateId = fake.state.seed!.templateId;
		step(`Fake Raydocs server: ${fake.url} (set RAYDOCS_TOKEN to use the real API)`);
	}

	const credential = [
		{
			...EXAMPLE_CREDENTIAL,
			type: 'raydocsApi',
			data: { accessToken: realToken ?? fake!.token, baseUrl, rateLimitRequests: 100, rateLimitWindowSeconds: 60 },
		},
	];
	// Offline (every connection beyond 127.0.0.1 refused) unless the real API must be reached.
	const { items: rows, n8n } = queueMode ? await runInQueueMode(!realToken, credential, templateId) : await runInOneProcess(!realToken, credential, templateId);
	for (const [index, row] of rows.entries()) {
		step(`Extracted invoice${rows.length > 1 ? ` ${index + 1} of ${rows.length}` : ''}`);
		printTable(Object.entries(row.json));
	}
	if (fake) {
		const apiCalls = fake.log.filter((entry) => entry.listener === 'api').length;
		console.log(`\n  ${apiCalls} Raydocs API requests; the file upload to storage carried no token: ${fake.state.storageAuthLeaks === 0}`);
	}
	console.log(`  n8n logs: ${n8n.logsDir}`);
	if (realToken) {
		// The instance's database holds the real token (encrypted, with the key in its config file).
		await cluster?.dispose();
		cluster = undefined;
		rmSync(n8n.userFolder, { recursive: true, force: true });
	}
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		console.error(`\n${signal}: stopping n8n and the fake server...`);
		void cleanUp().finally(() => process.exit(130));
	});
}

main()
	.then(async () => {
		const parts = [...(queueMode ? ['n8n main', 'the workers', 'Redis'] : ['n8n']), ...(fake ? ['the fake server'] : [])];
		const stopped = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]} are` : `${parts[0]} is`;
		await cleanUp();
		console.log(`\nDone: ${stopped} stopped.`);
	})
	.catch(async (error: Error) => {
		await cleanUp();
		console.error(`\nDemo failed: ${error.message}`);
		process.exit(1);
	});
