/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test-only HTTP server: these rules target node code shipped to n8n Cloud */
/** The storage (fake S3) listener: log, faults, the token-leak count, then storage.ts answers. */
import type http from 'node:http';

import { passArmedFault, receiveRequest } from './requestIntake';
import type { ListenerContext } from './requestIntake';
import { send } from './responses';
import { handleStorageRequest } from './storage';

export async function handleStorageListenerRequest(
	context: ListenerContext,
	req: http.IncomingMessage,
	res: http.ServerResponse,
): Promise<void> {
	const request = await receiveRequest(context, 'storage', req, res);
	if (!request) return;
	if (!(await passArmedFault(context, request, res))) return;
	const { method, pathname, query, auth, body, entry } = request;
	// Pre-signed URLs carry their own authorisation; a bearer token sent here would leak to S3.
	if (auth.present) context.engine.state.storageAuthLeaks += 1;
	const reply = handleStorageRequest(context.engine, {
		method,
		pathname,
		query,
		headers: req.headers,
		body,
	});
	send(res, entry, reply.status, method === 'HEAD' ? null : reply.body, reply.headers);
}
