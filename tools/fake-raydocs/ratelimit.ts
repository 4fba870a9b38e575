/**
 * Sliding-window rate limiter keyed by client IP (the docs: 100 requests per minute per IP).
 * Each accepted request is remembered for `windowMs`; a request arriving while `limit` of them are
 * still in the window is refused, and Retry-After says when the oldest one leaves it.
 */
export interface RateLimitConfig {
	limit: number;
	windowMs: number;
	/** Default true: X-RateLimit-Limit/Remaining (and Reset on a 429) like Laravel's throttle; false plays a proxy that strips them (Retry-After stays). */
	headers?: boolean;
}

export interface RateLimitDecision {
	allowed: boolean;
	/** Whether to send the X-RateLimit-* headers. */
	headers: boolean;
	limit: number;
	remaining: number;
	/** Whole seconds (≥ 1) until a slot frees; only when refused. */
	retryAfterSeconds?: number;
	/** Epoch seconds when a slot frees; only when refused. */
	resetAt?: number;
}

/** Requests the limiter let through and refused (429) since the last reset. */
export interface RateLimitCounts {
	allowed: number;
	refused: number;
}

/**
 * The client an address stands for. Raydocs limits per IP address; every loopback form
 * (127.0.0.0/8, ::1, IPv4-mapped) is this machine, so processes on one host share one budget
 * whichever form their connection arrived with.
 */
export function clientAddressKey(address: string | undefined): string {
	const text = (address ?? 'unknown').replace(/^::ffff:/i, '');
	return /^127\./.test(text) || text === '::1' ? 'loopback' : text;
}

export class SlidingWindowRateLimiter {
	private readonly hits = new Map<string, number[]>();

	private readonly tally: RateLimitCounts = { allowed: 0, refused: 0 };

	constructor(private config: RateLimitConfig | false) {}

	configure(config: RateLimitConfig | false): void {
		this.config = config;
		this.reset();
	}

	reset(): void {
		this.hits.clear();
		this.tally.allowed = 0;
		this.tally.refused = 0;
	}

	counts(): RateLimitCounts {
		return { ...this.tally };
	}

	/** Records a request from `key` at `now`; null when rate limiting is off. Refused requests are not recorded. */
	hit(key: string, now: number): RateLimitDecision | null {
		if (!this.config) return null;
		const { limit, windowMs } = this.config;
		const recent = (this.hits.get(key) ?? []).filter((at) => at > now - windowMs);
		if (recent.length >= limit) {
			this.tally.refused += 1;
			this.hits.set(key, recent);
			const freesAt = recent[0] + windowMs;
			return {
				allowed: false,
				headers: this.config.headers !== false,
				limit,
				remaining: 0,
				retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)),
				resetAt: Math.ceil(freesAt / 1000),
			};
		}
		recent.push(now);
		this.tally.allowed += 1;
		this.hits.set(key, recent);
		return { allowed: true, headers: this.config.headers !== false, limit, remaining: Math.max(0, limit - recent.length) };
	}
}
