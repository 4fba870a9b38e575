import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { forgetDocumentedForms } from '../../../../nodes/Raydocs/shared/documentedForms';
import { resetRequestWindows } from '../../../../nodes/Raydocs/shared/rateLimiter';
import { retryPolicy, sendRoutedListRequest, sendRoutedRequest } from '../../../../nodes/Raydocs/shared/transport';

/**
 * The routed side of the transport (the node's pagination hook) against a stand-in for n8n's
 * routing engine: makeRoutingRequest answers from a script and runs the request's postReceive
 * steps on the answer, as n8n does. Waits are recorded, not slept.
 */
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => {}),
}));

const ROUTED_TOKEN = ['rd', 'routed', 'token', '1'].join('_');

type Answer = { statusCode?: number; headers?: IDataObject; body: unknown };

interface RoutedCall {
	options: DeclarativeRestApiSettings.ResultOptions['options'];
	/** What the headers held when the engine got them (it writes into them afterwards). */
	headersOnArrival: IDataObject;
}

function engine(answers: Answer[], parameters: IDataObject = {}, options: { runsPostReceive?: boolean; removesSteps?: boolean; baseUrl?: string } = {}) {
	const calls: RoutedCall[] = [];
	const context = {
		getNode: () => ({ name: 'Raydocs', type: 'n8n-nodes-raydocs.raydocs', typeVersion: 1 }),
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getCredentials: async () => ({
			accessToken: ROUTED_TOKEN,
			baseUrl: options.baseUrl ?? 'https://api.raydocs.test',
			rateLimitRequests: 100,
			rateLimitWindowSeconds: 60,
		}),
		makeRoutingRequest: async function (this: IExecuteSingleFunctions, data: DeclarativeRestApiSettings.ResultOptions) {
			calls.push({ options: data.options, headersOnArrival: { ...(data.options.headers as IDataObject) } });
			(data.options.headers as IDataObject).Authorization = `Bearer ${ROUTED_TOKEN}`;
			const answer = answers.shift() ?? { body: {} };
			const response: IN8nHttpFullResponse = { statusCode: answer.statusCode ?? 200, headers: answer.headers ?? {}, body: answer.body as IDataObject };
			let items: INodeExecutionData[] = [{ json: answer.body as IDataObject }];
			if (options.runsPostReceive === false) return items;
			for (const step of [...data.postReceive]) {
				for (const action of step.actions) {
					if (typeof action === 'function') items = await action.call(this, items, response);
				}
			}
			// an engine that takes the first step it ran out of the list
			if (options.removesSteps) data.postReceive.shift();
			return items;
		},
	} as unknown as IExecutePaginationFunctions;
	return { context, calls };
}

function routed(options: Partial<DeclarativeRestApiSettings.ResultOptions['options']>, postReceive: DeclarativeRestApiSettings.ResultOptions['postReceive'] = []) {
	return {
		options: { method: 'GET', url: '/workspaces', headers: {}, ...options },
		paginate: true,
		maxResults: undefined,
		postReceive,
		preSend: [],
		requestOperations: {},
	} as unknown as DeclarativeRestApiSettings.ResultOptions;
}

/** A postReceive step of the operation itself, after ours. */
const tagItems: DeclarativeRestApiSettings.ResultOptions['postReceive'][number] = {
	data: { parameterValue: undefined },
	actions: [async (items: INodeExecutionData[]) => items.map((item) => ({ json: { ...item.json, tagged: true } }))],
};

const page = (ids: number[], current: number | undefined, last: number) => ({
	body: { data: ids.map((id) => ({ id })), meta: { ...(current === undefined ? {} : { current_page: current }), last_page: last } },
});

beforeEach(() => {
	resetRequestWindows();
	forgetDocumentedForms();
	retryPolicy.backoffBaseMs = 500;
});

describe('sendRoutedRequest', () => {
	it("hands the engine a copy of its request, waiting at most the transport's timeout and reading error statuses itself", async () => {
		const { context, calls } = engine([{ body: { id: 1 } }, { body: { id: 2 } }, { body: { id: 3 } }]);
		const requestData = routed({ method: 'PUT', url: '/workspaces/1', body: { name: 'W' }, qs: { a: 1 }, headers: { 'X-Trace': 't' }, timeout: 10_000 });
		expect(await sendRoutedRequest.call(context, requestData)).toEqual([{ json: { id: 1 } }]);
		expect(calls[0].options).toEqual({
			method: 'PUT',
			url: '/workspaces/1',
			body: { name: 'W' },
			qs: { a: 1 },
			headers: { 'X-Trace': 't', Authorization: `Bearer ${ROUTED_TOKEN}` },
			timeout: 10_000,
			ignoreHttpStatusErrors: true,
		});
		expect(requestData.options.headers).toEqual({ 'X-Trace': 't' });
		await sendRoutedRequest.call(context, routed({ timeout: 900_000 }));
		await sendRoutedRequest.call(context, routed({}));
		expect(calls.map((call) => call.options.timeout)).toEqual([10_000, 300_000, 300_000]);
	});

	it('sends GET / when the engine gives no method or url', async () => {
		const { context, calls } = engine([{ body: {} }]);
		await sendRoutedRequest.call(context, { ...routed({}), options: {} } as DeclarativeRestApiSettings.ResultOptions);
		expect([calls[0].options.method, calls[0].options.url]).toEqual(['GET', '']);
	});

	it('splits a top-level array into items when the operation has no postReceive step of its own', async () => {
		const { context } = engine([{ body: [{ id: 1 }, { id: 2 }] }, { body: [{ id: 1 }, { id: 2 }] }, { body: { id: 3 } }]);
		expect(await sendRoutedRequest.call(context, routed({}))).toEqual([{ json: { id: 1 } }, { json: { id: 2 } }]);
		// with a step of its own the operation shapes the output; the engine's items go to it unchanged
		expect(await sendRoutedRequest.call(context, routed({}, [tagItems]))).toEqual([{ json: { 0: { id: 1 }, 1: { id: 2 }, tagged: true } }]);
		expect(await sendRoutedRequest.call(context, routed({}))).toEqual([{ json: { id: 3 } }]);
	});

	it("leaves the operation's postReceive steps as they were, after success and failure", async () => {
		const { context } = engine([{ body: { id: 1 } }, { statusCode: 404, body: { message: 'No query results' } }]);
		const requestData = routed({ url: '/workspaces/1' }, [tagItems]);
		expect(await sendRoutedRequest.call(context, requestData)).toEqual([{ json: { id: 1, tagged: true } }]);
		expect(requestData.postReceive).toEqual([tagItems]);
		await expect(sendRoutedRequest.call(context, requestData)).rejects.toThrow(/HTTP 404/);
		expect(requestData.postReceive).toEqual([tagItems]);
	});

	it("removes only its own step, and none of the operation's when the engine has taken it out already", async () => {
		const { context } = engine([{ body: { id: 1 } }], {}, { removesSteps: true });
		const requestData = routed({ url: '/workspaces/1' }, [tagItems]);
		expect(await sendRoutedRequest.call(context, requestData)).toEqual([{ json: { id: 1, tagged: true } }]);
		expect(requestData.postReceive).toEqual([tagItems]);
	});

	it('raises an error status before the output steps run, and repeats a read with a fresh copy after a 503', async () => {
		const { context, calls } = engine([{ statusCode: 503, body: { message: 'busy' } }, { body: { id: 1 } }]);
		expect(await sendRoutedRequest.call(context, routed({ url: '/workspaces/1' }, [tagItems]))).toEqual([{ json: { id: 1, tagged: true } }]);
		expect(calls).toHaveLength(2);
		expect(calls.map((call) => call.headersOnArrival)).toEqual([{}, {}]);
		expect(calls[0].options).not.toBe(calls[1].options);
	});

	it('does not repeat a routed create after a 503', async () => {
		const { context, calls } = engine([{ statusCode: 503, body: {} }]);
		await expect(sendRoutedRequest.call(context, routed({ method: 'POST', url: '/workspaces/create', body: { name: 'W' } }))).rejects.toThrow(
			'Raydocs had a server problem (HTTP 503)',
		);
		expect(calls).toHaveLength(1);
	});

	it('repeats a read whose answer was not JSON', async () => {
		const { context, calls } = engine([{ body: '<html>' }, { body: { id: 1 } }]);
		expect(await sendRoutedRequest.call(context, routed({ url: '/workspaces/1' }))).toEqual([{ json: { id: 1 } }]);
		expect(calls).toHaveLength(2);
	});

	it('remembers per Base URL which documented form of a call the server has', async () => {
		const cancelInvite = () => routed({ method: 'DELETE', url: '/workspaces/1/invites/2' });
		const old = engine([{ statusCode: 405, body: { message: 'The DELETE method is not supported' } }, { body: {} }, { body: {} }]);
		await sendRoutedRequest.call(old.context, cancelInvite());
		await sendRoutedRequest.call(old.context, cancelInvite());
		expect(old.calls.map((call) => call.options.url)).toEqual(['/workspaces/1/invites/2', '/workspaces/1/invites/2/cancel', '/workspaces/1/invites/2/cancel']);
		const other = engine([{ body: {} }], {}, { baseUrl: 'https://raydocs.example.test' });
		await sendRoutedRequest.call(other.context, cancelInvite());
		expect(other.calls.map((call) => call.options.url)).toEqual(['/workspaces/1/invites/2']);
	});

	it('fails loudly when the engine did not let it check the status', async () => {
		const { context, calls } = engine([{ statusCode: 500, body: {} }], {}, { runsPostReceive: false });
		await expect(sendRoutedRequest.call(context, routed({ url: '/workspaces/1' }))).rejects.toThrow(
			'This n8n version did not let the Raydocs node check the HTTP status of its answer',
		);
		expect(calls).toHaveLength(1);
	});
});

describe('sendRoutedListRequest', () => {
	it('follows the pages to the last one for Return All, keeping the filters', async () => {
		const { context, calls } = engine([page([1, 2], 1, 3), page([3], 2, 3), page([4], 3, 3)], { returnAll: true });
		const items = await sendRoutedListRequest.call(context, routed({ qs: { search: 'inv' } }));
		expect(items).toEqual([1, 2, 3, 4].map((id) => ({ json: { id } })));
		expect(calls.map((call) => call.options.qs)).toEqual([{ search: 'inv' }, { search: 'inv', page: 2 }, { search: 'inv', page: 3 }]);
	});

	it('starts at the page asked for and counts pages itself when the answer has no current page', async () => {
		const { context, calls } = engine([page([5], undefined, 4), page([6], undefined, 4), page([7], undefined, 4)], { returnAll: true });
		const items = await sendRoutedListRequest.call(context, routed({ qs: { page: 2 } }));
		expect(items.map((item) => item.json.id)).toEqual([5, 6, 7]);
		expect(calls.map((call) => call.options.qs)).toEqual([{ page: 2 }, { page: 3 }, { page: 4 }]);
	});

	it('stops as soon as Limit items arrived, and returns no more', async () => {
		const { context, calls } = engine([page([1, 2], 1, 5), page([3, 4], 2, 5), page([5, 6], 3, 5)], { returnAll: false, limit: 3 });
		const items = await sendRoutedListRequest.call(context, routed({}));
		expect(items.map((item) => item.json.id)).toEqual([1, 2, 3]);
		expect(calls).toHaveLength(2);
	});

	it("takes the engine's maxResults over the Limit parameter, and stops at exactly that many", async () => {
		const { context, calls } = engine([page([1, 2], 1, 5), page([3, 4], 2, 5)], { returnAll: false, limit: 50 });
		const items = await sendRoutedListRequest.call(context, { ...routed({}), maxResults: 2 });
		expect(items.map((item) => item.json.id)).toEqual([1, 2]);
		expect(calls).toHaveLength(1);
	});

	it('stops at an empty page, and after a list without page numbers', async () => {
		const empty = engine([page([1], 1, 9), page([], 2, 9), page([3], 3, 9)], { returnAll: true });
		expect((await sendRoutedListRequest.call(empty.context, routed({}))).map((item) => item.json.id)).toEqual([1]);
		expect(empty.calls).toHaveLength(2);
		const bare = engine([{ body: [{ id: 1 }, { id: 2 }] }, { body: [{ id: 3 }] }], { returnAll: true });
		expect((await sendRoutedListRequest.call(bare.context, routed({}))).map((item) => item.json.id)).toEqual([1, 2]);
		expect(bare.calls).toHaveLength(1);
	});
});
