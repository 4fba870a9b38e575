/* eslint-disable no-console -- a benchmark script run with Node, never shipped */
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
 *   npm run build && node scripts/run-ts.js bench/overhead.ts
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
} from './realN8n';
import { runBench, withRealN8nBench } from './setUp';

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

async function main(): Promise<void> {
	const { label, contenders } = await withRealN8nBench(
		{ purpose: 'bench-overhead', fake: { rateLimit: false }, credentialRateLimit: { requests: 100_000, windowSeconds: 1 } },
		async ({ fake, host, label }) => ({ label, contenders: await measureContenders(fake, host) }),
	);
	printResults(label, contenders);
}

async function measureContenders(fake: FakeRaydocs, host: N8nHost): Promise<Contender[]> {
	const templateId = fake.state.seed!.templateId;
	const contenders: Contender[] = [
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
	console.log(`\nPer-request overhead: ${ITEMS} items → ${ITEMS} × ${ENDPOINT} in one \`n8n execute\`, ${label}`);
	console.log(
		`Fake Raydocs on 127.0.0.1 with rate limiting off; the Raydocs credential allows 100,000 requests/s. ${RUNS} runs per node, alternating; median (min-max).`,
	);
	console.log(
		"Node time: the node's executionTime in n8n's run data, split into node start → first request, first → last request (arrival times in the fake's log), and last request → node end.\n",
	);
	printTable(
		['Node', 'Requests per run', 'Node time per request (ms)', 'Node time (ms)', 'Start → first request (ms)', 'First → last request (ms)', 'Last request → end (ms)'],
		contenders.map((contender) => [
			contender.label,
			ITEMS,
			stats(contender.executionMs.map((ms) => ms / ITEMS)),
			stats(contender.executionMs),
			stats(contender.beforeFirstMs),
			stats(contender.arrivalSpanMs),
			stats(contender.afterLastMs),
		]),
	);
	const ours = median(contenders[0].executionMs) / ITEMS;
	const theirs = median(contenders[1].executionMs) / ITEMS;
	console.log(`\nDifference: ${(ours - theirs).toFixed(2)} ms per request (Raydocs node minus HTTP Request node, medians of node time).`);
}

runBench(main);
