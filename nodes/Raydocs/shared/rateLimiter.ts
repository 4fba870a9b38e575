import { sleep } from 'n8n-workflow';

import { readServerRateLimit } from './serverRateLimit';

/**
 * A sliding-window limiter shared by every execution in this n8n process. Declarative routing fires
 * all input items at once, so without it a 200-item run would burst far past Raydocs' limit.
 *
 * Raydocs counts per IP address, and other processes behind the same address (queue-mode workers,
 * another n8n, other tools) spend the same budget. Their requests show in the X-RateLimit-* headers
 * of our answers: the limiter keeps them as `others` and counts them like its own (see
 * observeServerAnswer).
 */
interface LimiterSlot {
	/** When the server may have counted the request: held until the later of sending and answering. */
	at: number;
	/** Order of sending in this process. */
	seq: number;
	answered: boolean;
	priority: RequestPriority;
}

interface LimiterWindow {
	/** One entry per request of this process still inside the window. */
	slots: LimiterSlot[];
	/** Requests of other clients on our IP that the server counted and we did not send (their expiry is unknown: stamped when seen). */
	others: number[];
	/** Raydocs asked us to wait (429 Retry-After): nobody sends before this time. */
	pausedUntil: number;
	/** X-RateLimit-Limit, once the server sent it. */
	serverLimit?: number;
	/** Whether answers carry X-RateLimit-Remaining; undefined until the first answer. */
	serverCounts?: boolean;
	nextSeq: number;
	/** The newest request whose answer updated `others`: answers to older ones are stale. */
	observedSeq: number;
	/** Woken when an answer arrives. */
	waiters: Array<() => void>;
	/** Requests of each priority waiting for a slot right now. */
	waiting: Record<RequestPriority, number>;
	/** Low-priority requests that have waited longer than a window (STARVED_AFTER_WINDOWS) and now claim their share. */
	starved: number;
}

/**
 * 'normal' for work that moves a job forward (uploads, sessions, run starts, reads the user asked
 * for); 'low' for status checks of a wait, which can always come a little later.
 */
export type RequestPriority = 'normal' | 'low';

/**
 * While uploads and run starts wait for the budget, status checks wait too: a result read early
 * reaches the next node no sooner, and the slot it takes delays every later upload and run start,
 * which every result behind it waits for. A status check that has waited longer than a window is
 * starved (work arrives faster than the budget): from then on it gets this share of the window, no
 * more and no less, so that waits still end. Alone, either kind may use the whole window.
 */
export const LOW_PRIORITY_SHARE = 0.25;

/** Windows a status check waits behind uploads before it claims LOW_PRIORITY_SHARE. */
export const STARVED_AFTER_WINDOWS = 1;

const windows = new Map<string, LimiterWindow>();

/**
 * A caller that must be done by `at` (epoch ms; a trigger's poll): instead of waiting for a slot that
 * frees after it, acquireRequestSlot throws what `refuse` makes of the wait.
 */
export interface SlotDeadline {
	at: number;
	refuse: (freeInMs: number) => Error;
}

function windowFor(key: string): LimiterWindow {
	let window = windows.get(key);
	if (!window) {
		window = {
			slots: [],
			others: [],
			pausedUntil: 0,
			nextSeq: 1,
			observedSeq: 0,
			waiters: [],
			waiting: { normal: 0, low: 0 },
			starved: 0,
		};
		windows.set(key, window);
	}
	return window;
}

/** Clock granularity and scheduling jitter between us and the server. */
const SAFETY_MARGIN_MS = 20;

/**
 * While the server reports the shared count, at most this many of our requests go out after the
 * newest answer: each answer tells how much of the budget other processes took meanwhile, so two
 * processes that start together cannot both spend the whole remainder before either hears of it.
 */
export function unconfirmedRequestCap(limit: number): number {
	return Math.max(2, Math.ceil(limit / 20));
}

function unconfirmed(window: LimiterWindow): number {
	return window.slots.filter((slot) => !slot.answered && slot.seq > window.observedSeq).length;
}

/**
 * How long a request must still wait (0: it may go now). Our own requests and those other processes
 * on our IP spent (`others`) fill the window; the limit is the smaller of ours and the server's.
 * `starved`: a low-priority request that has waited long enough to claim its share.
 */
function waitBefore(window: LimiterWindow, limit: number, windowMs: number, priority: RequestPriority, now: number, starved: boolean): number {
	const expiry = (at: number) => at + windowMs + SAFETY_MARGIN_MS - now;
	const effectiveLimit = Math.min(limit, window.serverLimit ?? limit);
	const occupied = window.slots.length + window.others.length;
	const share = Math.max(1, Math.floor(effectiveLimit * LOW_PRIORITY_SHARE));
	const low = window.slots.filter((slot) => slot.priority === 'low').length;
	let usable = effectiveLimit;
	if (priority === 'low' && window.waiting.normal > 0) usable = starved ? Math.min(effectiveLimit, occupied - low + share) : 0;
	// slots kept free for starved status checks that have not had their share yet
	if (priority === 'normal' && window.starved > 0) usable = effectiveLimit - Math.max(0, share - low);
	const waitForPause = window.pausedUntil - now;
	let waitForWindow = 0;
	if (occupied >= usable) {
		// look again when a slot leaves the window, or soon in case the other kind stops waiting
		const expiries = [...window.slots.map((slot) => expiry(slot.at)), ...window.others.map(expiry)];
		waitForWindow = Math.min(...expiries, Math.max(10, windowMs / 100));
	}
	return Math.max(waitForPause, waitForWindow);
}

/**
 * The soonest any request could go, whatever its priority: when the pause ends and, with the window
 * full, when its oldest place leaves it. waitBefore looks again sooner; this is the bound a deadline
 * is held to.
 */
function earliestFreeInMs(window: LimiterWindow, limit: number, windowMs: number, now: number): number {
	const places = [...window.slots.map((slot) => slot.at), ...window.others];
	const full = places.length >= Math.min(limit, window.serverLimit ?? limit);
	const windowFreeIn = full ? Math.min(...places) + windowMs + SAFETY_MARGIN_MS - now : 0;
	return Math.max(window.pausedUntil - now, windowFreeIn, 0);
}

/** What one answer tells the limiter, passed to the function acquireRequestSlot returns. */
export interface SlotAnswer {
	/** Response headers (success or failure), for X-RateLimit-*. */
	headers?: unknown;
	/** A 429: Raydocs refused the request without counting it. */
	refused?: boolean;
}

/**
 * Resolves when one more request may be sent under `limit` requests per `windowMs` (or throws when
 * that would be after `deadline`). Call the
 * returned function when the answer arrives: the server counted the request at some moment
 * between sending and answering, so the slot is held until the later of the two. Low-priority
 * requests wait while normal ones wait, until they are starved (see LOW_PRIORITY_SHARE).
 */
export async function acquireRequestSlot(
	key: string,
	limit: number,
	windowMs: number,
	priority: RequestPriority = 'normal',
	deadline?: SlotDeadline,
): Promise<(answer?: SlotAnswer) => void> {
	const window = windowFor(key);
	window.waiting[priority] += 1;
	const since = Date.now();
	let starved = false;
	try {
		for (;;) {
			const now = Date.now();
			window.slots = window.slots.filter((slot) => now - slot.at < windowMs + SAFETY_MARGIN_MS);
			window.others = window.others.filter((at) => now - at < windowMs + SAFETY_MARGIN_MS);
			if (priority === 'low' && !starved && now - since > STARVED_AFTER_WINDOWS * windowMs) {
				starved = true;
				window.starved += 1;
			}
			const waitMs = waitBefore(window, limit, windowMs, priority, now, starved);
			if (waitMs <= 0 && window.serverCounts !== false && unconfirmed(window) >= unconfirmedRequestCap(limit)) {
				await new Promise<void>((wake) => window.waiters.push(wake));
				continue;
			}
			if (waitMs <= 0) {
				const slot: LimiterSlot = { at: now, seq: window.nextSeq++, answered: false, priority };
				window.slots.push(slot);
				return (answer = {}) => {
					slot.at = Math.max(slot.at, Date.now());
					slot.answered = true;
					observeServerAnswer(window, slot, answer);
					for (const wake of window.waiters.splice(0)) wake();
				};
			}
			const freeInMs = earliestFreeInMs(window, limit, windowMs, now);
			if (deadline && now + freeInMs > deadline.at) throw deadline.refuse(freeInMs);
			await sleep(waitMs + 1);
		}
	} finally {
		window.waiting[priority] -= 1;
		if (starved) window.starved -= 1;
	}
}

/**
 * Brings the window in line with the server's count for our IP: X-RateLimit-Remaining says how many
 * requests the server counted (limit - remaining). Those that are not ours (sent up to this one)
 * came from other processes; what exceeds the `others` we already hold is added as seen now. When
 * the server counts fewer, the others stay until their own window passes: a slot that just freed
 * on the server is about to be reused by the process that held it, and taking it too would earn
 * one of the two a 429 (measured: a pair at every window's turn).
 */
function observeServerAnswer(window: LimiterWindow, slot: LimiterSlot, answer: SlotAnswer): void {
	if (answer.refused) window.slots = window.slots.filter((own) => own !== slot);
	const server = readServerRateLimit(answer.headers);
	if (server.remaining === undefined) {
		window.serverCounts ??= false;
		return;
	}
	window.serverCounts = true;
	if (server.limit !== undefined) window.serverLimit = server.limit;
	if (slot.seq < window.observedSeq || window.serverLimit === undefined) return;
	window.observedSeq = slot.seq;
	const counted = Math.max(0, window.serverLimit - server.remaining);
	const ours = window.slots.filter((own) => own.seq <= slot.seq).length;
	const others = Math.max(0, counted - ours);
	const now = Date.now();
	while (window.others.length < others) window.others.push(now);
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
