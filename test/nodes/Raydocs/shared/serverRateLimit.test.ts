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

describe('readServerRateLimit: Retry-After', () => {
	const now = Date.parse('2026-01-01T00:00:00Z');
	const after = (value: unknown, name = 'retry-after') => readServerRateLimit({ [name]: value }, now).retryAfterMs;

	it('reads seconds, in either spelling of the header, never below zero', () => {
		expect(after('3')).toBe(3000);
		expect(after(2, 'Retry-After')).toBe(2000);
		expect(after('0.5')).toBe(500);
		expect(after('-4')).toBe(0);
	});

	it('reads an HTTP date against the clock', () => {
		expect(after('Thu, 01 Jan 2026 00:00:05 GMT')).toBe(5000);
		expect(after('Wed, 31 Dec 2025 23:59:00 GMT')).toBe(0);
		const real = readServerRateLimit({ 'retry-after': new Date(Date.now() + 60_000).toUTCString() }).retryAfterMs;
		expect(real).toBeGreaterThan(55_000);
		expect(real).toBeLessThanOrEqual(60_000);
	});

	it('gives nothing when there is no usable header', () => {
		expect(readServerRateLimit({}, now).retryAfterMs).toBeUndefined();
		expect(after(null)).toBeUndefined();
		expect(after('')).toBeUndefined();
		expect(after('soon')).toBeUndefined();
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
