import { sleep } from 'n8n-workflow';
import type { IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import { TERMINAL_RUN_STATUSES, type ExtractionRun } from './extractionOutput';
import { RAYDOCS_API } from './endpoints';
import { pathOf } from './endpointRequests';
import { raydocsJson } from './transport';
import { listItemsOf } from './listResponse';

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
 * Checks `ids` until each settles (`check` returns true), the timeout passes or the execution is
 * cancelled. Status checks are low priority in the rate limiter.
 *
 * A round reads the pending ids in turn and stops at the first one still running, which goes to
 * the back of the queue: the front stands for the rest (they started about together), so while
 * nothing has finished a round costs one request, and once runs finish each is read about once.
 */
async function checkUntilSettled(
	context: IExecuteFunctions,
	ids: string[],
	settings: WaitSettings,
	check: (id: string) => Promise<boolean>,
	checkImmediately: boolean,
): Promise<void> {
	let pending = [...ids];
	const began = Date.now();
	const deadline = began + settings.timeoutMs;
	const cancelSignal = context.getExecutionCancelSignal?.();
	let pause = 0;
	for (let round = 0; pending.length && Date.now() < deadline && !cancelSignal?.aborted; round++) {
		if (round > 0 || !checkImmediately) {
			pause = nextPause(settings, Date.now() - began, pause);
			await sleep(Math.min(pause, Math.max(0, deadline - Date.now())));
		}
		const stillRunning: string[] = [];
		for (let index = 0; index < pending.length; index++) {
			// The outcomes of runs not read stay as they are (not settled), and the wait ends.
			if (cancelSignal?.aborted) break;
			if (await check(pending[index])) continue;
			// unread ones first next round, then this one
			stillRunning.push(...pending.slice(index + 1), pending[index]);
			break;
		}
		pending = stillRunning;
	}
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
				outcomes.set(id, { run, timedOut: false });
			} catch (error) {
				outcomes.set(id, { timedOut: false, error: error as NodeApiError });
			}
			return true;
		},
		checkImmediately,
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
				const session = await readJson<{ results?: ExtractionRun[] }>(pathOf(RAYDOCS_API.getSession, inSession));
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
				outcomes.set(sessionId, { timedOut: false, runId: run.id, run: full });
			} catch (error) {
				outcomes.set(sessionId, { timedOut: false, error: error as NodeApiError });
			}
			return true;
		},
		false,
	);
	return outcomes;
}
