/* eslint-disable no-console -- a benchmark script run with Node, never shipped */
/**
 * How the status-check schedule was chosen: for one run finishing D seconds into the wait, how many
 * status reads each candidate schedule makes and how late it notices the result, over D from 20 to
 * 90 s (Raydocs' realistic range, in 0.1 s steps), over short runs of 1-20 s (fast failures, tiny
 * files) and for a long run of 5 minutes. The node's own schedules go through its own function.
 *
 *   npm run bench:schedule
 */
import { nextPause, waitSettingsFor } from '../nodes/Raydocs/shared/waitForRuns';

/** Seconds of each check since the wait began, for pauses given by `pauseAfter(elapsed, previous)`. */
type Schedule = (elapsedSeconds: number, previousSeconds: number) => number;

const node = (settings: ReturnType<typeof waitSettingsFor>): Schedule => (elapsed, previous) => nextPause(settings, elapsed * 1000, previous * 1000) / 1000;
/** Starts at `first` and grows ×1.5 per check up to `cap`. */
const growing = (first: number, cap: number): Schedule => (_elapsed, previous) => (previous === 0 ? first : Math.min(cap, previous * 1.5));

const candidates: Array<[string, Schedule]> = [
	['every 3 s', () => 3],
	['2 s growing ×1.5 to 5 s', growing(2, 5)],
	['3 s growing ×1.5 to 5 s', growing(3, 5)],
	['3 s growing ×1.5 to 10 s', growing(3, 10)],
	['every 5 s, slower after 2 min (the node)', node(waitSettingsFor({}))],
];

function checkTimes(schedule: Schedule, untilSeconds: number): number[] {
	const times: number[] = [];
	for (let at = 0, pause = 0; at < untilSeconds; ) {
		pause = schedule(at, pause);
		at += pause;
		times.push(at);
	}
	return times;
}

function outcome(times: number[], duration: number): { reads: number; lag: number } {
	const index = times.findIndex((at) => at >= duration);
	return { reads: index + 1, lag: times[index] - duration };
}

const range = (from: number, to: number) => Array.from({ length: Math.round((to - from) * 10) + 1 }, (_, step) => from + step / 10);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

console.log('| Schedule | Reads, 20-90 s runs (mean) | Reads, a 30 s run | Noticed after, 20-90 s runs (mean / worst) | Noticed after, 1-20 s runs (mean) | Reads, a 5 min run |');
console.log('|---|---|---|---|---|---|');
for (const [name, schedule] of candidates) {
	const times = checkTimes(schedule, 1000);
	const realistic = range(20, 90).map((duration) => outcome(times, duration));
	const short = range(1, 20).map((duration) => outcome(times, duration));
	console.log(
		`| ${name} | ${mean(realistic.map((entry) => entry.reads)).toFixed(1)} | ${outcome(times, 30).reads} | ${mean(realistic.map((entry) => entry.lag)).toFixed(1)} s / ${Math.max(...realistic.map((entry) => entry.lag)).toFixed(1)} s | ${mean(short.map((entry) => entry.lag)).toFixed(1)} s | ${outcome(times, 300).reads} |`,
	);
}
