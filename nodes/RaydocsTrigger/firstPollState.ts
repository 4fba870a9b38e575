import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/** The trigger's entry in the workflow's global static data: first states by node id. */
const FIRST_POLL_KEY = 'raydocsTriggerFirstPoll';

/**
 * The trigger's own state lives in the node's static data, which n8n 2.41 with durable poll
 * cursors (N8N_POLLER_DURABLE_CURSORS_ENABLED) turns into a staged copy of the poll cursor,
 * committed by scheduled polls only. The poll n8n runs when a workflow is activated is a test poll
 * there: what it stages is dropped, so the first scheduled poll would start from nothing, take its
 * own baseline and swallow every run that finished in between. n8n saves the workflow's global
 * static data after activating it, so the first state is also kept there, by node id, and a poll
 * that finds no state of its own starts from it (docs/design/trigger-state.md).
 */
export function firstPollState(context: IPollFunctions): IDataObject | undefined {
	const kept = context.getWorkflowStaticData('global')[FIRST_POLL_KEY] as Record<string, IDataObject> | undefined;
	const state = kept?.[context.getNode().id];
	return state ? (JSON.parse(JSON.stringify(state)) as IDataObject) : undefined;
}

/** Keeps the state a poll took without one of its own (the activation baseline); see firstPollState. */
export function keepFirstPollState(context: IPollFunctions, state: IDataObject): void {
	const workflowStaticData = context.getWorkflowStaticData('global');
	const kept = (workflowStaticData[FIRST_POLL_KEY] ?? {}) as Record<string, IDataObject>;
	// a new object, so that n8n sees the global static data changed and saves it
	workflowStaticData[FIRST_POLL_KEY] = { ...kept, [context.getNode().id]: JSON.parse(JSON.stringify(state)) as IDataObject };
}
