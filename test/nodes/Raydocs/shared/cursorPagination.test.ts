/**
 * Cursor sync (Workflow Run → Get Many in cursor mode) against a stubbed transport: the query of
 * each page sent, when it stops, and the sync state every item carries.
 */
import type { DeclarativeRestApiSettings, IDataObject, IExecutePaginationFunctions, INodeExecutionData } from 'n8n-workflow';

import { MAX_CURSOR_PAGE_SIZE, sendCursorPaginatedRequest } from '../../../../nodes/Raydocs/shared/cursorPagination';
import { sendRoutedRequest } from '../../../../nodes/Raydocs/shared/transport';

jest.mock('../../../../nodes/Raydocs/shared/transport', () => ({ sendRoutedRequest: jest.fn() }));

const send = sendRoutedRequest as jest.MockedFunction<typeof sendRoutedRequest>;

interface Page {
	items: IDataObject[];
	meta?: IDataObject;
}

/** Answers each request with the next page and records the query it was sent with. */
function serverWith(pages: Array<Page | IDataObject[]>): IDataObject[] {
	const queries: IDataObject[] = [];
	send.mockImplementation(async function (this: unknown, requestData) {
		queries.push({ ...(requestData.options.qs as IDataObject) });
		const page = pages.shift();
		if (!page) throw new Error('no more pages');
		// a bare array comes through routing as one item per entry, a wrapper as one item
		if (Array.isArray(page)) return page.map((json) => ({ json }));
		return [{ json: { data: page.items, meta: page.meta ?? {} } }] as INodeExecutionData[];
	});
	return queries;
}

function contextWith(parameters: { returnAll?: boolean; limit?: number }): IExecutePaginationFunctions {
	return {
		getNodeParameter: (name: string, fallback: unknown) => (name in parameters ? parameters[name as keyof typeof parameters] : fallback),
	} as unknown as IExecutePaginationFunctions;
}

function requestWith(qs: IDataObject, extra: Partial<DeclarativeRestApiSettings.ResultOptions> = {}): DeclarativeRestApiSettings.ResultOptions {
	return {
		options: { method: 'GET', url: '/workflows/w1/runs', qs },
		paginate: true,
		maxResults: undefined,
		...extra,
	} as unknown as DeclarativeRestApiSettings.ResultOptions;
}

const runs = (from: number, count: number) => Array.from({ length: count }, (_, index) => ({ id: `run-${from + index}` }));
const idsOf = (items: INodeExecutionData[]) => items.map((item) => item.json.id);

describe('sendCursorPaginatedRequest: follows next_cursor and hands back where to resume', () => {
	beforeEach(() => send.mockReset());

	it('follows next_cursor while has_more, keeping the other query parameters, and stamps the final state on every item', async () => {
		const queries = serverWith([
			{ items: runs(1, 2), meta: { next_cursor: 'c2', has_more: true, server_time: 't1' } },
			{ items: runs(3, 1), meta: { next_cursor: 'c3', has_more: false, server_time: 't2' } },
		]);
		const items = await sendCursorPaginatedRequest.call(contextWith({ returnAll: true }), requestWith({ status: 'completed', per_page: 2 }));
		expect(queries).toStrictEqual([
			{ status: 'completed', per_page: 2 },
			{ status: 'completed', per_page: 2, cursor: 'c2' },
		]);
		expect(items.map((item) => item.json)).toEqual(
			runs(1, 3).map((run) => ({ ...run, next_cursor: 'c3', has_more: false, server_time: 't2' })),
		);
	});

	it('resumes from a stored cursor and asks for 100 per page when no page size is set', async () => {
		const queries = serverWith([{ items: runs(1, 1), meta: { next_cursor: 'c9', has_more: false } }]);
		const items = await sendCursorPaginatedRequest.call(contextWith({ returnAll: true }), requestWith({ cursor: 'c8' }));
		expect(queries).toStrictEqual([{ cursor: 'c8', per_page: MAX_CURSOR_PAGE_SIZE }]);
		expect(MAX_CURSOR_PAGE_SIZE).toBe(100);
		expect(items[0].json).toEqual({ id: 'run-1', next_cursor: 'c9', has_more: false, server_time: null });
	});

	it('keeps the page size between 1 and 100', async () => {
		for (const [asked, sent] of [
			[500, 100],
			[0, 100],
			[-5, 1],
			['abc', 100],
			[37, 37],
		] as const) {
			const queries = serverWith([{ items: [], meta: {} }]);
			await sendCursorPaginatedRequest.call(contextWith({ returnAll: true }), requestWith({ per_page: asked }));
			expect(queries).toStrictEqual([{ per_page: sent }]);
		}
	});

	it('drops an empty or non-text stored cursor instead of sending it', async () => {
		for (const cursor of ['', 42, null]) {
			const queries = serverWith([{ items: runs(1, 1), meta: { has_more: false } }]);
			const items = await sendCursorPaginatedRequest.call(contextWith({ returnAll: true }), requestWith({ cursor }));
			expect(queries).toStrictEqual([{ per_page: 100 }]);
			expect(items[0].json.next_cursor).toBeNull();
		}
	});

	it('asks each page for no more than Limit still needs, so the final cursor sits right after the last item returned', async () => {
		const queries = serverWith([
			{ items: runs(1, 3), meta: { next_cursor: 'c4', has_more: true } },
			{ items: runs(4, 2), meta: { next_cursor: 'c6', has_more: true } },
		]);
		const items = await sendCursorPaginatedRequest.call(contextWith({ limit: 5 }), requestWith({ per_page: 3 }));
		expect(queries).toStrictEqual([{ per_page: 3 }, { per_page: 2, cursor: 'c4' }]);
		expect(idsOf(items)).toEqual(['run-1', 'run-2', 'run-3', 'run-4', 'run-5']);
		expect(items.every((item) => item.json.next_cursor === 'c6' && item.json.has_more === true)).toBe(true);
	});

	it('cuts a page that gives more than asked down to Limit (maxResults first, then the limit parameter)', async () => {
		const queries = serverWith([{ items: runs(1, 4), meta: { next_cursor: 'c5', has_more: true } }]);
		const items = await sendCursorPaginatedRequest.call(contextWith({ limit: 50 }), requestWith({}, { maxResults: 2 }));
		expect(queries).toStrictEqual([{ per_page: 2 }]);
		expect(idsOf(items)).toEqual(['run-1', 'run-2']);
	});

	it('stops when the server says has_more but gives no cursor or no items, keeping the last cursor it had', async () => {
		let queries = serverWith([
			{ items: runs(1, 1), meta: { next_cursor: 'c2', has_more: true } },
			{ items: [], meta: { next_cursor: 'c3', has_more: true } },
		]);
		let items = await sendCursorPaginatedRequest.call(contextWith({ returnAll: true }), requestWith({}));
		expect(queries).toHaveLength(2);
		expect(items.map((item) => item.json)).toEqual([{ id: 'run-1', next_cursor: 'c3', has_more: true, server_time: null }]);

		queries = serverWith([{ items: runs(1, 1), meta: { next_cursor: '', has_more: true, server_time: 7 } }]);
		items = await sendCursorPaginatedRequest.call(contextWith({ returnAll: true }), requestWith({ cursor: 'c1' }));
		expect(queries).toHaveLength(1);
		expect(items.map((item) => item.json)).toEqual([{ id: 'run-1', next_cursor: 'c1', has_more: true, server_time: null }]);
	});

	it('stops at a cursor that is not text', async () => {
		const queries = serverWith([{ items: runs(1, 1), meta: { next_cursor: 12345, has_more: true } }]);
		const items = await sendCursorPaginatedRequest.call(contextWith({ returnAll: true }), requestWith({ cursor: 'c1' }));
		expect(queries).toHaveLength(1);
		expect(items[0].json).toEqual({ id: 'run-1', next_cursor: 'c1', has_more: true, server_time: null });
	});

	it('does not follow has_more unless it is true', async () => {
		const queries = serverWith([{ items: runs(1, 1), meta: { next_cursor: 'c2', has_more: 'yes' } }]);
		const items = await sendCursorPaginatedRequest.call(contextWith({ returnAll: true }), requestWith({}));
		expect(queries).toHaveLength(1);
		expect(items[0].json.has_more).toBe(false);
	});

	it('reads a bare array answer as the whole list, with nothing to resume from', async () => {
		const queries = serverWith([runs(1, 2)]);
		const items = await sendCursorPaginatedRequest.call(contextWith({ returnAll: true }), requestWith({}));
		expect(queries).toHaveLength(1);
		expect(items.map((item) => item.json)).toEqual(
			runs(1, 2).map((run) => ({ ...run, next_cursor: null, has_more: false, server_time: null })),
		);
	});

	it('sends the rest of the routed request as it was', async () => {
		serverWith([{ items: [], meta: {} }]);
		await sendCursorPaginatedRequest.call(contextWith({ returnAll: true }), requestWith({}));
		const sent = send.mock.calls[0][0];
		expect(sent.options).toMatchObject({ method: 'GET', url: '/workflows/w1/runs' });
		expect(sent.paginate).toBe(true);
	});
});
