/**
 * The status checks of a wait, on a fake clock: runs that take 20-90 s (Raydocs' realistic range)
 * and a transport stub that answers from the clock, so minutes of waiting take milliseconds and
 * the bounds on requests are exact.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { raydocsJson } from '../../../../nodes/Raydocs/shared/transport';
import {
	nextPause,
	waitForRuns,
	waitForSessionRuns,
	waitSettingsFor,
} from '../../../../nodes/Raydocs/shared/waitForRuns';

jest.mock('../../../../nodes/Raydocs/shared/transport', () => ({ raydocsJson: jest.fn() }));

const send = raydocsJson as jest.MockedFunction<typeof raydocsJson>;
const context = {} as IExecuteFunctions;

interface Read {
	url: string;
	at: number;
	priority?: string;
}

/** Runs finishing `durations[i]` seconds after the wait starts; records every read. */
function raydocsWithRuns(durations: number[]): { reads: Read[]; finishedAt: (index: number) => number } {
	const start = Date.now();
	const reads: Read[] = [];
	const finishedAt = (index: number) => start + durations[index] * 1000;
	send.mockImplementation(async (_context, request) => {
		reads.push({ url: request.url, at: Date.now(), priority: request.priority });
		const index = Number(/(\d+)$/.exec(request.url)![1]);
		const done = Date.now() >= finishedAt(index);
		const run = { id: `run-${index}`, status: done ? 'completed' : 'processing', data: done ? { total: index } : null };
		// a session read embeds its runs
		return (request.url.includes('/sessions/') ? { id: `session-${index}`, results: [run] } : run) as never;
	});
	return { reads, finishedAt };
}

/** Resolves the promise while the fake clock runs. */
async function onFakeClock<T>(promise: Promise<T>): Promise<T> {
	let settled = false;
	void promise.finally(() => (settled = true));
	while (!settled) await jest.advanceTimersByTimeAsync(50);
	return await promise;
}

const ids = (count: number) => Array.from({ length: count }, (_, index) => String(index));

/** Spread over 20-90 s like the bench's jitter, in a fixed order. */
const spread = (count: number) => ids(count).map((_, index) => 20 + ((index * 37) % 71));

describe('waitForRuns on a fake clock', () => {
	beforeEach(() => {
		jest.useFakeTimers();
		send.mockReset();
	});
	afterEach(() => jest.useRealTimers());

	it('version 1.1 checks every 5 s for 2 minutes, then 50% later each time up to 30 s; version 1 every Poll Interval', () => {
		const v11 = waitSettingsFor(1.1, {});
		expect(nextPause(v11, 0)).toBe(5000);
		expect(nextPause(v11, 119_999, 5000)).toBe(5000);
		const slowing = [5000];
		for (let elapsed = 120_000; slowing.length < 7; elapsed += slowing[slowing.length - 1]) {
			slowing.push(nextPause(v11, elapsed, slowing[slowing.length - 1]));
		}
		expect(slowing).toEqual([5000, 7500, 11_250, 16_875, 25_312.5, 30_000, 30_000]);
		expect(v11).toMatchObject({ timeoutMs: 300_000, readInTurn: true });
		const v1 = waitSettingsFor(1, {});
		expect([0, 120_000, 600_000].map((elapsed) => nextPause(v1, elapsed, 3000))).toEqual([3000, 3000, 3000]);
		expect(v1.readInTurn).toBe(false);
		expect(nextPause(waitSettingsFor(1, { pollInterval: 10 }), 0)).toBe(10_000);
		expect(nextPause(waitSettingsFor(1.1, { checkInterval: 20 }), 0)).toBe(20_000);
	});

	it.each([20, 27, 33, 46, 61, 90])('one run of %i s: one status read per 5 s, seen within 5 s', async (duration) => {
		const { reads, finishedAt } = raydocsWithRuns([duration]);
		const outcomes = await onFakeClock(waitForRuns(context, ['0'], waitSettingsFor(1.1, {})));
		expect(outcomes.get('0')?.run?.status).toBe('completed');
		expect(reads.length).toBeLessThanOrEqual(Math.ceil(duration / 5));
		expect(reads[reads.length - 1].at - finishedAt(0)).toBeLessThanOrEqual(5000);
		expect(reads.every((read) => read.priority === 'low')).toBe(true);
	});

	it('a run of 5 minutes costs about half the reads of checking every 5 s', async () => {
		const { reads } = raydocsWithRuns([300]);
		const outcomes = await onFakeClock(waitForRuns(context, ['0'], waitSettingsFor(1.1, { timeout: 600 })));
		expect(outcomes.get('0')?.run?.status).toBe('completed');
		// 24 reads in the first 2 minutes, then 7.5, 11.25, 16.9, 25.3 s and 30 s pauses
		expect(reads.length).toBeLessThanOrEqual(32);
	});

	it('50 runs of 20-90 s: each read about once, plus one read per round while none has finished', async () => {
		const durations = spread(50);
		const { reads, finishedAt } = raydocsWithRuns(durations);
		const outcomes = await onFakeClock(waitForRuns(context, ids(50), waitSettingsFor(1.1, {})));
		expect([...outcomes.values()].every((outcome) => outcome.run?.status === 'completed')).toBe(true);
		const rounds = Math.ceil(Math.max(...durations) / 5);
		expect(reads.length).toBeLessThanOrEqual(50 + rounds);
		// the last run is noticed within one interval
		const last = Math.max(...ids(50).map((_, index) => finishedAt(index)));
		expect(reads[reads.length - 1].at - last).toBeLessThanOrEqual(5000);
	});

	it('version 1 reads every pending run every round (saved workflows keep their behaviour)', async () => {
		const { reads } = raydocsWithRuns([20, 20, 20]);
		await onFakeClock(waitForRuns(context, ids(3), waitSettingsFor(1, { pollInterval: 3 })));
		// rounds at 3, 6, ..., 21 s: 7 rounds of 3 reads
		expect(reads).toHaveLength(21);
	});

	it('sessions of a batch: the same bound, the session answer carrying the result', async () => {
		const durations = spread(20);
		const { reads } = raydocsWithRuns(durations);
		const outcomes = await onFakeClock(waitForSessionRuns(context, ids(20), waitSettingsFor(1.1, {})));
		expect([...outcomes.values()].map((outcome) => outcome.run?.data)).toEqual(ids(20).map((id) => ({ total: Number(id) })));
		expect(reads.every((read) => read.url.startsWith('/extractions/sessions/'))).toBe(true);
		expect(reads.length).toBeLessThanOrEqual(20 + Math.ceil(Math.max(...durations) / 5));
	});

	it('times out with the runs still pending, having read no more than the schedule allows', async () => {
		const { reads } = raydocsWithRuns([1000, 1000]);
		const outcomes = await onFakeClock(waitForRuns(context, ids(2), waitSettingsFor(1.1, { timeout: 60 })));
		expect([...outcomes.values()].map((outcome) => [outcome.timedOut, outcome.lastStatus])).toEqual([
			[true, 'processing'],
			[true, 'processing'],
		]);
		// one read per round (the first pending run stands for both): at 5, 10, ... 60 s
		expect(reads.length).toBeLessThanOrEqual(12);
	});
});
