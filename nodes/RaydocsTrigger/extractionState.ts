import type { IDataObject } from 'n8n-workflow';

/**
 * What the trigger remembers per watched session: the ids of runs it has already accounted for
 * (emitted, or finished before watching began). Only ids Raydocs still returns are kept, so the
 * state never grows past what one poll reads.
 */
export interface SessionWatch {
	seen: string[];
	since: string;
}

export interface ExtractionTriggerState {
	sessions: Record<string, SessionWatch>;
	/** Where the next poll starts when the poll budget cut the last one short. */
	nextSessionIndex?: number;
}

export interface ObservedRun {
	id: string;
	status: string;
}

export function readExtractionState(staticData: IDataObject): ExtractionTriggerState {
	const sessions = (staticData.sessions ?? {}) as Record<string, SessionWatch>;
	return {
		sessions: JSON.parse(JSON.stringify(sessions)) as Record<string, SessionWatch>,
		nextSessionIndex: typeof staticData.nextSessionIndex === 'number' ? staticData.nextSessionIndex : 0,
	};
}

/** Writes the new state over the old in one step, after every request of the poll succeeded. */
export function writeExtractionState(staticData: IDataObject, state: ExtractionTriggerState): void {
	staticData.sessions = state.sessions as unknown as IDataObject;
	staticData.nextSessionIndex = state.nextSessionIndex ?? 0;
	delete staticData.pending;
}

/** Runs in these statuses are finished and never change again. */
const FINISHED_STATUSES = new Set(['completed', 'failed']);

/**
 * Decides which finished runs of one session are new. A session seen for the first time is a
 * baseline: its finished runs are remembered, not emitted, unless the backlog is wanted.
 */
export function decideSession<T extends ObservedRun>(
	previous: SessionWatch | undefined,
	runs: T[],
	options: { emitStatuses: Set<string>; emitBacklog: boolean; now: string },
): { emit: T[]; watch: SessionWatch } {
	const finished = runs.filter((run) => FINISHED_STATUSES.has(run.status));
	const wanted = (run: T) => options.emitStatuses.has(run.status);
	if (!previous) {
		return {
			emit: options.emitBacklog ? finished.filter(wanted) : [],
			watch: { seen: finished.map((run) => run.id), since: options.now },
		};
	}
	const seen = new Set(previous.seen);
	const fresh = finished.filter((run) => !seen.has(run.id));
	const returnedIds = new Set(runs.map((run) => run.id));
	// Unwanted finished runs (e.g. failed ones) are remembered too, so that turning the option on
	// later does not replay old failures; ids Raydocs no longer returns are forgotten.
	return {
		emit: fresh.filter(wanted),
		watch: {
			seen: [...previous.seen.filter((id) => returnedIds.has(id)), ...fresh.map((run) => run.id)],
			since: previous.since,
		},
	};
}
