import { mayRepeatAfterCode, type HttpFailure } from './errors';

/** How hard the node tries before it gives up; tests shorten the waits. */
export const retryPolicy = {
	/** Attempts for 429 answers, which Raydocs did not process. */
	maxRateLimitedAttempts: 6,
	/** First backoff for transient faults; doubles each time. */
	backoffBaseMs: 500,
	/** Longest single wait the node accepts from Retry-After before it gives up. */
	maxRetryAfterMs: 120_000,
	/** Longest wait for one answer (n8n's own default for declarative nodes). */
	requestTimeoutMs: 300_000,
};

/**
 * The one rule for a passing fault, whoever answers: no answer at all (a network code such as
 * ECONNRESET, or a body that is not JSON), or one of the host's statuses for "try again". What
 * differs per host is data: which statuses, and how many attempts.
 */
export const TRANSIENT_FAILURES = {
	/**
	 * The Raydocs API: the gateway in front of it (502, 503, 504). A 500 is Raydocs' own error,
	 * which a repeat repeats; a 429 is the rate limit, waited for as Raydocs asks (see transport.ts).
	 * Only calls that are safe to repeat are repeated.
	 */
	api: { statuses: new Set([502, 503, 504]), attempts: 4 },
	/** File downloads (signed storage links, File URLs): GETs, so every fault may be tried again. */
	download: { statuses: new Set([429, 500, 502, 503, 504]), attempts: 4 },
	/**
	 * Storage uploads through a signed URL (PUT, idempotent): attempts per signed URL. upload.ts
	 * asks for a second URL when they are spent or when storage refuses the signature.
	 */
	upload: { statuses: new Set([429, 500, 502, 503, 504]), attempts: 3 },
} satisfies Record<string, { statuses: ReadonlySet<number>; attempts: number }>;

export type TransientFailureHost = keyof typeof TRANSIENT_FAILURES;

/** Whether another attempt may get a different answer. */
export function isTransientFailure(failure: Pick<HttpFailure, 'status' | 'code'>, host: TransientFailureHost): boolean {
	if (failure.status === undefined) return failure.code !== undefined && mayRepeatAfterCode(failure.code);
	return TRANSIENT_FAILURES[host].statuses.has(failure.status);
}

/**
 * How long to wait after `attempt` failed transiently: 0.5, 1, 2 s ... (retryPolicy.backoffBaseMs
 * doubling), or undefined when the failure is final or it was the host's last attempt.
 */
export function transientRetryWaitMs(
	failure: Pick<HttpFailure, 'status' | 'code'>,
	attempt: number,
	host: TransientFailureHost,
): number | undefined {
	if (!isTransientFailure(failure, host) || attempt >= TRANSIENT_FAILURES[host].attempts) return undefined;
	return retryPolicy.backoffBaseMs * 2 ** (attempt - 1);
}
