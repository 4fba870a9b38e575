/**
 * How long extraction runs take, learned per Raydocs deployment (base URL) and template in this n8n
 * process: production runs one template over and over, and its runs take about the same time. A
 * wait uses it to read a new run first when half of such runs had finished instead of every Check
 * Interval from the start. Kept in memory only and bounded (TEMPLATES_KEPT templates, the last
 * SAMPLES_KEPT runs of each); nothing is persisted, so a restart starts from today's schedule.
 *
 * A duration is what Raydocs reports: from the run's (or the batch session's) `created_at` to the
 * run's `completed_at`, both on Raydocs' clock. Times the node observes would not do: a read finds a
 * run finished some time after it finished, so learned times would creep upwards run after run.
 */

/** Templates remembered per process; the one used longest ago is forgotten first. */
export const TEMPLATES_KEPT = 100;
/** Durations remembered per template: recent enough to follow a change in Raydocs' speed. */
export const SAMPLES_KEPT = 25;
/**
 * The share of learned runs that have finished when a new run is first read: the median. Half of
 * the runs wait a little for their first read, the other half are read again every Check Interval;
 * for runs of 63-77 s that is 1-3 reads and the result out about 3.5 s after completion on average
 * (`npm run bench:waiting` measured 5.2 s with a share of 0.6, for the same reads).
 */
export const FINISHED_SHARE = 0.5;

const learned = new Map<string, number[]>();

const keyOf = (baseUrl: string, templateId: string): string => `${baseUrl}\n${templateId}`;

/** Raydocs' time stamps (ISO 8601, with or without fractions of a second) in ms; NaN when absent or unreadable. */
function timeOf(value: unknown): number {
	return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

/** A day: no extraction run takes longer; a longer span means the time stamps are not what we think. */
const LONGEST_RUN_MS = 86_400_000;

/**
 * The duration of a completed run from Raydocs' own time stamps: `startedAt` (the run's or the batch
 * session's `created_at`) to the run's `completed_at`. Undefined when either is missing or they make
 * no sense (negative, or longer than a day).
 */
export function reportedDurationMs(startedAt: unknown, completedAt: unknown): number | undefined {
	const duration = timeOf(completedAt) - timeOf(startedAt);
	// NaN (a time missing) fails both comparisons
	return duration >= 0 && duration <= LONGEST_RUN_MS ? duration : undefined;
}

/** Remembers how long one completed run of `templateId` on `baseUrl` took (nothing without a template or a duration). */
export function recordRunDuration(baseUrl: string, templateId: string | undefined, durationMs: number | undefined): void {
	if (!templateId || !Number.isFinite(durationMs) || (durationMs as number) < 0) return;
	const key = keyOf(baseUrl, templateId);
	const samples = learned.get(key) ?? [];
	// re-inserted: the Map's order is the order of use, oldest first
	learned.delete(key);
	samples.push(durationMs as number);
	// one sample is added at a time: at most one too many
	if (samples.length > SAMPLES_KEPT) samples.shift();
	learned.set(key, samples);
	if (learned.size > TEMPLATES_KEPT) learned.delete(learned.keys().next().value as string);
}

/**
 * How long after its start a run of this template has most likely finished (FINISHED_SHARE of the
 * learned runs had), or undefined for a template with no run learned yet.
 */
export function likelyDurationMs(baseUrl: string, templateId: string): number | undefined {
	const samples = learned.get(keyOf(baseUrl, templateId));
	if (!samples?.length) return undefined;
	const sorted = [...samples].sort((a, b) => a - b);
	// the share as a position between neighbouring samples
	const position = FINISHED_SHARE * (sorted.length - 1);
	const below = Math.floor(position);
	const above = Math.min(sorted.length - 1, below + 1);
	return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** For tests: forget everything learned. */
export function forgetRunDurations(): void {
	learned.clear();
}

/** For tests: how many templates are remembered. */
export function rememberedTemplates(): number {
	return learned.size;
}
