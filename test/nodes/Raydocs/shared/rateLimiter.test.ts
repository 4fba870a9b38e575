import { sleep } from 'n8n-workflow';

import { acquireRequestSlot, pauseRequests, resetRequestWindows, unconfirmedRequestCap } from '../../../../nodes/Raydocs/shared/rateLimiter';

const KEY = 'https://api.example.test';
/** Short, so that the waits these tests leave behind end soon after them. */
const WINDOW_MS = 2000;

/** Whether `promise` settles within a few event-loop turns. */
async function settlesSoon(promise: Promise<unknown>): Promise<boolean> {
	let settled = false;
	void promise.then(() => (settled = true));
	await sleep(30);
	return settled;
}

const headers = (limit: number, remaining: number) => ({ 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(remaining) });

describe('acquireRequestSlot learning from the server', () => {
	beforeEach(() => resetRequestWindows());
	// the acquisitions left waiting get their slot once the window has passed
	afterAll(async () => await sleep(WINDOW_MS + 300));

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
		await sleep(WINDOW_MS + 100);
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
	beforeEach(() => resetRequestWindows());
	afterAll(async () => await sleep(WINDOW_MS + 300));

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
		// the window (2 s) and the limiter's safety margin from the first request
		expect((error as TooLate).freeInMs).toBeGreaterThan(1900);
		expect(Date.now() - started).toBeLessThan(100);
	});

	it('counts places spent by others and the server\'s pause, and waits for a slot that frees in time', async () => {
		(await acquireRequestSlot(KEY, 10, WINDOW_MS))({ headers: headers(10, 0) }); // 9 others
		expect(await refusal(acquireRequestSlot(KEY, 10, WINDOW_MS, 'normal', by(Date.now() + 500)))).toBeInstanceOf(TooLate);
		resetRequestWindows();
		pauseRequests(KEY, Date.now() + 1500);
		expect(await refusal(acquireRequestSlot(KEY, 10, WINDOW_MS, 'normal', by(Date.now() + 1000)))).toBeInstanceOf(TooLate);
		const started = Date.now();
		await acquireRequestSlot(KEY, 10, WINDOW_MS, 'normal', by(Date.now() + 1700));
		expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
	});

	it('goes at once with room in the window, whatever the deadline', async () => {
		expect(await settlesSoon(acquireRequestSlot(KEY, 1, WINDOW_MS, 'normal', by(Date.now())))).toBe(true);
	});
});
