import { rateLimitedWaitMs, readServerRateLimit } from '../../../../nodes/Raydocs/shared/serverRateLimit';

const NOW = 1_800_000_000_000;

describe('readServerRateLimit', () => {
	it("reads Laravel's throttle headers in any letter case", () => {
		expect(
			readServerRateLimit(
				{ 'X-RateLimit-Limit': '100', 'x-ratelimit-remaining': '0', 'Retry-After': '7', 'X-RateLimit-Reset': String(NOW / 1000 + 7) },
				NOW,
			),
		).toEqual({ limit: 100, remaining: 0, retryAfterMs: 7000, resetAtMs: NOW + 7000 });
	});

	it('treats a small X-RateLimit-Reset as seconds from now', () => {
		expect(readServerRateLimit({ 'x-ratelimit-reset': '12' }, NOW).resetAtMs).toBe(NOW + 12_000);
	});

	it('leaves out what is absent or unreadable', () => {
		expect(readServerRateLimit(undefined, NOW)).toEqual({});
		expect(readServerRateLimit({ 'x-ratelimit-limit': 'lots', 'x-ratelimit-remaining': '' }, NOW)).toEqual({});
		expect(readServerRateLimit({ 'x-ratelimit-limit': '0' }, NOW).limit).toBeUndefined();
	});
});

describe('rateLimitedWaitMs', () => {
	it('waits as Retry-After asks, else until the announced reset, else a whole window', () => {
		expect(rateLimitedWaitMs({ 'retry-after': '3', 'x-ratelimit-reset': String(NOW / 1000 + 30) }, 60_000, NOW)).toBe(3000);
		expect(rateLimitedWaitMs({ 'x-ratelimit-reset': String(NOW / 1000 + 30) }, 60_000, NOW)).toBe(30_000);
		expect(rateLimitedWaitMs({}, 60_000, NOW)).toBe(60_000);
	});
});
