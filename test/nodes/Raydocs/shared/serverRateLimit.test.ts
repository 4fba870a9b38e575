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
		expect(readServerRateLimit(null, NOW)).toEqual({});
		expect(readServerRateLimit('x-ratelimit-limit: 100', NOW)).toEqual({});
	});

	it('reads no count from an empty, negative or endless value', () => {
		for (const value of [null, '', '-5', 'Infinity', -1]) {
			expect(readServerRateLimit({ 'x-ratelimit-limit': value, 'x-ratelimit-remaining': value }, NOW)).toEqual({});
		}
	});

	it('reads whole requests from a fractional value and the first of repeated headers', () => {
		expect(readServerRateLimit({ 'x-ratelimit-limit': ['60', '100'], 'x-ratelimit-remaining': '4.9' }, NOW)).toEqual({ limit: 60, remaining: 4 });
	});

	it('takes X-RateLimit-Reset above 1,000,000,000 as epoch seconds, up to it as seconds from now', () => {
		expect(readServerRateLimit({ 'x-ratelimit-reset': '1000000001' }, NOW).resetAtMs).toBe(1_000_000_001_000);
		expect(readServerRateLimit({ 'x-ratelimit-reset': '1000000000' }, NOW).resetAtMs).toBe(NOW + 1_000_000_000_000);
	});
});

describe('rateLimitedWaitMs', () => {
	it('waits as Retry-After asks, else until the announced reset, else a whole window', () => {
		expect(rateLimitedWaitMs({ 'retry-after': '3', 'x-ratelimit-reset': String(NOW / 1000 + 30) }, 60_000, NOW)).toBe(3000);
		expect(rateLimitedWaitMs({ 'x-ratelimit-reset': String(NOW / 1000 + 30) }, 60_000, NOW)).toBe(30_000);
		expect(rateLimitedWaitMs({}, 60_000, NOW)).toBe(60_000);
	});

	it('does not wait for a reset that has already passed', () => {
		expect(rateLimitedWaitMs({ 'x-ratelimit-reset': String(NOW / 1000 - 5) }, 60_000, NOW)).toBe(0);
	});
});
