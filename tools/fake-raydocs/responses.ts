/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test-only HTTP server: these rules target node code shipped to n8n Cloud */
/** Writing answers: raw bytes, a handler's ApiReply, a thrown HttpError; each records its status in the log entry. */
import type http from 'node:http';

import { jsonReply } from './http';
import type { ApiReply, HttpError } from './http';
import type { RequestLogEntry } from './types';

export function send(
	res: http.ServerResponse,
	entry: RequestLogEntry,
	status: number,
	body: Buffer | null,
	headers: Record<string, string>,
): void {
	entry.status = status;
	if (res.destroyed) return;
	const allHeaders: Record<string, string | number> = { ...headers };
	if (body) allHeaders['Content-Length'] = body.length;
	res.writeHead(status, allHeaders);
	res.end(body ?? undefined);
}

/** An API answer: Laravel's `Cache-Control`, then `extraHeaders` (rate limit), then the reply's own. */
export function sendReply(
	res: http.ServerResponse,
	entry: RequestLogEntry,
	reply: ApiReply,
	extraHeaders: Record<string, string>,
): void {
	const headers: Record<string, string> = {
		'Cache-Control': 'no-cache, private',
		...extraHeaders,
		...reply.headers,
	};
	if (reply.body) {
		headers['Content-Type'] = reply.contentType ?? 'application/octet-stream';
		send(res, entry, reply.status, reply.body, headers);
		return;
	}
	if (reply.json === undefined) {
		send(res, entry, reply.status, null, headers);
		return;
	}
	headers['Content-Type'] = 'application/json';
	send(res, entry, reply.status, Buffer.from(JSON.stringify(reply.json), 'utf8'), headers);
}

/** `{message}`, plus `errors` for a 422. */
export function errorReply(error: HttpError): ApiReply {
	const body: Record<string, unknown> = { message: error.message };
	if (error.errors) body.errors = error.errors;
	return jsonReply(error.status, body, error.headers);
}
