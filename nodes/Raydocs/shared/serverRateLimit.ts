/**
 * What Raydocs said about the budget of the caller's IP address in one answer. Laravel's throttle
 * sends X-RateLimit-Limit and X-RateLimit-Remaining with every answer, and Retry-After plus
 * X-RateLimit-Reset with a 429. A proxy in between may strip any of them: absent means unknown.
 */
export interface ServerRateLimit {
	limit?: number;
	remaining?: number;
	/** When the budget frees up again (Date.now() based). */
	resetAtMs?: number;
	/** How long the server asked us to wait. */
	retryAfterMs?: number;
}

function lowerCaseKeys(headers: unknown): Record<string, unknown> {
	const lowered: Record<string, unknown> = {};
	if (typeof headers !== 'object' || headers === null) return lowered;
	for (const [name, value] of Object.entries(headers)) lowered[name.toLowerCase()] = value;
	return lowered;
}

function whole(value: unknown): number | undefined {
	// Number(null) and Number('') are 0, not a count; absent (undefined) reads as NaN below.
	if (value === null || value === '') return undefined;
	const number = Number(Array.isArray(value) ? value[0] : value);
	return Number.isFinite(number) && number >= 0 ? Math.floor(number) : undefined;
}

/** Epoch seconds (Laravel) or, from some gateways, seconds from now. */
function resetAt(value: unknown, now: number): number | undefined {
	const seconds = whole(value);
	if (seconds === undefined) return undefined;
	return seconds > 1_000_000_000 ? seconds * 1000 : now + seconds * 1000;
}

/** Retry-After in milliseconds (seconds or an HTTP date), never below zero. */
function retryAfterMs(value: unknown, now: number): number | undefined {
	const text = String(value ?? '');
	if (text === '') return undefined;
	const seconds = Number(text);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(text);
	return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

export function readServerRateLimit(headers: unknown, now = Date.now()): ServerRateLimit {
	const lowered = lowerCaseKeys(headers);
	const limit = whole(lowered['x-ratelimit-limit']);
	return {
		limit: limit === 0 ? undefined : limit,
		remaining: whole(lowered['x-ratelimit-remaining']),
		resetAtMs: resetAt(lowered['x-ratelimit-reset'], now),
		retryAfterMs: retryAfterMs(lowered['retry-after'], now),
	};
}

/**
 * How long to hold back after a 429: as Raydocs asked, else until the reset it announced, else a
 * whole window: anything shorter only earns another 429 from a window that is still full.
 */
export function rateLimitedWaitMs(headers: unknown, windowMs: number, now = Date.now()): number {
	const server = readServerRateLimit(headers, now);
	if (server.retryAfterMs !== undefined) return server.retryAfterMs;
	if (server.resetAtMs !== undefined) return Math.max(0, server.resetAtMs - now);
	return windowMs;
}
