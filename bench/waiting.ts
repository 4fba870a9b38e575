/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- a benchmark script run with Node, never shipped */
/**
 * Waiting at realistic timing, in a real n8n 2.x: what Extract Document and Extract Many spend on
 * status checks and how soon results come out once Raydocs has finished, beside the same jobs
 * built by hand from n8n's HTTP Request nodes the competent way (Raydocs' Quick Start: a signed URL
 * and a PUT per file, a Code node grouping the keys by 50, the batch call with `auto_extract`, then a
 * Wait + re-read loop), ten executions sharing one n8n process at once, and one job repeated on the
 * same template (what the node learns of a template's run durations).
 *
 * Part 1, scaled: every time is real time multiplied by SCALE, so that the ratios hold and the bench
 * takes minutes: Raydocs' 100 requests per 60 s, processing of 20-90 s per document (3 s parsing,
 * 1 s queued, then 16-86 s, uniform jitter from a seeded sequence), the node's default wait options
 * and the hand-built loop's Wait node. The repeated job's template takes 63-77 s per run.
 * Part 2, real timing (a fresh n8n process): Extract Many of 20 files whose runs all take 25 s,
 * twice on one template (never seen, then learned), beside the hand-built job.
 *
 * Every job has a template of its own (seeded in the fake), so that what the node learned of one
 * job's template does not speed up another; only the repeated rows reuse theirs on purpose. Counts
 * come from the fake Raydocs server's request log; a status read is "early" when it reached the
 * fake before that run had finished.
 *
 *   npm run bench:waiting            (BENCH_WRITE_DOCS=1 also replaces the table in docs/performance.md)
 *   BENCH_WAITING_ROWS=many200,mix   only those rows (doc1, doc10, many20, many200, repeat, mix, together)
 *   BENCH_PACKAGE=<tarball>          another build of the package (e.g. the one before a change)
 */
import { randomUUID } from 'crypto';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

import type { ExecutionItem, N8nHost, WorkflowJson, WorkflowNode } from '../scripts/n8n/host';
import type { FinishedExecution, N8nRest } from '../scripts/n8n/rest';
import { PROJECT_ROOT } from '../scripts/n8n/hosts';
import type { FakeRaydocs, RequestLogEntry } from '../tools/fake-raydocs/server';
import type { Timing } from '../tools/fake-raydocs/types';
import { byId, chainWorkflow, raydocsNode, readFilesNode } from '../test/e2e/workflows';
import {
	apiEntries,
	executionError,
	extractFilesParameters,
	httpRequestNode,
	nodeRuns,
	RAYDOCS_CREDENTIAL,
	writeDistinctPdfs,
	writeGeneratedTable,
	type TimedNodeRun,
} from './realN8n';
import { packageLabel, runBench, withRealN8nBench } from './setUp';

/** Times of one part of the bench: real seconds turned into what the bench waits. */
interface Timescale {
	scale: number;
	seconds: (realSeconds: number) => number;
	ms: (realSeconds: number) => number;
}

function timescale(scale: number): Timescale {
	return {
		scale,
		seconds: (realSeconds) => Math.round(realSeconds * scale * 1000) / 1000,
		ms: (realSeconds) => Math.round(realSeconds * scale * 1000),
	};
}

/** Part 1: one factor for every time, 0.1 turns a minute into 6 s. */
const SCALED = timescale(0.1);
/** Part 2: real time. */
const REAL = timescale(1);

const rateLimitOf = (time: Timescale) => ({ limit: 100, windowMs: time.ms(60) });

/** Raydocs' realistic spread: 20-90 s per document. */
const spreadTiming = (time: Timescale): Partial<Timing> => ({
	parseMs: time.ms(3),
	runQueuedMs: time.ms(1),
	runProcessingMs: time.ms(16),
	runProcessingJitterMs: time.ms(70),
	batchSessionStartMs: time.ms(1),
});
/** The repeated job's template: runs of 63-77 s (about 70 s). */
const steadyTiming = (time: Timescale): Partial<Timing> => ({ ...spreadTiming(time), runProcessingMs: time.ms(59), runProcessingJitterMs: time.ms(14) });
/** Part 2: every run takes 25 s of processing (29 s with parsing and queueing): they finish together. */
const togetherTiming = (time: Timescale): Partial<Timing> => ({ ...spreadTiming(time), runProcessingMs: time.ms(25), runProcessingJitterMs: 0 });

/** The hand-built loop's Wait node: 10 s, a sensible interval for runs of 20-90 s. */
const HAND_BUILT_WAIT_SECONDS = 10;
/**
 * What a competent builder adds so that the job survives 100 requests a minute: Retry On Fail on
 * every API call (5 tries, n8n's longest pause of 5 s) and Batching of 10 items per 6 s on the calls
 * made once per file (signed URLs, session reads), i.e. 100 a minute.
 */
const handBuiltRetry = (time: Timescale) => ({ retryOnFail: true, maxTries: 5, waitBetweenTries: time.ms(5) });
const handBuiltBatching = (time: Timescale) => ({ batch: { batchSize: 10, batchInterval: time.ms(6) } });
const BATCH_FILES = 50;
/** Runs of the repeated job: the first meets a template never seen, the others one learned. */
const REPEATS = 8;

/** The credential of part 2: Raydocs' real 100 / 60 s. */
const REAL_TIMING_CREDENTIAL = { id: 'rdBenchRaydocsReal', name: 'Raydocs (bench, real timing)' };

/** The node's version and its default wait options, read from the built node. */
function nodeDefaults(): { typeVersion: number; options: Record<string, number> } {
	const modulePath = join(PROJECT_ROOT, 'dist', 'nodes', 'Raydocs', 'Raydocs.node.js');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Raydocs } = require(modulePath) as { Raydocs: new () => { description: { version: number | number[]; properties: Array<{ name: string; options?: Array<{ name: string; default?: unknown }> }> } } };
	const description = new Raydocs().description;
	const versions = Array.isArray(description.version) ? description.version : [description.version];
	const options: Record<string, number> = {};
	for (const collection of description.properties.filter((property) => property.name === 'options')) {
		for (const option of collection.options ?? []) {
			if (['checkInterval', 'timeout'].includes(option.name) && typeof option.default === 'number') options[option.name] = option.default;
		}
	}
	return { typeVersion: Math.max(...versions), options };
}

const scaledOptions = (defaults: Record<string, number>, time: Timescale) =>
	Object.fromEntries(Object.entries(defaults).map(([name, value]) => [name, time.seconds(value)]));

type Kind = 'document' | 'many' | 'handBuilt';

interface Job {
	id: string;
	job: string;
	setUp: string;
	kind: Kind;
	documents: number;
	workflow: WorkflowJson;
	/** The node whose output items are the extracted documents. */
	outputNode: string;
	/** Where its PDFs are, to write new ones before a repeated run. */
	dir: string;
}

interface Measured {
	job: string;
	setUp: string;
	documents: number;
	/** Executions the row sums up (the repeated rows: several runs of one job). */
	runs: number;
	outcome: string;
	requests: number;
	/** The most requests of one run. */
	maxRequests: number;
	statusReads: number;
	/** Status reads that arrived before their run had finished. */
	earlyReads: number;
	/** First API request → last output item (the mean over the runs of a repeated row). */
	resultsMs: number;
	idealMs: number;
	latencies: number[];
	limited: number;
	surfaced: string;
	/** Seconds (on the bench's clock) where the window had room and no request went out, until the last request. */
	idleMs: number;
}

const STATUS_READ = /^\/extractions\/(results|sessions)\/([^/]+)(\/results)?$/;

interface Seeded {
	fake: FakeRaydocs;
	host: N8nHost;
	version: ReturnType<typeof nodeDefaults>;
}

/** A template of its own for a job, so that what the node learns of one job stays with it. */
function freshTemplate(fake: FakeRaydocs, name: string): string {
	return fake.seedTemplate(fake.state.seed!.workspaceId, { name }).id;
}

function ourJob(
	{ fake, host, version }: Seeded,
	spec: { id: string; kind: 'document' | 'many'; documents: number; time: Timescale; credential?: typeof RAYDOCS_CREDENTIAL; templateId?: string; job?: string },
): Job {
	const dir = join(host.filesDir, spec.id);
	writeDistinctPdfs(dir, spec.documents, spec.id);
	const templateId = spec.templateId ?? freshTemplate(fake, spec.id);
	const parameters = {
		...extractFilesParameters(fake, spec.kind === 'many' ? 'batchExtract' : 'extractDocument', scaledOptions(version.options, spec.time)),
		templateId: byId(templateId),
	};
	const node = { ...raydocsNode('Raydocs', spec.credential ?? RAYDOCS_CREDENTIAL, parameters), typeVersion: version.typeVersion };
	return {
		id: spec.id,
		job: spec.job ?? (spec.kind === 'many' ? `Extract Many, ${spec.documents} files` : `Extract Document, ${spec.documents === 1 ? '1 file' : `${spec.documents} items in one execution`}`),
		setUp: spec.kind === 'many' ? 'Raydocs → Extraction Batch → Extract Many' : 'Raydocs → Extraction → Extract Document',
		kind: spec.kind,
		documents: spec.documents,
		workflow: chainWorkflow(spec.id, [readFilesNode('Read Files', `${dir}/*.pdf`), node]),
		outputNode: 'Raydocs',
		dir,
	};
}

/**
 * The competent hand-built job: Read Files → signed URL per file → PUT → Code node grouping keys
 * by 50 → batch call with auto_extract (its answer, an array, becomes one item per session) →
 * Wait → GET the session (it embeds its runs) → Finished? → Done, or back to Wait.
 */
function handBuiltJob({ fake, host }: Seeded, spec: { id: string; job: string; documents: number; time: Timescale; templateId?: string }): Job {
	const { id, job, documents, time } = spec;
	const dir = join(host.filesDir, id);
	writeDistinctPdfs(dir, documents, id);
	const templateId = spec.templateId ?? freshTemplate(fake, id);
	const node = (nodeSpec: Omit<WorkflowNode, 'id' | 'position'>, x: number, y = 0): WorkflowNode => ({ ...nodeSpec, id: randomUUID(), position: [x * 220, y] });
	const apiCall = (name: string, parameters: Record<string, unknown>, batching: boolean) => {
		const httpNode = httpRequestNode(name, parameters);
		if (batching) httpNode.parameters.options = { batching: handBuiltBatching(time) };
		return { ...httpNode, ...handBuiltRetry(time) };
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
					url: `${fake.url}/extractions/templates/${templateId}/sessions/batch`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify({ files: $json.files, settings: { auto_extract: true } }) }}',
				},
				false,
			),
			6,
		),
		{
			...node({ name: 'Wait', type: 'n8n-nodes-base.wait', typeVersion: 1.1, parameters: { resume: 'timeInterval', amount: time.seconds(HAND_BUILT_WAIT_SECONDS), unit: 'seconds' } }, 7),
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
		dir,
	};
}

/** Fewest API requests the job allows: Extract Document 4 + 1 read per document; the batch path 2 per document + 1 per 50. */
function fewestRequests(kind: Kind, documents: number): number {
	return kind === 'document' ? 5 * documents : 2 * documents + Math.ceil(documents / BATCH_FILES);
}

interface Terminal {
	terminalAt: number;
	durationMs: number;
}

/** When each run reached its final status, on the fake's clock, by its session and by its own id. */
function terminalTimes(fake: FakeRaydocs): Map<string, Terminal> {
	const map = new Map<string, Terminal>();
	for (const run of fake.state.runs.values()) {
		const terminal = { terminalAt: run.timeline.terminalAt, durationMs: run.timeline.terminalAt - run.createdAt };
		map.set(run.sessionId, terminal);
		map.set(run.id, terminal);
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

interface RowInput {
	kind: Kind;
	documents: number;
	emitted: Emitted[];
	failure?: string;
}

/**
 * Time where the request budget had room (fewer than `limit` requests in the window before) and no
 * request arrived, in 100 ms steps from the first request to the last one.
 */
function idleBudgetMs(entries: RequestLogEntry[], limit: number, windowMs: number): number {
	if (entries.length < 2) return 0;
	const step = 100;
	const times = entries.map((entry) => entry.at);
	let idle = 0;
	let lo = 0;
	let next = 0;
	for (let at = times[0]; at < times[times.length - 1]; at += step) {
		while (lo < times.length && times[lo] <= at - windowMs) lo++;
		while (next < times.length && times[next] < at) next++;
		const inWindow = next - lo;
		const sentNow = next < times.length && times[next] < at + step;
		if (inWindow < limit && !sentNow) idle += step;
	}
	return idle;
}

function measure(fake: FakeRaydocs, entries: RequestLogEntry[], rows: RowInput[], labels: { job: string; setUp: string }, time: Timescale): Measured {
	const limited = entries.filter((entry) => entry.status === 429).length;
	const answered = entries.filter((entry) => entry.status !== 429);
	const terminal = terminalTimes(fake);
	const documents = rows.reduce((sum, row) => sum + row.documents, 0);
	const emitted = rows.flatMap((row) => row.emitted).filter((item) => terminal.has(item.sessionId));
	const latencies = emitted.map((item) => item.at - terminal.get(item.sessionId)!.terminalAt);
	const first = entries[0]?.at ?? 0;
	const lastOutput = Math.max(0, ...emitted.map((item) => item.at));
	const fewest = rows.reduce((sum, row) => sum + fewestRequests(row.kind, row.documents), 0);
	const rateLimit = rateLimitOf(time);
	const budgetMs = Math.floor((fewest - 1) / rateLimit.limit) * rateLimit.windowMs;
	const longestRun = Math.max(0, ...emitted.map((item) => terminal.get(item.sessionId)!.durationMs));
	const failures = rows.map((row) => row.failure).filter(Boolean) as string[];
	const errorItems = documents - emitted.length;
	const reads = answered.filter((entry) => entry.method === 'GET' && STATUS_READ.test(entry.path));
	const earlyReads = reads.filter((entry) => {
		const run = terminal.get(STATUS_READ.exec(entry.path)![2]);
		return !run || entry.at < run.terminalAt;
	});
	return {
		...labels,
		documents,
		runs: 1,
		outcome: failures.length ? `failed: ${failures[0].replace(/\|/g, '/').slice(0, 90)}` : emitted.length === documents ? 'succeeded' : `${emitted.length} / ${documents} out`,
		requests: answered.length,
		maxRequests: answered.length,
		statusReads: reads.length,
		earlyReads: earlyReads.length,
		resultsMs: lastOutput - first,
		idealMs: Math.max(budgetMs, longestRun),
		latencies,
		limited,
		surfaced: failures.length ? 'execution failed' : errorItems > 0 ? `${errorItems} items missing` : '0',
		idleMs: idleBudgetMs(answered, rateLimit.limit, rateLimit.windowMs),
	};
}

/** Several runs of one job as one row: sums, the mean results time and every latency. */
function combine(runs: Measured[], labels: { job: string; setUp: string }): Measured {
	const sum = (pick: (row: Measured) => number) => runs.reduce((total, row) => total + pick(row), 0);
	const failed = runs.find((row) => row.outcome !== 'succeeded');
	return {
		...labels,
		documents: sum((row) => row.documents),
		runs: runs.length,
		outcome: failed ? failed.outcome : `succeeded (${runs.length} runs)`,
		requests: sum((row) => row.requests),
		maxRequests: Math.max(...runs.map((row) => row.maxRequests)),
		statusReads: sum((row) => row.statusReads),
		earlyReads: sum((row) => row.earlyReads),
		resultsMs: sum((row) => row.resultsMs) / runs.length,
		idealMs: sum((row) => row.idealMs) / runs.length,
		latencies: runs.flatMap((row) => row.latencies),
		limited: sum((row) => row.limited),
		surfaced: runs.every((row) => row.surfaced === '0') ? '0' : runs.find((row) => row.surfaced !== '0')!.surfaced,
		idleMs: sum((row) => row.idleMs) / runs.length,
	};
}

function percentile(values: number[], share: number): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

function mean(values: number[]): number {
	return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : NaN;
}

/** The requests of each 10 s (real) of a job: sent for the job / status reads that found the run finished / early. */
function timeline(fake: FakeRaydocs, entries: RequestLogEntry[], time: Timescale): string {
	const terminal = terminalTimes(fake);
	const first = entries[0]?.at ?? 0;
	const buckets: Array<[number, number, number]> = [];
	for (const entry of entries.filter((candidate) => candidate.status !== 429)) {
		const bucket = Math.floor((entry.at - first) / time.ms(10));
		buckets[bucket] ??= [0, 0, 0];
		const read = entry.method === 'GET' ? STATUS_READ.exec(entry.path) : null;
		if (!read) buckets[bucket][0]++;
		else if (entry.at >= (terminal.get(read[2])?.terminalAt ?? Infinity)) buckets[bucket][1]++;
		else buckets[bucket][2]++;
	}
	return Array.from(buckets, (bucket, index) => `${index * 10}s:${(bucket ?? [0, 0, 0]).join('/')}`).join(' ');
}

/** A duration on the bench's clock shown in real seconds. */
const realSeconds = (ms: number, time: Timescale, digits = 0): string => `${(ms / time.scale / 1000).toFixed(digits)} s`;

interface Part {
	time: Timescale;
	results: Measured[];
}

function wantedRows(): Set<string> {
	const all = ['doc1', 'doc10', 'many20', 'many200', 'repeat', 'mix', 'together'];
	const chosen = process.env.BENCH_WAITING_ROWS?.split(',').map((row) => row.trim()).filter(Boolean);
	return new Set(chosen?.length ? chosen : all);
}

async function runJob(rest: N8nRest, fake: FakeRaydocs, job: Job, time: Timescale, timing?: Partial<Timing>): Promise<Measured> {
	if (timing) fake.setTiming(timing);
	fake.resetRateLimit();
	fake.clearLog();
	const execution = await rest.runManually(job.id, 'Manual Trigger', 900_000);
	const entries = apiEntries(fake);
	dumpLog(job.id, fake, entries);
	const row = measure(fake, entries, [rowOf(job, execution)], job, time);
	console.error(
		`[bench] ${job.job} / ${job.setUp}: ${row.outcome}, ${row.requests} requests, ${row.statusReads} status reads (${row.earlyReads} early), results after ${realSeconds(row.resultsMs, time)}, idle budget ${realSeconds(row.idleMs, time)}`,
	);
	if (row.requests >= 100) console.error(`[timeline] ${job.id} (per 10 s: job/read done/read early): ${timeline(fake, entries, time)}`);
	return row;
}

/** With BENCH_LOG_DIR, the job's request log (arrival, method, path, status, body, and when its run finished) as JSON, for a closer look. */
function dumpLog(name: string, fake: FakeRaydocs, entries: RequestLogEntry[]): void {
	const dir = process.env.BENCH_LOG_DIR;
	if (!dir) return;
	const terminal = terminalTimes(fake);
	const rows = entries.map((entry) => {
		const read = entry.method === 'GET' ? STATUS_READ.exec(entry.path) : null;
		return { at: entry.at - entries[0].at, method: entry.method, path: entry.path, status: entry.status, body: entry.body, finishedAt: read ? (terminal.get(read[2])?.terminalAt ?? 0) - entries[0].at : undefined };
	});
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, `${name}.json`), JSON.stringify(rows));
}

function rowOf(job: Job, execution: FinishedExecution): RowInput {
	const run = { data: execution.data } as Parameters<typeof nodeRuns>[0];
	const failure = execution.status === 'success' ? undefined : `${job.id}: ${executionError(run) ?? execution.status}`;
	return { kind: job.kind, documents: job.documents, emitted: emittedItems(nodeRuns(run, job.outputNode)), failure };
}

/** One job run `REPEATS` times on one template, each time with a new file; rows for the first run and for the others. */
async function repeated(rest: N8nRest, fake: FakeRaydocs, job: Job, time: Timescale): Promise<Measured[]> {
	// the durations repeat for the other set-up: the seeded sequence starts over here
	fake.setTiming(steadyTiming(time));
	const runs: Measured[] = [];
	for (let run = 1; run <= REPEATS; run++) {
		writeDistinctPdfs(job.dir, job.documents, `${job.id}-run${run}`);
		runs.push(await runJob(rest, fake, job, time));
	}
	return [
		{ ...runs[0], job: `${job.job}, run 1 (template never seen)` },
		combine(runs.slice(1), { job: `${job.job}, runs 2-${REPEATS} (template learned)`, setUp: job.setUp }),
	];
}

async function scaledPart(seeded: Seeded, rest: N8nRest, rows: Set<string>, jobs: Job[], mix: Job[], repeats: Job[]): Promise<Measured[]> {
	const { fake } = seeded;
	const results: Measured[] = [];
	for (const job of jobs) results.push(await runJob(rest, fake, job, SCALED, spreadTiming(SCALED)));
	for (const job of repeats) results.push(...(await repeated(rest, fake, job, SCALED)));
	if (rows.has('mix')) {
		fake.setTiming(spreadTiming(SCALED));
		fake.resetRateLimit();
		fake.clearLog();
		const executions = await Promise.all(mix.map(async (job) => ({ job, execution: await rest.runManually(job.id, 'Manual Trigger', 900_000) })));
		const entries = apiEntries(fake);
		dumpLog('mix', fake, entries);
		const mixRow = measure(
			fake,
			entries,
			executions.map(({ job, execution }) => rowOf(job, execution)),
			{ job: '10 executions at once (4 × 1 file, 3 × 3 items, 3 × Extract Many 20)', setUp: 'Raydocs node, one n8n process' },
			SCALED,
		);
		results.push(mixRow);
		console.error(`[bench] mix: ${mixRow.outcome}, ${mixRow.requests} requests, ${mixRow.statusReads} status reads (${mixRow.earlyReads} early), results after ${realSeconds(mixRow.resultsMs, SCALED)}, idle budget ${realSeconds(mixRow.idleMs, SCALED)}`);
		console.error(`[timeline] mix (per 10 s: job/read done/read early): ${timeline(fake, entries, SCALED)}`);
	}
	return results;
}

async function main(): Promise<void> {
	const version = nodeDefaults();
	const rows = wantedRows();
	const benchSetUp = { purpose: 'bench-waiting', fake: { timing: spreadTiming(SCALED), rateLimit: rateLimitOf(SCALED) } };
	const { parts, label } = await withRealN8nBench(benchSetUp, async ({ fake, host, label }) => {
		const seeded: Seeded = { fake, host, version };
		const pair = (key: string, ours: () => Job, theirs: () => Job): Job[] => (rows.has(key) ? [ours(), theirs()] : []);
		const jobs: Job[] = [
			...pair('doc1', () => ourJob(seeded, { id: 'rdWaitDoc1', kind: 'document', documents: 1, time: SCALED }), () => handBuiltJob(seeded, { id: 'rdWaitHand1', job: 'Extract Document, 1 file', documents: 1, time: SCALED })),
			...pair('doc10', () => ourJob(seeded, { id: 'rdWaitDoc10', kind: 'document', documents: 10, time: SCALED }), () => handBuiltJob(seeded, { id: 'rdWaitHand10', job: 'Extract Document, 10 items in one execution', documents: 10, time: SCALED })),
			...pair('many20', () => ourJob(seeded, { id: 'rdWaitMany20', kind: 'many', documents: 20, time: SCALED }), () => handBuiltJob(seeded, { id: 'rdWaitHand20', job: 'Extract Many, 20 files', documents: 20, time: SCALED })),
			...pair('many200', () => ourJob(seeded, { id: 'rdWaitMany200', kind: 'many', documents: 200, time: SCALED }), () => handBuiltJob(seeded, { id: 'rdWaitHand200', job: 'Extract Many, 200 files', documents: 200, time: SCALED })),
		];
		const repeatJob = 'Extract Document, 1 file of ~70 s (63-77 s)';
		const repeats = pair(
			'repeat',
			() => ourJob(seeded, { id: 'rdWaitRep', kind: 'document', documents: 1, time: SCALED, job: repeatJob }),
			() => handBuiltJob(seeded, { id: 'rdWaitRepHand', job: repeatJob, documents: 1, time: SCALED }),
		);
		// The concurrent mix: 4 × Extract Document (1 file), 3 × Extract Document (3 items), 3 × Extract Many (20 files).
		const mix: Job[] = rows.has('mix')
			? [
					...[0, 1, 2, 3].map((index) => ourJob(seeded, { id: `rdWaitMixD1${index}`, kind: 'document', documents: 1, time: SCALED })),
					...[0, 1, 2].map((index) => ourJob(seeded, { id: `rdWaitMixD3${index}`, kind: 'document', documents: 3, time: SCALED })),
					...[0, 1, 2].map((index) => ourJob(seeded, { id: `rdWaitMixM20${index}`, kind: 'many', documents: 20, time: SCALED })),
				]
			: [];
		// Part 2's jobs: Raydocs' real limit, one template for both runs of the node
		const togetherTemplate = freshTemplate(fake, 'rdWaitTog');
		const together: Job[] = rows.has('together')
			? [
					ourJob(seeded, { id: 'rdWaitTog', kind: 'many', documents: 20, time: REAL, credential: REAL_TIMING_CREDENTIAL, templateId: togetherTemplate, job: 'Extract Many, 20 files finishing together (real timing)' }),
					handBuiltJob(seeded, { id: 'rdWaitTogHand', job: 'Extract Many, 20 files finishing together (real timing)', documents: 20, time: REAL }),
				]
			: [];
		const rateLimit = rateLimitOf(REAL);
		await host.importCredentials([
			{ ...REAL_TIMING_CREDENTIAL, type: 'raydocsApi', data: { accessToken: fake.token, baseUrl: fake.url, rateLimitRequests: rateLimit.limit, rateLimitWindowSeconds: rateLimit.windowMs / 1000 } },
		]);
		await host.importWorkflows([...jobs, ...repeats, ...mix, ...together].map((job) => job.workflow));
		const parts: Part[] = [];
		if (jobs.length + repeats.length + mix.length > 0) {
			// One n8n process for all: `n8n execute` cuts its printed run data short past ~1 MB, the REST
			// API reads it from the database. Manual runs, as the editor's "Execute workflow".
			await host.start();
			parts.push({ time: SCALED, results: await scaledPart(seeded, await host.rest(), rows, jobs, mix, repeats) });
			await host.stop();
		}
		if (together.length) {
			// a fresh process: nothing learned, nothing left in the node's request window
			fake.setRateLimit(rateLimitOf(REAL));
			await host.start();
			const rest = await host.rest();
			const [ours, theirs] = together;
			const results: Measured[] = [];
			for (const [index, job] of [ours, theirs, ours].entries()) {
				// a new window: the previous job's requests leave Raydocs' count and the node's
				if (index > 0) await new Promise((resolve) => setTimeout(resolve, rateLimit.windowMs + 1000));
				writeDistinctPdfs(job.dir, job.documents, `${job.id}-run${index}`);
				const row = await runJob(rest, fake, job, REAL, togetherTiming(REAL));
				const run = job === theirs ? '' : index === 0 ? ', run 1 (template never seen)' : ', run 2 (template learned)';
				results.push({ ...row, job: `${row.job}${run}` });
			}
			await host.stop();
			parts.push({ time: REAL, results });
		}
		return { parts, label };
	});

	const table = [
		`| Job | Set-up | Outcome | API requests (per document) | Status reads (early) | Results after | Completion → output, mean / p95 | 429s received / surfaced | Idle budget | Share of ceiling |`,
		`|---|---|---|---|---|---|---|---|---|---|`,
		...parts.flatMap(({ time, results }) =>
			results.map((row) => {
				const perRun = row.runs > 1 ? `${(row.requests / row.runs).toFixed(1)} per run, at most ${row.maxRequests}` : `${row.requests} (${(row.requests / row.documents).toFixed(2)})`;
				const reads = row.runs > 1 ? `${(row.statusReads / row.runs).toFixed(1)} (${(row.earlyReads / row.runs).toFixed(1)}) per run` : `${row.statusReads} (${row.earlyReads})`;
				return row.latencies.length === 0
					? `| ${row.job} | ${row.setUp} | ${row.outcome} | ${perRun} | ${reads} | n/a | n/a | ${row.limited} / ${row.surfaced} | n/a | n/a |`
					: `| ${row.job} | ${row.setUp} | ${row.outcome} | ${perRun} | ${reads} | ${realSeconds(row.resultsMs, time)} | ${realSeconds(mean(row.latencies), time, 1)} / ${realSeconds(percentile(row.latencies, 0.95), time, 1)} | ${row.limited} / ${row.surfaced} | ${realSeconds(row.idleMs, time)} | ${(row.idealMs / row.resultsMs).toFixed(2)} |`;
			}),
		),
	].join('\n');
	console.log(`\nWaiting at realistic timing in ${label}, ${packageLabel()}, Raydocs node version ${version.typeVersion} with its default wait options (${JSON.stringify(version.options)}; scaled like every time in part 1).`);
	console.log(
		`Part 1 is scaled by ${SCALED.scale} and shown in real seconds: rate limit 100 / 60 s (run: 100 / ${rateLimitOf(SCALED).windowMs / 1000} s), processing 20-90 s per document (3 s parsing, 1 s queued, 16 s + 0-70 s jitter; the repeated job 63-77 s), hand-built: Wait ${HAND_BUILT_WAIT_SECONDS} s, Retry On Fail 5 × 5 s, Batching 10 per 6 s on signed URLs and session reads. Part 2 (real timing) runs every document in 29 s (3 s parsing, 1 s queued, 25 s).`,
	);
	console.log(
		'Results after: first API request → last output item (a repeated row: the mean per run). Completion → output: from the moment Raydocs finished a run to the end of the node run that output its item. Status reads (early): reads of a run or session, and of those the ones before it had finished. Idle budget: time the window had room and no request went out, first to last request. Share of ceiling: the ideal span (the longer of sending the fewest requests the job allows at 100 / 60 s and its longest run) over the actual one.\n',
	);
	console.log(table);
	if (process.env.BENCH_WRITE_DOCS === '1') writeGeneratedTable('bench:waiting', table);
}

runBench(main);
