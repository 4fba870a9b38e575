import { sleep } from 'n8n-workflow';
import type { IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import { TERMINAL_RUN_STATUSES, type ExtractionRun } from './extractionOutput';
import { raydocsJson } from './transport';
import { listItemsOf } from './listResponse';

export interface WaitSettings {
	intervalMs: number;
	timeoutMs: number;
}

export interface RunOutcome {
	run?: ExtractionRun;
	/** The last status seen when the wait ended without a terminal status. */
	lastStatus?: string;
	timedOut: boolean;
	error?: NodeApiError;
}

/**
 * Polls many extraction runs together until each completes or fails, or until the timeout. One
 * request per pending run per round, so the rate limiter spreads rounds when many runs wait.
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
	const pending = new Set<string>();
	for (const id of runIds) {
		const known = initial.get(id);
		if (known && TERMINAL_RUN_STATUSES.has(known.status) && known.data !== undefined) {
			outcomes.set(id, { run: known, timedOut: false });
		} else {
			pending.add(id);
			outcomes.set(id, { timedOut: false, lastStatus: known?.status });
		}
	}
	const deadline = Date.now() + settings.timeoutMs;
	const cancelSignal = context.getExecutionCancelSignal?.();
	for (let round = 0; pending.size && Date.now() < deadline && !cancelSignal?.aborted; round++) {
		if (round > 0 || !checkImmediately) {
			await sleep(Math.min(settings.intervalMs, Math.max(0, deadline - Date.now())));
		}
		for (const id of [...pending]) {
			if (cancelSignal?.aborted) break;
			try {
				const run = await raydocsJson<ExtractionRun>(context, {
					method: 'GET',
					url: `/extractions/results/${encodeURIComponent(id)}`,
				});
				if (TERMINAL_RUN_STATUSES.has(run.status)) {
					outcomes.set(id, { run, timedOut: false });
					pending.delete(id);
				} else {
					outcomes.set(id, { timedOut: false, lastStatus: run.status });
				}
			} catch (error) {
				outcomes.set(id, { timedOut: false, error: error as NodeApiError });
				pending.delete(id);
			}
		}
	}
	for (const id of pending) {
		outcomes.set(id, { ...outcomes.get(id), timedOut: true });
	}
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
	const outcomes = new Map<string, SessionRunOutcome>(sessionIds.map((id) => [id, { timedOut: false }]));
	const pending = new Set(sessionIds);
	const deadline = Date.now() + settings.timeoutMs;
	const cancelSignal = context.getExecutionCancelSignal?.();
	while (pending.size && Date.now() < deadline && !cancelSignal?.aborted) {
		await sleep(Math.min(settings.intervalMs, Math.max(0, deadline - Date.now())));
		for (const sessionId of [...pending]) {
			if (cancelSignal?.aborted) break;
			try {
				const session = await raydocsJson<{ results?: ExtractionRun[] }>(context, {
					method: 'GET',
					url: `/extractions/sessions/${encodeURIComponent(sessionId)}`,
				});
				const runs = Array.isArray(session.results)
					? session.results
					: listItemsOf<ExtractionRun>(
							await raydocsJson(context, {
								method: 'GET',
								url: `/extractions/sessions/${encodeURIComponent(sessionId)}/results`,
							}),
						);
				const run = latestRun(runs);
				if (!run || !TERMINAL_RUN_STATUSES.has(run.status)) {
					outcomes.set(sessionId, { timedOut: false, runId: run?.id, lastStatus: run?.status ?? 'parsing' });
					continue;
				}
				const full =
					run.data !== undefined || run.status === 'failed'
						? run
						: await raydocsJson<ExtractionRun>(context, {
								method: 'GET',
								url: `/extractions/results/${encodeURIComponent(run.id)}`,
							});
				outcomes.set(sessionId, { timedOut: false, runId: run.id, run: full });
				pending.delete(sessionId);
			} catch (error) {
				outcomes.set(sessionId, { timedOut: false, error: error as NodeApiError });
				pending.delete(sessionId);
			}
		}
	}
	for (const sessionId of pending) outcomes.set(sessionId, { ...outcomes.get(sessionId), timedOut: true });
	return outcomes;
}
