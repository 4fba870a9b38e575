/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- a benchmark script run with Node, never shipped */
/**
 * One request budget shared by a queue-mode n8n: main + 2 workers on one host (one IP address),
 * each running a 100-file Raydocs → Extraction Batch → Extract Many job at the same moment, against the fake
 * Raydocs server's per-IP limit; then the same job in one process alone. The limit is scaled from
 * 100 requests per 60 s to 100 per 6 s (the credential is set to match), processing to under a
 * second, so a run takes about a minute.
 *
 * Jobs reach the processes the way they do in production: the workers take webhook executions from
 * Redis (concurrency 1 each, so the two jobs land on different workers), main runs the editor's
 * manual run (manual runs stay on main unless OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS is set).
 *
 *   npm run bench:queue                       this package
 *   BENCH_QUEUE_PACKAGE=/path/to/n8n-nodes-raydocs-x.tgz npm run bench:queue   another build of it
 *   BENCH_QUEUE_REQUESTS=33 npm run bench:queue   the credential's Rate Limit (Requests), e.g. 100 / 3
 *   BENCH_QUEUE_OPERATION=extractDocument npm run bench:queue   Extraction → Extract Document per file
 *                                             (5 requests per document instead of about 2)
 */
import { join } from 'path';

import { installIntoUserFolder, packProject } from '../scripts/n8n/communityPackage';
import type { WorkflowJson } from '../scripts/n8n/host';
import { ensureInstalled } from '../scripts/n8n/hosts';
import { sleep } from '../scripts/n8n/processes';
import { QueueModeN8n } from '../scripts/n8n/queueMode';
import type { FinishedExecution, N8nRest } from '../scripts/n8n/rest';
import { chainWorkflow, raydocsNode, readFilesNode } from '../test/e2e/workflows';
import type { FakeRaydocs } from '../tools/fake-raydocs/server';
import { apiEntries, assertNothingLeft, BENCH_LINE, extractFilesParameters, printTable, RAYDOCS_CREDENTIAL, spanMs, writeDistinctPdfs } from './realN8n';
import { runBench, withFake } from './setUp';

const DOCUMENTS = 100;
const RATE_LIMIT = { limit: 100, windowMs: 6_000 };
const CEILING = RATE_LIMIT.limit / (RATE_LIMIT.windowMs / 1000);
const CREDENTIAL_REQUESTS = Number(process.env.BENCH_QUEUE_REQUESTS ?? RATE_LIMIT.limit);
const FAKE_TIMING = { parseMs: 200, runQueuedMs: 100, runProcessingMs: 300, batchSessionStartMs: 50 };
const JOB_TIMEOUT_MS = 300_000;
const OPERATION = process.env.BENCH_QUEUE_OPERATION === 'extractDocument' ? 'extractDocument' : 'batchExtract';
const OPERATION_LABEL = OPERATION === 'batchExtract' ? 'Extraction Batch → Extract Many' : 'Extraction → Extract Document';

interface Job {
	workflow: WorkflowJson;
	/** 'webhook' jobs go to the workers through Redis, 'manual' ones run on main. */
	start: 'webhook' | 'manual';
}

interface JobResult {
	execution: FinishedExecution;
	process: string;
	extracted: number;
	surfaced: number;
	seconds: number;
}

interface Measured {
	label: string;
	jobs: JobResult[];
	accepted: number;
	limited: number;
	spanSeconds: number;
}

/** Read 100 files → Extract Many (or Extract Document), started by a webhook or by the editor's Execute. */
function extractManyJob(cluster: QueueModeN8n, fake: FakeRaydocs, id: string, start: Job['start']): Job {
	const dir = join(cluster.main.filesDir, id);
	writeDistinctPdfs(dir, DOCUMENTS, id);
	const workflow = chainWorkflow(id, [
		readFilesNode('Read Files', `${dir}/*.pdf`),
		raydocsNode('Extract', RAYDOCS_CREDENTIAL, extractFilesParameters(fake, OPERATION, { checkInterval: 1, timeout: 240 })),
	]);
	if (start === 'webhook') {
		workflow.connections = { Webhook: workflow.connections['Manual Trigger'], ...workflow.connections };
		delete workflow.connections['Manual Trigger'];
		workflow.nodes[0] = {
			...workflow.nodes[0],
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: workflow.nodes[0].id,
			parameters: { httpMethod: 'POST', path: id, responseMode: 'onReceived', options: {} },
		};
	}
	return { workflow, start };
}

async function finishedExecution(rest: N8nRest, workflowId: string): Promise<FinishedExecution> {
	const deadline = Date.now() + JOB_TIMEOUT_MS;
	while (Date.now() < deadline) {
		const [id] = await rest.executionIds(workflowId);
		const execution = id ? await rest.execution(id) : undefined;
		if (execution) return execution;
		await sleep(1000);
	}
	throw new Error(`the execution of ${workflowId} did not finish within ${JOB_TIMEOUT_MS / 1000} s`);
}

async function runJob(cluster: QueueModeN8n, rest: N8nRest, job: Job): Promise<JobResult> {
	const started = Date.now();
	let execution: FinishedExecution;
	if (job.start === 'manual') {
		execution = await rest.runManually(job.workflow.id, 'Manual Trigger', JOB_TIMEOUT_MS);
	} else {
		const response = await fetch(`${cluster.main.baseUrl}/webhook/${job.workflow.id}`, { method: 'POST', signal: AbortSignal.timeout(30_000) });
		if (!response.ok) throw new Error(`webhook ${job.workflow.id} answered ${response.status}: ${await response.text()}`);
		execution = await finishedExecution(rest, job.workflow.id);
	}
	const data = execution.data as { resultData?: { error?: { message?: string }; runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
	const items = data.resultData?.runData?.Extract?.[0]?.data?.main?.[0] ?? [];
	return {
		execution,
		process: cluster.workerOf(execution.id) ?? 'main',
		extracted: items.filter((item) => item.json.status === 'completed').length,
		surfaced: items.filter((item) => Boolean(item.json.error)).length + (data.resultData?.error ? 1 : 0),
		seconds: (Date.now() - started) / 1000,
	};
}

async function measure(label: string, fake: FakeRaydocs, run: () => Promise<JobResult[]>): Promise<Measured> {
	fake.clearLog();
	fake.resetRateLimit();
	const jobs = await run();
	const api = apiEntries(fake);
	const counts = fake.rateLimitCounts();
	const measured = { label, jobs, accepted: counts.allowed, limited: counts.refused, spanSeconds: spanMs(api) / 1000 };
	const first = api[0]?.at ?? 0;
	const refusedAt = api.filter((entry) => entry.rateLimited).map((entry) => ((entry.at - first) / 1000).toFixed(1));
	if (refusedAt.length) console.error(`[bench] 429s at (s after the first request): ${refusedAt.join(' ')}`);
	console.error(`[bench] ${label}: ${jobs.map((job) => `${job.process} ${job.extracted}/${DOCUMENTS} in ${job.seconds.toFixed(1)} s`).join(', ')}; ${measured.limited} 429s`);
	return measured;
}

async function main(): Promise<void> {
	await ensureInstalled(BENCH_LINE);
	const { cluster, results, packageLabel } = await withFake({ timing: FAKE_TIMING, rateLimit: RATE_LIMIT }, async (fake) => {
		const cluster = await QueueModeN8n.create({ line: BENCH_LINE, purpose: 'bench-queue', workers: 2, workerConcurrency: 1, offloadManualExecutions: false });
		try {
			return { cluster, ...(await measureBoth(cluster, fake)) };
		} finally {
			await cluster.dispose();
		}
	});
	assertNothingLeft(cluster.main);
	printResults(cluster, results, packageLabel);
}

/** Installs the package in main and both workers, then runs the jobs together and one alone. */
async function measureBoth(cluster: QueueModeN8n, fake: FakeRaydocs): Promise<{ results: Measured[]; packageLabel: string }> {
	const results: Measured[] = [];
	let packageLabel = 'this checkout';
	const tarball = process.env.BENCH_QUEUE_PACKAGE ?? (await packProject(join(cluster.main.runDir, 'pack')));
	if (process.env.BENCH_QUEUE_PACKAGE) packageLabel = tarball;
	for (const userFolder of [cluster.main.userFolder, ...cluster.workers.map((worker) => worker.userFolder)]) {
		await installIntoUserFolder(userFolder, tarball, join(cluster.main.logsDir, 'npm-install-package.log'));
	}
	await cluster.main.importCredentials([
		{
			...RAYDOCS_CREDENTIAL,
			type: 'raydocsApi',
			data: { accessToken: fake.token, baseUrl: fake.url, rateLimitRequests: CREDENTIAL_REQUESTS, rateLimitWindowSeconds: RATE_LIMIT.windowMs / 1000 },
		},
	]);
	const together = [
		extractManyJob(cluster, fake, 'rdBenchQueueMain', 'manual'),
		extractManyJob(cluster, fake, 'rdBenchQueueWk1', 'webhook'),
		extractManyJob(cluster, fake, 'rdBenchQueueWk2', 'webhook'),
	];
	const alone = extractManyJob(cluster, fake, 'rdBenchQueueOne', 'manual');
	await cluster.main.importWorkflows([...together, alone].map((job) => job.workflow));
	for (const job of together.filter((each) => each.start === 'webhook')) await cluster.main.activate(job.workflow.id);
	await cluster.start();
	const rest = await cluster.main.rest();
	results.push(
		await measure('main + 2 workers, a 100-file job each at once', fake, async () => await Promise.all(together.map(async (job) => await runJob(cluster, rest, job)))),
	);
	results.push(await measure('one process alone (main), one 100-file job', fake, async () => [await runJob(cluster, rest, alone)]));
	return { results, packageLabel };
}

function printResults(cluster: QueueModeN8n, results: Measured[], packageLabel: string): void {

	console.log(`\nQueue mode, one IP: Raydocs → ${OPERATION_LABEL}, ${DOCUMENTS} distinct PDFs read from disk per job, n8n ${cluster.main.version} (main + 2 workers, Redis, SQLite).`);
	console.log(
		`Fake Raydocs limit per IP ${RATE_LIMIT.limit} requests / ${RATE_LIMIT.windowMs / 1000} s (real: 100 / 60 s), a ceiling of ${CEILING.toFixed(1)} requests/s; credential: ${CREDENTIAL_REQUESTS} / ${RATE_LIMIT.windowMs / 1000} s. Package: ${packageLabel}.`,
	);
	console.log('Rate: accepted API requests / span from the first to the last API request; share = rate / ceiling.\n');
	printTable(
		['Set-up', 'Jobs (process: extracted, time)', '429s surfaced', 'API requests sent', '429s received (% of sent)', 'Aggregate rate (share of ceiling)'],
		results.map((result) => {
			const sent = result.accepted + result.limited;
			const rate = result.spanSeconds > 0 ? result.accepted / result.spanSeconds : 0;
			return [
				result.label,
				result.jobs.map((job) => `${job.process}: ${job.extracted}/${DOCUMENTS}, ${job.seconds.toFixed(0)} s`).join('; '),
				result.jobs.reduce((sum, job) => sum + job.surfaced, 0),
				sent,
				`${result.limited} (${((100 * result.limited) / Math.max(1, sent)).toFixed(1)} %)`,
				`${rate.toFixed(1)} req/s (${(rate / CEILING).toFixed(2)})`,
			];
		}),
	);
}

runBench(main);
