import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { pathOf } from '../Raydocs/shared/endpointRequests';
import { RAYDOCS_API } from '../Raydocs/shared/endpoints';
import { requireUuid, requireWholeNumber } from '../Raydocs/shared/ids';
import { raydocsJson } from '../Raydocs/shared/transport';
import { listItemsOf } from '../Raydocs/shared/listResponse';
import { firstPollState, keepFirstPollState } from './firstPollState';
import { pollDeadline } from './pollBudget';

/** Kept across polls: the documented sync contract (boundary, durable cursor) plus recent ids. */
interface WorkflowRunState {
	createdAfter?: string;
	cursor?: string;
	serverTime?: string;
	recentIds?: string[];
}

interface CursorPage {
	data?: IDataObject[];
	meta?: { next_cursor?: string | null; has_more?: boolean; server_time?: string };
}

/** Enough to catch a page the server sends twice; older ids are behind the cursor anyway. */
const RECENT_IDS_KEPT = 500;
const EPOCH = '1970-01-01T00:00:00Z';

/** The workspace and workflow whose runs are watched. */
type WorkflowIds = { workspaceId: string; workflowId: string };

function watchedWorkflow(context: IPollFunctions): WorkflowIds {
	const workspaceId = requireWholeNumber(
		context.getNode(),
		context.getNodeParameter('workspaceId', undefined, { extractValue: true }),
		'workspace',
		0,
	);
	const workflowId = requireUuid(
		context.getNode(),
		context.getNodeParameter('workflowId', undefined, { extractValue: true }),
		'workflow',
		0,
	);
	return { workspaceId, workflowId };
}

async function withOutput(
	context: IPollFunctions,
	workflow: WorkflowIds,
	run: IDataObject,
	include: boolean,
	deadline?: number,
): Promise<INodeExecutionData> {
	if (!include) return { json: run };
	const output = await raydocsJson<IDataObject>(context, {
		method: 'GET',
		url: pathOf(RAYDOCS_API.getWorkflowRunOutput, { ...workflow, runId: String(run.id) }),
		deadline,
	});
	return { json: { ...run, output } };
}

/** "Fetch Test Event": the newest completed run, from the plain (newest first) list. */
async function sampleRun(context: IPollFunctions, workflow: WorkflowIds, includeOutput: boolean): Promise<INodeExecutionData[]> {
	const body = await raydocsJson(context, {
		method: 'GET',
		url: pathOf(RAYDOCS_API.listWorkflowRuns, workflow),
		qs: { page: 1 },
	});
	const newest = listItemsOf<IDataObject>(body).find((run) => run.status === 'completed');
	if (!newest) {
		throw new NodeOperationError(context.getNode(), 'This workflow has no completed run yet', {
			description: 'Run the workflow in Raydocs, then fetch the test event again.',
		});
	}
	return [await withOutput(context, workflow, newest, includeOutput)];
}

/**
 * Workflow Run Completed, following Raydocs' sync guide: completed runs created after the
 * activation boundary, read with the durable cursor, which is stored even when there is no more.
 */
export async function pollWorkflowRunCompleted(this: IPollFunctions): Promise<INodeExecutionData[]> {
	const workflow = watchedWorkflow(this);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const includeOutput = options.includeOutput !== false;
	if (this.getMode() === 'manual') return await sampleRun(this, workflow, includeOutput);

	const staticData = this.getWorkflowStaticData('node');
	const ownState = staticData.workflowRuns !== undefined;
	const firstState = ownState ? undefined : (firstPollState(this)?.workflowRuns as WorkflowRunState | undefined);
	const previous = ((ownState ? staticData.workflowRuns : firstState) ?? {}) as WorkflowRunState;
	const state: WorkflowRunState = {
		...previous,
		createdAfter: previous.createdAfter ?? (options.emitBacklog === true ? EPOCH : new Date().toISOString()),
		recentIds: [...(previous.recentIds ?? [])],
	};
	const recent = new Set(state.recentIds);
	const fresh: IDataObject[] = [];
	const deadline = pollDeadline(this);
	for (let page = 0; ; page++) {
		const body = await raydocsJson<CursorPage>(this, {
			method: 'GET',
			url: pathOf(RAYDOCS_API.listWorkflowRuns, workflow),
			qs: {
				pagination: 'cursor',
				status: 'completed',
				created_after: state.createdAfter,
				per_page: 100,
				...(state.cursor ? { cursor: state.cursor } : {}),
			},
			deadline,
		});
		for (const run of body.data ?? []) {
			const id = String(run.id);
			if (recent.has(id)) continue;
			recent.add(id);
			state.recentIds!.push(id);
			fresh.push(run);
		}
		state.cursor = body.meta?.next_cursor ?? state.cursor;
		state.serverTime = body.meta?.server_time ?? state.serverTime;
		if (!body.meta?.has_more || Date.now() > deadline || page >= 50) break;
	}
	state.recentIds = state.recentIds!.slice(-RECENT_IDS_KEPT);

	const items: INodeExecutionData[] = [];
	for (const run of fresh) items.push(await withOutput(this, workflow, run, includeOutput, deadline));
	staticData.workflowRuns = state as IDataObject;
	if (!ownState && !firstState) keepFirstPollState(this, { workflowRuns: state as IDataObject });
	return items;
}
