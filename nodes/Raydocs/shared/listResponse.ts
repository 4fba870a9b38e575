import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

/**
 * Raydocs answers lists in two documented shapes: a bare array, or `{ data: [...], meta }` (with
 * Laravel's page numbers or the cursor mode's `next_cursor`). Everything that reads a list reads it
 * here.
 */
function wrappedList(body: unknown): { data: unknown[]; meta: IDataObject } | undefined {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	const { data, meta } = body as { data?: unknown; meta?: unknown };
	if (!Array.isArray(data)) return undefined;
	return { data, meta: typeof meta === 'object' && meta !== null ? (meta as IDataObject) : {} };
}

/** The items of a list body, whichever shape it has; [] when the body is not a list. */
export function listItemsOf<T>(body: unknown): T[] {
	if (Array.isArray(body)) return body as T[];
	return (wrappedList(body)?.data ?? []) as T[];
}

/**
 * The list in a routed answer (n8n turns a bare array into one item per entry, and an object into
 * one item) and the wrapper's `meta`, empty for a bare array.
 */
export function readListAnswer(items: INodeExecutionData[]): { items: IDataObject[]; meta: IDataObject } {
	const wrapped = items.length === 1 ? wrappedList(items[0].json) : undefined;
	if (wrapped) return { items: wrapped.data as IDataObject[], meta: wrapped.meta };
	return { items: items.map((item) => item.json), meta: {} };
}

/**
 * postReceive for non-paginated answers that hold a list: one item per entry. A single object (a
 * legacy answer) stays one item.
 */
export async function splitListResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const isList = Array.isArray(response.body) || wrappedList(response.body) !== undefined;
	return isList ? listItemsOf<IDataObject>(response.body).map((json) => ({ json })) : items;
}

function pageNumber(value: unknown): number | undefined {
	// Number(undefined) is NaN, but Number(null) is 0.
	const number = Number(value);
	return value !== null && Number.isFinite(number) ? number : undefined;
}

/**
 * The one next-page rule for Laravel-paginated lists (Get Many, the pickers): the page after `page`
 * of a list body, or undefined on its last page, without page numbers (a bare array is the whole
 * list) or on an empty page (a server that counts more pages than it has is not read forever).
 */
export function nextPageOf(body: unknown, page: number): number | undefined {
	const list = wrappedList(body);
	if (!list?.data.length) return undefined;
	const meta = list.meta;
	const currentPage = pageNumber(meta.current_page) ?? page;
	// Without a last page there is no next one.
	const lastPage = pageNumber(meta.last_page) ?? currentPage;
	return currentPage < lastPage ? currentPage + 1 : undefined;
}
