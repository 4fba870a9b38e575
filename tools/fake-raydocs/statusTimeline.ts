/**
 * Statuses as a function of time: a parsing, a document, an extraction run and a session show the
 * status their timestamps give for the clock reading `now`. Pure functions; FakeEngine.advance()
 * applies them to the model.
 */
import type {
	DocumentStatus,
	ExtractionRun,
	Parsing,
	RunStatus,
	SessionStatus,
	WorkspaceDocument,
} from './types';

export function parsingStatusAt(parsing: Parsing, now: number): Parsing['status'] {
	if (now < parsing.startedAt) return 'queued';
	if (now < parsing.readyAt) return 'processing';
	return parsing.fails ? 'failed' : 'ready';
}

export function documentStatusAt(doc: WorkspaceDocument, now: number): DocumentStatus {
	// A parsing requested for a later time (batch sessions start after a delay) is not visible yet.
	const visible = doc.parsings.filter((parsing) => parsing.requestedAt <= now);
	const latest = visible[visible.length - 1];
	if (!latest) return 'uploaded';
	switch (parsingStatusAt(latest, now)) {
		case 'queued':
			return 'queued';
		case 'processing':
			return 'parsing';
		case 'failed':
			return 'failed';
		default:
			return now < latest.processedAt ? 'parsed' : 'processed';
	}
}

export function runStatusAt(run: ExtractionRun, now: number): RunStatus {
	const { timeline } = run;
	if (now >= timeline.terminalAt) return timeline.failure ? 'failed' : 'completed';
	if (now < timeline.docsSettledAt) return 'parsing_pending';
	if (now < timeline.queuedUntil) return 'created';
	return 'processing';
}

/** When a run entered `status` (its updatedAt on that transition). */
export function runStatusSince(run: ExtractionRun, status: RunStatus): number {
	switch (status) {
		case 'parsing_pending':
			return run.createdAt;
		case 'created':
			return Math.max(run.createdAt, run.timeline.docsSettledAt);
		case 'processing':
			return run.timeline.queuedUntil;
		default:
			return run.timeline.terminalAt;
	}
}

/** A session shows the status of its latest run. */
export function sessionStatusFor(run: ExtractionRun | undefined): SessionStatus {
	if (!run) return 'pending';
	switch (run.status) {
		case 'completed':
			return 'completed';
		case 'failed':
			return 'failed';
		case 'processing':
			return 'processing';
		default:
			return 'pending';
	}
}

/** When the latest visible parsing of a document last changed status, at or before `now`. */
export function lastTransition(doc: WorkspaceDocument, now: number): number {
	const latest = doc.parsings.filter((parsing) => parsing.requestedAt <= now).pop();
	if (!latest) return doc.createdAt;
	return (
		[latest.requestedAt, latest.startedAt, latest.readyAt, latest.processedAt]
			.filter((t) => t <= now)
			.pop() ?? latest.requestedAt
	);
}
