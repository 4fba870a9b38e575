/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- a benchmark script run with Node, never shipped */
/**
 * Requests per job: how many Raydocs API requests each kind of job makes, counted from the fake
 * server's request log, beside the fewest the API allows. The fake's rate-limit window and
 * processing delays are scaled down so the whole table takes well under a minute.
 */
process.env.N8N_LOG_LEVEL = 'silent';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Raydocs } from '../nodes/Raydocs/Raydocs.node';
import { RaydocsTrigger } from '../nodes/RaydocsTrigger/RaydocsTrigger.node';
import type { FakeRaydocs } from '../tools/fake-raydocs/server';
import { runBench, withFake } from './setUp';
import { api } from '../test/tools/fake-raydocs/test-helpers';
import { pollingTrigger, runNode, type RaydocsCredentialData } from '../test/harness/engine';
import { sampleInvoicePdf } from '../scripts/sampleInvoice';

const RATE_LIMIT = { limit: 100, windowMs: 1000 };
const node = new Raydocs();

function credentials(fake: FakeRaydocs): RaydocsCredentialData {
	return { accessToken: fake.token, baseUrl: fake.url, rateLimitRequests: RATE_LIMIT.limit, rateLimitWindowSeconds: RATE_LIMIT.windowMs / 1000 };
}

function files(count: number): INodeExecutionData[] {
	const pdf = sampleInvoicePdf();
	return Array.from({ length: count }, (_, index) => {
		const content = Buffer.concat([pdf, Buffer.from(`%${index}\n`)]);
		return { json: {}, binary: { data: { data: content.toString('base64'), mimeType: 'application/pdf', fileName: `invoice-${index}.pdf`, bytes: content.length } } };
	});
}

interface Row {
	job: string;
	documents: number | string;
	requests: number;
	minimum: string;
	notes: string;
}

async function measure(fake: FakeRaydocs, parameters: INodeParameters, input?: INodeExecutionData[]): Promise<{ requests: number; polls: number }> {
	fake.clearLog();
	const result = await runNode({ nodeType: node, parameters, credentials: credentials(fake), input });
	if (result.error) throw result.error;
	const entries = fake.log.filter((entry) => entry.listener === 'api');
	return { requests: entries.length, polls: entries.filter((entry) => entry.method === 'GET').length };
}

async function main(): Promise<void> {
	const rows = await withFake({ rateLimit: RATE_LIMIT, timing: { parseMs: 200, runQueuedMs: 100, runProcessingMs: 300, batchSessionStartMs: 50 } }, measureJobs);
	console.log(`Requests per job (fake Raydocs; rate limit scaled to ${RATE_LIMIT.limit} per ${RATE_LIMIT.windowMs / 1000} s, processing ~0.6 s per document)\n`);
	console.log('| Job | Documents | API requests | Fewest the API allows | Notes |');
	console.log('|---|---|---|---|---|');
	for (const row of rows) console.log(`| ${row.job} | ${row.documents} | ${row.requests} | ${row.minimum} | ${row.notes} |`);
}

async function measureJobs(fake: FakeRaydocs): Promise<Row[]> {
	const templateId = { __rl: true, mode: 'id', value: fake.state.seed!.templateId };
	const rows: Row[] = [];
	const wait = { checkInterval: 0.25, timeout: 120 };
	for (const count of [1, 100]) {
		const { requests, polls } = await measure(fake, { resource: 'extraction', operation: 'extractDocument', templateId, inputSource: 'binary', allBinaries: false, binaryPropertyName: 'data', simplify: true, fieldLayout: 'flat', options: wait }, files(count));
		rows.push({ job: 'Extract Document (upload, session, run, wait)', documents: count, requests, minimum: `${4 * count} + polls`, notes: `${polls} status polls (every 0.25 s here)` });
	}
	for (const count of [1, 10, 50, 100, 200]) {
		const { requests, polls } = await measure(fake, { resource: 'batch', operation: 'extract', templateId, allBinaries: false, binaryPropertyName: 'data', waitForResults: true, simplify: true, fieldLayout: 'flat', options: wait }, files(count));
		rows.push({ job: 'Extraction Batch → Extract Many (wait for all)', documents: count, requests, minimum: `${count + Math.ceil(count / 50)} + polls`, notes: `${polls} status polls` });
	}
	const workspaceId = fake.state.seed!.workspaceId;
	const listed = fake.seedWorkspace('Lists').id;
	for (let index = 0; index < 1000; index++) fake.seedTemplate(listed, { name: `Template ${index}` });
	for (let index = 0; index < 1000; index++) fake.seedWorkspaceDocument(listed, { filename: `doc-${index}.pdf`, content: `%PDF ${index}` });
	const templates = await measure(fake, { resource: 'template', operation: 'getAll', workspaceId: { __rl: true, mode: 'id', value: String(listed) }, returnAll: true });
	rows.push({ job: 'Template → Get Many, Return All (1,000 templates)', documents: '-', requests: templates.requests, minimum: String(Math.ceil(1000 / 15)), notes: 'Raydocs pages by 15; no page size is documented for templates' });
	const documents = await measure(fake, { resource: 'workspaceDocument', operation: 'getAll', workspaceId: { __rl: true, mode: 'id', value: String(listed) }, returnAll: true, filters: {} });
	rows.push({ job: 'Workspace Document → Get Many, Return All (1,000 documents)', documents: '-', requests: documents.requests, minimum: String(Math.ceil(1000 / 100)), notes: 'per_page=100, the documented maximum' });

	// trigger: 10 watched sessions, idle poll, then a poll that finds 10 new runs
	const sessions: string[] = [];
	for (let index = 0; index < 10; index++) {
		const session = await api<{ id: string }>(fake, 'POST', '/extractions/sessions', { body: { extraction_template_id: fake.state.seed!.templateId } });
		const document = fake.seedWorkspaceDocument(workspaceId, { filename: `watched-${index}.pdf`, content: `%PDF watched ${index}` });
		await api(fake, 'POST', `/extractions/sessions/${session.body.id}/documents/attach`, { body: { document_ids: [document.id] } });
		sessions.push(session.body.id);
	}
	const trigger = pollingTrigger({ nodeType: new RaydocsTrigger(), credentials: credentials(fake), parameters: { event: 'extractionCompleted', sessionIds: sessions.join(','), simplify: true, options: {} } });
	await trigger.poll();
	fake.clearLog();
	await trigger.poll();
	rows.push({ job: 'Trigger idle poll (10 watched sessions)', documents: 0, requests: fake.log.length, minimum: '10', notes: 'one GET per watched session' });
	const runs = await Promise.all(sessions.map(async (id) => (await api<{ id: string }>(fake, 'POST', `/extractions/sessions/${id}/results`)).body.id));
	for (const runId of runs) {
		for (;;) {
			const run = await api<{ status: string }>(fake, 'GET', `/extractions/results/${runId}`);
			if (run.body.status === 'completed') break;
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	}
	fake.clearLog();
	const emitted = (await trigger.poll())?.[0].length ?? 0;
	rows.push({ job: `Trigger poll with 10 new runs (${emitted} emitted)`, documents: 10, requests: fake.log.length, minimum: '10', notes: 'runs come embedded in the session answer' });
	return rows;
}

runBench(main, { timed: false });
