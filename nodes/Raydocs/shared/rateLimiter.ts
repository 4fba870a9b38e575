import { sleep } from 'n8n-workflow';

/**
 * A sliding-window limiter shared by every execution in this n8n process. Declarative routing fires
 * all input items at once, so without it a 200-item run would burst far past Raydocs' limit.
 */
interface LimiterWindow {
	/** One entry per request still inside the window: when the server may have counted it. */
	slots: Array<{ at: number; priority: RequestPriority }>;
	/** Raydocs asked us to wait (429 Retry-After): nobody sends before this time. */
	pausedUntil: number;
	/** Normal-priority requests waiting for a slot right now. */
	normalWaiting: number;
}

/**
 * 'normal' for work that moves a job forward (uploads, sessions, run starts, reads the user asked
 * for); 'low' for status checks of a wait, which can always come a little later.
 */
export type RequestPriority = 'normal' | 'low';

/**
 * While normal requests wait, status checks may hold at most this share of the window: enough to
 * notice finished runs, never enough to starve uploads and run starts of other items or executions.
 */
export const LOW_PRIORITY_SHARE = 0.25;

const windows = new Map<string, LimiterWindow>();

function windowFor(key: string): LimiterWindow {
	let window = windows.get(key);
	if (!window) {
		window = { slots: [], pausedUntil: 0, normalWaiting: 0 };
		windows.set(key, window);
	}
	return window;
}

/** Clock granularity and scheduling jitter between us and the server. */
const SAFETY_MARGIN_MS = 20;

/** How long a request must still wait (0: it may go now). */
function waitBefore(window: LimiterWindow, limit: number, windowMs: number, priority: RequestPriority, now: number): number {
	const expiry = (slot: { at: number }) => slot.at + windowMs + SAFETY_MARGIN_MS - now;
	const waitForPause = window.pausedUntil - now;
	const waitForWindow = window.slots.length >= limit ? Math.min(...window.slots.map(expiry)) : 0;
	let waitForShare = 0;
	if (priority === 'low' && window.normalWaiting > 0) {
		const low = window.slots.filter((slot) => slot.priority === 'low');
		if (low.length >= Math.max(1, Math.floor(limit * LOW_PRIORITY_SHARE))) {
			// Look again once a status check leaves the window, or soon if normal work drains first.
			waitForShare = Math.min(...low.map(expiry), Math.max(10, windowMs / 100));
		}
	}
	return Math.max(waitForPause, waitForWindow, waitForShare);
}

/**
 * Resolves when one more request may be sent under `limit` requests per `windowMs`. Call the
 * returned function when the answer arrives: the server counted the request at some moment
 * between sending and answering, so the slot is held until the later of the two. Low-priority
 * requests give way to normal ones beyond their share of the window (LOW_PRIORITY_SHARE).
 */
export async function acquireRequestSlot(
	key: string,
	limit: number,
	windowMs: number,
	priority: RequestPriority = 'normal',
): Promise<() => void> {
	const window = windowFor(key);
	if (priority === 'normal') window.normalWaiting += 1;
	try {
		for (;;) {
			const now = Date.now();
			window.slots = window.slots.filter((slot) => now - slot.at < windowMs + SAFETY_MARGIN_MS);
			const waitMs = waitBefore(window, limit, windowMs, priority, now);
			if (waitMs <= 0) {
				const slot = { at: now, priority };
				window.slots.push(slot);
				return () => {
					slot.at = Math.max(slot.at, Date.now());
				};
			}
			await sleep(waitMs + 1);
		}
	} finally {
		if (priority === 'normal') window.normalWaiting -= 1;
	}
}

/** Holds back every request of this key until `untilMs` (Date.now() based). */
export function pauseRequests(key: string, untilMs: number): void {
	const window = windowFor(key);
	window.pausedUntil = Math.max(window.pausedUntil, untilMs);
}

/** For tests: forget all windows. */
export function resetRequestWindows(): void {
	windows.clear();
}
