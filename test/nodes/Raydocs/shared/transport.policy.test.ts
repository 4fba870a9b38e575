import type { IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { resetRequestWindows } from '../../../../nodes/Raydocs/shared/rateLimiter';
import { retryPolicy } from '../../../../nodes/Raydocs/shared/retries';
import { raydocsJson, raydocsRequest, type RaydocsRequest } from '../../../../nodes/Raydocs/shared/transport';

/**
 * raydocsRequest's policy on a recorded clock: every wait (retry backoff, Retry-After, the limiter)
 * is recorded and moves the clock on at once, so the shipped waits are checked as they are, in no
 * time. The request helper is a stand-in that answers from a script.
 */
const clock = { now: 1_800_000_000_000, waits: [] as number[], onWait: undefined as ((ms: number) => Promise<void>) | undefined };
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => {
		clock.waits.push(ms);
		await clock.onWait?.(ms);
		clock.now += ms;
	}),
}));

const BASE_URL = 'https://api.raydocs.test';
const TOKEN = ['rd', 'policy', 'token', '1'].join('_');
const node: INode = { id: '1', name: 'Raydocs', type: 'n8n-nodes-raydocs.raydocs', typeVersion: 1, position: [0, 0], parameters: {} };

type Answer = { statusCode: number; headers?: Record<string, string>; body?: unknown } | Error;

interface Sent {
	at: number;
	type: string;
	options: IHttpRequestOptions;
	self: unknown;
}

function contextFor(answers: Answer[], credentials: Record<string, unknown> = {}, itemIndex?: number) {
	const sent: Sent[] = [];
	const context = {
		getNode: () => node,
		getCredentials: async () => ({ accessToken: TOKEN, baseUrl: BASE_URL, rateLimitRequests: 100, rateLimitWindowSeconds: 60, ...credentials }),
		...(itemIndex === undefined ? {} : { getItemIndex: () => itemIndex }),
		helpers: {
			httpRequestWithAuthentication: async function (this: unknown, type: string, options: IHttpRequestOptions) {
				sent.push({ at: clock.now, type, options, self: this });
				const answer = answers.shift() ?? { statusCode: 200, body: {} };
				if (answer instanceof Error) throw answer;
				return { headers: {}, body: {}, ...answer };
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, sent };
}

const get: RaydocsRequest = { method: 'GET', url: '/workspaces' };
const create: RaydocsRequest = { method: 'POST', url: '/workspaces/create', body: { name: 'W' } };
const status = (statusCode: number, headers: Record<string, string> = {}) => ({ statusCode, headers, body: { message: 'Nope' } });
const networkError = (code: string) => Object.assign(new Error(`request failed: ${code}`), { code });

async function failureOf(promise: Promise<unknown>): Promise<Error & { description?: string; httpCode?: string; context?: { itemIndex?: number } }> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the request to fail');
}

/** Lets other promises run until `done` holds (a few turns). */
async function until(done: () => boolean): Promise<void> {
	for (let turn = 0; turn < 1000 && !done(); turn++) await Promise.resolve();
}

const shipped = { ...retryPolicy };
let dateNow: jest.SpyInstance;
beforeEach(() => {
	Object.assign(retryPolicy, shipped);
	resetRequestWindows();
	clock.now = 1_800_000_000_000;
	clock.waits = [];
	clock.onWait = undefined;
	dateNow = jest.spyOn(Date, 'now').mockImplementation(() => clock.now);
});
afterEach(() => dateNow.mockRestore());

describe('raydocsRequest: what it sends', () => {
	it('sends one JSON request through the credential with the full response and its own status check', async () => {
		const { context, sent } = contextFor([{ statusCode: 200, headers: { 'x-a': '1' }, body: { data: [1] } }]);
		const response = await raydocsRequest(context, { ...get, qs: { page: 2 }, headers: { 'X-Trace': 't' } });
		expect(response).toEqual({ statusCode: 200, headers: { 'x-a': '1' }, body: { data: [1] } });
		expect(sent).toHaveLength(1);
		expect(sent[0].type).toBe('raydocsApi');
		expect(sent[0].self).toBe(context);
		expect(sent[0].options).toEqual({
			method: 'GET',
			baseURL: BASE_URL,
			url: '/workspaces',
			qs: { page: 2 },
			body: undefined,
			headers: { Accept: 'application/json', 'X-Trace': 't' },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 300_000,
		});
		expect(clock.waits).toEqual([]);
	});

	it('asks for a binary body as a buffer, with the timeout the caller gives, and accepts any body then', async () => {
		const { context, sent } = contextFor([{ statusCode: 200, body: 'PK binary' }]);
		const response = await raydocsRequest(context, { ...get, url: '/exports/1', binary: true, timeout: 5000 });
		expect(response.body).toBe('PK binary');
		expect(sent[0].options).toMatchObject({ json: false, encoding: 'arraybuffer', timeout: 5000 });
		expect(sent).toHaveLength(1);
	});

	it('returns only the parsed body from raydocsJson', async () => {
		const { context } = contextFor([{ statusCode: 201, body: { id: 7 } }]);
		expect(await raydocsJson(context, create)).toEqual({ id: 7 });
	});

	it('uses the public API when the credential has no Base URL, without trailing slashes otherwise', async () => {
		const empty = contextFor([], { baseUrl: '' });
		await raydocsRequest(empty.context, get);
		expect(empty.sent[0].options.baseURL).toBe('https://api.raydocs.com');
		const slashed = contextFor([], { baseUrl: ' http://raydocs.internal:8080/ ' });
		await raydocsRequest(slashed.context, get);
		expect(slashed.sent[0].options.baseURL).toBe('http://raydocs.internal:8080');
	});
});

describe('raydocsRequest: errors', () => {
	it("never shows the credential's token, even when the server repeats it", async () => {
		const token = ['plain', 'secret', 'value', '42'].join('-');
		const { context } = contextFor([{ statusCode: 422, body: { message: `Token ${token} may not do this` } }], { accessToken: token });
		const error = await failureOf(raydocsRequest(context, get));
		expect(error.message).toBe('Raydocs rejected the request (HTTP 422): Token [redacted token] may not do this');
		expect(JSON.stringify(error)).not.toContain(token);
	});
});

describe('raydocsRequest: the credential is checked before anything is sent', () => {
	it.each(['api.raydocs.com', 'ftp://api.raydocs.test', 'not a url'])('rejects the Base URL %s', async (baseUrl) => {
		const { context, sent } = contextFor([], { baseUrl });
		const error = await failureOf(raydocsRequest(context, get));
		expect(error.message).toBe(`The Base URL of the Raydocs credential is not a URL: "${baseUrl}"`);
		expect(error.description).toMatch(/set Base URL to https:\/\/api\.raydocs\.com/);
		expect(sent).toHaveLength(0);
	});

	it.each([undefined, '', '   ', 42])('rejects the access token %p', async (accessToken) => {
		const { context, sent } = contextFor([], { accessToken });
		const error = await failureOf(raydocsRequest(context, get));
		expect(error.message).toBe('The Raydocs credential has no access token');
		expect(error.description).toMatch(/Access Tokens/);
		expect(sent).toHaveLength(0);
	});
});

describe('raydocsRequest: retries', () => {
	it('repeats a read after 502, 503 and 504, backing off 0.5, 1 and 2 seconds, then gives up after 4 attempts', async () => {
		const { context, sent } = contextFor([status(502), status(503), status(504), status(503), status(200)]);
		const error = await failureOf(raydocsRequest(context, get));
		expect(error.message).toBe('Raydocs had a server problem (HTTP 503) after 4 attempts');
		expect(error.description).toMatch(/did not recover while the node retried/);
		expect(sent).toHaveLength(4);
		expect(clock.waits).toEqual([500, 1000, 2000]);
		expect(sent.map((request) => request.at - sent[0].at)).toEqual([0, 500, 1500, 3500]);
	});

	it('returns the answer that follows a transient fault', async () => {
		const { context, sent } = contextFor([status(503), { statusCode: 200, body: { data: 'ok' } }]);
		expect((await raydocsRequest(context, get)).body).toEqual({ data: 'ok' });
		expect(sent).toHaveLength(2);
		expect(clock.waits).toEqual([500]);
	});

	it('does not repeat a 500, or a 4xx, and says so after one attempt', async () => {
		const server = contextFor([status(500)]);
		expect((await failureOf(raydocsRequest(server.context, get))).message).toBe('Raydocs had a server problem (HTTP 500)');
		const missing = contextFor([status(422)]);
		expect((await failureOf(raydocsRequest(missing.context, get))).message).toMatch(/^Raydocs rejected the request \(HTTP 422\)/);
		expect([server.sent.length, missing.sent.length]).toEqual([1, 1]);
		expect(clock.waits).toEqual([]);
	});

	it('repeats a read whose connection dropped or failed, never a create', async () => {
		const read = contextFor([networkError('ECONNRESET'), networkError('ETIMEDOUT'), { statusCode: 200, body: {} }]);
		await raydocsRequest(read.context, get);
		expect(read.sent).toHaveLength(3);
		expect(clock.waits).toEqual([500, 1000]);

		const write = contextFor([networkError('ECONNRESET')]);
		const error = await failureOf(raydocsRequest(write.context, create));
		expect(error.message).toBe('The connection to Raydocs dropped before an answer arrived');
		expect(error.description).toMatch(/may already have processed it/);
		expect(write.sent).toHaveLength(1);
	});

	it('does not repeat an error status that also carries a network code (axios: ERR_BAD_RESPONSE)', async () => {
		const axios500 = Object.assign(new Error('Request failed with status code 500'), {
			code: 'ERR_BAD_RESPONSE',
			response: { status: 500, headers: {}, data: { message: 'Server Error' } },
		});
		const { context, sent } = contextFor([axios500]);
		expect((await failureOf(raydocsRequest(context, get))).message).toBe('Raydocs had a server problem (HTTP 500)');
		expect(sent).toHaveLength(1);
	});

	it('repeats a read whose JSON body did not parse, but not a create, nor a blank body', async () => {
		const read = contextFor([{ statusCode: 200, body: '{"data": [' }, { statusCode: 200, body: { data: [] } }]);
		expect((await raydocsRequest(read.context, get)).body).toEqual({ data: [] });
		expect(read.sent).toHaveLength(2);

		const write = contextFor([{ statusCode: 201, body: '<html>' }]);
		expect((await failureOf(raydocsRequest(write.context, create))).message).toBe(
			'Raydocs answered POST /workspaces/create with a body that is not valid JSON',
		);
		expect(write.sent).toHaveLength(1);

		const blank = contextFor([{ statusCode: 204, body: '  ' }]);
		expect((await raydocsRequest(blank.context, { ...get, url: '/workspaces/1', method: 'DELETE' })).body).toBe('  ');
		expect(blank.sent).toHaveLength(1);
	});

	it('repeats a POST that the endpoint table marks as safe to repeat (signed upload URL)', async () => {
		const { context, sent } = contextFor([status(503), { statusCode: 200, body: { url: 'https://s3' } }]);
		await raydocsRequest(context, { method: 'POST', url: '/vapor/signed-storage-url' });
		expect(sent).toHaveLength(2);
	});

	it('treats an unknown path by its method: repeats a GET, not a POST', async () => {
		const read = contextFor([status(503), status(200)]);
		await raydocsRequest(read.context, { method: 'GET', url: '/not/in/the/table' });
		expect(read.sent).toHaveLength(2);
		const write = contextFor([status(503)]);
		const error = await failureOf(raydocsRequest(write.context, { method: 'post' as 'POST', url: '/not/in/the/table' }));
		expect(error.description).toMatch(/not repeated automatically/);
		expect(write.sent).toHaveLength(1);
	});

	it('names the path without its query and the base URL, and the item, in the final error', async () => {
		const { context } = contextFor([{ statusCode: 200, body: 'oops' }], {}, 3);
		const error = await failureOf(raydocsRequest(context, { method: 'POST', url: `${BASE_URL}/workspaces/create?x=1` }));
		expect(error.message).toBe('Raydocs answered POST /workspaces/create with a body that is not valid JSON');
		expect(error.context?.itemIndex).toBe(3);
		const root = contextFor([{ statusCode: 200, body: 'oops' }]);
		expect((await failureOf(raydocsRequest(root.context, { method: 'POST', url: '' }))).message).toBe(
			'Raydocs answered POST / with a body that is not valid JSON',
		);
	});
});

describe('raydocsRequest: 429 answers', () => {
	it('waits as Retry-After asks and repeats even a create, up to 6 attempts', async () => {
		const { context, sent } = contextFor(Array.from({ length: 8 }, () => status(429, { 'Retry-After': '2' })));
		const error = await failureOf(raydocsRequest(context, create));
		expect(error.message).toBe('Raydocs rate limit reached (HTTP 429) after 6 attempts');
		expect(error.httpCode).toBe('429');
		expect(error.description).toMatch(/allows 100 requests per 60 seconds/);
		expect(sent).toHaveLength(6);
		expect(clock.waits).toEqual([2000, 2000, 2000, 2000, 2000]);
	});

	it('waits until X-RateLimit-Reset, else a whole window of the credential', async () => {
		const reset = contextFor([status(429, { 'X-RateLimit-Reset': String(clock.now / 1000 + 9) }), status(200)]);
		await raydocsRequest(reset.context, get);
		expect(clock.waits).toEqual([9000]);
		clock.waits = [];
		const bare = contextFor([status(429), status(200)], { rateLimitWindowSeconds: 30 });
		await raydocsRequest(bare.context, get);
		expect(clock.waits).toEqual([30_000]);
	});

	it('gives up at once when Retry-After asks for more than two minutes, and waits two minutes when asked', async () => {
		const long = contextFor([status(429, { 'retry-after': '121' })]);
		expect((await failureOf(raydocsRequest(long.context, get))).message).toBe('Raydocs rate limit reached (HTTP 429)');
		expect(long.sent).toHaveLength(1);
		const twoMinutes = contextFor([status(429, { 'retry-after': '120' }), status(200)]);
		await raydocsRequest(twoMinutes.context, get);
		expect(twoMinutes.sent).toHaveLength(2);
		expect(clock.waits).toEqual([120_000]);
	});

	it('holds back the other requests to the same Raydocs while it waits, not for a transient backoff', async () => {
		const { context, sent } = contextFor([status(429, { 'retry-after': '5' })]);
		let other: Promise<unknown> | undefined;
		// another item's request starts while the first waits, and gets as far as the limiter
		const startOther = async (url: string) => {
			other = raydocsRequest(context, { ...get, url });
			await until(() => clock.waits.length === 2);
		};
		clock.onWait = async (ms) => {
			if (ms === 5000 && !other) await startOther('/workspaces/2');
		};
		await raydocsRequest(context, get);
		await other;
		// the other request waited for the pause (it started 0 ms into the 5 s), then both went out
		expect(clock.waits).toEqual([5000, 5001]);
		expect(sent.map((request) => request.options.url).sort()).toEqual(['/workspaces', '/workspaces', '/workspaces/2']);

		clock.waits = [];
		let during: Promise<unknown> | undefined;
		const transient = contextFor([status(503)]);
		clock.onWait = async (ms) => {
			if (ms === 500 && !during) {
				during = raydocsRequest(transient.context, { ...get, url: '/workspaces/3' });
				await until(() => transient.sent.length === 2);
			}
		};
		await raydocsRequest(transient.context, get);
		await during;
		expect(clock.waits).toEqual([500]);
	});

	it('gives the slot of a refused request back: Raydocs did not count it', async () => {
		const { context, sent } = contextFor([status(429, { 'retry-after': '1' }), status(200)], { rateLimitRequests: 1 });
		await raydocsRequest(context, get);
		expect(sent).toHaveLength(2);
		// only the Retry-After wait: the refused request holds no place in the one-request window
		expect(clock.waits).toEqual([1000]);
	});
});

describe('raydocsRequest: a caller with a deadline (the trigger\'s poll)', () => {
	it('does not wait a Retry-After that ends past the deadline: one attempt, the 429 error at once', async () => {
		const late = contextFor([status(429, { 'retry-after': '90' }), status(200)]);
		const error = await failureOf(raydocsRequest(late.context, { ...get, deadline: clock.now + 36_000 }));
		expect(error.message).toBe('Raydocs rate limit reached (HTTP 429)');
		expect(late.sent).toHaveLength(1);
		expect(clock.waits).toEqual([]);
		// a wait that ends by the deadline is waited, to the millisecond
		const inTime = contextFor([status(429, { 'retry-after': '36' }), status(200)]);
		await raydocsRequest(inTime.context, { ...get, deadline: clock.now + 36_000 });
		expect(inTime.sent).toHaveLength(2);
		expect(clock.waits).toEqual([36_000]);
	});

	it('sends nothing when the budget has no slot before the deadline, and says how long it would wait', async () => {
		const { context, sent } = contextFor([], { rateLimitRequests: 1, rateLimitWindowSeconds: 60 });
		await raydocsRequest(context, get);
		const error = await failureOf(raydocsRequest(context, { ...get, deadline: clock.now + 36_000 }));
		expect(error.message).toBe('The Raydocs request budget (1 requests per 60 s) has no room for 61 s, longer than this poll may take');
		expect(error.description).toMatch(/^Nothing was sent\. The next poll tries again\./);
		expect(sent).toHaveLength(1);
		expect(clock.waits).toEqual([]);
		// without a deadline the same request waits for the window and goes out
		await raydocsRequest(context, get);
		expect(sent).toHaveLength(2);
		expect(clock.waits.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(60_000);
	});
});

describe('raydocsRequest: the shared window', () => {
	it('keeps the place of a request that failed otherwise: Raydocs counted it', async () => {
		const { context, sent } = contextFor([status(404), status(200)], { rateLimitRequests: 1, rateLimitWindowSeconds: 10 });
		await failureOf(raydocsRequest(context, { ...get, url: '/workspaces/1' }));
		await raydocsRequest(context, get);
		expect(sent).toHaveLength(2);
		expect(clock.waits.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(10_000);
	});

	it('holds the requests of every credential for one Base URL to the configured limit', async () => {
		const first = contextFor([], { rateLimitRequests: 2, rateLimitWindowSeconds: 10 });
		const second = contextFor([], { accessToken: `${TOKEN}_other`, rateLimitRequests: 2, rateLimitWindowSeconds: 10 });
		await raydocsRequest(first.context, get);
		await raydocsRequest(second.context, get);
		expect(clock.waits).toEqual([]);
		await raydocsRequest(first.context, get);
		// the window (10 s and the limiter's safety margin) passes before the third request
		expect(clock.waits.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(10_000);
		const otherApi = contextFor([], { baseUrl: 'https://other.raydocs.test', rateLimitRequests: 2, rateLimitWindowSeconds: 10 });
		clock.waits = [];
		await raydocsRequest(otherApi.context, get);
		expect(clock.waits).toEqual([]);
	});

	it('reads 100 requests per 60 seconds from an empty rate limit, and at least one request', async () => {
		const defaults = contextFor([status(429, { 'retry-after': '121' })], { rateLimitRequests: '', rateLimitWindowSeconds: undefined });
		expect((await failureOf(raydocsRequest(defaults.context, get))).description).toMatch(/allows 100 requests per 60 seconds/);
		const tiny = contextFor([status(429, { 'retry-after': '121' })], { rateLimitRequests: -5, rateLimitWindowSeconds: -1 });
		expect((await failureOf(raydocsRequest(tiny.context, get))).description).toMatch(/allows 1 requests per 0.001 seconds/);
	});

	it('tells the limiter what the server counted, from success and failure answers alike', async () => {
		const counted = { 'x-ratelimit-limit': '1', 'x-ratelimit-remaining': '0' };
		const success = contextFor([{ statusCode: 200, headers: counted, body: {} }], { rateLimitWindowSeconds: 10 });
		await raydocsRequest(success.context, get);
		await raydocsRequest(success.context, get);
		expect(clock.waits.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(10_000);

		resetRequestWindows();
		clock.waits = [];
		const failure = contextFor([status(404, counted)], { rateLimitWindowSeconds: 10 });
		await failureOf(raydocsRequest(failure.context, get));
		await raydocsRequest(failure.context, get);
		expect(clock.waits.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(10_000);
	});
});
