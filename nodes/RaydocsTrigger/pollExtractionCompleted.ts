import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import {
	outputShapeOf,
	shapeExtractionRun,
	type ExtractionRun,
} from '../Raydocs/shared/extractionOutput';
import { pathOf } from '../Raydocs/shared/endpointRequests';
import { RAYDOCS_API } from '../Raydocs/shared/endpoints';
import { requireUuid, requireUuidList } from '../Raydocs/shared/ids';
import { raydocsJson } from '../Raydocs/shared/transport';
import { listItemsOf } from '../Raydocs/shared/listResponse';
import {
	decideSession,
	readExtractionState,
	writeExtractionState,
	type SessionWatch,
} from './extractionState';
import { firstPollState, keepFirstPollState } from './firstPollState';
import { pollDeadline } from './pollBudget';

interface SessionWithRuns extends IDataObject {
	id: string;
	name?: string;
	extraction_template_id?: string;
	documents?: IDataObject[];
	results?: ExtractionRun[];
}

interface Settings {
	sessionIds: string[];
	templateId?: string;
	emitStatuses: Set<string>;
	emitBacklog: boolean;
	includeDocuments: boolean;
}

function readSettings(context: IPollFunctions): Settings {
	const node = context.getNode();
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const sessionIds = [...new Set(requireUuidList(node, context.getNodeParameter('sessionIds'), 'session', 0))];
	// A picked template (resource locator) or, in workflows saved before the picker, a plain ID.
	const templateId = String(
		(options.templateId && context.getNodeParameter('options.templateId', '', { extractValue: true })) ?? '',
	).trim();
	return {
		sessionIds,
		templateId: templateId ? requireUuid(node, templateId, 'template', 0) : undefined,
		emitStatuses: new Set(options.includeFailed ? ['completed', 'failed'] : ['completed']),
		emitBacklog: options.emitBacklog === true,
		includeDocuments: options.includeDocuments === true,
	};
}

/** One request per session: the session embeds its runs (and documents and template). */
async function fetchSession(
	context: IPollFunctions,
	sessionId: string,
	deadline?: number,
): Promise<SessionWithRuns & { results: ExtractionRun[] }> {
	const session = await raydocsJson<SessionWithRuns>(context, {
		method: 'GET',
		url: pathOf(RAYDOCS_API.getSession, { sessionId }),
		deadline,
	});
	if (!Array.isArray(session.results)) {
		// Older answers may omit the runs; the results list has them.
		const body = await raydocsJson(context, {
			method: 'GET',
			url: pathOf(RAYDOCS_API.listSessionResults, { sessionId }),
			deadline,
		});
		return { ...session, results: listItemsOf<ExtractionRun>(body) };
	}
	return session as SessionWithRuns & { results: ExtractionRun[] };
}

async function fullRun(context: IPollFunctions, run: ExtractionRun, deadline?: number): Promise<ExtractionRun> {
	if (run.data !== undefined || run.status === 'failed') return run;
	return await raydocsJson<ExtractionRun>(context, {
		method: 'GET',
		url: pathOf(RAYDOCS_API.getResult, { resultId: run.id }),
		deadline,
	});
}

function toItem(
	context: IPollFunctions,
	session: SessionWithRuns,
	run: ExtractionRun,
	settings: Settings,
): INodeExecutionData {
	const shape = outputShapeOf((name, fallback) => context.getNodeParameter(name, fallback));
	return {
		json: {
			...shapeExtractionRun(run, shape),
			session_id: session.id,
			session_name: session.name ?? null,
			template_id: session.extraction_template_id ?? null,
			...(settings.includeDocuments ? { session_documents: session.documents ?? [] } : {}),
		},
	};
}

const completedAt = (run: ExtractionRun) => String(run.completed_at ?? run.updated_at ?? run.created_at ?? '');

/** "Fetch Test Event": the newest finished run of the watched sessions; the state is left alone. */
async function sampleRun(context: IPollFunctions, settings: Settings): Promise<INodeExecutionData[]> {
	let newest: { session: SessionWithRuns; run: ExtractionRun } | undefined;
	for (const sessionId of settings.sessionIds) {
		const session = await fetchSession(context, sessionId);
		if (settings.templateId && session.extraction_template_id !== settings.templateId) continue;
		for (const run of session.results) {
			if (!settings.emitStatuses.has(run.status)) continue;
			if (!newest || completedAt(run) > completedAt(newest.run)) newest = { session, run };
		}
	}
	if (!newest) {
		throw new NodeOperationError(
			context.getNode(),
			'No finished extraction yet in the watched sessions',
			{
				description:
					'Start a run on one of them with the Raydocs node (Extraction → Run, with that session ID), then fetch the test event again. Extract Document makes a session of its own, which this trigger does not watch.',
			},
		);
	}
	return [toItem(context, newest.session, await fullRun(context, newest.run), settings)];
}

/**
 * Extraction Completed: each finished run of the watched sessions is emitted once. The new state
 * is written only after every request of the poll succeeded, so a failed poll is repeated whole.
 */
export async function pollExtractionCompleted(this: IPollFunctions): Promise<INodeExecutionData[]> {
	const settings = readSettings(this);
	if (this.getMode() === 'manual') return await sampleRun(this, settings);

	const staticData = this.getWorkflowStaticData('node');
	const ownState = staticData.sessions !== undefined;
	const firstState = ownState ? undefined : firstPollState(this);
	const state = readExtractionState(ownState ? staticData : (firstState ?? {}));
	const deadline = pollDeadline(this);
	const now = new Date().toISOString();
	const count = settings.sessionIds.length;
	const start = (state.nextSessionIndex ?? 0) % count;
	const sessions: Record<string, SessionWatch> = {};
	const found: Array<{ session: SessionWithRuns; run: ExtractionRun }> = [];
	let polled = 0;
	for (; polled < count; polled++) {
		// A large watch list is spread over several polls rather than overrunning n8n's budget.
		if (polled > 0 && Date.now() > deadline) break;
		const sessionId = settings.sessionIds[(start + polled) % count];
		const session = await fetchSession(this, sessionId, deadline);
		const decision = decideSession(state.sessions[sessionId], session.results, {
			emitStatuses: settings.emitStatuses,
			emitBacklog: settings.emitBacklog,
			now,
		});
		sessions[sessionId] = decision.watch;
		if (settings.templateId && session.extraction_template_id !== settings.templateId) continue;
		for (const run of decision.emit) found.push({ session, run });
	}
	for (const sessionId of settings.sessionIds) {
		if (!sessions[sessionId] && state.sessions[sessionId]) sessions[sessionId] = state.sessions[sessionId];
	}

	found.sort((a, b) => completedAt(a.run).localeCompare(completedAt(b.run)));
	const items: INodeExecutionData[] = [];
	for (const [index, { session, run }] of found.entries()) {
		// Runs whose whole answer would be read after the deadline are left for the next poll (not
		// remembered), so that a backlog never holds a poll past the time n8n gives it.
		if (index > 0 && Date.now() > deadline) {
			for (const { session: later, run: left } of found.slice(index)) {
				sessions[later.id] = { ...sessions[later.id], seen: sessions[later.id].seen.filter((id) => id !== left.id) };
			}
			break;
		}
		items.push(toItem(this, session, await fullRun(this, run, deadline), settings));
	}

	writeExtractionState(staticData, { sessions, nextSessionIndex: (start + polled) % count });
	if (!ownState && !firstState) keepFirstPollState(this, { sessions: staticData.sessions, nextSessionIndex: staticData.nextSessionIndex });
	return items;
}
