import { sleep } from 'n8n-workflow';

/**
 * A sliding-window limiter shared by every execution in this n8n process. Declarative routing fires
 * all input items at once, so without it a 200-item run would burst far past Raydocs' limit.
 */
interface LimiterWindow {
	/** One entry per request still inside the window: when the server may have counted it. */
	slots: Array<{ at: number }>;
	/** Raydocs asked us to wait (429 Retry-After): nobody sends before this time. */
	pausedUntil: number;
}

const windows = new Map<string, LimiterWindow>();

function windowFor(key: string): LimiterWindow {
	let window = windows.get(key);
	if (!window) {
		window = { slots: [], pausedUntil: 0 };
		windows.set(key, window);
	}
	return window;
}

/** Clock granularity and scheduling jitter between us and the server. */
const SAFETY_MARGIN_MS = 20;

/**
 * Resolves when one more request may be sent under `limit` requests per `windowMs`. Call the
 * returned function when the answer arrives: the server counted the request at some moment
 * between sending and answering, so the slot is held until the later of the two.
 */
export async function acquireRequestSlot(
	key: string,
	limit: number,
	windowMs: number,
): Promise<() => void> {
	const window = windowFor(key);
	for (;;) {
		const now = Date.now();
		window.slots = window.slots.filter((slot) => now - slot.at < windowMs + SAFETY_MARGIN_MS);
		const waitForPause = window.pausedUntil - now;
		const oldest = Math.min(...window.slots.map((slot) => slot.at));
		const waitForWindow =
			window.slots.length >= limit ? oldest + windowMs + SAFETY_MARGIN_MS - now : 0;
		const waitMs = Math.max(waitForPause, waitForWindow);
		if (waitMs <= 0) {
			const slot = { at: now };
			window.slots.push(slot);
			return () => {
				slot.at = Math.max(slot.at, Date.now());
			};
		}
		await sleep(waitMs + 1);
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
