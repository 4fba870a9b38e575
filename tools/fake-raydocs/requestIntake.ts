/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test-only HTTP server: these rules target node code shipped to n8n Cloud */
/**
 * The first steps both listeners take with a request: read it, log it, and let an armed fault
 * answer or delay it before anything else happens.
 */
import type http from 'node:http';

import type { FakeEngine } from './engine';
import { applyFault, type PendingDelays } from './faultReplies';
import type { FaultInjector } from './faults';
import type { RequestLog } from './requestLog';
import { parseBody, presentedAuth, readBody, readQuery } from './requestParsing';
import type { ParsedBody, ParsedRequest } from './requestParsing';
import type { RequestLogEntry } from './types';

/** What the API and storage listeners share. */
export interface ListenerContext {
	engine: FakeEngine;
	faults: FaultInjector;
	delays: PendingDelays;
	log: RequestLog;
}

export interface ReceivedRequest extends ParsedRequest {
	entry: RequestLogEntry;
}

/**
 * Reads and logs a request; undefined when its body could not be read (the request is destroyed).
 * The API drops a trailing slash from the path and parses the body; storage keeps both as sent.
 */
export async function receiveRequest(
	context: ListenerContext,
	listener: 'api' | 'storage',
	req: http.IncomingMessage,
	res: http.ServerResponse,
): Promise<ReceivedRequest | undefined> {
	let body: Buffer;
	try {
		body = await readBody(req);
	} catch {
		res.destroy();
		return undefined;
	}
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	const pathname =
		listener === 'api' && url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
	const method = (req.method ?? 'GET').toUpperCase();
	const query = readQuery(url);
	const auth = presentedAuth(req.headers.authorization, (token) =>
		context.engine.lookupToken(token),
	);
	const parsed: ParsedBody =
		listener === 'api'
			? parseBody(body, req.headers['content-type'])
			: body.length === 0
				? { kind: 'empty' }
				: { kind: 'binary' };
	const request: ParsedRequest = { method, pathname, query, auth, body, parsed };
	const entry = context.log.start(listener, req, request, context.engine.now());
	return { ...request, entry };
}

/** Applies the first armed fault matching the request; false when the request needs no further answer. */
export async function passArmedFault(
	context: ListenerContext,
	request: ReceivedRequest,
	res: http.ServerResponse,
): Promise<boolean> {
	const fault = context.faults.take(request.entry.listener, request.method, request.pathname);
	if (!fault) return true;
	request.entry.fault = fault.kind;
	if (fault.kind !== 'delay') {
		applyFault(res, request.entry, fault);
		return false;
	}
	return await context.delays.wait(fault.delayMs ?? 0);
}
