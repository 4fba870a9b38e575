import { sleep, Workflow } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import { RaydocsTrigger } from '../../nodes/RaydocsTrigger/RaydocsTrigger.node';
import type { FakeRaydocs } from '../../tools/fake-raydocs/server';
import { api } from '../tools/fake-raydocs/test-helpers';
import { pollingTrigger, type PollHandle } from '../harness/engine';
import { credentialsFor } from './raydocs';

export const triggerNode = new RaydocsTrigger();

/**
 * A call to the fake as the test's own client. Its requests share the fake's per-IP budget with the
 * n8n processes on this machine, as they would Raydocs': a 429 (not processed, so safe to repeat) is
 * waited out as its Retry-After says, for at most two minutes.
 */
async function testApi<T>(fake: FakeRaydocs, method: string, path: string, options: Parameters<typeof api>[3] = {}) {
	const giveUpAt = Date.now() + 120_000;
	for (;;) {
		const answer = await api<T>(fake, method, path, options);
		if (answer.status !== 429 || Date.now() > giveUpAt) return answer;
		await sleep(Number(answer.headers.get('retry-after') ?? 1) * 1000);
	}
}

/** A session of the seeded template with one stored document attached, ready to run. */
export async function sessionWithDocument(fake: FakeRaydocs, content = '%PDF trigger'): Promise<string> {
	const seed = fake.state.seed!;
	const session = await testApi<{ id: string }>(fake, 'POST', '/extractions/sessions', {
		body: { extraction_template_id: seed.templateId, name: 'watched' },
	});
	const document = fake.seedWorkspaceDocument(seed.workspaceId, { filename: `${session.body.id}.pdf`, content: `${content} ${session.body.id}` });
	await testApi(fake, 'POST', `/extractions/sessions/${session.body.id}/documents/attach`, {
		body: { document_ids: [document.id] },
	});
	return session.body.id;
}

export async function startRun(fake: FakeRaydocs, sessionId: string): Promise<string> {
	const run = await testApi<{ id: string }>(fake, 'POST', `/extractions/sessions/${sessionId}/results`);
	if (run.status !== 201) throw new Error(`run not started: ${run.status} ${run.text}`);
	return run.body.id;
}

/**
 * Reads the run until it has one of `statuses`, for at most 90 s (429s waited out, see testApi),
 * every 100 ms: reading faster would spend the per-IP budget the n8n under test needs.
 */
export async function waitForStatus(fake: FakeRaydocs, runId: string, statuses = ['completed', 'failed']): Promise<void> {
	const giveUpAt = Date.now() + 90_000;
	let last = 'no answer';
	while (Date.now() < giveUpAt) {
		const run = await testApi<{ status: string }>(fake, 'GET', `/extractions/results/${runId}`);
		if (run.status === 200 && statuses.includes(run.body.status)) return;
		last = run.status === 200 ? `status ${run.body.status}` : `HTTP ${run.status}`;
		await sleep(100);
	}
	throw new Error(`run ${runId} did not reach ${statuses.join('/')} in 90 s (last read: ${last})`);
}

export async function completedRun(fake: FakeRaydocs, sessionId: string): Promise<string> {
	const runId = await startRun(fake, sessionId);
	await waitForStatus(fake, runId);
	return runId;
}

export function extractionTrigger(
	fake: FakeRaydocs,
	sessionIds: string[],
	options: INodeParameters = {},
	extra: INodeParameters = {},
	workflow?: Workflow,
	mode: 'trigger' | 'manual' = 'trigger',
): PollHandle {
	return pollingTrigger({
		nodeType: triggerNode,
		credentials: credentialsFor(fake),
		workflow,
		mode,
		parameters: {
			event: 'extractionCompleted',
			sessionIds: sessionIds.join(', '),
			simplify: true,
			fieldLayout: 'flat',
			options,
			...extra,
		},
	});
}

/** The trigger on Workflow Run Completed for a workflow of the fake's seeded workspace. */
export function workflowRunTrigger(
	fake: FakeRaydocs,
	workflowId: NodeParameterValueType,
	options: INodeParameters = {},
	init: { workflow?: Workflow; mode?: 'trigger' | 'manual'; pollBudgetMs?: number } = {},
): PollHandle {
	return pollingTrigger({
		nodeType: triggerNode,
		credentials: credentialsFor(fake),
		...init,
		parameters: {
			event: 'workflowRunCompleted',
			workspaceId: { __rl: true, mode: 'id', value: String(fake.state.seed!.workspaceId) },
			workflowId,
			options,
		},
	});
}

/** Same workflow definition and saved static data, new objects: what n8n has after a restart. */
export function restarted(workflow: Workflow): Workflow {
	return new Workflow({
		id: workflow.id,
		nodes: Object.values(workflow.nodes).map((node) => ({ ...node })),
		connections: {},
		active: true,
		nodeTypes: workflow.nodeTypes,
		staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
	});
}

export function resultIds(output: INodeExecutionData[][] | null): string[] {
	return (output?.[0] ?? []).map((item) => String(item.json.result_id ?? item.json.id));
}
