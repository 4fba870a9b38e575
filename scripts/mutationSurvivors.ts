/**
 * Why each surviving mutant survives (scripts/mutation.ts prints it in the score table). A survivor is
 * matched by its file, the code Stryker replaced and the replacement (whitespace collapsed), so an
 * explanation follows the code when lines move and stops matching when the code changes. A survivor
 * with no entry here is shown as "not explained": either write a test that kills it, simplify the
 * code it shows to be redundant, or say here why no test can tell the difference.
 */
export interface ExplainedSurvivor {
	original: string;
	replacement: string;
	why: string;
}

const EDITOR_BOUND_ONLY =
	"the lower bound of the editor's number input: n8n applies `minValue` in the editor only, not when a credential is saved through its API or used, so a run sees the stored value either way (and the transport clamps what it reads itself: `Math.max` in shared/transport.ts)";

export const explainedSurvivors: Record<string, ExplainedSurvivor[]> = {
	'credentials/RaydocsApi.credentials.ts': [
		{ original: '{ minValue: 1 }', replacement: '{}', why: EDITOR_BOUND_ONLY },
	],
	'nodes/Raydocs/resources/batch/extract.ts': [
		{
			original: '[]',
			replacement: '["Stryker was here"]',
			why: 'a stray entry in the list of uploaded files has no session: the filter that picks the files to wait for drops it before anything reads it',
		},
	],
	'nodes/Raydocs/resources/extraction/extractDocument.ts': [
		{
			original: 'started.size',
			replacement: 'true',
			why: 'with no item started the wait is for no run: it sends nothing and returns at once, and the options it reads at no item fall back to their defaults; the guard only spares that read and the credential read',
		},
	],
	'nodes/Raydocs/shared/errors.ts': [
		{
			original: "typeof error.name === 'string'",
			replacement: 'true',
			why: "RegExp.test reads a name that is not a string as its string form (undefined, a number, an object): none of those reads as Ssrf…Error, so the type check changes no answer",
		},
	],
	'nodes/Raydocs/shared/transport.ts': [
		{
			original: 'waitMs !== undefined',
			replacement: 'true',
			why: 'with no wait (the failure is not retried) `Date.now() + waitMs` is NaN, and NaN <= deadline is false: the failure is thrown either way',
		},
	],
	'nodes/Raydocs/shared/rateLimiter.ts': [
		{
			original: '[]',
			replacement: '["Stryker was here"]',
			why: "a window's lists are filtered before their first use (the first lines of acquireRequestSlot's loop): a stray entry is no time stamp and is dropped before anything counts it",
		},
		{
			original: 'slot.seq > window.observedSeq',
			replacement: 'slot.seq >= window.observedSeq',
			why: 'the slot whose seq is observedSeq is the one whose answer set it, and it is answered: the unanswered filter already leaves it out',
		},
		{
			original: 'now - slot.at < windowMs + SAFETY_MARGIN_MS',
			replacement: 'now - slot.at <= windowMs + SAFETY_MARGIN_MS',
			why: "differs only in the millisecond a slot leaves the window: its expiry there is 0, so the wait is 0 whether it is still listed or not; only a request unanswered for a whole window would count against the unconfirmed cap for that one millisecond longer",
		},
		{
			original: 'now - at < windowMs + SAFETY_MARGIN_MS',
			replacement: 'now - at <= windowMs + SAFETY_MARGIN_MS',
			why: "differs only in the millisecond another client's request leaves the window: its expiry there is 0, so the wait is 0 whether it is still listed or not",
		},
		{
			original: 'now - since > STARVED_AFTER_WINDOWS * windowMs',
			replacement: 'now - since >= STARVED_AFTER_WINDOWS * windowMs',
			why: 'differs only for a status check that looks again exactly one window after it began to wait: it counts as starved at that look instead of the next (held back by the window, it looks again every max(10 ms, a hundredth of the window) at most)',
		},
		{
			original: 'slot.seq < window.observedSeq',
			replacement: 'slot.seq <= window.observedSeq',
			why: 'each slot is answered once and observedSeq only ever holds the seq of a slot already answered, so an answer never comes for the slot observedSeq names',
		},
	],
	'nodes/Raydocs/shared/waitForRuns.ts': [
		{
			original: 'nextDue > Date.now()',
			replacement: 'true',
			why: "a sleep of 0 ms or less when a read is already due: n8n's sleep then waits for the next timer tick (a millisecond at most) and the same reads follow, in the same order",
		},
		{
			original: 'nextDue > Date.now()',
			replacement: 'nextDue >= Date.now()',
			why: "a sleep of 0 ms when the next read is due this very millisecond: n8n's sleep waits for the next timer tick and the same reads follow, in the same order",
		},
		{
			original: 'timing',
			replacement: 'true',
			why: "without timing, firstRead is the wait's start or one Check Interval after it, and every read is planned at least a Check Interval after the read before it (nextPause never returns less): the later of the two is always the plan already made",
		},
	],
	'nodes/Raydocs/resources/extraction/waitForResult.ts': [
		{
			original: 'resultIds.size',
			replacement: 'true',
			why: 'with no valid result ID the wait is for no run: it sends nothing and returns at once, and the options it reads at no item fall back to their defaults; the guard only spares that read',
		},
	],
};
