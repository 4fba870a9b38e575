import type { IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { raydocsRequest, retryPolicy } from '../../../../nodes/Raydocs/shared/transport';
import { apiRequests, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

const listWorkspaces = { resource: 'workspace', operation: 'getAll', returnAll: true };
const createWorkspace = { resource: 'workspace', operation: 'create', name: '={{ $json.name }}', additionalFields: {} };
const names = (count: number) => Array.from({ length: count }, (_, index) => ({ json: { name: `W${index}` } }));

describe('Transport: rate limits, retries and faults', () => {
	const fake = useFakeRaydocs();

	afterEach(() => {
		retryPolicy.maxRateLimitedAttempts = 6;
	});

	it('waits as a 429 asks and retries, even for a create (Raydocs did not process it)', async () => {
		fake().fault({ method: 'POST', path: '/workspaces/create', kind: 'status', status: 429, retryAfterSeconds: 1, count: 2 });
		const { items, error } = await runRaydocs(fake(), createWorkspace, { input: names(1) });
		expect(error).toBeUndefined();
		expect(items[0].json.name).toBe('W0');
		const posts = apiRequests(fake()).filter((entry) => entry.method === 'POST');
		expect(posts.map((entry) => entry.status)).toEqual([429, 429, 201]);
		expect(posts[2].at - posts[1].at).toBeGreaterThanOrEqual(950);
		expect([...fake().state.workspaces.values()].filter((workspace) => workspace.name === 'W0')).toHaveLength(1);
	});

	it('gives up on a 429 that does not end, saying which limit and what to change', async () => {
		retryPolicy.maxRateLimitedAttempts = 3;
		fake().fault({ method: 'GET', path: '/workspaces', kind: 'status', status: 429, retryAfterSeconds: 1, count: 10 });
		const { error } = await runRaydocs(fake(), listWorkspaces);
		expect(error?.message).toBe('Raydocs rate limit reached (HTTP 429) after 3 attempts');
		expect((error as { description?: string }).description).toMatch(/100 requests per 60 seconds/);
		expect((error as { httpCode?: string }).httpCode).toBe('429');
		expect(apiRequests(fake())).toHaveLength(3);
	});

	it.each([502, 503, 504])('retries a read after %i and succeeds', async (status) => {
		fake().fault({ method: 'GET', path: '/workspaces', kind: 'status', status, count: 2 });
		const { items, error } = await runRaydocs(fake(), listWorkspaces);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(apiRequests(fake()).map((entry) => entry.status)).toEqual([status, status, 200]);
	});

	it('does not retry a 500 or a 503 on a create, and says why', async () => {
		fake().fault({ method: 'POST', path: '/workspaces/create', kind: 'status', status: 503, count: 1 });
		const { error } = await runRaydocs(fake(), createWorkspace, { input: names(1) });
		expect(error?.message).toBe('Raydocs had a server problem (HTTP 503)');
		expect((error as { description?: string }).description).toMatch(/not repeated automatically/);
		expect(apiRequests(fake()).filter((entry) => entry.method === 'POST')).toHaveLength(1);
	});

	it('retries a read whose connection dropped, but never a create', async () => {
		fake().fault({ method: 'GET', path: '/workspaces', kind: 'drop', count: 1 });
		const read = await runRaydocs(fake(), listWorkspaces);
		expect(read.error).toBeUndefined();
		expect(apiRequests(fake()).map((entry) => entry.status)).toEqual([0, 200]);

		fake().clearLog();
		fake().fault({ method: 'POST', path: '/workspaces/create', kind: 'drop', count: 1 });
		const write = await runRaydocs(fake(), createWorkspace, { input: names(1) });
		expect(write.error?.message).toMatch(/^The connection to Raydocs dropped before an answer arrived/);
		expect((write.error as { description?: string }).description).toMatch(/may already have processed it/);
		expect(apiRequests(fake())).toHaveLength(1);
	});

	it('retries a read that came back as malformed JSON', async () => {
		fake().fault({ method: 'GET', path: '/workspaces', kind: 'malformed', count: 1 });
		const { items, error } = await runRaydocs(fake(), listWorkspaces);
		expect(error).toBeUndefined();
		expect(items[0].json.name).toBe('Demo Workspace');
		expect(apiRequests(fake())).toHaveLength(2);
	});

	it('reports malformed JSON on a create without repeating it', async () => {
		fake().fault({ method: 'POST', path: '/workspaces/create', kind: 'malformed', count: 1 });
		const { error } = await runRaydocs(fake(), createWorkspace, { input: names(1) });
		expect(error?.message).toBe('Raydocs answered POST /workspaces/create with a body that is not valid JSON');
		expect(apiRequests(fake())).toHaveLength(1);
	});

	it('gives up on a read after 4 attempts of 503', async () => {
		fake().fault({ method: 'GET', path: '/workspaces', kind: 'status', status: 503, count: 10 });
		const { error } = await runRaydocs(fake(), listWorkspaces);
		expect(error?.message).toBe('Raydocs had a server problem (HTTP 503) after 4 attempts');
		expect(apiRequests(fake())).toHaveLength(4);
	});

	it('loses and duplicates no item when one of many creates fails', async () => {
		fake().fault({ method: 'POST', path: '/workspaces/create', kind: 'status', status: 502, count: 1 });
		const { items } = await runRaydocs(fake(), createWorkspace, { input: names(6), continueOnFail: true });
		expect(items).toHaveLength(6);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4, 5].map((item) => ({ item })));
		expect(items.filter((item) => item.json.error)).toHaveLength(1);
		const created = [...fake().state.workspaces.values()].map((workspace) => workspace.name).filter((name) => name.startsWith('W'));
		expect(created.sort()).toEqual(items.filter((item) => !item.json.error).map((item) => item.json.name).sort());
		expect(apiRequests(fake()).filter((entry) => entry.method === 'POST')).toHaveLength(6);
	});
});

describe('Transport: the shared limiter keeps a whole execution under the limit', () => {
	const fake = useFakeRaydocs({ rateLimit: { limit: 5, windowMs: 1000 } });

	it('spreads 12 concurrent item requests so that Raydocs never answers 429', async () => {
		const { items, error } = await runRaydocs(fake(), createWorkspace, { input: names(12) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(12);
		const posts = apiRequests(fake()).filter((entry) => entry.method === 'POST');
		expect(posts).toHaveLength(12);
		expect(posts.some((entry) => entry.rateLimited)).toBe(false);
		// no 1-second window ever saw more than 5 requests
		for (const entry of posts) {
			expect(posts.filter((other) => other.at >= entry.at && other.at < entry.at + 1000).length).toBeLessThanOrEqual(5);
		}
	});
});

const testToken = ['rd', 'test', 'n8n1'].join('_');
const node: INode = { id: '1', name: 'Raydocs', type: 'n8n-nodes-raydocs.raydocs', typeVersion: 1.1, position: [0, 0], parameters: {} };

/**
 * A context whose httpRequestWithAuthentication behaves as n8n 1.x's does: an error status throws
 * an error that carries the status and body but not the headers, unless the request asked for
 * `ignoreHttpStatusErrors`, in which case the full response comes back.
 */
function n8n1Context(answers: Array<{ statusCode: number; headers?: Record<string, string>; body: unknown }>) {
	const sent: Array<{ at: number; options: IHttpRequestOptions }> = [];
	const context = {
		getNode: () => node,
		getCredentials: async () => ({ accessToken: testToken, baseUrl: 'https://api.raydocs.test', rateLimitRequests: 100, rateLimitWindowSeconds: 60 }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				sent.push({ at: Date.now(), options });
				const answer = answers.shift()!;
				if (answer.statusCode >= 400 && !options.ignoreHttpStatusErrors) {
					throw Object.assign(new Error('The service is receiving too many requests from you'), {
						httpCode: String(answer.statusCode),
						context: { data: answer.body },
					});
				}
				return { statusCode: answer.statusCode, headers: answer.headers ?? {}, body: answer.body };
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, sent };
}

describe('Transport on an n8n 1.x-style request helper', () => {
	it('reads Retry-After of a 429 (the helper would drop it from its error) and waits that long', async () => {
		const { context, sent } = n8n1Context([
			{ statusCode: 429, headers: { 'retry-after': '1' }, body: { message: 'Too Many Attempts.' } },
			{ statusCode: 200, body: { data: [] } },
		]);
		const response = await raydocsRequest(context, { method: 'GET', url: '/workspaces' });
		expect(response.statusCode).toBe(200);
		expect(sent.every((request) => request.options.ignoreHttpStatusErrors === true)).toBe(true);
		expect(sent[1].at - sent[0].at).toBeGreaterThanOrEqual(950);
	});

	it('turns an error status it read itself into the node\'s message, after one request', async () => {
		const { context, sent } = n8n1Context([{ statusCode: 401, body: { message: 'Unauthenticated.' } }]);
		await expect(raydocsRequest(context, { method: 'GET', url: '/workspaces' })).rejects.toThrow(
			'Raydocs rejected the access token: it is invalid, expired or revoked (HTTP 401)',
		);
		expect(sent).toHaveLength(1);
	});
});
