import { sleep, type IExecuteFunctions, type IHttpRequestOptions, type INode, type INodeParameters } from 'n8n-workflow';

import { LOW_PRIORITY_SHARE } from '../../nodes/Raydocs/shared/rateLimiter';
import { retryPolicy } from '../../nodes/Raydocs/shared/retries';
import { raydocsRequest } from '../../nodes/Raydocs/shared/transport';
import { apiRequests, extractDocumentParameters, fileItem, runRaydocs, useFakeRaydocs } from '../helpers/raydocs';
import { runNode } from '../harness/engine';

/*
 * Rate limits and retries end to end in n8n's engine against the fake Raydocs, in real time: whole
 * executions, several executions on one limiter, two processes on one IP. The transport's direct
 * tests (test/nodes/Raydocs/shared/transport.*.test.ts) check the same rules on a recorded clock.
 */
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

describe('Transport: executions sharing the limiter', () => {
	const fake = useFakeRaydocs({ rateLimit: { limit: 10, windowMs: 1000 } });

	const extractDocument = (options: INodeParameters) => extractDocumentParameters(fake(), { options });
	const pdfs = (count: number, name: string) =>
		Array.from({ length: count }, (_, index) => fileItem(`%PDF ${name} ${index}`, `${name}-${index}.pdf`));

	it("the status checks of six waiting executions do not starve another's uploads and run starts", async () => {
		fake().setTiming({ runProcessingMs: 60_000 }); // the runs stay pending throughout
		const started = await runRaydocs(fake(), extractDocument({ timeout: 1, onTimeout: 'pending' }), { input: pdfs(2, 'waiting') });
		const resultIds = started.items.map((item) => item.json.result_id);
		// Six executions check the same two runs every 50 ms (version 1): together they would fill every window.
		const waiting = [0, 1, 2, 3, 4, 5].map(
			async () =>
				await runRaydocs(fake(), { resource: 'extraction', operation: 'waitForResult', resultId: '={{ $json.id }}', options: { checkInterval: 0.05, timeout: 8, onTimeout: 'pending' } }, {
					input: resultIds.map((id) => ({ json: { id } })),
				}),
		);
		await sleep(1500);
		fake().clearLog();
		// Another execution uploads 4 files and starts their runs: 16 requests, one after the other.
		const uploading = await runRaydocs(fake(), extractDocument({ timeout: 0.1, onTimeout: 'pending' }), { input: pdfs(4, 'new') });
		const waited = await Promise.all(waiting);

		expect(uploading.items.map((item) => item.json.status)).toEqual(Array(4).fill('pending'));
		expect(waited.flatMap((run) => run.items.map((item) => item.json.status))).toEqual(Array(12).fill('pending'));
		const log = apiRequests(fake());
		expect(log.some((entry) => entry.status === 429)).toBe(false);
		const work = log.filter((entry) => entry.method === 'POST');
		expect(work).toHaveLength(16);
		// With the checks held to a quarter of each window, 16 requests need about 2 windows; sharing
		// slots one for one with six checking executions, about 10.
		expect(work[work.length - 1].at - work[0].at).toBeLessThan(4000);
		// and the checks went on meanwhile, at about their share (more when the uploads paused, e.g.
		// for a storage PUT on a busy machine: then the window is free for anyone)
		const reads = log.filter((entry) => entry.path.startsWith('/extractions/results/') && entry.at >= work[0].at && entry.at <= work[work.length - 1].at);
		expect(reads.length).toBeGreaterThan(0);
		const windows = Math.ceil((work[work.length - 1].at - work[0].at) / 1000) + 1;
		expect(reads.length).toBeLessThanOrEqual(windows * 10 * LOW_PRIORITY_SHARE * 2);
	});
});

describe('Transport: one budget per IP address', () => {
	const fake = useFakeRaydocs({ rateLimit: { limit: 5, windowMs: 1000 } });

	const posts = () => apiRequests(fake()).filter((entry) => entry.method === 'POST');
	const mostInOneWindow = (windowMs: number) =>
		Math.max(...posts().map((entry) => posts().filter((other) => other.at >= entry.at && other.at < entry.at + windowMs && !other.rateLimited).length));

	it('gives two credentials on one base URL one window, even when no headers tell', async () => {
		fake().setRateLimit({ limit: 5, windowMs: 1000, headers: false });
		const otherToken = fake().createToken('*', 'second');
		const [first, second] = await Promise.all([
			runRaydocs(fake(), createWorkspace, { input: names(6) }),
			runRaydocs(fake(), createWorkspace, { input: names(6), token: otherToken }),
		]);
		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(posts()).toHaveLength(12);
		expect(posts().filter((entry) => entry.rateLimited)).toHaveLength(0);
		expect(mostInOneWindow(1000)).toBeLessThanOrEqual(5);
	});

	it('waits a whole window after a 429 without Retry-After', async () => {
		fake().setRateLimit(false);
		fake().fault({ method: 'POST', path: '/workspaces/create', kind: 'status', status: 429, retryAfterSeconds: null, count: 1 });
		const { error } = await runRaydocs(fake(), createWorkspace, { input: names(1) });
		expect(error).toBeUndefined();
		expect(posts().map((entry) => entry.status)).toEqual([429, 201]);
		expect(posts()[1].at - posts()[0].at).toBeGreaterThanOrEqual(1000);
	});

	it('keeps two n8n processes on one IP under the shared limit by reading X-RateLimit-Remaining', async () => {
		// Two copies of the node with their own limiter state: two processes (e.g. queue-mode workers).
		const workflow = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
		const processes = [0, 1].map(() => {
			let isolated!: typeof import('../../nodes/Raydocs/Raydocs.node');
			jest.isolateModules(() => {
				jest.doMock('n8n-workflow', () => workflow);
				isolated = jest.requireActual('../../nodes/Raydocs/Raydocs.node');
			});
			return new isolated.Raydocs();
		});
		fake().setRateLimit({ limit: 10, windowMs: 1500 });
		const credentials = { accessToken: fake().token, baseUrl: fake().url, rateLimitRequests: 10, rateLimitWindowSeconds: 1.5 };
		const runs = await Promise.all(
			processes.map(async (nodeType) => await runNode({ nodeType, parameters: createWorkspace, credentials, input: names(15) })),
		);
		expect(runs.map((run) => run.error)).toEqual([undefined, undefined]);
		expect(posts().filter((entry) => !entry.rateLimited)).toHaveLength(30);
		// each alone would allow itself 10 per window, 20 together: the server's counts hold them to 10
		expect(posts().filter((entry) => entry.rateLimited).length).toBeLessThanOrEqual(3);
	});
});

const testToken = ['rd', 'test', 'n8n1'].join('_');
const node: INode = { id: '1', name: 'Raydocs', type: 'n8n-nodes-raydocs.raydocs', typeVersion: 1, position: [0, 0], parameters: {} };

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
