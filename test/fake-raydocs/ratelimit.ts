/**
 * Sliding-window rate limiter keyed by client IP (the docs: 100 requests per minute per IP).
 * Each accepted request is remembered for `windowMs`; a request arriving while `limit` of them are
 * still in the window is refused, and Retry-After says when the oldest one leaves it.
 */
export interface RateLimitConfig {
	limit: number;
	windowMs: number;
}

export interface RateLimitDecision {
	allowed: boolean;
	limit: number;
	remaining: number;
	/** Whole seconds (≥ 1) until a slot frees; only when refused. */
	retryAfterSeconds?: number;
	/** Epoch seconds when a slot frees; only when refused. */
	resetAt?: number;
}

export class SlidingWindowRateLimiter {
	private readonly hits = new Map<string, number[]>();

	constructor(private config: RateLimitConfig | false) {}

	configure(config: RateLimitConfig | false): void {
		this.config = config;
		this.hits.clear();
	}

	reset(): void {
		this.hits.clear();
	}

	/** Records a request from `key` at `now`; null when rate limiting is off. Refused requests are not recorded. */
	hit(key: string, now: number): RateLimitDecision | null {
		if (!this.config) return null;
		const { limit, windowMs } = this.config;
		const recent = (this.hits.get(key) ?? []).filter((at) => at > now - windowMs);
		if (recent.length >= limit) {
			this.hits.set(key, recent);
			const freesAt = recent[0] + windowMs;
			return {
				allowed: false,
				limit,
				remaining: 0,
				retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)),
				resetAt: Math.ceil(freesAt / 1000),
			};
		}
		recent.push(now);
		this.hits.set(key, recent);
		return { allowed: true, limit, remaining: Math.max(0, limit - recent.length) };
	}
}
