import { sleep } from 'n8n-workflow';
import type { IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import { TERMINAL_RUN_STATUSES, type ExtractionRun } from './extractionOutput';
import { RAYDOCS_API } from './endpoints';
import { pathOf } from './endpointRequests';
import { normalizeBaseUrl } from './baseUrl';
import { CREDENTIAL_TYPE, raydocsJson } from './transport';
import { listItemsOf } from './listResponse';
import { likelyDurationMs, recordRunDuration, reportedDurationMs } from './runDurations';

export interface WaitSettings {
	/** Pause between status checks while the wait is young. */
	intervalMs: number;
	/** Waiting longer than this, each pause is `growth` times the one before, up to `maxIntervalMs`. */
	slowDownAfterMs: number;
	growth: number;
	maxIntervalMs: number;
	timeoutMs: number;
}

/**
 * Every Check Interval (5 s) for 24 checks (2 minutes), then each pause 50% longer than the one
 * before, up to 6 intervals (30 s). Extractions take 20-90 s: checking every 5 s notices a
 * result within 5 s for 1 read per 5 s, and starting with shorter pauses buys nothing on average
 * (`npm run bench:schedule`). Runs still going after 2 minutes are long ones, which a result a few
 * seconds later does not hurt.
 */
export function waitSettingsFor(options: { checkInterval?: unknown; timeout?: unknown }): WaitSettings {
	const timeoutMs = Math.max(1000, Number(options.timeout ?? 300) * 1000);
	const intervalMs = Math.max(100, Number(options.checkInterval ?? 5) * 1000);
	return { intervalMs, slowDownAfterMs: 24 * intervalMs, growth: 1.5, maxIntervalMs: 6 * intervalMs, timeoutMs };
}

/** The pause before the next status check, `elapsedMs` into the wait, after a pause of `previousMs`. */
export function nextPause(settings: WaitSettings, elapsedMs: number, previousMs = 0): number {
	if (elapsedMs < settings.slowDownAfterMs) return settings.intervalMs;
	return Math.min(settings.maxIntervalMs, Math.max(settings.intervalMs, previousMs) * settings.growth);
}

export interface RunOutcome {
	run?: ExtractionRun;
	/** The last status seen when the wait ended without a terminal status. */
	lastStatus?: string;
	/**
	 * The wait ended before the run settled. Written as true whenever a run is seen unsettled, so
	 * whatever ends the wait (timeout, cancellation) leaves the outcome right without a last pass.
	 */
	timedOut: boolean;
	error?: NodeApiError;
}

/**
 * What a wait knows of the runs it waits for beyond their ids: their template and when each was
 * handed to Raydocs, so that a run of a template whose runs the process has learned (runDurations)
 * is first read when half of such runs had finished, and what it sees finish teaches the next wait.
 */
export interface RunTiming {
	/** The Raydocs deployment: the credential's base URL. */
	baseUrl: string;
	/** Per run (or batch session) id: its template and when it was started (Date.now()). */
	runs: Map<string, { templateId: string; startedAt: number }>;
}

/** The credential's base URL, which with a template keys what runDurations learns. */
export async function deploymentOf(context: IExecuteFunctions): Promise<string> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	return normalizeBaseUrl(credentials.baseUrl);
}

interface Watched {
	id: string;
	/** When to read it next (Date.now() based). */
	dueAt: number;
	/** The pause that led to dueAt; 0 until the first read. */
	pause: number;
}

/**
 * Checks `ids` until each settles (`check` returns true), the timeout passes or the execution is
 * cancelled. Status checks are low priority in the rate limiter.
 *
 * Each run is first read after one Check Interval, or, for a template whose runs the process has
 * learned, when half of such runs had finished (`likelyDurationMs` after its start); from then on the
 * Check Interval schedule of nextPause applies to it, counted from the start of the wait, so a run
 * far slower than the learned time is read at least as often as without learning. What finishes
 * during the wait is learned at once: the runs still pending move to their likely end if that is
 * later than their next read.
 *
 * The runs due at one moment are read in turn, and the reading stops at the first one still
 * running, which goes to the back: the runs due with it started about when it did, so while none
 * has finished a round costs one request, and once runs finish each is read about once.
 */
async function checkUntilSettled(
	context: IExecuteFunctions,
	ids: string[],
	settings: WaitSettings,
	check: (id: string) => Promise<boolean>,
	options: { checkImmediately: boolean; timing?: RunTiming },
): Promise<void> {
	const began = Date.now();
	const deadline = began + settings.timeoutMs;
	const cancelSignal = context.getExecutionCancelSignal?.();
	const { timing } = options;
	const firstRead = (id: string): number => {
		const run = timing?.runs.get(id);
		const likely = run && likelyDurationMs(timing!.baseUrl, run.templateId);
		if (run && likely !== undefined) return Math.max(began, Math.round(run.startedAt + likely));
		return options.checkImmediately ? began : began + settings.intervalMs;
	};
	let queue: Watched[] = ids.map((id) => ({ id, dueAt: firstRead(id), pause: 0 }));
	while (queue.length && !cancelSignal?.aborted) {
		const nextDue = Math.min(deadline, ...queue.map((watched) => watched.dueAt));
		if (nextDue > Date.now()) await sleep(nextDue - Date.now());
		const now = Date.now();
		const due = queue.filter((watched) => watched.dueAt <= now || now >= deadline);
		const settled = new Set<Watched>();
		let stopped: Watched | undefined;
		for (const watched of due) {
			// The outcomes of runs not read stay as they are (not settled), and the wait ends.
			if (cancelSignal?.aborted) break;
			if (await check(watched.id)) {
				settled.add(watched);
				continue;
			}
			stopped = watched;
			break;
		}
		if (Date.now() >= deadline || cancelSignal?.aborted) return;
		// due and not settled: the one still running and those the round did not reach, read next after a pause
		const readAt = Date.now();
		const unread = due.filter((watched) => !settled.has(watched) && watched !== stopped);
		for (const watched of stopped ? [...unread, stopped] : unread) {
			watched.pause = nextPause(settings, readAt - began, watched.pause);
			// timers count whole milliseconds
			watched.dueAt = readAt + Math.floor(watched.pause);
		}
		// the one still running to the back
		queue = [...queue.filter((watched) => !settled.has(watched) && watched !== stopped), ...(stopped ? [stopped] : [])];
		// what finished was learned: the others wait for their likely end (never earlier than planned)
		if (timing) {
			for (const watched of queue) watched.dueAt = Math.max(watched.dueAt, firstRead(watched.id));
		}
	}
}

/** Remembers how long a completed run took, by Raydocs' time stamps, from `startedAt` (its or its session's creation). */
function learnDuration(timing: RunTiming | undefined, id: string, run: ExtractionRun, startedAt: unknown): void {
	// a failed run may have failed at once: it tells nothing of how long the template's runs take
	if (!timing || run.status !== 'completed') return;
	recordRunDuration(timing.baseUrl, timing.runs.get(id)?.templateId, reportedDurationMs(startedAt, run.completed_at));
}

/**
 * Waits for many extraction runs together until each completes or fails, or until the timeout.
 */
export async function waitForRuns(
	context: IExecuteFunctions,
	runIds: string[],
	settings: WaitSettings,
	initial: Map<string, ExtractionRun> = new Map(),
	/** Resuming a run that may be finished already: look before the first wait. */
	checkImmediately = false,
	timing?: RunTiming,
): Promise<Map<string, RunOutcome>> {
	const outcomes = new Map<string, RunOutcome>();
	const pending: string[] = [];
	for (const id of runIds) {
		const known = initial.get(id);
		if (known && TERMINAL_RUN_STATUSES.has(known.status) && known.data !== undefined) {
			outcomes.set(id, { run: known, timedOut: false });
		} else {
			pending.push(id);
			outcomes.set(id, { timedOut: true, lastStatus: known?.status });
		}
	}
	await checkUntilSettled(
		context,
		pending,
		settings,
		async (id) => {
			try {
				const run = await raydocsJson<ExtractionRun>(context, {
					method: 'GET',
					url: pathOf(RAYDOCS_API.getResult, { resultId: encodeURIComponent(id) }),
					priority: 'low',
				});
				if (!TERMINAL_RUN_STATUSES.has(run.status)) {
					outcomes.set(id, { timedOut: true, lastStatus: run.status });
					return false;
				}
				learnDuration(timing, id, run, run.created_at);
				outcomes.set(id, { run, timedOut: false });
			} catch (error) {
				outcomes.set(id, { timedOut: false, error: error as NodeApiError });
			}
			return true;
		},
		{ checkImmediately, timing },
	);
	return outcomes;
}

export interface SessionRunOutcome extends RunOutcome {
	runId?: string;
}

function latestRun(runs: ExtractionRun[]): ExtractionRun | undefined {
	return [...runs].sort((a, b) => String(a.created_at ?? '').localeCompare(String(b.created_at ?? ''))).pop();
}

/**
 * Waits for the first run of each session to finish (batch sessions with auto-extract get their
 * run only once parsing is done, so it may be missing for a while). The session answer embeds its
 * runs, with their data in current Raydocs; the full result is fetched only when it does not.
 */
export async function waitForSessionRuns(
	context: IExecuteFunctions,
	sessionIds: string[],
	settings: WaitSettings,
	timing?: RunTiming,
): Promise<Map<string, SessionRunOutcome>> {
	const outcomes = new Map<string, SessionRunOutcome>(sessionIds.map((id) => [id, { timedOut: true }]));
	const readJson = async <T>(url: string) => await raydocsJson<T>(context, { method: 'GET', url, priority: 'low' });
	await checkUntilSettled(
		context,
		sessionIds,
		settings,
		async (sessionId) => {
			try {
				const inSession = { sessionId: encodeURIComponent(sessionId) };
				const session = await readJson<{ results?: ExtractionRun[]; created_at?: unknown }>(pathOf(RAYDOCS_API.getSession, inSession));
				const runs = Array.isArray(session.results)
					? session.results
					: listItemsOf<ExtractionRun>(await readJson(pathOf(RAYDOCS_API.listSessionResults, inSession)));
				const run = latestRun(runs);
				if (!run || !TERMINAL_RUN_STATUSES.has(run.status)) {
					outcomes.set(sessionId, { timedOut: true, runId: run?.id, lastStatus: run?.status ?? 'parsing' });
					return false;
				}
				const full =
					run.data !== undefined || run.status === 'failed'
						? run
						: await readJson<ExtractionRun>(pathOf(RAYDOCS_API.getResult, { resultId: encodeURIComponent(run.id) }));
				// a batch session's run starts once its document is parsed: its time counts from the session's creation
				learnDuration(timing, sessionId, full, session.created_at);
				outcomes.set(sessionId, { timedOut: false, runId: run.id, run: full });
			} catch (error) {
				outcomes.set(sessionId, { timedOut: false, error: error as NodeApiError });
			}
			return true;
		},
		{ checkImmediately: false, timing },
	);
	return outcomes;
}
