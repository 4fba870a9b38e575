import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { forgetDocumentedForms } from '../../../../nodes/Raydocs/shared/documentedForms';
import * as rateLimiter from '../../../../nodes/Raydocs/shared/rateLimiter';
import { retryPolicy } from '../../../../nodes/Raydocs/shared/retries';
import { routedOutput, sendRoutedListRequest, sendRoutedRequest } from '../../../../nodes/Raydocs/shared/transport';

/**
 * The routed side of the transport: the node's pagination function gets the request n8n's routing
 * engine prepared and sends it itself through the credential helper (a stand-in that answers from
 * a script and, like n8n's, writes the Authorization header into the options it gets). Waits are
 * recorded, not slept.
 */
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => {}),
}));

const ROUTED_TOKEN = ['rd', 'routed', 'token', '1'].join('_');
const BASE_URL = 'https://api.raydocs.test';

type Answer = { statusCode?: number; headers?: IDataObject; body: unknown } | Error;

interface Sent {
	options: IHttpRequestOptions;
	/** What the headers held when the helper got them (it writes into them afterwards). */
	headersOnArrival: IDataObject;
	type: string;
	self: unknown;
}

function engine(answers: Answer[], parameters: IDataObject = {}, options: { baseUrl?: string } = {}) {
	const sent: Sent[] = [];
	const context = {
		getNode: () => ({ name: 'Raydocs', type: 'n8n-nodes-raydocs.raydocs', typeVersion: 1 }),
		getItemIndex: () => 0,
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getCredentials: async () => ({
			accessToken: ROUTED_TOKEN,
			baseUrl: options.baseUrl ?? BASE_URL,
			rateLimitRequests: 100,
			rateLimitWindowSeconds: 60,
		}),
		helpers: {
			httpRequestWithAuthentication: async function (this: unknown, type: string, request: IHttpRequestOptions) {
				sent.push({ options: request, headersOnArrival: { ...request.headers }, type, self: this });
				(request.headers as IDataObject).Authorization = `Bearer ${ROUTED_TOKEN}`;
				const answer = answers.shift() ?? { body: {} };
				if (answer instanceof Error) throw answer;
				return { statusCode: answer.statusCode ?? 200, headers: answer.headers ?? {}, body: answer.body };
			},
		},
	} as unknown as IExecutePaginationFunctions;
	return { context, sent };
}

type OutputStep = DeclarativeRestApiSettings.ResultOptions['postReceive'][number];

function routed(options: Partial<DeclarativeRestApiSettings.ResultOptions['options']>, postReceive: OutputStep[] = []) {
	return {
		options: { method: 'GET', url: '/workspaces', headers: {}, ...options },
		paginate: true,
		maxResults: undefined,
		postReceive,
		preSend: [],
		requestOperations: {},
	} as unknown as DeclarativeRestApiSettings.ResultOptions;
}

const step = (...actions: OutputStep['actions']): OutputStep => ({ data: { parameterValue: undefined }, actions });

/** An output step of the operation: tags each item. */
const tagItems = step(async (items: INodeExecutionData[]) => items.map((item) => ({ json: { ...item.json, tagged: true } })));

const page = (ids: number[], current: number | undefined, last: number) => ({
	body: { data: ids.map((id) => ({ id })), meta: { ...(current === undefined ? {} : { current_page: current }), last_page: last } },
});

beforeEach(() => {
	rateLimiter.resetRequestWindows();
	forgetDocumentedForms();
	retryPolicy.backoffBaseMs = 500;
	(sleep as jest.Mock).mockClear();
});

describe('sendRoutedRequest: the request n8n prepared', () => {
	it('sends a copy of it through the credential, with the full response, its own status check and at most its own timeout', async () => {
		const { context, sent } = engine([{ body: { id: 1 } }, { body: {} }, { body: {} }]);
		const requestData = routed({
			method: 'PUT',
			url: '/workspaces/1',
			body: { name: 'W' },
			qs: { a: 1 },
			headers: { 'X-Trace': 't' },
			timeout: 10_000,
			proxy: { host: 'proxy.test', port: 3128 },
			baseURL: BASE_URL,
		});
		const before = JSON.stringify(requestData);
		expect(await sendRoutedRequest.call(context, requestData)).toEqual([{ json: { id: 1 } }]);
		expect(sent[0].type).toBe('raydocsApi');
		expect(sent[0].self).toBe(context);
		expect(sent[0].headersOnArrival).toEqual({ 'X-Trace': 't' });
		expect(sent[0].options).toEqual({
			method: 'PUT',
			baseURL: BASE_URL,
			url: '/workspaces/1',
			body: { name: 'W' },
			qs: { a: 1 },
			headers: { 'X-Trace': 't', Authorization: `Bearer ${ROUTED_TOKEN}` },
			timeout: 10_000,
			proxy: { host: 'proxy.test', port: 3128 },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
		// n8n's request data is read, never written (the helper wrote into the copy's headers)
		expect(JSON.stringify(requestData)).toBe(before);
		await sendRoutedRequest.call(context, routed({ timeout: 900_000 }));
		await sendRoutedRequest.call(context, routed({}));
		expect(sent.map((call) => call.options.timeout)).toEqual([10_000, 300_000, 300_000]);
	});

	it("sends GET / when the engine gives no method or url, always to the credential's host", async () => {
		const { context, sent } = engine([{ body: {} }]);
		await sendRoutedRequest.call(context, { ...routed({}), options: { baseURL: 'https://elsewhere.test' } } as DeclarativeRestApiSettings.ResultOptions);
		expect([sent[0].options.method, sent[0].options.url, sent[0].options.baseURL]).toEqual(['GET', '', BASE_URL]);
	});

	it('hands the limiter the headers of every answer, and gives back the slot of a refused one (429)', async () => {
		const answers: rateLimiter.SlotAnswer[] = [];
		const acquire = jest.spyOn(rateLimiter, 'acquireRequestSlot').mockImplementation(async () => (answer = {}) => void answers.push(answer));
		try {
			// a helper that throws for a status after all (n8n does not, with ignoreHttpStatusErrors)
			const thrown429 = Object.assign(new Error('Request failed with status code 429'), {
				response: { status: 429, headers: { 'retry-after': '0' }, data: {} },
			});
			const { context } = engine([
				{ statusCode: 429, headers: { 'retry-after': '1', 'x-ratelimit-remaining': '0' }, body: {} },
				thrown429,
				Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
				{ headers: { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '97' }, body: { id: 1 } },
			]);
			await sendRoutedRequest.call(context, routed({ url: '/extractions/templates/t1' }));
			expect(acquire).toHaveBeenCalledWith(BASE_URL, 100, 60_000, 'normal', undefined);
			expect(answers).toEqual([
				{ headers: { 'retry-after': '1', 'x-ratelimit-remaining': '0' }, refused: true },
				{ headers: { 'retry-after': '0' }, refused: true },
				{ headers: {}, refused: false },
				{ headers: { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '97' }, refused: false },
			]);
		} finally {
			acquire.mockRestore();
		}
	});
});

describe('sendRoutedRequest: retries', () => {
	it('repeats a read after a 503 with a fresh copy, and waits as Raydocs asks after a 429', async () => {
		const { context, sent } = engine([
			{ statusCode: 503, body: { message: 'busy' } },
			// (a longer wait would hold the limiter's clock, which these tests do not move)
			{ statusCode: 429, headers: { 'retry-after': '0' }, body: {} },
			{ body: { id: 1 } },
		]);
		expect(await sendRoutedRequest.call(context, routed({ url: '/workspaces/1' }, [tagItems]))).toEqual([{ json: { id: 1, tagged: true } }]);
		expect(sent.map((call) => call.headersOnArrival)).toEqual([{}, {}, {}]);
		expect(sent[0].options).not.toBe(sent[1].options);
		expect((sleep as jest.Mock).mock.calls).toEqual([[500], [0]]);
	});

	it('does not repeat a routed create after a 503, a dropped connection or an answer that is not JSON', async () => {
		for (const answer of [{ statusCode: 503, body: {} }, Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), { body: '<html>' }]) {
			const { context, sent } = engine([answer, { body: {} }]);
			await expect(sendRoutedRequest.call(context, routed({ method: 'POST', url: '/workspaces/create', body: { name: 'W' } }))).rejects.toThrow();
			expect(sent).toHaveLength(1);
		}
	});

	it('repeats a read whose answer was not JSON, but accepts any body of a binary download', async () => {
		const { context, sent } = engine([{ body: '<html>' }, { body: { id: 1 } }, { body: 'PK binary' }]);
		expect(await sendRoutedRequest.call(context, routed({ url: '/workspaces/1' }))).toEqual([{ json: { id: 1 } }]);
		expect(sent).toHaveLength(2);
		const binary = routed({ url: '/extractions/results/r/export/excel', encoding: 'arraybuffer', json: false });
		expect(await sendRoutedRequest.call(context, binary)).toEqual([{ json: 'PK binary' }]);
		expect(sent).toHaveLength(3);
	});

	it("fails with the explained error, the item's index and without the token", async () => {
		const { context } = engine([{ statusCode: 422, body: { message: `bad ${ROUTED_TOKEN}`, errors: { name: ['Required.'] } } }]);
		const error = await sendRoutedRequest.call(context, routed({ method: 'POST', url: '/workspaces/create', body: {} })).catch((failure: Error) => failure);
		expect(error).toMatchObject({ message: 'Raydocs rejected the request (HTTP 422): name: Required.', httpCode: '422' });
		expect((error as unknown as { context: IDataObject }).context.itemIndex).toBe(0);
		expect(JSON.stringify(error)).not.toContain(ROUTED_TOKEN);
	});

	it('remembers per Base URL which documented form of a call the server has', async () => {
		const cancelInvite = () => routed({ method: 'DELETE', url: '/workspaces/1/invites/2' });
		const old = engine([{ statusCode: 405, body: { message: 'The DELETE method is not supported' } }, { body: {} }, { body: {} }]);
		await sendRoutedRequest.call(old.context, cancelInvite());
		await sendRoutedRequest.call(old.context, cancelInvite());
		expect(old.sent.map((call) => call.options.url)).toEqual(['/workspaces/1/invites/2', '/workspaces/1/invites/2/cancel', '/workspaces/1/invites/2/cancel']);
		const other = engine([{ body: {} }], {}, { baseUrl: 'https://raydocs.example.test' });
		await sendRoutedRequest.call(other.context, cancelInvite());
		expect(other.sent.map((call) => call.options.url)).toEqual(['/workspaces/1/invites/2']);
	});
});

describe('sendRoutedRequest: the output, as n8n makes it', () => {
	it('splits a top-level array into items when the operation has no output step, and keeps any other body as one item', async () => {
		const { context } = engine([{ body: [{ id: 1 }, { id: 2 }] }, { body: { id: 3 } }]);
		expect(await sendRoutedRequest.call(context, routed({}))).toEqual([{ json: { id: 1 } }, { json: { id: 2 } }]);
		expect(await sendRoutedRequest.call(context, routed({}))).toEqual([{ json: { id: 3 } }]);
	});

	it("runs the operation's output steps in order on the whole body and the full response, with the item's context", async () => {
		const seen: unknown[] = [];
		const record = step(async function (this: unknown, items: INodeExecutionData[], response: IN8nHttpFullResponse) {
			seen.push({ self: this, items, response });
			return items;
		});
		const { context } = engine([{ headers: { 'x-a': '1' }, body: [{ id: 1 }, { id: 2 }] }]);
		const requestData = routed({}, [record, tagItems]);
		expect(await sendRoutedRequest.call(context, requestData)).toEqual([{ json: { 0: { id: 1 }, 1: { id: 2 }, tagged: true } }]);
		expect(seen).toEqual([{ self: context, items: [{ json: [{ id: 1 }, { id: 2 }] }], response: { statusCode: 200, headers: { 'x-a': '1' }, body: [{ id: 1 }, { id: 2 }] } }]);
		expect(requestData.postReceive).toEqual([record, tagItems]);
	});

	it('raises an error status before any output step runs', async () => {
		const never = jest.fn();
		const { context } = engine([{ statusCode: 404, body: { message: 'Template not found.' } }]);
		await expect(sendRoutedRequest.call(context, routed({ url: '/extractions/templates/t1' }, [step(never)]))).rejects.toThrow(
			'Raydocs could not find template t1 (HTTP 404)',
		);
		expect(never).not.toHaveBeenCalled();
	});

	it('refuses a declarative output step (set, rootProperty...) loudly, before sending anything', async () => {
		const { context, sent } = engine([{ body: {} }]);
		const declarative = step({ type: 'set', properties: { value: '={{ { "deleted": true } }}' } });
		const error = await sendRoutedRequest.call(context, routed({}, [tagItems, declarative])).catch((failure: Error) => failure);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toBe('The Raydocs node declares an output step of type "set", which it cannot run');
		expect((error as NodeOperationError).description).toBe(
			'This is a defect of the Raydocs node, not of your workflow: please report it. Nothing was sent to Raydocs.',
		);
		await expect(sendRoutedListRequest.call(context, routed({}, [declarative]))).rejects.toThrow(/type "set"/);
		expect(sent).toHaveLength(0);
	});

	it('routedOutput without steps: one item per array element, one item otherwise', async () => {
		const { context } = engine([]);
		const response = (body: unknown) => ({ statusCode: 200, headers: {}, body }) as IN8nHttpFullResponse;
		expect(await routedOutput(context, [], response([]))).toEqual([]);
		expect(await routedOutput(context, [], response(''))).toEqual([{ json: '' }]);
	});
});

describe('sendRoutedListRequest', () => {
	it('follows the pages to the last one for Return All, keeping the filters', async () => {
		const { context, sent } = engine([page([1, 2], 1, 3), page([3], 2, 3), page([4], 3, 3)], { returnAll: true });
		const items = await sendRoutedListRequest.call(context, routed({ qs: { search: 'inv' } }));
		expect(items).toEqual([1, 2, 3, 4].map((id) => ({ json: { id } })));
		expect(sent.map((call) => call.options.qs)).toEqual([{ search: 'inv' }, { search: 'inv', page: 2 }, { search: 'inv', page: 3 }]);
	});

	it('starts at the page asked for and counts pages itself when the answer has no current page', async () => {
		const { context, sent } = engine([page([5], undefined, 4), page([6], undefined, 4), page([7], undefined, 4)], { returnAll: true });
		const items = await sendRoutedListRequest.call(context, routed({ qs: { page: 2 } }));
		expect(items.map((item) => item.json.id)).toEqual([5, 6, 7]);
		expect(sent.map((call) => call.options.qs)).toEqual([{ page: 2 }, { page: 3 }, { page: 4 }]);
	});

	it('stops as soon as Limit items arrived, and returns no more', async () => {
		const { context, sent } = engine([page([1, 2], 1, 5), page([3, 4], 2, 5), page([5, 6], 3, 5)], { returnAll: false, limit: 3 });
		const items = await sendRoutedListRequest.call(context, routed({}));
		expect(items.map((item) => item.json.id)).toEqual([1, 2, 3]);
		expect(sent).toHaveLength(2);
	});

	it("takes the engine's maxResults over the Limit parameter, and stops at exactly that many", async () => {
		const { context, sent } = engine([page([1, 2], 1, 5), page([3, 4], 2, 5)], { returnAll: false, limit: 50 });
		const items = await sendRoutedListRequest.call(context, { ...routed({}), maxResults: 2 });
		expect(items.map((item) => item.json.id)).toEqual([1, 2]);
		expect(sent).toHaveLength(1);
	});

	it('stops at an empty page, and after a list without page numbers', async () => {
		const empty = engine([page([1], 1, 9), page([], 2, 9), page([3], 3, 9)], { returnAll: true });
		expect((await sendRoutedListRequest.call(empty.context, routed({}))).map((item) => item.json.id)).toEqual([1]);
		expect(empty.sent).toHaveLength(2);
		const bare = engine([{ body: [{ id: 1 }, { id: 2 }] }, { body: [{ id: 3 }] }], { returnAll: true });
		expect((await sendRoutedListRequest.call(bare.context, routed({}))).map((item) => item.json.id)).toEqual([1, 2]);
		expect(bare.sent).toHaveLength(1);
	});

	it("runs the operation's output steps on each page before reading its entries", async () => {
		const dropSecret = step(async (items: INodeExecutionData[]) =>
			items.map((item) => ({ json: { ...item.json, data: (item.json.data as IDataObject[]).map(({ id }) => ({ id, kept: true })) } })),
		);
		const { context } = engine([page([1], 1, 2), page([2], 2, 2)], { returnAll: true });
		expect(await sendRoutedListRequest.call(context, routed({}, [dropSecret]))).toEqual([
			{ json: { id: 1, kept: true } },
			{ json: { id: 2, kept: true } },
		]);
	});
});
