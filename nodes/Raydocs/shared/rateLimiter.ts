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
	/** Requests of each priority waiting for a slot right now. */
	waiting: Record<RequestPriority, number>;
}

/**
 * 'normal' for work that moves a job forward (uploads, sessions, run starts, reads the user asked
 * for); 'low' for status checks of a wait, which can always come a little later.
 */
export type RequestPriority = 'normal' | 'low';

/**
 * While both kinds wait, status checks get this share of the window, no more and no less: enough
 * to notice finished runs, never enough to starve uploads and run starts of other items or
 * executions. Alone, either kind may use the whole window.
 */
export const LOW_PRIORITY_SHARE = 0.25;

const windows = new Map<string, LimiterWindow>();

function windowFor(key: string): LimiterWindow {
	let window = windows.get(key);
	if (!window) {
		window = { slots: [], pausedUntil: 0, waiting: { normal: 0, low: 0 } };
		windows.set(key, window);
	}
	return window;
}

/** Clock granularity and scheduling jitter between us and the server. */
const SAFETY_MARGIN_MS = 20;

/** How long a request must still wait (0: it may go now). */
function waitBefore(window: LimiterWindow, limit: number, windowMs: number, priority: RequestPriority, now: number): number {
	const expiry = (slot: { at: number }) => slot.at + windowMs + SAFETY_MARGIN_MS - now;
	const share = Math.max(1, Math.floor(limit * LOW_PRIORITY_SHARE));
	const low = window.slots.filter((slot) => slot.priority === 'low');
	let usable = limit;
	if (priority === 'low' && window.waiting.normal > 0) usable = Math.min(limit, window.slots.length - low.length + share);
	// slots kept free for waiting status checks that have not had their share yet
	if (priority === 'normal' && window.waiting.low > 0) usable = limit - Math.max(0, share - low.length);
	const waitForPause = window.pausedUntil - now;
	let waitForWindow = 0;
	if (window.slots.length >= usable) {
		// look again when a slot leaves the window, or soon in case the other kind stops waiting
		waitForWindow = Math.min(...window.slots.map(expiry), Math.max(10, windowMs / 100));
	}
	return Math.max(waitForPause, waitForWindow);
}

/**
 * Resolves when one more request may be sent under `limit` requests per `windowMs`. Call the
 * returned function when the answer arrives: the server counted the request at some moment
 * between sending and answering, so the slot is held until the later of the two. When both
 * priorities wait, low-priority requests get LOW_PRIORITY_SHARE of the window.
 */
export async function acquireRequestSlot(
	key: string,
	limit: number,
	windowMs: number,
	priority: RequestPriority = 'normal',
): Promise<() => void> {
	const window = windowFor(key);
	window.waiting[priority] += 1;
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
		window.waiting[priority] -= 1;
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
