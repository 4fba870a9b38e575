/**
 * The status checks of a wait, on a fake clock: runs that take 20-90 s (Raydocs' realistic range)
 * and a transport stub that answers from the clock, so minutes of waiting take milliseconds and
 * the bounds on requests are exact.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { forgetRunDurations, likelyDurationMs, recordRunDuration } from '../../../../nodes/Raydocs/shared/runDurations';
import { raydocsJson } from '../../../../nodes/Raydocs/shared/transport';
import {
	deploymentOf,
	nextPause,
	waitForRuns,
	waitForSessionRuns,
	waitSettingsFor,
} from '../../../../nodes/Raydocs/shared/waitForRuns';

jest.mock('../../../../nodes/Raydocs/shared/transport', () => ({ raydocsJson: jest.fn(), CREDENTIAL_TYPE: 'raydocsApi' }));

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

// Every wait below runs on jest's fake clock, against a fresh transport stub.
beforeEach(() => {
	jest.useFakeTimers();
	send.mockReset();
});
afterEach(() => jest.useRealTimers());

describe('waitForRuns on a fake clock', () => {
	it('checks every Check Interval (5 s) for 2 minutes, then 50% later each time up to 6 intervals (30 s)', () => {
		const settings = waitSettingsFor({});
		expect(nextPause(settings, 0)).toBe(5000);
		expect(nextPause(settings, 119_999, 5000)).toBe(5000);
		const slowing = [5000];
		for (let elapsed = 120_000; slowing.length < 7; elapsed += slowing[slowing.length - 1]) {
			slowing.push(nextPause(settings, elapsed, slowing[slowing.length - 1]));
		}
		expect(slowing).toEqual([5000, 7500, 11_250, 16_875, 25_312.5, 30_000, 30_000]);
		expect(settings).toMatchObject({ timeoutMs: 300_000 });
		expect(nextPause(waitSettingsFor({ checkInterval: 20 }), 0)).toBe(20_000);
	});

	it.each([20, 27, 33, 46, 61, 90])('one run of %i s: one status read per 5 s, seen within 5 s', async (duration) => {
		const { reads, finishedAt } = raydocsWithRuns([duration]);
		const outcomes = await onFakeClock(waitForRuns(context, ['0'], waitSettingsFor({})));
		expect(outcomes.get('0')?.run?.status).toBe('completed');
		expect(reads.length).toBeLessThanOrEqual(Math.ceil(duration / 5));
		expect(reads[reads.length - 1].at - finishedAt(0)).toBeLessThanOrEqual(5000);
		expect(reads.every((read) => read.priority === 'low')).toBe(true);
	});

	it('a run of 5 minutes costs about half the reads of checking every 5 s', async () => {
		const { reads } = raydocsWithRuns([300]);
		const outcomes = await onFakeClock(waitForRuns(context, ['0'], waitSettingsFor({ timeout: 600 })));
		expect(outcomes.get('0')?.run?.status).toBe('completed');
		// 24 reads in the first 2 minutes, then 7.5, 11.25, 16.9, 25.3 s and 30 s pauses
		expect(reads.length).toBeLessThanOrEqual(32);
	});

	it('50 runs of 20-90 s: each read about once, plus one read per round while none has finished', async () => {
		const durations = spread(50);
		const { reads, finishedAt } = raydocsWithRuns(durations);
		const outcomes = await onFakeClock(waitForRuns(context, ids(50), waitSettingsFor({})));
		expect([...outcomes.values()].every((outcome) => outcome.run?.status === 'completed')).toBe(true);
		const rounds = Math.ceil(Math.max(...durations) / 5);
		expect(reads.length).toBeLessThanOrEqual(50 + rounds);
		// the last run is noticed within one interval
		const last = Math.max(...ids(50).map((_, index) => finishedAt(index)));
		expect(reads[reads.length - 1].at - last).toBeLessThanOrEqual(5000);
	});

	it('sessions of a batch: the same bound, the session answer carrying the result', async () => {
		const durations = spread(20);
		const { reads } = raydocsWithRuns(durations);
		const outcomes = await onFakeClock(waitForSessionRuns(context, ids(20), waitSettingsFor({})));
		expect([...outcomes.values()].map((outcome) => outcome.run?.data)).toEqual(ids(20).map((id) => ({ total: Number(id) })));
		expect(reads.every((read) => read.url.startsWith('/extractions/sessions/'))).toBe(true);
		expect(reads.length).toBeLessThanOrEqual(20 + Math.ceil(Math.max(...durations) / 5));
	});

	it('times out with the runs still pending, having read no more than the schedule allows', async () => {
		const { reads } = raydocsWithRuns([1000, 1000]);
		const outcomes = await onFakeClock(waitForRuns(context, ids(2), waitSettingsFor({ timeout: 60 })));
		expect([...outcomes.values()].map((outcome) => [outcome.timedOut, outcome.lastStatus])).toEqual([
			[true, 'processing'],
			[true, 'processing'],
		]);
		// one read per round (the first pending run stands for both): at 5, 10, ... 60 s
		expect(reads.length).toBeLessThanOrEqual(12);
	});
});

/** What the wait sent, as `[seconds into the wait, path]`; `answer` gives Raydocs' answer to each read. */
function raydocsAnswering(answer: (path: string, seconds: number) => unknown): Array<[number, string]> {
	const start = Date.now();
	const reads: Array<[number, string]> = [];
	send.mockImplementation(async (_context, request) => {
		const seconds = (Date.now() - start) / 1000;
		reads.push([seconds, request.url]);
		const body = answer(request.url, seconds);
		if (body instanceof Error) throw body;
		return body as never;
	});
	return reads;
}

const resultPath = (id: string) => `/extractions/results/${id}`;
const sessionPath = (id: string) => `/extractions/sessions/${id}`;
const running = (id: string) => ({ id, status: 'processing', data: null });
const completed = (id: string) => ({ id, status: 'completed', data: { total: id } });
/** A run that finishes `seconds` into the wait. */
const finishingAt = (seconds: number) => (path: string, now: number) => {
	const id = path.split('/').pop()!;
	return now >= seconds ? completed(id) : running(id);
};

/** An execution that can be cancelled, as n8n gives one from 1.x on. */
function cancellable(): { context: IExecuteFunctions; cancel: () => void } {
	const controller = new AbortController();
	return {
		context: { getExecutionCancelSignal: () => controller.signal } as unknown as IExecuteFunctions,
		cancel: () => controller.abort(),
	};
}

describe('waitForRuns: the request schedule of a wait, on a fake clock', () => {
	it('version 1.1 reads every 5 s for 24 checks, then each pause 50% longer up to 30 s, the last one cut at the timeout', async () => {
		const reads = raydocsAnswering((path) => running(path.split('/').pop()!));
		const outcomes = await onFakeClock(waitForRuns(context, ['r1'], waitSettingsFor({ timeout: 240 })));

		const every5s = Array.from({ length: 24 }, (_, index) => 5 * (index + 1));
		// pauses of 7.5, 11.25, 16.875, 25.3125 (timers count whole milliseconds) and 30 s, then the rest up to 240 s
		expect(reads.map(([seconds]) => seconds)).toEqual([...every5s, 127.5, 138.75, 155.625, 180.937, 210.937, 240]);
		expect(new Set(reads.map(([, path]) => path))).toEqual(new Set([resultPath('r1')]));
		expect(outcomes.get('r1')).toEqual({ timedOut: true, lastStatus: 'processing' });
	});

	it('reads pending runs in turn: a round stops at the first run still going, which goes to the back', async () => {
		const finished: Record<string, number> = { a: 12, b: 3, c: 1000 };
		const reads = raydocsAnswering((path, seconds) => finishingAt(finished[path.split('/').pop()!])(path, seconds));
		const outcomes = await onFakeClock(waitForRuns(context, ['a', 'b', 'c'], waitSettingsFor({ timeout: 30 })));

		expect(reads).toEqual([
			[5, resultPath('a')], // still going: the round ends, a goes to the back
			[10, resultPath('b')], // done
			[10, resultPath('c')], // still going
			[15, resultPath('a')], // done
			[15, resultPath('c')],
			[20, resultPath('c')],
			[25, resultPath('c')],
			[30, resultPath('c')],
		]);
		expect(outcomes.get('a')).toEqual({ run: completed('a'), timedOut: false });
		expect(outcomes.get('b')).toEqual({ run: completed('b'), timedOut: false });
		expect(outcomes.get('c')).toEqual({ timedOut: true, lastStatus: 'processing' });
	});

	it('resuming a run that may be done already looks at once, then every interval', async () => {
		const reads = raydocsAnswering(finishingAt(7));
		const outcomes = await onFakeClock(waitForRuns(context, ['r1'], waitSettingsFor({}), new Map(), true));
		expect(reads).toEqual([
			[0, resultPath('r1')],
			[5, resultPath('r1')],
			[10, resultPath('r1')],
		]);
		expect(outcomes.get('r1')?.run?.status).toBe('completed');
	});

	it('does not read a run the caller already has finished with its data; reads one without its data or unfinished', async () => {
		const reads = raydocsAnswering((path) => completed(path.split('/').pop()!));
		const known = new Map([
			['done', { id: 'done', status: 'failed', data: null, error: 'Unreadable' }],
			['listed', { id: 'listed', status: 'completed' }],
			['queued', { id: 'queued', status: 'queued' }],
		]);
		const outcomes = await onFakeClock(waitForRuns(context, ['done', 'listed', 'queued'], waitSettingsFor({}), known));
		expect(reads).toEqual([
			[5, resultPath('listed')],
			[5, resultPath('queued')],
		]);
		expect(outcomes.get('done')).toEqual({ run: known.get('done'), timedOut: false });
		expect(outcomes.get('listed')).toEqual({ run: completed('listed'), timedOut: false });
	});

	it('a read that fails settles that run with the error; it is not read again', async () => {
		const refused = new Error('403 Forbidden');
		const reads = raydocsAnswering((path, seconds) => (path === resultPath('bad') ? refused : finishingAt(12)(path, seconds)));
		const outcomes = await onFakeClock(waitForRuns(context, ['bad', 'good'], waitSettingsFor({ checkInterval: 5 })));
		expect(reads.filter(([, path]) => path === resultPath('bad'))).toEqual([[5, resultPath('bad')]]);
		expect(outcomes.get('bad')).toEqual({ timedOut: false, error: refused });
		expect(outcomes.get('good')).toEqual({ run: completed('good'), timedOut: false });
	});

	it('a cancelled execution stops at once: runs not read keep the last status known and count as not finished', async () => {
		const { context: execution, cancel } = cancellable();
		const reads = raydocsAnswering((path) => {
			if (path === resultPath('second')) cancel();
			return path === resultPath('first') ? completed('first') : running(path.split('/').pop()!);
		});
		const known = new Map([['third', { id: 'third', status: 'queued' }]]);
		// the cancellation lands in the middle of a round
		const outcomes = await onFakeClock(
			waitForRuns(execution, ['first', 'second', 'third'], waitSettingsFor({ checkInterval: 5 }), known),
		);
		expect(reads).toEqual([
			[5, resultPath('first')],
			[5, resultPath('second')],
		]);
		expect([...outcomes.entries()]).toEqual([
			['first', { run: completed('first'), timedOut: false }],
			['second', { timedOut: true, lastStatus: 'processing' }],
			['third', { timedOut: true, lastStatus: 'queued' }],
		]);
	});

	it('an execution cancelled before the wait reads nothing', async () => {
		const { context: execution, cancel } = cancellable();
		cancel();
		const reads = raydocsAnswering(finishingAt(0));
		const known = new Map([['r1', { id: 'r1', status: 'queued' }]]);
		const outcomes = await onFakeClock(waitForRuns(execution, ['r1', 'r2'], waitSettingsFor({}), known, true));
		expect(reads).toEqual([]);
		expect([...outcomes.entries()]).toEqual([
			['r1', { timedOut: true, lastStatus: 'queued' }],
			['r2', { timedOut: true, lastStatus: undefined }],
		]);
	});
});

describe('waitForSessionRuns: the runs of batch sessions, on a fake clock', () => {
	it("reads each session after the first interval and takes its latest run, embedded with its data", async () => {
		const reads = raydocsAnswering(() => ({
			results: [
				{ id: 'older', status: 'failed', created_at: '2026-01-01T10:00:00Z', data: null },
				{ id: 'latest', status: 'completed', created_at: '2026-01-01T10:05:00Z', data: { total: 3 } },
				{ id: 'undated', status: 'failed', data: null },
				{ id: 'middle', status: 'failed', created_at: '2026-01-01T10:02:00Z', data: null },
			],
		}));
		const outcomes = await onFakeClock(waitForSessionRuns(context, ['s1'], waitSettingsFor({})));
		expect(reads).toEqual([[5, sessionPath('s1')]]);
		expect(outcomes.get('s1')).toEqual({
			timedOut: false,
			runId: 'latest',
			run: { id: 'latest', status: 'completed', created_at: '2026-01-01T10:05:00Z', data: { total: 3 } },
		});
	});

	it('reads the full result when the session answer lists a finished run without its data (not for a failed one)', async () => {
		const reads = raydocsAnswering((path) => {
			if (path === sessionPath('s1')) return { results: [{ id: 'r1', status: 'completed' }] };
			if (path === sessionPath('s2')) return { results: [{ id: 'r2', status: 'failed', error: 'Unreadable' }] };
			return completed(path.split('/').pop()!);
		});
		const outcomes = await onFakeClock(waitForSessionRuns(context, ['s1', 's2'], waitSettingsFor({})));
		expect(reads).toEqual([
			[5, sessionPath('s1')],
			[5, resultPath('r1')],
			[5, sessionPath('s2')],
		]);
		expect(outcomes.get('s1')).toEqual({ timedOut: false, runId: 'r1', run: completed('r1') });
		expect(outcomes.get('s2')).toEqual({ timedOut: false, runId: 'r2', run: { id: 'r2', status: 'failed', error: 'Unreadable' } });
	});

	it("lists the session's results when its answer does not embed them", async () => {
		const reads = raydocsAnswering((path) =>
			path === sessionPath('s1') ? { id: 's1' } : { data: [{ id: 'r1', status: 'completed', data: { total: 1 } }] },
		);
		const outcomes = await onFakeClock(waitForSessionRuns(context, ['s1'], waitSettingsFor({})));
		expect(reads).toEqual([
			[5, sessionPath('s1')],
			[5, `${sessionPath('s1')}/results`],
		]);
		expect(outcomes.get('s1')?.run?.data).toEqual({ total: 1 });
	});

	it('on timeout a session without a run yet is "parsing", one with a run keeps its id and status', async () => {
		const reads = raydocsAnswering((path) =>
			path === sessionPath('parsing') ? { results: [] } : { results: [{ id: 'r2', status: 'processing' }] },
		);
		const outcomes = await onFakeClock(waitForSessionRuns(context, ['parsing', 'extracting'], waitSettingsFor({ timeout: 10 })));
		expect([...outcomes.entries()]).toEqual([
			['parsing', { timedOut: true, runId: undefined, lastStatus: 'parsing' }],
			['extracting', { timedOut: true, runId: 'r2', lastStatus: 'processing' }],
		]);
		// read in turn: the first session stands for the second while it is still parsing
		expect(reads).toEqual([
			[5, sessionPath('parsing')],
			[10, sessionPath('extracting')],
		]);
	});

	it('a session read that fails settles that session with the error', async () => {
		const gone = new Error('404 Not Found');
		raydocsAnswering((path) => (path === sessionPath('gone') ? gone : { results: [completed('r1')] }));
		const outcomes = await onFakeClock(waitForSessionRuns(context, ['gone', 'ok'], waitSettingsFor({})));
		expect(outcomes.get('gone')).toEqual({ timedOut: false, error: gone });
		expect(outcomes.get('ok')).toEqual({ timedOut: false, runId: 'r1', run: completed('r1') });
	});

	it('a batch cancelled before the wait reads nothing and reports every session as not finished', async () => {
		const { context: execution, cancel } = cancellable();
		cancel();
		const reads = raydocsAnswering(() => ({ results: [] }));
		const outcomes = await onFakeClock(waitForSessionRuns(execution, ['s1'], waitSettingsFor({})));
		expect(reads).toEqual([]);
		expect(outcomes.get('s1')).toEqual({ timedOut: true });
	});
});

describe('learned run durations: the first read of a template whose runs the process has seen finish, on a fake clock', () => {
	const BASE_URL = 'https://api.raydocs.test';
	const TEMPLATE = '550e8400-e29b-41d4-a716-446655440000';
	beforeEach(() => forgetRunDurations());

	interface TimedRun {
		/** When Raydocs created the run (and the node started it), Date.now() based. */
		startedAt: number;
		durationMs: number;
	}

	/** Raydocs answering for runs (`/results/{id}`) and batch sessions (`/sessions/{id}`) with their time stamps. */
	function raydocsTimed(runs: Map<string, TimedRun>): Array<{ id: string; at: number }> {
		const reads: Array<{ id: string; at: number }> = [];
		send.mockImplementation(async (_context, request) => {
			const id = request.url.split('/').pop()!;
			const { startedAt, durationMs } = runs.get(id)!;
			reads.push({ id, at: Date.now() });
			const done = Date.now() >= startedAt + durationMs;
			const run = {
				id: `run-${id}`,
				status: done ? 'completed' : 'processing',
				data: done ? { id } : null,
				created_at: new Date(startedAt).toISOString(),
				completed_at: done ? new Date(startedAt + durationMs).toISOString() : null,
			};
			return (request.url.includes('/sessions/') ? { id, created_at: run.created_at, results: [run] } : run) as never;
		});
		return reads;
	}

	/** One Extract Document run of `durationMs`, started now; its reads and when its result was seen. */
	async function oneRun(durationMs: number, settings = waitSettingsFor({}), timed = true): Promise<{ reads: number[]; lagMs: number }> {
		const startedAt = Date.now();
		const reads = raydocsTimed(new Map([['r', { startedAt, durationMs }]]));
		const timing = { baseUrl: BASE_URL, runs: new Map([['r', { templateId: TEMPLATE, startedAt }]]) };
		const outcomes = await onFakeClock(waitForRuns(context, ['r'], settings, new Map(), false, timed ? timing : undefined));
		expect(outcomes.get('r')?.run?.status).toBe('completed');
		return { reads: reads.map((read) => (read.at - startedAt) / 1000), lagMs: reads[reads.length - 1].at - (startedAt + durationMs) };
	}

	/** Runs of 63-77 s in a fixed order, like the bench's template of about 70 s. */
	const steady = Array.from({ length: 30 }, (_, index) => 63_000 + ((index * 7919) % 14_001));

	it('a template never seen keeps the Check Interval schedule, and learns the run', async () => {
		const { reads } = await oneRun(72_000);
		expect(reads).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75]);
		expect(likelyDurationMs(BASE_URL, TEMPLATE)).toBe(72_000);
	});

	it('from the second run of a template of about 70 s on: at most 4 status reads (8 requests with the 4 that start it), results 5 s after completion on average and 10 s at p95', async () => {
		const lags: number[] = [];
		const readCounts: number[] = [];
		for (const [index, durationMs] of steady.entries()) {
			const { reads, lagMs } = await oneRun(durationMs);
			if (index === 0) continue;
			readCounts.push(reads.length);
			lags.push(lagMs);
		}
		expect(Math.max(...readCounts)).toBeLessThanOrEqual(4);
		const sorted = [...lags].sort((a, b) => a - b);
		expect(lags.reduce((sum, lag) => sum + lag, 0) / lags.length).toBeLessThanOrEqual(5000);
		expect(sorted[Math.ceil(0.95 * sorted.length) - 1]).toBeLessThanOrEqual(10_000);
	});

	it('reads first when most learned runs had finished, then every Check Interval', async () => {
		for (const seconds of [63, 66, 70, 74, 77]) recordRunDuration(BASE_URL, TEMPLATE, seconds * 1000);
		// the median of 63, 66, 70, 74, 77 s: 70 s
		expect((await oneRun(80_000)).reads).toEqual([70, 75, 80]);
		// the 80 s run is learned too: the median of 63, 66, 70, 74, 77, 80 s is 72 s
		expect((await oneRun(60_000)).reads).toEqual([72]);
	});

	it('a run far slower than the learned time is read at least as often as the Check Interval schedule would', async () => {
		recordRunDuration(BASE_URL, TEMPLATE, 30_000);
		const settings = waitSettingsFor({ timeout: 900 });
		const { reads, lagMs } = await oneRun(600_000, settings);
		forgetRunDurations();
		const unlearned = await oneRun(600_000, settings, false);
		expect(reads[0]).toBe(30);
		// after its first read, each pause is at most the one the unlearned schedule takes at that time
		const pauseAt = (schedule: number[], seconds: number) => {
			const next = schedule.findIndex((at) => at > seconds);
			return schedule[next] - schedule[next - 1];
		};
		for (let index = 1; index < reads.length; index++) {
			expect(reads[index] - reads[index - 1]).toBeLessThanOrEqual(pauseAt(unlearned.reads, reads[index - 1]));
		}
		expect(lagMs).toBeLessThanOrEqual(30_000);
	});

	it('a run whose template was learned from a longer run than the timeout is still read at the timeout', async () => {
		recordRunDuration(BASE_URL, TEMPLATE, 500_000);
		const startedAt = Date.now();
		const reads = raydocsTimed(new Map([['r', { startedAt, durationMs: 100_000 }]]));
		const timing = { baseUrl: BASE_URL, runs: new Map([['r', { templateId: TEMPLATE, startedAt }]]) };
		const outcomes = await onFakeClock(waitForRuns(context, ['r'], waitSettingsFor({ timeout: 300 }), new Map(), false, timing));
		expect(reads.map((read) => (read.at - startedAt) / 1000)).toEqual([300]);
		expect(outcomes.get('r')?.run?.status).toBe('completed');
	});

	it('items started one after the other are each read when their own run has likely finished', async () => {
		recordRunDuration(BASE_URL, TEMPLATE, 60_000);
		const now = Date.now();
		// three items started 20 s apart before the wait began; all take 60 s
		const runs = new Map([0, 1, 2].map((index) => [`r${index}`, { startedAt: now - 40_000 + index * 20_000, durationMs: 60_000 }]));
		const reads = raydocsTimed(runs);
		const timing = { baseUrl: BASE_URL, runs: new Map([...runs].map(([id, run]) => [id, { templateId: TEMPLATE, startedAt: run.startedAt }])) };
		await onFakeClock(waitForRuns(context, [...runs.keys()], waitSettingsFor({}), new Map(), false, timing));
		expect(reads.map((read) => [read.id, (read.at - now) / 1000])).toEqual([
			['r0', 20],
			['r1', 40],
			['r2', 60],
		]);
	});

	it('a batch of a template never seen learns from its first finished sessions: the others are read when they have likely finished', async () => {
		const now = Date.now();
		// an early batch created a minute before the wait and a late one as it began, all runs 40 s
		const runs = new Map([
			...['a1', 'a2', 'a3'].map((id) => [id, { startedAt: now - 60_000, durationMs: 40_000 }] as const),
			...['b1', 'b2', 'b3'].map((id) => [id, { startedAt: now, durationMs: 40_000 }] as const),
		]);
		const reads = raydocsTimed(new Map(runs));
		const timing = { baseUrl: BASE_URL, runs: new Map([...runs].map(([id, run]) => [id, { templateId: TEMPLATE, startedAt: run.startedAt }])) };
		const outcomes = await onFakeClock(waitForSessionRuns(context, [...runs.keys()], waitSettingsFor({}), timing));
		expect([...outcomes.values()].every((outcome) => outcome.run?.status === 'completed')).toBe(true);
		expect(reads.map((read) => [read.id, (read.at - now) / 1000])).toEqual([
			// the first Check Interval: the early batch is done (40 s learned), the late one is not
			['a1', 5],
			['a2', 5],
			['a3', 5],
			['b1', 5],
			// then the late batch at its likely end, not every 5 s
			['b2', 40],
			['b3', 40],
			['b1', 40],
		]);
		expect(likelyDurationMs(BASE_URL, TEMPLATE)).toBe(40_000);
	});
});

describe('learned run durations: what a wait learns and when it ends', () => {
	const BASE_URL = 'https://api.raydocs.test';
	const TEMPLATE = '550e8400-e29b-41d4-a716-446655440000';
	beforeEach(() => forgetRunDurations());

	const at = (ms: number) => new Date(ms).toISOString();

	it('learns completed runs only: a run that failed at once tells nothing of how long runs take', async () => {
		const start = Date.now();
		raydocsAnswering((path) =>
			path === resultPath('failed')
				? { id: 'failed', status: 'failed', error: 'Unreadable', created_at: at(start), completed_at: at(start + 1000) }
				: { id: 'done', status: 'completed', data: {}, created_at: at(start), completed_at: at(start + 4000) },
		);
		const runs = new Map(['failed', 'done'].map((id) => [id, { templateId: TEMPLATE, startedAt: start }]));
		await onFakeClock(waitForRuns(context, ['failed', 'done'], waitSettingsFor({}), new Map(), false, { baseUrl: BASE_URL, runs }));
		expect(likelyDurationMs(BASE_URL, TEMPLATE)).toBe(4000);
	});

	it('waits for a run the timing does not know like any other, and learns nothing from it', async () => {
		const start = Date.now();
		const reads = raydocsAnswering((path) => ({ ...completed(path.split('/').pop()!), created_at: at(start), completed_at: at(start + 2000) }));
		const runs = new Map([['known', { templateId: TEMPLATE, startedAt: start }]]);
		const outcomes = await onFakeClock(waitForRuns(context, ['known', 'other'], waitSettingsFor({}), new Map(), false, { baseUrl: BASE_URL, runs }));
		expect(reads.map(([seconds, path]) => [seconds, path])).toEqual([
			[5, resultPath('known')],
			[5, resultPath('other')],
		]);
		expect([...outcomes.values()].map((outcome) => [outcome.error, outcome.run?.status])).toEqual([
			[undefined, 'completed'],
			[undefined, 'completed'],
		]);
		expect(likelyDurationMs(BASE_URL, TEMPLATE)).toBe(2000);
	});

	it('ends as soon as the last run is settled, not at the timeout', async () => {
		recordRunDuration(BASE_URL, TEMPLATE, 30_000);
		const start = Date.now();
		raydocsAnswering((path) => ({ ...completed(path.split('/').pop()!), created_at: at(start), completed_at: at(start + 30_000) }));
		const runs = new Map([['r1', { templateId: TEMPLATE, startedAt: start }]]);
		await onFakeClock(waitForRuns(context, ['r1'], waitSettingsFor({ timeout: 600 }), new Map(), false, { baseUrl: BASE_URL, runs }));
		expect(Date.now() - start).toBeLessThan(31_000);
	});

	it('a cancellation during a read that finds the run finished stops before the next read', async () => {
		const { context: execution, cancel } = cancellable();
		const reads = raydocsAnswering((path) => {
			cancel();
			return completed(path.split('/').pop()!);
		});
		const outcomes = await onFakeClock(waitForRuns(execution, ['first', 'second'], waitSettingsFor({})));
		expect(reads).toEqual([[5, resultPath('first')]]);
		expect(outcomes.get('second')).toEqual({ timedOut: true, lastStatus: undefined });
	});

	it('deploymentOf: the base URL of the credential, as the transport reads it', async () => {
		const withCredential = { getCredentials: jest.fn(async () => ({ baseUrl: ' https://raydocs.internal.example/ ', accessToken: 'x' })) };
		expect(await deploymentOf(withCredential as unknown as IExecuteFunctions)).toBe('https://raydocs.internal.example');
		expect(withCredential.getCredentials).toHaveBeenCalledWith('raydocsApi');
		const empty = { getCredentials: async () => ({ accessToken: 'x' }) };
		expect(await deploymentOf(empty as unknown as IExecuteFunctions)).toBe('https://api.raydocs.com');
	});
});
