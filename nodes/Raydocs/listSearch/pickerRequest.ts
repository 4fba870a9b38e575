import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { raydocsJson, type RaydocsRequest } from '../shared/transport';

const STATUS_SUFFIX = /\s*\(HTTP \d{3}\)/;

/**
 * A list request for a picker. n8n's editor prints a picker error as "<HTTP code> - <message>",
 * so the status our messages end with would show twice ("401 - … (HTTP 401)"): it is dropped here
 * and kept everywhere else (executions show the message alone).
 */
export async function pickerRequest<T = unknown>(context: ILoadOptionsFunctions, request: RaydocsRequest): Promise<T> {
	const outcome = await raydocsJson<T>(context, request).then(
		(body) => ({ body }),
		(error: unknown) => ({ error }),
	);
	if ('body' in outcome) return outcome.body;
	// The transport's own NodeApiError (its message is always a string), with the message trimmed.
	const failed = outcome.error as { message: string; httpCode?: string | null };
	if (failed.httpCode) failed.message = failed.message.replace(STATUS_SUFFIX, '');
	throw outcome.error;
}

/**
 * The workspace chosen in the node, or undefined while there is none: the picker then says to
 * choose one (see emptyListSaying) instead of failing.
 */
export function chosenWorkspaceId(context: ILoadOptionsFunctions): string | undefined {
	const value = context.getCurrentNodeParameter('workspaceId', { extractValue: true });
	const text = String(value ?? '').trim();
	return /^\d+$/.test(text) ? text : undefined;
}

/** The page a picker call reads first: the token n8n hands back, or page 1. */
export function pageFromToken(paginationToken: string | undefined): number {
	return Math.max(1, Number(paginationToken) || 1);
}

/**
 * A list that says why it is empty. n8n's picker shows only "No results" for an empty list and
 * keeps a field's description in a tooltip, so the reason is the list's one entry. Its value is
 * empty: choosing it chooses nothing, and the field stays unfilled.
 */
export function emptyListSaying(reason: string): INodeListSearchResult {
	return { results: [{ name: reason, value: '' }] };
}
