/**
 * The limiter's window on a fake clock (jest's timers and Date): when each request is let through,
 * to the millisecond, for what the server said in its answers.
 */
import {
	acquireRequestSlot,
	pauseRequests,
	resetRequestWindows,
	unconfirmedRequestCap,
	type RequestPriority,
	type SlotAnswer,
} from '../../../../nodes/Raydocs/shared/rateLimiter';

const KEY = 'https://api.raydocs.test';
const WINDOW_MS = 1000;
/** The window plus the limiter's safety margin (20 ms) and the millisecond its wait adds. */
const NEXT_WINDOW = WINDOW_MS + 21;

let start = 0;
const elapsed = () => Date.now() - start;

/** Advances the fake clock a millisecond at a time until `promise` settles; its result and when. */
async function grant<T>(promise: Promise<T>, limitMs = 20_000): Promise<{ value: T; at: number }> {
	let settled = false;
	void promise.finally(() => (settled = true));
	await jest.advanceTimersByTimeAsync(0);
	while (!settled && elapsed() < limitMs) await jest.advanceTimersByTimeAsync(1);
	if (!settled) throw new Error(`not granted within ${limitMs} ms`);
	return { value: await promise, at: elapsed() };
}

/** When a slot of `limit` per window is granted; answered at once with `answer`. */
async function sendAt(limit: number, answer: SlotAnswer = {}, priority: RequestPriority = 'normal'): Promise<number> {
	const { value: settle, at } = await grant(acquireRequestSlot(KEY, limit, WINDOW_MS, priority));
	settle(answer);
	return at;
}

async function isGrantedWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
	let settled = false;
	void promise.finally(() => (settled = true));
	await jest.advanceTimersByTimeAsync(ms);
	return settled;
}

const counts = (limit: number, remaining: number) => ({ headers: { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(remaining) } });

beforeEach(() => {
	jest.useFakeTimers();
	resetRequestWindows();
	start = Date.now();
});
afterEach(() => jest.useRealTimers());

describe('the window', () => {
	it('lets `limit` requests go at once and the next when the first has left the window', async () => {
		const times = [];
		for (let index = 0; index < 4; index++) times.push(await sendAt(3));
		expect(times).toEqual([0, 0, 0, NEXT_WINDOW]);
	});

	it('holds a slot until its answer arrives: the server may have counted it then', async () => {
		const settle = (await grant(acquireRequestSlot(KEY, 1, WINDOW_MS))).value;
		await jest.advanceTimersByTimeAsync(500);
		settle();
		expect(await sendAt(1)).toBe(500 + NEXT_WINDOW);
	});

	it('keeps one window per key', async () => {
		await sendAt(1);
		const other = await grant(acquireRequestSlot('https://other.raydocs.test', 1, WINDOW_MS));
		expect(other.at).toBe(0);
	});

	it('lets nobody through before a pause ends, and keeps the later of two pauses', async () => {
		pauseRequests(KEY, Date.now() + 5000);
		pauseRequests(KEY, Date.now() + 2000);
		expect(await sendAt(100)).toBe(5001);
	});
});

describe('what the answers say', () => {
	it('counts the requests of other clients on our IP as X-RateLimit-Remaining reports them, until their window passes', async () => {
		// the server counted 8: ours and 7 others
		expect(await sendAt(10, counts(10, 2))).toBe(0);
		const times = [];
		for (let index = 0; index < 3; index++) times.push(await sendAt(10));
		expect(times).toEqual([0, 0, NEXT_WINDOW]);
	});

	it('lets the requests of others leave the window like our own', async () => {
		for (let index = 0; index < 3; index++) await sendAt(10);
		await jest.advanceTimersByTimeAsync(500);
		await sendAt(10, counts(10, 0)); // 10 counted: our 4 and 6 others, seen at 500 ms
		const times = [];
		for (let index = 0; index < 11; index++) times.push(await sendAt(10));
		// ours of 0 ms leave at 1021 ms; the others and ours of 500 ms at 1521 ms; then the window is full again
		expect(times).toEqual([...Array(3).fill(NEXT_WINDOW), ...Array(7).fill(500 + NEXT_WINDOW), 2 * NEXT_WINDOW]);
	});

	it('counts only requests sent up to the answered one as ours', async () => {
		const first = (await grant(acquireRequestSlot(KEY, 3, WINDOW_MS))).value;
		await grant(acquireRequestSlot(KEY, 3, WINDOW_MS)); // not answered yet, maybe not counted yet
		first(counts(3, 1)); // 2 counted: the first and one other
		expect(await isGrantedWithin(acquireRequestSlot(KEY, 3, WINDOW_MS), 100)).toBe(false);
	});

	it('keeps the announced limit when a later answer does not repeat it', async () => {
		await sendAt(100, counts(3, 2));
		await sendAt(100, { headers: { 'x-ratelimit-remaining': '1' } });
		expect([await sendAt(100), await sendAt(100)]).toEqual([0, NEXT_WINDOW]);
	});

	it('takes the lower of the configured and the announced limit', async () => {
		const times = [await sendAt(100, counts(3, 2)), await sendAt(100, counts(3, 1)), await sendAt(100, counts(3, 0)), await sendAt(100, counts(3, 2))];
		expect(times).toEqual([0, 0, 0, NEXT_WINDOW]);
	});

	it('reads no count from an answer without X-RateLimit-Limit', async () => {
		await sendAt(100, { headers: { 'x-ratelimit-remaining': '0' } });
		const times = [];
		for (let index = 0; index < 5; index++) times.push(await sendAt(100, { headers: { 'x-ratelimit-remaining': '0' } }));
		expect(times).toEqual([0, 0, 0, 0, 0]);
	});

	it('ignores the counts of an answer older than one already read', async () => {
		const first = (await grant(acquireRequestSlot(KEY, 10, WINDOW_MS))).value;
		const second = (await grant(acquireRequestSlot(KEY, 10, WINDOW_MS))).value;
		second(counts(10, 5)); // 5 counted: our 2 and 3 others
		first(counts(10, 0)); // stale: sent before the answer above
		const times = [];
		for (let index = 0; index < 6; index++) times.push(await sendAt(10, {}));
		expect(times).toEqual([0, 0, 0, 0, 0, NEXT_WINDOW]);
	});

	it('frees the slot of a refused (429) request at once, and only that one', async () => {
		await sendAt(3);
		await sendAt(3);
		await sendAt(3, { refused: true });
		await sendAt(3, { refused: true });
		expect([await sendAt(3), await sendAt(3)]).toEqual([0, NEXT_WINDOW]);
	});
});

describe('requests not yet answered', () => {
	it('allows a twentieth of the limit, at least 2, rounded up', () => {
		expect([10, 40, 41, 100, 1000].map(unconfirmedRequestCap)).toEqual([2, 2, 3, 5, 50]);
	});

	it('sends no more than that before an answer tells the count, and goes on when one arrives', async () => {
		const open = [(await grant(acquireRequestSlot(KEY, 100, WINDOW_MS))).value];
		for (let index = 1; index < 5; index++) open.push((await grant(acquireRequestSlot(KEY, 100, WINDOW_MS))).value);
		const waiting = acquireRequestSlot(KEY, 100, WINDOW_MS);
		expect(await isGrantedWithin(waiting, 3 * WINDOW_MS)).toBe(false);
		open[0](counts(100, 95));
		expect(await isGrantedWithin(waiting, 0)).toBe(true);
	});

	it('keeps the cap while the server counts, even when one answer comes without counts', async () => {
		(await grant(acquireRequestSlot(KEY, 10, WINDOW_MS))).value(counts(10, 9));
		(await grant(acquireRequestSlot(KEY, 10, WINDOW_MS))).value({ headers: {} });
		const open = [(await grant(acquireRequestSlot(KEY, 10, WINDOW_MS))).value, (await grant(acquireRequestSlot(KEY, 10, WINDOW_MS))).value];
		expect(await isGrantedWithin(acquireRequestSlot(KEY, 10, WINDOW_MS), 100)).toBe(false);
		expect(open).toHaveLength(2);
	});

	it('does not take an answer without X-RateLimit-Limit as confirming the requests sent before it', async () => {
		const open = (await grant(acquireRequestSlot(KEY, 10, WINDOW_MS))).value;
		const later = (await grant(acquireRequestSlot(KEY, 10, WINDOW_MS))).value;
		later({ headers: { 'x-ratelimit-remaining': '5' } });
		await grant(acquireRequestSlot(KEY, 10, WINDOW_MS));
		// two sent and unanswered (the cap for 10): the next waits for an answer with counts
		expect(await isGrantedWithin(acquireRequestSlot(KEY, 10, WINDOW_MS), 100)).toBe(false);
		expect(open).toEqual(expect.any(Function));
	});

	it('lifts the cap when answers carry no counts (a proxy stripped them)', async () => {
		(await grant(acquireRequestSlot(KEY, 10, WINDOW_MS))).value({ headers: {} });
		for (let index = 0; index < 9; index++) expect(await isGrantedWithin(acquireRequestSlot(KEY, 10, WINDOW_MS), 0)).toBe(true);
		expect(await isGrantedWithin(acquireRequestSlot(KEY, 10, WINDOW_MS), 100)).toBe(false); // the window is full
	});
});

describe('priorities in a full window', () => {
	/** Starts `count` acquisitions of one priority; records when each is granted. */
	function queue(count: number, priority: RequestPriority, log: Array<{ priority: RequestPriority; at: number }>): Array<Promise<void>> {
		return Array.from({ length: count }, async () => {
			const settle = await acquireRequestSlot(KEY, 8, WINDOW_MS, priority);
			log.push({ priority, at: elapsed() });
			settle();
		});
	}

	const inWindow = (log: Array<{ priority: RequestPriority; at: number }>, from: number, priority: RequestPriority) =>
		log.filter((entry) => entry.priority === priority && entry.at >= from && entry.at < from + WINDOW_MS).length;

	it('holds status checks back while uploads wait for the budget: the next window goes to the uploads', async () => {
		for (let index = 0; index < 8; index++) await sendAt(8);
		await jest.advanceTimersByTimeAsync(500);
		const log: Array<{ priority: RequestPriority; at: number }> = [];
		// the checks ask first: they look first when the window turns
		const all = [...queue(3, 'low', log), ...queue(8, 'normal', log)];
		await grant(Promise.all(all), 5 * WINDOW_MS);
		expect(log.filter((entry) => entry.priority === 'normal').map((entry) => entry.at)).toEqual(Array(8).fill(NEXT_WINDOW));
		// the checks take the window after: they had waited less than a window when the uploads went
		expect(log.filter((entry) => entry.priority === 'low').map((entry) => entry.at)).toEqual(Array(3).fill(2 * NEXT_WINDOW));
	});

	it('gives status checks that waited a whole window behind uploads a quarter of the window, and uploads the rest', async () => {
		for (let index = 0; index < 8; index++) await sendAt(8);
		const log: Array<{ priority: RequestPriority; at: number }> = [];
		const all = [...queue(10, 'normal', log), ...queue(5, 'low', log)];
		await grant(Promise.all(all), 5 * WINDOW_MS);
		// queued at 0, the checks are starved when the next window opens at 1,021 ms
		expect([inWindow(log, NEXT_WINDOW, 'normal'), inWindow(log, NEXT_WINDOW, 'low')]).toEqual([6, 2]);
		expect(log.every((entry) => entry.at >= NEXT_WINDOW)).toBe(true);
	});

	it('gives starved status checks that ask first their quarter and no more; the uploads take the rest of the window', async () => {
		for (let index = 0; index < 8; index++) await sendAt(8);
		const log: Array<{ priority: RequestPriority; at: number }> = [];
		// the checks ask first: when the window turns they have waited a whole window, and look first
		const all = [...queue(5, 'low', log), ...queue(10, 'normal', log)];
		await grant(Promise.all(all), 5 * WINDOW_MS);
		expect([inWindow(log, NEXT_WINDOW, 'low'), inWindow(log, NEXT_WINDOW, 'normal')]).toEqual([2, 6]);
	});

	it('gives uploads the whole window again once no status check is starved', async () => {
		for (let index = 0; index < 8; index++) await sendAt(8);
		const log: Array<{ priority: RequestPriority; at: number }> = [];
		await grant(Promise.all([...queue(2, 'low', log), ...queue(6, 'normal', log)]), 5 * WINDOW_MS);
		// the two checks were starved and are through: nothing is kept free for checks any more
		await jest.advanceTimersByTimeAsync(2 * WINDOW_MS);
		const from = elapsed();
		await grant(Promise.all(queue(8, 'normal', log)), 5 * WINDOW_MS);
		expect(log.slice(-8).map((entry) => entry.at)).toEqual(Array(8).fill(from));
	});

	it('looks again soon for a status check held back, in case the uploads stop waiting', async () => {
		const windowMs = 3000;
		const acquire = (priority: RequestPriority) => acquireRequestSlot(KEY, 8, windowMs, priority);
		// two status checks answered (their share of 8), two uploads still unanswered (the cap)
		(await grant(acquire('low'))).value(counts(8, 7));
		(await grant(acquire('low'))).value(counts(8, 6));
		const [, second] = [(await grant(acquire('normal'))).value, (await grant(acquire('normal'))).value];
		const upload = acquire('normal'); // held by the cap of unanswered requests
		const check = acquire('low'); // held back while an upload waits
		expect(await isGrantedWithin(upload, 5)).toBe(false);
		second(counts(8, 4));
		await grant(upload);
		expect(elapsed()).toBe(5);
		// the window has room: the check goes at its next look, a hundredth of the window after it started
		expect((await grant(check)).at).toBe(31);
	});

	it('lets status checks use a window with room when no upload waits', async () => {
		for (let index = 0; index < 6; index++) await sendAt(8);
		const log: Array<{ priority: RequestPriority; at: number }> = [];
		const checks = queue(2, 'low', log);
		const uploads = queue(2, 'normal', log);
		await grant(Promise.all([...uploads, ...checks]), 5 * WINDOW_MS);
		// the checks asked first, when nothing waited: they take the two free slots
		expect(log.filter((entry) => entry.at === 0).map((entry) => entry.priority)).toEqual(['low', 'low']);
		expect(log.filter((entry) => entry.priority === 'normal').map((entry) => entry.at)).toEqual([NEXT_WINDOW, NEXT_WINDOW]);
	});
});
