import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { requestedItemCount } from './descriptions';
import { readListAnswer } from './listResponse';
import { sendRoutedRequest } from './transport';

/** Raydocs' cursor mode accepts 1 to 100 items per page. */
export const MAX_CURSOR_PAGE_SIZE = 100;

interface CursorPage {
	items: IDataObject[];
	nextCursor?: string;
	hasMore: boolean;
	serverTime?: string;
}

function readCursorPage(pageItems: INodeExecutionData[]): CursorPage {
	// A bare array has no cursor: it is all there is.
	const { items, meta } = readListAnswer(pageItems);
	const nextCursor = meta.next_cursor;
	return {
		items,
		nextCursor: typeof nextCursor === 'string' && nextCursor ? nextCursor : undefined,
		hasMore: meta.has_more === true,
		serverTime: typeof meta.server_time === 'string' ? meta.server_time : undefined,
	};
}

/**
 * Follows `meta.next_cursor` while `meta.has_more`, keeping every other query parameter. Each page
 * asks for no more than Limit still needs, so the final cursor sits exactly after the last item
 * returned: storing it never skips an item. Every item carries that final `next_cursor`,
 * `has_more` and `server_time` so a workflow can store them for its next run.
 */
export async function sendCursorPaginatedRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const limit = requestedItemCount(this, requestData);
	const baseQuery = (requestData.options.qs ?? {}) as IDataObject;
	const pageSize = Math.min(
		MAX_CURSOR_PAGE_SIZE,
		Math.max(1, Number(baseQuery.per_page) || MAX_CURSOR_PAGE_SIZE),
	);
	const collected: IDataObject[] = [];
	let cursor = typeof baseQuery.cursor === 'string' && baseQuery.cursor ? baseQuery.cursor : undefined;
	let last: CursorPage;
	for (;;) {
		const remaining = limit - collected.length;
		const qs: IDataObject = {
			...baseQuery,
			per_page: Number.isFinite(remaining) ? Math.min(pageSize, remaining) : pageSize,
		};
		if (cursor) qs.cursor = cursor;
		else delete qs.cursor;
		const pageItems = await sendRoutedRequest.call(this, {
			...requestData,
			options: { ...requestData.options, qs },
		});
		last = readCursorPage(pageItems);
		collected.push(...last.items);
		if (!last.hasMore || !last.nextCursor || last.items.length === 0) break;
		if (collected.length >= limit) break;
		cursor = last.nextCursor;
	}
	const kept = Number.isFinite(limit) ? collected.slice(0, limit) : collected;
	const syncState: IDataObject = {
		next_cursor: last.nextCursor ?? cursor ?? null,
		has_more: last.hasMore,
		server_time: last.serverTime ?? null,
	};
	return kept.map((json) => ({ json: { ...json, ...syncState } }));
}
