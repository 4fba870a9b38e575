/**
 * The process-wide limiter with priorities, on a fake clock: two executions share one credential's
 * window, one waiting on runs (low-priority status checks), the other uploading and starting runs.
 */
import { acquireRequestSlot, LOW_PRIORITY_SHARE, resetRequestWindows, type RequestPriority } from '../../../../nodes/Raydocs/shared/rateLimiter';

const LIMIT = 10;
const WINDOW_MS = 1000;
const KEY = 'https://api.raydocs.test#token';

/** An execution sending `count` requests one after the other; returns when each was let through. */
async function execution(count: number, priority: RequestPriority, log: Array<{ at: number; priority: RequestPriority }>): Promise<number[]> {
	const granted: number[] = [];
	for (let index = 0; index < count; index++) {
		const settle = await acquireRequestSlot(KEY, LIMIT, WINDOW_MS, priority);
		granted.push(Date.now());
		log.push({ at: Date.now(), priority });
		settle(); // an instant answer
	}
	return granted;
}

async function onFakeClock<T>(promise: Promise<T>): Promise<T> {
	let settled = false;
	void promise.finally(() => (settled = true));
	while (!settled) await jest.advanceTimersByTimeAsync(10);
	return await promise;
}

describe('rate limiter priorities', () => {
	beforeEach(() => {
		jest.useFakeTimers();
		resetRequestWindows();
	});
	afterEach(() => jest.useRealTimers());

	it('status checks alone may use the whole window', async () => {
		const start = Date.now();
		const granted = await onFakeClock(execution(LIMIT, 'low', []));
		expect(granted.every((at) => at === start)).toBe(true);
	});

	it('uploads of one execution are not starved by the status checks of another', async () => {
		const start = Date.now();
		const log: Array<{ at: number; priority: RequestPriority }> = [];
		const [, uploads] = await onFakeClock(Promise.all([execution(40, 'low', log), execution(20, 'normal', log)]));
		// Shared half and half, 20 uploads would need 4 windows; with the checks held to their share, 3.
		expect(uploads[uploads.length - 1] - start).toBeLessThan(2.5 * WINDOW_MS);
		// While uploads waited (after the first window), the checks had at most their share of each window.
		const lastUpload = uploads[uploads.length - 1];
		for (let from = start + WINDOW_MS; from + WINDOW_MS <= lastUpload; from += 100) {
			const checks = log.filter((entry) => entry.priority === 'low' && entry.at >= from && entry.at < from + WINDOW_MS);
			expect(checks.length).toBeLessThanOrEqual(Math.floor(LIMIT * LOW_PRIORITY_SHARE));
		}
		// and never more than the limit in any window
		for (const entry of log) {
			expect(log.filter((other) => other.at >= entry.at && other.at < entry.at + WINDOW_MS).length).toBeLessThanOrEqual(LIMIT);
		}
	});
});
