/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- a benchmark script run with Node, never shipped */
/**
 * Throughput under the rate limit, in a real n8n 2.x: 200 distinct PDFs read from disk and sent
 * through Raydocs → Extraction Batch → Extract Many (and through Extraction → Extract Document, which makes
 * the same calls per document as the baseline), beside the same job built the way users build it today
 * from n8n's HTTP Request nodes (bench/workflows/http-request-extract-many.json: signed URL, PUT to
 * storage, session, add document, start run, Wait + If loop until the run completes) in three
 * set-ups: n8n's defaults; Retry On Fail (5 tries, 5 s apart) on every HTTP Request node; and
 * Batching (10 items per 750 ms) on the API calls plus Retry On Fail.
 *
 * The fake Raydocs server's rate limit is scaled from 100 requests per minute to 100 per 6 s (the
 * Raydocs credential is set to match) and its processing delays to well under a second, so the
 * whole comparison takes a few minutes. Each set-up gets its own 200 never-seen files.
 *
 *   npm run build && node scripts/run-ts.js bench/throughput.ts
 */
import { randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';

import type { N8nHost, WorkflowJson } from '../scripts/n8n/host';
import type { FakeRaydocs } from '../tools/fake-raydocs/server';
import { chainWorkflow, raydocsNode, readFilesNode } from '../test/e2e/workflows';
import {
	apiEntries,
	executionError,
	extractFilesParameters,
	fillPlaceholders,
	itemsOfAllRuns,
	nodeRuns,
	printTable,
	RAYDOCS_CREDENTIAL,
	spanMs,
	writeDistinctPdfs,
} from './realN8n';
import { runBench, withRealN8nBench } from './setUp';

const DOCUMENTS = 200;
const RATE_LIMIT = { limit: 100, windowMs: 6_000 };
const CEILING = RATE_LIMIT.limit / (RATE_LIMIT.windowMs / 1000);
const FAKE_TIMING = { parseMs: 200, runQueuedMs: 100, runProcessingMs: 300, batchSessionStartMs: 50 };
/** Our node's poll interval and the baseline's Wait node: the same 1 s. */
const POLL_SECONDS = 1;
const RETRY = { retryOnFail: true, maxTries: 5, waitBetweenTries: 5000 };
const BATCHING = { batchSize: 10, batchInterval: 750 };
const BASELINE_FILE = join(__dirname, 'workflows', 'http-request-extract-many.json');

interface SetUp {
	id: string;
	label: string;
	/** For column headers. */
	short: string;
	workflow: WorkflowJson;
	timeoutMs: number;
	/** The node whose output items are the extracted documents. */
	outputNode: string;
}

interface Row {
	label: string;
	short: string;
	outcome: string;
	extracted: number;
	wallSeconds: number;
	apiSeconds: number;
	accepted: number;
	limited: number;
	surfaced: string;
	rate: number;
	failed: boolean;
	/** Requests per endpoint (429s included), e.g. 'POST /extractions/sessions' → 200. */
	endpoints: Map<string, number>;
}

/** Our node on this set-up's own 200 files: Extraction Batch → Extract Many, or Extraction → Extract Document. */
function ourWorkflow(host: N8nHost, fake: FakeRaydocs, id: string, operation: 'batchExtract' | 'extractDocument'): SetUp {
	const dir = join(host.filesDir, id);
	writeDistinctPdfs(dir, DOCUMENTS, id);
	const parameters = extractFilesParameters(fake, operation, { checkInterval: POLL_SECONDS, timeout: 240 });
	const label =
		operation === 'batchExtract'
			? 'Raydocs → Extraction Batch → Extract Many'
			: 'Raydocs → Extraction → Extract Document (the same calls per document as the baseline)';
	const workflow = chainWorkflow(id, [readFilesNode('Read Files', `${dir}/*.pdf`), raydocsNode('Raydocs', RAYDOCS_CREDENTIAL, parameters)]);
	const short = operation === 'batchExtract' ? 'Extract Many' : 'Extract Document';
	return { id, label, short, workflow, timeoutMs: 240_000, outputNode: 'Raydocs' };
}

/** The checked-in HTTP Request workflow, pointed at the fake and this set-up's files, with its settings. */
function baselineWorkflow(
	host: N8nHost,
	fake: FakeRaydocs,
	id: string,
	settings: { retry: boolean; batching: boolean },
): WorkflowJson {
	const dir = join(host.filesDir, id);
	writeDistinctPdfs(dir, DOCUMENTS, id);
	const base = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as WorkflowJson;
	const workflow = fillPlaceholders(base, {
		'https://api.raydocs.com': fake.url,
		'/home/node/.n8n-files/documents': dir,
		YOUR_TEMPLATE_ID: fake.state.seed!.templateId,
	});
	workflow.id = id;
	workflow.name = `${workflow.name} (${id})`;
	for (const node of workflow.nodes) {
		if (node.webhookId) node.webhookId = randomUUID();
		if (node.type !== 'n8n-nodes-base.httpRequest') continue;
		if (settings.retry) Object.assign(node, RETRY);
		// Only the calls to the API: storage PUTs are not rate limited.
		if (settings.batching && node.credentials) {
			node.parameters.options = { ...(node.parameters.options as object), batching: { batch: BATCHING } };
		}
	}
	return workflow;
}

function measure(setUp: SetUp, fake: FakeRaydocs, result: Awaited<ReturnType<N8nHost['execute']>>): Row {
	const api = apiEntries(fake);
	const limited = api.filter((entry) => entry.status === 429).length;
	const accepted = api.length - limited;
	const apiSeconds = spanMs(api) / 1000;
	const outputs = itemsOfAllRuns(result.run, setUp.outputNode);
	const extracted = outputs.filter((item) => item.json.status === 'completed').length;
	// a completed run carries `error: null`; an error item has a message there
	const errorItems = outputs.filter((item) => Boolean(item.json.error)).length;
	const failure = executionError(result.run) ?? (result.code !== 0 ? `n8n execute exited with ${result.code}` : undefined);
	let surfaced = '0';
	if (failure) surfaced = `execution failed: ${failure.replace(/\|/g, '/').slice(0, 110)}`;
	else if (errorItems) surfaced = `${errorItems} error items`;
	return {
		label: setUp.label,
		short: setUp.short,
		outcome: failure ? 'failed' : extracted === DOCUMENTS ? 'succeeded' : `succeeded, ${DOCUMENTS - extracted} missing`,
		extracted,
		wallSeconds: result.seconds,
		apiSeconds,
		accepted,
		limited,
		surfaced,
		rate: apiSeconds > 0 ? accepted / apiSeconds : 0,
		failed: failure !== undefined,
		endpoints: api.reduce((counts, entry) => counts.set(entry.endpoint ?? entry.path, (counts.get(entry.endpoint ?? entry.path) ?? 0) + 1), new Map<string, number>()),
	};
}

async function main(): Promise<void> {
	// the credential's rate limit matches the fake's
	const benchSetUp = { purpose: 'bench-throughput', fake: { timing: FAKE_TIMING, rateLimit: RATE_LIMIT } };
	const { rows, label } = await withRealN8nBench(benchSetUp, async ({ fake, host, label }) => {
		const rows: Row[] = [];
		const setUps: SetUp[] = [
			ourWorkflow(host, fake, 'rdBenchThruMany', 'batchExtract'),
			ourWorkflow(host, fake, 'rdBenchThruDoc', 'extractDocument'),
			{
				id: 'rdBenchHttpDflt',
				label: 'HTTP Request nodes, n8n defaults',
				short: 'HTTP Request, defaults',
				workflow: baselineWorkflow(host, fake, 'rdBenchHttpDflt', { retry: false, batching: false }),
				timeoutMs: 120_000,
				outputNode: 'Done',
			},
			{
				id: 'rdBenchHttpRetry',
				label: `HTTP Request nodes + Retry On Fail (${RETRY.maxTries} tries, ${RETRY.waitBetweenTries / 1000} s apart)`,
				short: 'HTTP Request + retries',
				workflow: baselineWorkflow(host, fake, 'rdBenchHttpRetry', { retry: true, batching: false }),
				timeoutMs: 180_000,
				outputNode: 'Done',
			},
			{
				id: 'rdBenchHttpBatch',
				label: `HTTP Request nodes + Batching (${BATCHING.batchSize} items / ${BATCHING.batchInterval} ms on API calls) + Retry On Fail`,
				short: 'HTTP Request + batching + retries',
				workflow: baselineWorkflow(host, fake, 'rdBenchHttpBatch', { retry: true, batching: true }),
				timeoutMs: 240_000,
				outputNode: 'Done',
			},
		];
		await host.importWorkflows(setUps.map((setUp) => setUp.workflow));
		for (const setUp of setUps) {
			fake.resetRateLimit();
			fake.clearLog();
			const result = await host.execute(setUp.id, setUp.timeoutMs);
			const row = measure(setUp, fake, result);
			rows.push(row);
			const loops = nodeRuns(result.run, 'Get Result').length;
			console.error(
				`[bench] ${setUp.label}: ${row.outcome}, ${row.extracted}/${DOCUMENTS} extracted, ${row.wallSeconds.toFixed(1)} s${loops ? `, ${loops} Get Result rounds` : ''} (log ${result.logFile})`,
			);
		}
		return { rows, label };
	});

	console.log(`\nThroughput under the rate limit: ${DOCUMENTS} distinct one-page PDFs read from disk and extracted, in ${label}`);
	console.log(
		`Fake Raydocs rate limit scaled to ${RATE_LIMIT.limit} requests / ${RATE_LIMIT.windowMs / 1000} s (real Raydocs: 100 / 60 s), a ceiling of ${CEILING.toFixed(1)} requests/s; the Raydocs credential is set to the same ${RATE_LIMIT.limit} / ${RATE_LIMIT.windowMs / 1000} s.`,
	);
	console.log(
		`Fake processing scaled down: parse ${FAKE_TIMING.parseMs} ms, queued ${FAKE_TIMING.runQueuedMs} ms, run ${FAKE_TIMING.runProcessingMs} ms. Poll interval / Wait node: ${POLL_SECONDS} s. Storage PUTs are not rate limited and not counted as API requests.`,
	);
	console.log('Wall time: the whole `n8n execute` (includes 5-10 s of n8n start-up); API span: first to last API request the fake received.');
	console.log(
		`Achieved rate: accepted API requests / API span, and that over the ceiling. The window slides and lets the first ${RATE_LIMIT.limit} through at once, so a run only a few windows long can reach a little more than 1.00 without a single 429.\n`,
	);
	printTable(
		[
			'Set-up',
			'Outcome',
			'Documents extracted',
			'Wall time',
			'API span',
			'API requests accepted',
			'Accepted requests per document',
			'429s from the fake',
			'429s surfaced to the user',
			'Achieved rate (fraction of ceiling)',
		],
		rows.map((row) => [
			row.label,
			row.outcome,
			`${row.extracted} / ${DOCUMENTS}`,
			`${row.wallSeconds.toFixed(1)} s`,
			`${row.apiSeconds.toFixed(1)} s`,
			row.accepted,
			row.extracted ? (row.accepted / row.extracted).toFixed(2) : 'n/a',
			row.limited,
			row.surfaced,
			row.failed
				? `n/a: failed (${row.rate.toFixed(1)} req/s while it ran)`
				: `${row.rate.toFixed(1)} req/s (${(row.rate / CEILING).toFixed(2)})`,
		]),
	);
	console.log('\nAPI requests per endpoint (429s included):\n');
	const endpoints = [...new Set(rows.flatMap((row) => [...row.endpoints.keys()]))];
	printTable(
		['Endpoint', ...rows.map((row) => row.short)],
		endpoints.map((endpoint) => [`\`${endpoint}\``, ...rows.map((row) => row.endpoints.get(endpoint) ?? 0)]),
	);
	console.log('\nBaseline workflow: bench/workflows/http-request-extract-many.json.');
}

runBench(main);
