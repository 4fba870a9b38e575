/**
 * The limiter's window on a fake clock (jest's timers and Date): what it learns from the server's
 * answers, and a caller's deadline. A fake clock keeps the waits of a full window instant, and
 * leaves no real timer behind when a test ends with an acquisition still waiting.
 */
import { acquireRequestSlot, pauseRequests, resetRequestWindows, unconfirmedRequestCap } from '../../../../nodes/Raydocs/shared/rateLimiter';

const KEY = 'https://api.example.test';
const WINDOW_MS = 2000;

/** Whether `promise` settles within 30 ms of the fake clock. */
async function settlesSoon(promise: Promise<unknown>): Promise<boolean> {
	let settled = false;
	void promise.then(() => (settled = true));
	await jest.advanceTimersByTimeAsync(30);
	return settled;
}

/** Advances the fake clock until `promise` settles; its outcome. */
async function onFakeClock<T>(promise: Promise<T>): Promise<T> {
	let settled = false;
	void promise.then(
		() => (settled = true),
		() => (settled = true),
	);
	await jest.advanceTimersByTimeAsync(0);
	while (!settled) await jest.advanceTimersByTimeAsync(10);
	return await promise;
}

beforeEach(() => {
	jest.useFakeTimers();
	resetRequestWindows();
});
afterEach(() => jest.useRealTimers());

const headers = (limit: number, remaining: number) => ({ 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(remaining) });

describe('acquireRequestSlot learning from the server', () => {

	it('counts what other processes spent, as X-RateLimit-Remaining reports it', async () => {
		const settle = await acquireRequestSlot(KEY, 10, WINDOW_MS);
		// the server counted 8 requests: ours and 7 from someone else on this IP
		settle({ headers: headers(10, 2) });
		const next = [await acquireRequestSlot(KEY, 10, WINDOW_MS), await acquireRequestSlot(KEY, 10, WINDOW_MS)];
		expect(await settlesSoon(acquireRequestSlot(KEY, 10, WINDOW_MS))).toBe(false);
		for (const answer of next) answer({ headers: headers(10, 0) });
	});

	it('takes the lower of the configured and the announced limit', async () => {
		(await acquireRequestSlot(KEY, 100, WINDOW_MS))({ headers: headers(3, 2) });
		(await acquireRequestSlot(KEY, 100, WINDOW_MS))({ headers: headers(3, 1) });
		(await acquireRequestSlot(KEY, 100, WINDOW_MS))({ headers: headers(3, 0) });
		expect(await settlesSoon(acquireRequestSlot(KEY, 100, WINDOW_MS))).toBe(false);
	});

	it('keeps others until their window passes, even when the server already counts fewer', async () => {
		(await acquireRequestSlot(KEY, 10, WINDOW_MS))({ headers: headers(10, 5) }); // 4 others
		(await acquireRequestSlot(KEY, 10, WINDOW_MS))({ headers: headers(10, 7) }); // their sender is about to reuse 3
		for (let index = 0; index < 4; index++) (await acquireRequestSlot(KEY, 10, WINDOW_MS))({});
		expect(await settlesSoon(acquireRequestSlot(KEY, 10, WINDOW_MS))).toBe(false);
		await jest.advanceTimersByTimeAsync(WINDOW_MS + 100);
		expect(await settlesSoon(acquireRequestSlot(KEY, 10, WINDOW_MS))).toBe(true);
	});

	it('frees the slot of a refused (429) request: Raydocs did not count it', async () => {
		(await acquireRequestSlot(KEY, 2, WINDOW_MS))({ headers: headers(2, 1) });
		(await acquireRequestSlot(KEY, 2, WINDOW_MS))({ refused: true, headers: {} });
		expect(await settlesSoon(acquireRequestSlot(KEY, 2, WINDOW_MS))).toBe(true);
	});

	it('keeps only a few requests unanswered until the server has told what is left', async () => {
		const cap = unconfirmedRequestCap(100);
		expect(cap).toBe(5);
		const open = [];
		for (let index = 0; index < cap; index++) open.push(await acquireRequestSlot(KEY, 100, WINDOW_MS));
		const waiting = acquireRequestSlot(KEY, 100, WINDOW_MS);
		expect(await settlesSoon(waiting)).toBe(false);
		open[0]({ headers: headers(100, 95) });
		expect(await settlesSoon(waiting)).toBe(true);
	});

	it('sends freely once answers show the server sends no counts (a proxy stripped them)', async () => {
		(await acquireRequestSlot(KEY, 100, WINDOW_MS))({ headers: { 'content-type': 'application/json' } });
		for (let index = 0; index < 20; index++) await acquireRequestSlot(KEY, 100, WINDOW_MS);
		expect(await settlesSoon(acquireRequestSlot(KEY, 100, WINDOW_MS))).toBe(true);
	});
});

describe('acquireRequestSlot with a deadline', () => {

	const refusal = async (promise: Promise<unknown>) => await promise.then(() => undefined, (error: unknown) => error);
	class TooLate extends Error {
		constructor(readonly freeInMs: number) {
			super('too late');
		}
	}
	const by = (at: number) => ({ at, refuse: (freeInMs: number) => new TooLate(freeInMs) });

	it('refuses at once when the window frees after the deadline, naming when it frees', async () => {
		(await acquireRequestSlot(KEY, 1, WINDOW_MS))({});
		const started = Date.now();
		const error = await refusal(acquireRequestSlot(KEY, 1, WINDOW_MS, 'normal', by(Date.now() + 500)));
		expect(error).toBeInstanceOf(TooLate);
		// the window (2 s) and the limiter's safety margin (20 ms) from the first request
		expect((error as TooLate).freeInMs).toBe(WINDOW_MS + 20);
		expect(Date.now()).toBe(started);
	});

	it('names when the oldest place of a full window frees', async () => {
		(await acquireRequestSlot(KEY, 2, WINDOW_MS))({});
		await jest.advanceTimersByTimeAsync(500);
		(await acquireRequestSlot(KEY, 2, WINDOW_MS))({});
		await jest.advanceTimersByTimeAsync(100);
		const error = await refusal(acquireRequestSlot(KEY, 2, WINDOW_MS, 'normal', by(Date.now() + 500)));
		expect((error as TooLate).freeInMs).toBe(WINDOW_MS + 20 - 600);
	});

	it("holds the deadline to the server's limit when it is lower than the credential's", async () => {
		(await acquireRequestSlot(KEY, 10, WINDOW_MS))({ headers: headers(2, 1) });
		(await acquireRequestSlot(KEY, 10, WINDOW_MS))({ headers: headers(2, 0) });
		const started = Date.now();
		const error = await onFakeClock(refusal(acquireRequestSlot(KEY, 10, WINDOW_MS, 'normal', by(started + 500))));
		// at once, naming when the window frees: not after waiting until the deadline
		expect(error).toBeInstanceOf(TooLate);
		expect((error as TooLate).freeInMs).toBe(WINDOW_MS + 20);
		expect(Date.now()).toBe(started);
	});

	it('waits for a slot that frees exactly at the deadline', async () => {
		(await acquireRequestSlot(KEY, 1, WINDOW_MS))({});
		const started = Date.now();
		await onFakeClock(acquireRequestSlot(KEY, 1, WINDOW_MS, 'normal', by(started + WINDOW_MS + 20)));
		expect(Date.now() - started).toBeGreaterThanOrEqual(WINDOW_MS + 20);
	});

	it('counts places spent by others and the server\'s pause, and waits for a slot that frees in time', async () => {
		(await acquireRequestSlot(KEY, 10, WINDOW_MS))({ headers: headers(10, 0) }); // 9 others
		expect(await refusal(acquireRequestSlot(KEY, 10, WINDOW_MS, 'normal', by(Date.now() + 500)))).toBeInstanceOf(TooLate);
		resetRequestWindows();
		pauseRequests(KEY, Date.now() + 1500);
		expect(await refusal(acquireRequestSlot(KEY, 10, WINDOW_MS, 'normal', by(Date.now() + 1000)))).toBeInstanceOf(TooLate);
		const started = Date.now();
		await onFakeClock(acquireRequestSlot(KEY, 10, WINDOW_MS, 'normal', by(Date.now() + 1700)));
		expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
		expect(Date.now() - started).toBeLessThan(1700);
	});

	it('goes at once with room in the window, whatever the deadline', async () => {
		expect(await settlesSoon(acquireRequestSlot(KEY, 1, WINDOW_MS, 'normal', by(Date.now())))).toBe(true);
	});
});
