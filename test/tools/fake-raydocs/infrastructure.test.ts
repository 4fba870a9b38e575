/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tests of the test server's sockets and timers */
import http from 'node:http';

import { clientAddressKey } from '../../../tools/fake-raydocs/ratelimit';
import { startFakeRaydocs, type FakeRaydocs } from '../../../tools/fake-raydocs/server';
import { useFake } from './setup';
import { ManualClock, api } from './test-helpers';
import type { WireWorkspace } from './test-helpers';

let fake: FakeRaydocs;

useFake({ rateLimit: false }, (started) => (fake = started));

describe('faults', () => {
	it('answers the next N matching requests with a status, then behaves normally', async () => {
		fake.fault({ kind: 'status', status: 503, path: '/workspaces', count: 2 });
		const first = await api(fake, 'GET', '/workspaces');
		const second = await api(fake, 'GET', '/workspaces');
		const third = await api<{ data: WireWorkspace[] }>(fake, 'GET', '/workspaces');
		expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
		expect(first.body).toEqual({ message: 'Service Unavailable' });
		expect(fake.log.map((entry) => entry.fault)).toEqual(['status', 'status', undefined]);
		expect(fake.log[0]).toMatchObject({ status: 503, endpoint: 'GET /workspaces' });
	});

	it('sends Retry-After with an injected 429', async () => {
		fake.fault({ kind: 'status', status: 429, retryAfterSeconds: 7, method: 'GET' });
		const response = await api(fake, 'GET', '/workspaces');
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('7');
		expect(response.body).toEqual({ message: 'Too Many Attempts.' });
	});

	it('never lets a faulted request change state', async () => {
		fake.fault({ kind: 'status', status: 500, method: 'POST', path: '/workspaces/create' });
		const response = await api(fake, 'POST', '/workspaces/create', {
			body: { name: 'Should not exist' },
		});
		expect(response.status).toBe(500);
		expect(fake.state.workspaces.map((w) => w.name)).toEqual(['Demo Workspace']);
		fake.fault({ kind: 'drop', method: 'POST' });
		await expect(
			fetch(`${fake.url}/workspaces/create`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${fake.token}`, 'Content-Type': 'application/json' },
				body: '{"name":"Dropped"}',
			}),
		).rejects.toThrow();
		expect(fake.state.workspaces).toHaveLength(1);
		expect(fake.log[fake.log.length - 1]).toMatchObject({
			fault: 'drop',
			status: 0,
			body: { name: 'Dropped' },
		});
	});

	it('delays a request and then handles it (state changes)', async () => {
		fake.fault({ kind: 'delay', delayMs: 120, path: '/workspaces/*' });
		const started = Date.now();
		const response = await api(fake, 'POST', '/workspaces/create', { body: { name: 'Slow' } });
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
		expect(response.status).toBe(201);
		expect(fake.state.workspaces.map((w) => w.name)).toContain('Slow');
		expect(fake.log[fake.log.length - 1]).toMatchObject({
			fault: 'delay',
			status: 201,
			endpoint: 'POST /workspaces/create',
		});
	});

	it('serves a malformed 200 JSON body', async () => {
		fake.fault({ kind: 'malformed', path: /^\/workspaces$/ });
		const response = await fetch(`${fake.url}/workspaces`, {
			headers: { Authorization: `Bearer ${fake.token}` },
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(await response.text()).toBe('{"data": [');
	});

	it('matches by method, glob and listener; clearFaults disarms', async () => {
		fake.fault({ kind: 'status', status: 502, method: 'DELETE', path: '/extractions/*' });
		expect((await api(fake, 'GET', '/workspaces')).status).toBe(200);
		expect(
			(await api(fake, 'DELETE', '/extractions/results/00000000-0000-4000-8000-000000000000'))
				.status,
		).toBe(502);
		fake.fault({ kind: 'status', status: 500, listener: 'storage' });
		expect((await api(fake, 'GET', '/workspaces')).status).toBe(200);
		const signed = await api<{ url: string; key: string }>(
			fake,
			'POST',
			'/vapor/signed-storage-url',
			{ body: {} },
		);
		const put = await fetch(signed.body.url, { method: 'PUT', body: 'bytes' });
		expect(put.status).toBe(500);
		expect(await put.text()).toContain('<Code>InternalError</Code>');
		expect(fake.state.uploads.get(signed.body.key)?.object).toBeUndefined();
		expect(fake.log[fake.log.length - 1]).toMatchObject({ listener: 'storage', fault: 'status' });
		fake.fault({ kind: 'status', status: 500 });
		fake.clearFaults();
		expect((await api(fake, 'GET', '/workspaces')).status).toBe(200);
		expect((await fetch(signed.body.url, { method: 'PUT', body: 'bytes' })).status).toBe(200);
	});
});

describe('rate limit', () => {
	it('allows N requests per window per IP, then 429 with Retry-After, without changing state', async () => {
		const clock = new ManualClock();
		const limited = await startFakeRaydocs({
			rateLimit: { limit: 3, windowMs: 10_000 },
			clock: clock.now,
		});
		try {
			const remaining: Array<string | null> = [];
			for (let i = 0; i < 3; i++) {
				const response = await api(limited, 'GET', '/workspaces');
				expect(response.headers.get('x-ratelimit-limit')).toBe('3');
				remaining.push(response.headers.get('x-ratelimit-remaining'));
				clock.advance(1000);
			}
			expect(remaining).toEqual(['2', '1', '0']);
			const refused = await api(limited, 'POST', '/workspaces/create', {
				body: { name: 'Blocked' },
			});
			expect(refused.status).toBe(429);
			expect(refused.body).toEqual({ message: 'Too Many Attempts.' });
			// The first hit (t=0) leaves the window at t=10s; now is t=3s.
			expect(refused.headers.get('retry-after')).toBe('7');
			expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
			expect(limited.state.workspaces).toHaveLength(1);
			expect(limited.rateLimitCounts()).toEqual({ allowed: 3, refused: 1 });
			expect(limited.log[limited.log.length - 1]).toMatchObject({
				rateLimited: true,
				status: 429,
				endpoint: 'POST /workspaces/create',
			});

			// 401s and 404s count too, storage requests don't.
			clock.advance(7000);
			expect((await api(limited, 'GET', '/nowhere', { token: null })).status).toBe(404);
			const signed = limited.log.length;
			expect(
				(await fetch(`${limited.storageUrl}/tmp/x`, { method: 'PUT', body: 'x' })).status,
			).toBe(403);
			expect(limited.log.length).toBe(signed + 1);
			expect((await api(limited, 'GET', '/workspaces')).headers.get('x-ratelimit-remaining')).toBe(
				'0',
			);
			expect((await api(limited, 'GET', '/workspaces')).status).toBe(429);

			limited.resetRateLimit();
			expect((await api(limited, 'GET', '/workspaces')).status).toBe(200);
			limited.setRateLimit(false);
			const unlimited = await api(limited, 'GET', '/workspaces');
			expect(unlimited.headers.get('x-ratelimit-limit')).toBeNull();
		} finally {
			await limited.close();
		}
	});

	it('counts every loopback address as one client, like one IP', () => {
		const keys = ['127.0.0.1', '::ffff:127.0.0.1', '::1', '127.0.1.1'].map(clientAddressKey);
		expect(new Set(keys)).toEqual(new Set(['loopback']));
		expect(clientAddressKey('::ffff:10.0.0.7')).toBe('10.0.0.7');
		expect(clientAddressKey('10.0.0.8')).not.toBe(clientAddressKey('10.0.0.7'));
	});

	it('is on by default at 100 requests per minute', async () => {
		const defaults = await startFakeRaydocs();
		try {
			const response = await api(defaults, 'GET', '/workspaces');
			expect(response.headers.get('x-ratelimit-limit')).toBe('100');
			expect(response.headers.get('x-ratelimit-remaining')).toBe('99');
		} finally {
			await defaults.close();
		}
	});
});

describe('request log', () => {
	it('records method, path, query, lower-case headers, parsed body, status and endpoint; never the token', async () => {
		const secret = fake.createToken(['workspaces-read'], 'reader');
		await api(fake, 'GET', '/workspaces?page=2&tag=a&tag=b', {
			token: secret,
			headers: { 'X-Trace': 'abc' },
		});
		await api(fake, 'POST', '/workspaces/create', { body: { name: 'Logged' } });
		await api(fake, 'GET', '/workspaces', { token: 'rd_test_unknown_value' });
		await api(fake, 'GET', '/workspaces', { token: null });
		expect(fake.log.map((entry) => entry.seq)).toEqual([1, 2, 3, 4]);
		expect(fake.log[0]).toMatchObject({
			listener: 'api',
			method: 'GET',
			path: '/workspaces',
			query: { page: '2', tag: ['a', 'b'] },
			hasAuthorization: true,
			tokenLabel: 'reader',
			body: null,
			status: 200,
			endpoint: 'GET /workspaces',
		});
		expect(fake.log[0].headers['x-trace']).toBe('abc');
		expect(fake.log[0].headers.authorization).toBe('<redacted:reader>');
		expect(fake.log[1]).toMatchObject({
			method: 'POST',
			body: { name: 'Logged' },
			status: 201,
			tokenLabel: 'full',
		});
		expect(fake.log[2]).toMatchObject({
			status: 401,
			hasAuthorization: true,
			headers: expect.objectContaining({ authorization: '<redacted:unknown>' }),
		});
		expect(fake.log[2].tokenLabel).toBeUndefined();
		expect(fake.log[3]).toMatchObject({ status: 401, hasAuthorization: false });
		const serialised = JSON.stringify(fake.log);
		for (const token of [secret, fake.token, 'rd_test_unknown_value'])
			expect(serialised).not.toContain(token);
		expect(fake.log[0].at).toBeGreaterThan(Date.now() - 10_000);
		fake.clearLog();
		expect(fake.log).toHaveLength(0);
	});

	it('logs unknown routes (404 with message) and invalid JSON (400)', async () => {
		const unknown = await api(fake, 'GET', '/not/a/route');
		expect(unknown.status).toBe(404);
		expect(unknown.body).toEqual({ message: 'The route not/a/route could not be found.' });
		expect(fake.log[0].endpoint).toBeUndefined();
		const broken = await api(fake, 'POST', '/workspaces/create', { body: '{"name": ' });
		expect(broken.status).toBe(400);
		expect(broken.body).toEqual({ message: 'The request body is not valid JSON.' });
		expect(fake.log[1].body).toEqual({ bytes: 9, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
		expect((await api(fake, 'GET', '/workspaces/')).status).toBe(200);
	});
});

describe('lifecycle', () => {
	it('handles 200 concurrent requests', async () => {
		const responses = await Promise.all(
			Array.from({ length: 200 }, (_, i) =>
				i % 2 === 0
					? api(fake, 'GET', '/workspaces')
					: api(fake, 'POST', '/workspaces/create', { body: { name: `Concurrent ${i}` } }),
			),
		);
		expect(responses.filter((r) => r.status === 200)).toHaveLength(100);
		expect(responses.filter((r) => r.status === 201)).toHaveLength(100);
		expect(fake.state.workspaces).toHaveLength(101);
		expect(new Set(fake.state.workspaces.map((w) => w.id)).size).toBe(101);
		expect(fake.log).toHaveLength(200);
	});

	it('reset() wipes state and log, restores variants and re-seeds; tokens stay valid', async () => {
		const token = fake.createToken(['workspaces-read'], 'kept');
		fake.seedWorkspace('Temporary');
		fake.setVariant('workspacesList', 'array');
		fake.fault({ kind: 'status', status: 500 });
		fake.reset();
		expect(fake.log).toHaveLength(0);
		const response = await api<{ data: WireWorkspace[] }>(fake, 'GET', '/workspaces', { token });
		expect(response.status).toBe(200);
		expect(response.body.data.map((w) => w.name)).toEqual(['Demo Workspace']);
		expect(fake.state.seed).toMatchObject({ userId: 1, workspaceId: 1 });
		expect(fake.log[0].seq).toBe(1);
	});

	it('starts quickly on free ports, and close() ends listeners, keep-alive sockets and pending delays', async () => {
		const started = Date.now();
		const temporary = await startFakeRaydocs({ rateLimit: false });
		expect(Date.now() - started).toBeLessThan(1000);
		expect(temporary.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(temporary.storageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(temporary.url).not.toBe(temporary.storageUrl);
		expect(temporary.token).toMatch(/^rd_test_[0-9a-f]{40}$/);
		expect(temporary.createToken([])).toMatch(/^rd_test_/);

		const agent = new http.Agent({ keepAlive: true });
		const keptAlive = await new Promise<number>((resolve, reject) => {
			http
				.get(
					`${temporary.url}/workspaces`,
					{ agent, headers: { Authorization: `Bearer ${temporary.token}` } },
					(res) => {
						res.resume();
						res.on('end', () => resolve(res.statusCode ?? 0));
					},
				)
				.on('error', reject);
		});
		expect(keptAlive).toBe(200);
		temporary.fault({ kind: 'delay', delayMs: 60_000 });
		const hanging = fetch(`${temporary.url}/workspaces`, {
			headers: { Authorization: `Bearer ${temporary.token}` },
		}).then(
			(r) => r.status,
			() => 'aborted',
		);
		await new Promise((resolve) => setTimeout(resolve, 50));
		const closing = Date.now();
		await temporary.close();
		expect(Date.now() - closing).toBeLessThan(1000);
		expect(await hanging).toBe('aborted');
		await expect(fetch(`${temporary.url}/workspaces`)).rejects.toThrow();
		agent.destroy();
		await temporary.close();
	});
});
