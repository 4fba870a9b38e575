import { sleep, Workflow } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import { RaydocsTrigger } from '../../nodes/RaydocsTrigger/RaydocsTrigger.node';
import type { FakeRaydocs } from '../../tools/fake-raydocs/server';
import { api } from '../tools/fake-raydocs/test-helpers';
import { pollingTrigger, type PollHandle } from '../harness/engine';
import { credentialsFor } from './raydocs';

export const triggerNode = new RaydocsTrigger();

/** A session of the seeded template with one stored document attached, ready to run. */
export async function sessionWithDocument(fake: FakeRaydocs, content = '%PDF trigger'): Promise<string> {
	const seed = fake.state.seed!;
	const session = await api<{ id: string }>(fake, 'POST', '/extractions/sessions', {
		body: { extraction_template_id: seed.templateId, name: 'watched' },
	});
	const document = fake.seedWorkspaceDocument(seed.workspaceId, { filename: `${session.body.id}.pdf`, content: `${content} ${session.body.id}` });
	await api(fake, 'POST', `/extractions/sessions/${session.body.id}/documents/attach`, {
		body: { document_ids: [document.id] },
	});
	return session.body.id;
}

export async function startRun(fake: FakeRaydocs, sessionId: string): Promise<string> {
	const run = await api<{ id: string }>(fake, 'POST', `/extractions/sessions/${sessionId}/results`);
	if (run.status !== 201) throw new Error(`run not started: ${run.status} ${run.text}`);
	return run.body.id;
}

export async function waitForStatus(fake: FakeRaydocs, runId: string, statuses = ['completed', 'failed']): Promise<void> {
	for (let attempt = 0; attempt < 200; attempt++) {
		const run = await api<{ status: string }>(fake, 'GET', `/extractions/results/${runId}`);
		if (statuses.includes(run.body.status)) return;
		await sleep(20);
	}
	throw new Error(`run ${runId} did not reach ${statuses.join('/')}`);
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
