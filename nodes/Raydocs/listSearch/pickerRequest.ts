import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { raydocsJson, type RaydocsRequest } from '../shared/transport';

const STATUS_SUFFIX = /\s*\(HTTP \d{3}\)/;

/**
 * A list request for a picker. n8n's editor prints a picker error as "<HTTP code> - <message>",
 * so the status our messages end with would show twice ("401 - … (HTTP 401)"): it is dropped here
 * and kept everywhere else (executions show the message alone).
 */
export async function pickerRequest<T = unknown>(context: ILoadOptionsFunctions, request: RaydocsRequest): Promise<T> {
	try {
		return await raydocsJson<T>(context, request);
	} catch (error) {
		const failed = error as { message?: unknown; httpCode?: unknown };
		if (failed.httpCode && typeof failed.message === 'string') {
			failed.message = failed.message.replace(STATUS_SUFFIX, '');
		}
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the transport's own NodeApiError, message trimmed
		throw error;
	}
}
