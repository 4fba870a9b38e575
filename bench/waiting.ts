/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- a benchmark script run with Node, never shipped */
/**
 * Waiting at realistic timing, in a real n8n 2.x: what Extract Document and Extract Many spend on
 * status checks and how soon results come out once Raydocs has finished, beside the same jobs
 * built by hand from n8n's HTTP Request nodes the competent way (Raydocs' Quick Start: a signed URL
 * and a PUT per file, a Code node grouping the keys by 50, the batch call with `auto_extract`, then a
 * Wait + re-read loop), and ten executions sharing one n8n process at once.
 *
 * Every time is real time multiplied by SCALE, so that the ratios hold and the bench takes minutes:
 * Raydocs' 100 requests per 60 s, processing of 20-90 s per document (3 s parsing, 1 s queued, then
 * 16-86 s, uniform jitter from a seeded sequence), the node's default wait options and the hand-built
 * loop's Wait node. Counts come from the fake Raydocs server's request log.
 *
 *   npm run bench:waiting            (BENCH_WRITE_README=1 also replaces the README table)
 */
import { randomUUID } from 'crypto';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import type { ExecutionItem, N8nHost, WorkflowJson, WorkflowNode } from '../scripts/n8n/host';
import type { FinishedExecution } from '../scripts/n8n/rest';
import { PROJECT_ROOT } from '../scripts/n8n/hosts';
import type { FakeRaydocs, RequestLogEntry } from '../tools/fake-raydocs/server';
import { chainWorkflow, raydocsNode, readFilesNode } from '../test/e2e/workflows';
import {
	apiEntries,
	executionError,
	extractFilesParameters,
	httpRequestNode,
	nodeRuns,
	RAYDOCS_CREDENTIAL,
	writeDistinctPdfs,
	type TimedNodeRun,
} from './realN8n';
import { runBench, withRealN8nBench } from './setUp';

/** One factor for every time: 0.1 turns a minute into 6 s. */
const SCALE = 0.1;
const seconds = (realSeconds: number): number => Math.round(realSeconds * SCALE * 1000) / 1000;
const ms = (realSeconds: number): number => Math.round(realSeconds * SCALE * 1000);

const RATE_LIMIT = { limit: 100, windowMs: ms(60) };
const FAKE_TIMING = {
	parseMs: ms(3),
	runQueuedMs: ms(1),
	runProcessingMs: ms(16),
	runProcessingJitterMs: ms(70),
	batchSessionStartMs: ms(1),
};
/** The hand-built loop's Wait node: 10 s, a sensible interval for runs of 20-90 s. */
const HAND_BUILT_WAIT_SECONDS = 10;
/**
 * What a competent builder adds so that the job survives 100 requests a minute: Retry On Fail on
 * every API call (5 tries, n8n's longest pause of 5 s) and Batching of 10 items per 6 s on the calls
 * made once per file (signed URLs, session reads), i.e. 100 a minute.
 */
const HAND_BUILT_RETRY = { retryOnFail: true, maxTries: 5, waitBetweenTries: ms(5) };
const HAND_BUILT_BATCHING = { batch: { batchSize: 10, batchInterval: ms(6) } };
const BATCH_FILES = 50;

/** The node's version and its default wait options, read from the built node, scaled. */
function nodeDefaults(): { typeVersion: number; options: Record<string, number> } {
	const modulePath = join(PROJECT_ROOT, 'dist', 'nodes', 'Raydocs', 'Raydocs.node.js');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Raydocs } = require(modulePath) as { Raydocs: new () => { description: { version: number | number[]; properties: Array<{ name: string; default?: unknown; options?: Array<{ name: string; default?: unknown }>; displayOptions?: { show?: Record<string, unknown> } }> } } };
	const description = new Raydocs().description;
	const versions = Array.isArray(description.version) ? description.version : [description.version];
	const typeVersion = Math.max(...versions);
	const options: Record<string, number> = {};
	const collections = description.properties.filter((property) => property.name === 'options');
	for (const collection of collections) {
		const show = collection.displayOptions?.show ?? {};
		const version = show['@version'] as unknown[] | undefined;
		if (version && !versionMatches(version, typeVersion)) continue;
		for (const option of collection.options ?? []) {
			if (['checkInterval', 'timeout'].includes(option.name) && typeof option.default === 'number') {
				options[option.name] = seconds(option.default);
			}
		}
	}
	return { typeVersion, options };
}

function versionMatches(condition: unknown[], version: number): boolean {
	return condition.some((entry) => {
		if (typeof entry === 'number') return entry === version;
		const cnd = (entry as { _cnd?: { gte?: number } })._cnd;
		return cnd?.gte !== undefined && version >= cnd.gte;
	});
}

type Kind = 'document' | 'many' | 'handBuilt';

interface Job {
	id: string;
	job: string;
	setUp: string;
	kind: Kind;
	documents: number;
	/** Extract Document: one item per file. */
	workflow: WorkflowJson;
	/** The node whose output items are the extracted documents. */
	outputNode: string;
}

interface Measured {
	job: string;
	setUp: string;
	documents: number;
	outcome: string;
	requests: number;
	statusReads: number;
	/** First API request → last output item. */
	resultsMs: number;
	idealMs: number;
	latencies: number[];
	limited: number;
	surfaced: string;
}

const STATUS_READ = /^\/extractions\/(results\/[^/]+|sessions\/[^/]+(\/results)?)$/;

function ourJob(host: N8nHost, fake: FakeRaydocs, id: string, kind: 'document' | 'many', documents: number, version: ReturnType<typeof nodeDefaults>): Job {
	const dir = join(host.filesDir, id);
	writeDistinctPdfs(dir, documents, id);
	const parameters = extractFilesParameters(fake, kind === 'many' ? 'batchExtract' : 'extractDocument', version.options);
	const node = { ...raydocsNode('Raydocs', RAYDOCS_CREDENTIAL, parameters), typeVersion: version.typeVersion };
	return {
		id,
		job: kind === 'many' ? `Extract Many, ${documents} files` : `Extract Document, ${documents === 1 ? '1 file' : `${documents} items in one execution`}`,
		setUp: kind === 'many' ? 'Raydocs → Batch → Extract Many' : 'Raydocs → Extraction → Extract Document',
		kind,
		documents,
		workflow: chainWorkflow(id, [readFilesNode('Read Files', `${dir}/*.pdf`), node]),
		outputNode: 'Raydocs',
	};
}

/**
 * The competent hand-built job: Read Files → signed URL per file → PUT → Code node grouping keys
 * by 50 → batch call with auto_extract (its answer, an array, becomes one item per session) →
 * Wait → GET the session (it embeds its runs) → Finished? → Done, or back to Wait.
 */
function handBuiltJob(host: N8nHost, fake: FakeRaydocs, id: string, job: string, documents: number): Job {
	const dir = join(host.filesDir, id);
	writeDistinctPdfs(dir, documents, id);
	const node = (spec: Omit<WorkflowNode, 'id' | 'position'>, x: number, y = 0): WorkflowNode => ({ ...spec, id: randomUUID(), position: [x * 220, y] });
	const apiCall = (name: string, parameters: Record<string, unknown>, batching: boolean) => {
		const spec = httpRequestNode(name, parameters);
		if (batching) spec.parameters.options = { batching: HAND_BUILT_BATCHING };
		return { ...spec, ...HAND_BUILT_RETRY };
	};
	const nodes: WorkflowNode[] = [
		node({ name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }, 0),
		node(readFilesNode('Read Files', `${dir}/*.pdf`), 1),
		node(
			apiCall(
				'Get Upload URL',
				{
					method: 'POST',
					url: `${fake.url}/vapor/signed-storage-url`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '{ "content_type": "application/pdf", "visibility": "private" }',
				},
				true,
			),
			2,
			120,
		),
		node({ name: 'File + Upload URL', type: 'n8n-nodes-base.merge', typeVersion: 3, parameters: { mode: 'combine', combineBy: 'combineByPosition', options: {} } }, 3),
		node(
			{
				name: 'Upload to Storage',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: { method: 'PUT', url: '={{ $json.url }}', sendBody: true, contentType: 'binaryData', inputDataFieldName: 'data', options: {} },
			},
			4,
		),
		node(
			{
				name: 'Group Keys by 50',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode: `const keys = $('File + Upload URL').all().map((item) => item.json.key);\nconst groups = [];\nfor (let start = 0; start < keys.length; start += ${BATCH_FILES}) groups.push({ json: { files: keys.slice(start, start + ${BATCH_FILES}) } });\nreturn groups;`,
				},
			},
			5,
		),
		node(
			apiCall(
				'Create Batch',
				{
					method: 'POST',
					url: `${fake.url}/extractions/templates/${fake.state.seed!.templateId}/sessions/batch`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify({ files: $json.files, settings: { auto_extract: true } }) }}',
				},
				false,
			),
			6,
		),
		{
			...node({ name: 'Wait', type: 'n8n-nodes-base.wait', typeVersion: 1.1, parameters: { resume: 'timeInterval', amount: seconds(HAND_BUILT_WAIT_SECONDS), unit: 'seconds' } }, 7),
			webhookId: randomUUID(),
		},
		node(apiCall('Get Session', { url: `={{ '${fake.url}/extractions/sessions/' + $json.id }}` }, true), 8),
		node(
			{
				name: 'Finished?',
				type: 'n8n-nodes-base.if',
				typeVersion: 2.2,
				parameters: {
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
						conditions: [
							{
								id: randomUUID(),
								leftValue: "={{ ['completed', 'failed'].includes((($json.results || []).slice(-1)[0] || {}).status) }}",
								rightValue: '',
								operator: { type: 'boolean', operation: 'true', singleValue: true },
							},
						],
						combinator: 'and',
					},
					options: {},
				},
			},
			9,
		),
		node({ name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} }, 10, -100),
	];
	const to = (name: string, index = 0) => ({ node: name, type: 'main', index });
	const connections = {
		'Manual Trigger': { main: [[to('Read Files')]] },
		'Read Files': { main: [[to('File + Upload URL', 0), to('Get Upload URL')]] },
		'Get Upload URL': { main: [[to('File + Upload URL', 1)]] },
		'File + Upload URL': { main: [[to('Upload to Storage')]] },
		'Upload to Storage': { main: [[to('Group Keys by 50')]] },
		'Group Keys by 50': { main: [[to('Create Batch')]] },
		'Create Batch': { main: [[to('Wait')]] },
		Wait: { main: [[to('Get Session')]] },
		'Get Session': { main: [[to('Finished?')]] },
		'Finished?': { main: [[to('Done')], [to('Wait')]] },
	};
	return {
		id,
		job,
		setUp: `HTTP Request nodes: batch + auto_extract, Wait ${HAND_BUILT_WAIT_SECONDS} s loop, batching + retries`,
		kind: 'handBuilt',
		documents,
		workflow: { id, name: `bench: ${id}`, active: false, settings: { executionOrder: 'v1' }, nodes, connections },
		outputNode: 'Done',
	};
}

/** Fewest API requests the job allows: Extract Document 4 + 1 read per document; the batch path 2 per document + 1 per 50. */
function fewestRequests(kind: Kind, documents: number): number {
	return kind === 'document' ? 5 * documents : 2 * documents + Math.ceil(documents / BATCH_FILES);
}

/** When each session's run reached its final status, on the fake's clock. */
function terminalAtBySession(fake: FakeRaydocs): Map<string, { terminalAt: number; durationMs: number }> {
	const map = new Map<string, { terminalAt: number; durationMs: number }>();
	for (const run of fake.state.runs.values()) {
		map.set(run.sessionId, { terminalAt: run.timeline.terminalAt, durationMs: run.timeline.terminalAt - run.createdAt });
	}
	return map;
}

interface Emitted {
	sessionId: string;
	at: number;
}

/** Each output item's session and the moment its node run ended (when n8n hands the item on). */
function emittedItems(runs: TimedNodeRun[]): Emitted[] {
	return runs.flatMap((run) => {
		const at = (run.startTime ?? 0) + (run.executionTime ?? 0);
		return (run.data?.main?.[0] ?? []).map((item: ExecutionItem) => ({ sessionId: String(item.json.session_id ?? item.json.id ?? ''), at }));
	});
}

function measure(
	fake: FakeRaydocs,
	entries: RequestLogEntry[],
	rows: Array<{ kind: Kind; documents: number; emitted: Emitted[]; failure?: string }>,
	labels: { job: string; setUp: string },
): Measured {
	const limited = entries.filter((entry) => entry.status === 429).length;
	const terminal = terminalAtBySession(fake);
	const documents = rows.reduce((sum, row) => sum + row.documents, 0);
	const emitted = rows.flatMap((row) => row.emitted).filter((item) => terminal.has(item.sessionId));
	const latencies = emitted.map((item) => item.at - terminal.get(item.sessionId)!.terminalAt);
	const first = entries[0]?.at ?? 0;
	const lastOutput = Math.max(0, ...emitted.map((item) => item.at));
	const fewest = rows.reduce((sum, row) => sum + fewestRequests(row.kind, row.documents), 0);
	const budgetMs = Math.floor((fewest - 1) / RATE_LIMIT.limit) * RATE_LIMIT.windowMs;
	const longestRun = Math.max(0, ...emitted.map((item) => terminal.get(item.sessionId)!.durationMs));
	const failures = rows.map((row) => row.failure).filter(Boolean) as string[];
	const errorItems = documents - emitted.length;
	return {
		...labels,
		documents,
		outcome: failures.length ? `failed: ${failures[0].replace(/\|/g, '/').slice(0, 90)}` : emitted.length === documents ? 'succeeded' : `${emitted.length} / ${documents} out`,
		requests: entries.length - limited,
		statusReads: entries.filter((entry) => entry.method === 'GET' && STATUS_READ.test(entry.path) && entry.status !== 429).length,
		resultsMs: lastOutput - first,
		idealMs: Math.max(budgetMs, longestRun),
		latencies,
		limited,
		surfaced: failures.length ? 'execution failed' : errorItems > 0 ? `${errorItems} items missing` : '0',
	};
}

function percentile(values: number[], share: number): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

/** A scaled duration shown in real seconds (divided by SCALE). */
const real = (scaledMs: number): string => `${(scaledMs / SCALE / 1000).toFixed(0)} s`;

async function main(): Promise<void> {
	const version = nodeDefaults();
	// the credential's rate limit matches the fake's
	const benchSetUp = { purpose: 'bench-waiting', fake: { timing: FAKE_TIMING, rateLimit: RATE_LIMIT } };
	const { results, label } = await withRealN8nBench(benchSetUp, async ({ fake, host, label }) => {
		const results: Measured[] = [];
		const jobs: Job[] = [
			ourJob(host, fake, 'rdWaitDoc1', 'document', 1, version),
			handBuiltJob(host, fake, 'rdWaitHand1', 'Extract Document, 1 file', 1),
			ourJob(host, fake, 'rdWaitDoc10', 'document', 10, version),
			handBuiltJob(host, fake, 'rdWaitHand10', 'Extract Document, 10 items in one execution', 10),
			ourJob(host, fake, 'rdWaitMany20', 'many', 20, version),
			handBuiltJob(host, fake, 'rdWaitHand20', 'Extract Many, 20 files', 20),
			ourJob(host, fake, 'rdWaitMany200', 'many', 200, version),
			handBuiltJob(host, fake, 'rdWaitHand200', 'Extract Many, 200 files', 200),
		];
		// The concurrent mix: 4 × Extract Document (1 file), 3 × Extract Document (3 items), 3 × Extract Many (20 files).
		const mix: Job[] = [
			...[0, 1, 2, 3].map((index) => ourJob(host, fake, `rdWaitMixD1${index}`, 'document', 1, version)),
			...[0, 1, 2].map((index) => ourJob(host, fake, `rdWaitMixD3${index}`, 'document', 3, version)),
			...[0, 1, 2].map((index) => ourJob(host, fake, `rdWaitMixM20${index}`, 'many', 20, version)),
		];
		await host.importWorkflows([...jobs, ...mix].map((job) => job.workflow));
		// One n8n process for all: `n8n execute` cuts its printed run data short past ~1 MB, the REST
		// API reads it from the database. Manual runs, as the editor's "Execute workflow".
		await host.start();
		const rest = await host.rest();
		const rowOf = (job: Job, execution: FinishedExecution) => {
			const run = { data: execution.data } as Parameters<typeof nodeRuns>[0];
			const failure = execution.status === 'success' ? undefined : `${job.id}: ${executionError(run) ?? execution.status}`;
			return { kind: job.kind, documents: job.documents, emitted: emittedItems(nodeRuns(run, job.outputNode)), failure };
		};
		for (const job of jobs) {
			fake.setTiming(FAKE_TIMING);
			fake.resetRateLimit();
			fake.clearLog();
			const execution = await rest.runManually(job.id, 'Manual Trigger', 900_000);
			const row = measure(fake, apiEntries(fake), [rowOf(job, execution)], job);
			results.push(row);
			console.error(`[bench] ${job.job} / ${job.setUp}: ${row.outcome}, ${row.requests} requests, ${row.statusReads} status reads, results after ${real(row.resultsMs)}`);
		}

		fake.setTiming(FAKE_TIMING);
		fake.resetRateLimit();
		fake.clearLog();
		const executions = await Promise.all(mix.map(async (job) => ({ job, execution: await rest.runManually(job.id, 'Manual Trigger', 900_000) })));
		await host.stop();
		const mixRow = measure(
			fake,
			apiEntries(fake),
			executions.map(({ job, execution }) => rowOf(job, execution)),
			{ job: '10 executions at once (4 × 1 file, 3 × 3 items, 3 × Extract Many 20)', setUp: 'Raydocs node, one n8n process' },
		);
		results.push(mixRow);
		console.error(`[bench] mix: ${mixRow.outcome}, ${mixRow.requests} requests, ${mixRow.statusReads} status reads, results after ${real(mixRow.resultsMs)}`);
		return { results, label };
	});

	const table = [
		`| Job | Set-up | Outcome | API requests (per document) | Status reads | Results after | Completion → output, mean / p95 | 429s received / surfaced | Share of ceiling |`,
		`|---|---|---|---|---|---|---|---|---|`,
		...results.map(
			(row) =>
				row.latencies.length === 0
					? `| ${row.job} | ${row.setUp} | ${row.outcome} | ${row.requests} | ${row.statusReads} | n/a | n/a | ${row.limited} / ${row.surfaced} | n/a |`
					: `| ${row.job} | ${row.setUp} | ${row.outcome} | ${row.requests} (${(row.requests / row.documents).toFixed(2)}) | ${row.statusReads} | ${real(row.resultsMs)} | ${real(mean(row.latencies))} / ${real(percentile(row.latencies, 0.95))} | ${row.limited} / ${row.surfaced} | ${(row.idealMs / row.resultsMs).toFixed(2)} |`,
		),
	].join('\n');
	console.log(`\nWaiting at realistic timing in ${label}, Raydocs node version ${version.typeVersion} with its default wait options (${JSON.stringify(version.options)} after scaling).`);
	console.log(
		`Every time is scaled by ${SCALE} and shown here in real seconds: rate limit 100 / 60 s (run: ${RATE_LIMIT.limit} / ${RATE_LIMIT.windowMs / 1000} s), processing 20-90 s per document (3 s parsing, 1 s queued, 16 s + 0-70 s jitter), hand-built: Wait ${HAND_BUILT_WAIT_SECONDS} s, Retry On Fail 5 × 5 s, Batching 10 per 6 s on signed URLs and session reads.`,
	);
	console.log('Results after: first API request → last output item. Completion → output: from the moment Raydocs finished a run to the end of the node run that output its item. Share of ceiling: the ideal span (the longer of sending the fewest requests the job allows at 100 / 60 s and its longest run) over the actual one.\n');
	console.log(table);
	if (process.env.BENCH_WRITE_README === '1') {
		const readme = join(PROJECT_ROOT, 'README.md');
		const text = readFileSync(readme, 'utf8');
		const start = '<!-- bench:waiting:start -->';
		const end = '<!-- bench:waiting:end -->';
		if (!text.includes(start)) throw new Error(`README.md has no ${start} marker`);
		writeFileSync(readme, `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`);
		console.log('README.md updated.');
	}
}

function mean(values: number[]): number {
	return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : NaN;
}

runBench(main);
