import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { listItemsOf } from './utils';

/**
 * postReceive for non-paginated answers that hold a list (`{ data: [...] }` or a bare array): one
 * item per entry. A single object (a legacy answer) stays one item.
 */
export async function splitListResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as { data?: unknown } | unknown[] | null;
	const isList = Array.isArray(body) || (typeof body === 'object' && body !== null && Array.isArray(body.data));
	return isList ? listItemsOf<INodeExecutionData['json']>(body).map((json) => ({ json })) : items;
}
