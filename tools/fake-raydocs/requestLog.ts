/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test-only HTTP server: these rules target node code shipped to n8n Cloud */
/** The log of API and storage requests tests read (`fake.log`), with token values redacted. */
import type http from 'node:http';

import type { ParsedRequest } from './requestParsing';
import type { RequestLogEntry } from './types';
import { sha256Hex } from './util';

export class RequestLog {
	/** The same array instance for the server's lifetime. */
	readonly entries: RequestLogEntry[] = [];
	private seq = 0;

	clear(): void {
		this.entries.length = 0;
	}

	/** Cleared, and numbering starts over at 1 (reset()). */
	restart(): void {
		this.clear();
		this.seq = 0;
	}

	/** Appends the entry of a request as it arrives; its status is filled in when it is answered. */
	start(
		listener: 'api' | 'storage',
		req: http.IncomingMessage,
		request: ParsedRequest,
		at: number,
	): RequestLogEntry {
		const { method, pathname, query, auth, body, parsed } = request;
		const headers: Record<string, string | string[] | undefined> = { ...req.headers };
		// Never keep a token value: the log may be printed or persisted by tests.
		if (headers.authorization !== undefined)
			headers.authorization = `<redacted:${auth.record?.label ?? 'unknown'}>`;
		let loggedBody: unknown = null;
		if (parsed.kind === 'json' || parsed.kind === 'form') loggedBody = parsed.value;
		else if (parsed.kind !== 'empty') loggedBody = { bytes: body.length, sha256: sha256Hex(body) };
		this.seq += 1;
		const entry: RequestLogEntry = {
			seq: this.seq,
			at,
			listener,
			method,
			path: pathname,
			query,
			headers,
			hasAuthorization: auth.present,
			body: loggedBody,
			status: 0,
		};
		if (auth.record) entry.tokenLabel = auth.record.label;
		this.entries.push(entry);
		return entry;
	}
}
