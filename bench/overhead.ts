/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- a benchmark script run with Node, never shipped */
/**
 * Per-request overhead, in a real n8n 2.x: 200 input items → one GET /extractions/templates/{id}
 * each, made by Raydocs → Template → Get (declarative routing through the node's transport: rate
 * limiter, retries, error mapping) and by n8n's HTTP Request node (typeVersion 4.2, Header Auth)
 * on the same endpoint. Rate limiting is off in the fake and out of reach in the credential
 * (100,000 requests per second), so what is measured is the work per request. Both nodes send an
 * item's request without waiting for the previous answer.
 *
 * Per run: the node's executionTime from n8n's run data, and the first-to-last arrival time of its
 * requests in the fake's log. Each node runs RUNS times, alternating, each in its own `n8n
 * execute`; the table shows medians and the range.
 *
 * Then one more run of the Raydocs node in an n8n started with `--cpu-prof`: where the CPU time of
 * the declarative engine's RoutingNode.runNode went, by the step of the engine and by function, and
 * how much of it was the package's own code (BENCH_CPU_PROFILE=0 skips it).
 * BENCH_EXPRESSION_ENGINE=legacy runs n8n with its former expression engine (N8N_EXPRESSION_ENGINE)
 * instead of the isolated-vm one 2.x uses by default, to show what the engine costs per item.
 *
 *   npm run bench:overhead       (BENCH_WRITE_DOCS=1 also replaces the tables in docs/performance.md)
 */

import type { N8nHost, WorkflowJson } from '../scripts/n8n/host';
import type { FakeRaydocs } from '../tools/fake-raydocs/server';
import { byId, chainWorkflow, raydocsNode, type NodeSpec } from '../test/e2e/workflows';
import {
	apiEntries,
	executionError,
	httpRequestNode,
	median,
	nodeRuns,
	printTable,
	RAYDOCS_CREDENTIAL,
	spanMs,
	writeGeneratedTable,
} from './realN8n';
import { engineTime, readEngineProfile, type EngineTime } from './cpuProfile';
import { packageLabel, runBench, withRealN8nBench } from './setUp';

const ITEMS = 200;
const RUNS = 3;
const ENDPOINT = 'GET /extractions/templates/{templateId}';

interface Contender {
	id: string;
	label: string;
	nodeName: string;
	workflow: WorkflowJson;
	executionMs: number[];
	arrivalSpanMs: number[];
	/** From the node's start to the first request's arrival. */
	beforeFirstMs: number[];
	/** From the last request's arrival to the node's end. */
	afterLastMs: number[];
}

/** Manual Trigger → one item holding [1..ITEMS] → Split Out → ITEMS items → the node under test. */
function itemsThen(id: string, node: NodeSpec): WorkflowJson {
	const numbers = Array.from({ length: ITEMS }, (_, index) => index + 1);
	return chainWorkflow(id, [
		{ name: 'Numbers', type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'raw', jsonOutput: JSON.stringify({ n: numbers }), options: {} } },
		{ name: 'One Item Each', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'n', options: {} } },
		node,
	]);
}

/** Median (min-max); whole milliseconds above 100, two decimals below. */
function stats(values: number[]): string {
	const format = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2));
	return `${format(median(values))} (${format(Math.min(...values))}-${format(Math.max(...values))})`;
}

/** n8n's environment: the expression engine chosen with BENCH_EXPRESSION_ENGINE, else n8n's default. */
const hostEnv = process.env.BENCH_EXPRESSION_ENGINE ? { N8N_EXPRESSION_ENGINE: process.env.BENCH_EXPRESSION_ENGINE } : undefined;
const engineLabel = process.env.BENCH_EXPRESSION_ENGINE ? `N8N_EXPRESSION_ENGINE=${process.env.BENCH_EXPRESSION_ENGINE}` : "n8n's default expression engine";

async function main(): Promise<void> {
	const { label, contenders } = await withRealN8nBench(
		{ purpose: 'bench-overhead', fake: { rateLimit: false }, credentialRateLimit: { requests: 100_000, windowSeconds: 1 }, hostEnv },
		async ({ fake, host, label }) => ({ label, contenders: await measureContenders(fake, host) }),
	);
	printResults(label, contenders);
	if (process.env.BENCH_CPU_PROFILE !== '0') printProfile(await profileRaydocsNode());
}

/** One run of the Raydocs node's workflow in an n8n writing a CPU profile; what runNode spent. */
async function profileRaydocsNode(): Promise<EngineTime> {
	return await withRealN8nBench(
		{
			purpose: 'bench-overhead-profile',
			fake: { rateLimit: false },
			credentialRateLimit: { requests: 100_000, windowSeconds: 1 },
			hostEnv,
			nodeOptions: '--cpu-prof --cpu-prof-interval=200',
		},
		async ({ fake, host }) => {
			const [ours] = contendersFor(fake).filter((contender) => contender.id === 'rdBenchOvhNode');
			await host.importWorkflows([ours.workflow]);
			// the profiles land in the working directory of each n8n process: the user folder
			const result = await host.execute(ours.id, 180_000);
			const failure = executionError(result.run) ?? (result.code !== 0 ? `n8n execute exited with ${result.code}` : undefined);
			if (failure) throw new Error(`profiled run failed: ${failure}`);
			return engineTime(readEngineProfile(host.userFolder));
		},
	);
}

function printProfile(time: EngineTime): void {
	const ms = (value: number) => `${value.toFixed(0)} ms`;
	const table = [
		`CPU profile of one run (\`--cpu-prof\`, 200 µs sampling, the profiler slows it): ${ms(time.totalMs)} under the declarative engine's RoutingNode.runNode for ${ITEMS} items (${(time.totalMs / ITEMS).toFixed(1)} ms per item); the package's own code ${ms(time.packageMs)}; n8n's expression evaluation ${ms(time.expressionMs)}.`,
		'',
		'| Step of runNode (the frame it called) | CPU time | Share |',
		'|---|---|---|',
		...time.byStep.map((step) => `| \`${step.frame}\` | ${ms(step.ms)} | ${((step.ms / time.totalMs) * 100).toFixed(0)} % |`),
		'',
		'| Function running (self time) | CPU time | Share |',
		'|---|---|---|',
		...time.bySelf.map((step) => `| \`${step.frame}\` | ${ms(step.ms)} | ${((step.ms / time.totalMs) * 100).toFixed(0)} % |`),
	].join('\n');
	console.log(`\n${table}`);
	if (process.env.BENCH_WRITE_DOCS === '1') writeGeneratedTable('bench:overhead-profile', table);
}

function contendersFor(fake: FakeRaydocs): Contender[] {
	const templateId = fake.state.seed!.templateId;
	return [
		{
			id: 'rdBenchOvhNode',
			label: 'Raydocs → Template → Get',
			nodeName: 'Get Template',
			workflow: itemsThen('rdBenchOvhNode', raydocsNode('Get Template', RAYDOCS_CREDENTIAL, { resource: 'template', operation: 'get', templateId: byId(templateId) })),
			executionMs: [],
			arrivalSpanMs: [],
			beforeFirstMs: [],
			afterLastMs: [],
		},
		{
			id: 'rdBenchOvhHttp',
			label: 'HTTP Request 4.2 (Header Auth)',
			nodeName: 'Get Template',
			workflow: itemsThen('rdBenchOvhHttp', httpRequestNode('Get Template', { method: 'GET', url: `${fake.url}/extractions/templates/${templateId}` })),
			executionMs: [],
			arrivalSpanMs: [],
			beforeFirstMs: [],
			afterLastMs: [],
		},
	];
}

async function measureContenders(fake: FakeRaydocs, host: N8nHost): Promise<Contender[]> {
	const contenders = contendersFor(fake);
	await host.importWorkflows(contenders.map((contender) => contender.workflow));
	for (let run = 1; run <= RUNS; run++) {
		for (const contender of contenders) {
			fake.clearLog();
			const result = await host.execute(contender.id, 120_000);
			const failure = executionError(result.run) ?? (result.code !== 0 ? `n8n execute exited with ${result.code}` : undefined);
			if (failure) throw new Error(`${contender.label} failed: ${failure}\n${result.output.slice(-2000)}`);
			const requests = apiEntries(fake);
			const [nodeRun] = nodeRuns(result.run, contender.nodeName);
			const outputs = nodeRun?.data?.main?.[0] ?? [];
			if (requests.length !== ITEMS || !requests.every((entry) => entry.endpoint === ENDPOINT && entry.status === 200) || outputs.length !== ITEMS) {
				throw new Error(`${contender.label}: expected ${ITEMS} answered ${ENDPOINT} requests and items, got ${requests.length} requests and ${outputs.length} items`);
			}
			if (nodeRun.executionTime === undefined || nodeRun.startTime === undefined) {
				throw new Error(`${contender.label}: the run data has no startTime/executionTime`);
			}
			contender.executionMs.push(nodeRun.executionTime);
			contender.arrivalSpanMs.push(spanMs(requests));
			// n8n and the fake read the same clock (Date.now() on this machine)
			contender.beforeFirstMs.push(requests[0].at - nodeRun.startTime);
			contender.afterLastMs.push(nodeRun.startTime + nodeRun.executionTime - requests[requests.length - 1].at);
			console.error(`[bench] run ${run}, ${contender.label}: node ${nodeRun.executionTime} ms, requests arrived over ${spanMs(requests)} ms`);
		}
	}
	return contenders;
}

function printResults(label: string, contenders: Contender[]): void {
	console.log(`\nPer-request overhead: ${ITEMS} items → ${ITEMS} × ${ENDPOINT} in one \`n8n execute\`, ${label}, ${engineLabel}, ${packageLabel()}`);
	console.log(
		`Fake Raydocs on 127.0.0.1 with rate limiting off; the Raydocs credential allows 100,000 requests/s. ${RUNS} runs per node, alternating; median (min-max).`,
	);
	console.log(
		"Node time: the node's executionTime in n8n's run data, split into node start → first request, first → last request (arrival times in the fake's log), and last request → node end.\n",
	);
	const headers = ['Node', 'Requests per run', 'Node time per request (ms)', 'Node time (ms)', 'Start → first request (ms)', 'per item (ms)', 'First → last request (ms)', 'Last request → end (ms)'];
	const rows = contenders.map((contender) => [
		contender.label,
		ITEMS,
		stats(contender.executionMs.map((ms) => ms / ITEMS)),
		stats(contender.executionMs),
		stats(contender.beforeFirstMs),
		stats(contender.beforeFirstMs.map((ms) => ms / ITEMS)),
		stats(contender.arrivalSpanMs),
		stats(contender.afterLastMs),
	]);
	printTable(headers, rows);
	const ours = median(contenders[0].executionMs) / ITEMS;
	const theirs = median(contenders[1].executionMs) / ITEMS;
	console.log(`\nDifference: ${(ours - theirs).toFixed(2)} ms per request (Raydocs node minus HTTP Request node, medians of node time).`);
	if (process.env.BENCH_WRITE_DOCS === '1') {
		writeGeneratedTable('bench:overhead', [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n'));
	}
}

runBench(main);
