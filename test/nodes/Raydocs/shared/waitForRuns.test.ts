/**
 * The status checks of a wait, on a fake clock: runs that take 20-90 s (Raydocs' realistic range)
 * and a transport stub that answers from the clock, so minutes of waiting take milliseconds and
 * the bounds on requests are exact.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { raydocsJson } from '../../../../nodes/Raydocs/shared/transport';
import {
	pauseBeforeRound,
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

	it('version 1.1 checks after 3 s, 4.5 s, then every 5 s; version 1 every Poll Interval', () => {
		const v11 = waitSettingsFor(1.1, {});
		expect([0, 1, 2, 3, 10].map((round) => pauseBeforeRound(v11, round))).toEqual([3000, 4500, 5000, 5000, 5000]);
		expect(v11).toMatchObject({ timeoutMs: 300_000, readInTurn: true });
		const v1 = waitSettingsFor(1, {});
		expect([0, 1, 5].map((round) => pauseBeforeRound(v1, round))).toEqual([3000, 3000, 3000]);
		expect(v1.readInTurn).toBe(false);
		expect(pauseBeforeRound(waitSettingsFor(1, { pollInterval: 10 }), 3)).toBe(10_000);
		expect(pauseBeforeRound(waitSettingsFor(1.1, { maxPollInterval: 20 }), 0)).toBe(12_000);
	});

	it.each([20, 27, 33, 46, 61, 90])('one run of %i s: one status read per 5 s and more, seen within 5 s', async (duration) => {
		const { reads, finishedAt } = raydocsWithRuns([duration]);
		const outcomes = await onFakeClock(waitForRuns(context, ['0'], waitSettingsFor(1.1, {})));
		expect(outcomes.get('0')?.run?.status).toBe('completed');
		// 3 + 4.5 s cost one read more than fixed 5 s checks would
		expect(reads.length).toBeLessThanOrEqual(Math.ceil(duration / 5) + 1);
		expect(reads[reads.length - 1].at - finishedAt(0)).toBeLessThanOrEqual(5000);
		expect(reads.every((read) => read.priority === 'low')).toBe(true);
	});

	it('50 runs of 20-90 s: each read about once, plus one read per round while none has finished', async () => {
		const durations = spread(50);
		const { reads, finishedAt } = raydocsWithRuns(durations);
		const outcomes = await onFakeClock(waitForRuns(context, ids(50), waitSettingsFor(1.1, {})));
		expect([...outcomes.values()].every((outcome) => outcome.run?.status === 'completed')).toBe(true);
		const rounds = Math.ceil(Math.max(...durations) / 5) + 1;
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
		expect(reads.length).toBeLessThanOrEqual(20 + Math.ceil(Math.max(...durations) / 5) + 1);
	});

	it('times out with the runs still pending, having read no more than the schedule allows', async () => {
		const { reads } = raydocsWithRuns([1000, 1000]);
		const outcomes = await onFakeClock(waitForRuns(context, ids(2), waitSettingsFor(1.1, { timeout: 60 })));
		expect([...outcomes.values()].map((outcome) => [outcome.timedOut, outcome.lastStatus])).toEqual([
			[true, 'processing'],
			[true, 'processing'],
		]);
		// one read per round (the first pending run stands for both): 3, 7.5, 12.5, ... 57.5, then the deadline
		expect(reads.length).toBeLessThanOrEqual(13);
	});
});
