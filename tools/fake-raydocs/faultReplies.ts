/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- a test-only HTTP server: these rules target node code shipped to n8n Cloud */
/** How an armed fault (faults.ts) answers a request: a drop, a malformed body, an error status, or a delay. */
import http from 'node:http';

import { send } from './responses';
import type { FaultSpec, RequestLogEntry } from './types';

/** Answers (or drops) a request with a fault other than 'delay'. */
export function applyFault(
	res: http.ServerResponse,
	entry: RequestLogEntry,
	fault: FaultSpec,
): void {
	if (fault.kind === 'drop') {
		entry.status = 0;
		res.socket?.destroy();
		res.destroy();
		return;
	}
	if (fault.kind === 'malformed') {
		send(res, entry, 200, Buffer.from('{"data": [', 'utf8'), {
			'Content-Type': 'application/json',
		});
		return;
	}
	const status = fault.status ?? 500;
	const headers: Record<string, string> = {};
	if (status === 429 && fault.retryAfterSeconds !== null) {
		headers['Retry-After'] = String(fault.retryAfterSeconds ?? 1);
	}
	let body: Buffer;
	if (entry.listener === 'storage') {
		const code = status === 429 || status === 503 ? 'SlowDown' : 'InternalError';
		body = Buffer.from(
			`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${http.STATUS_CODES[status] ?? 'Error'}</Message></Error>`,
		);
		headers['Content-Type'] = 'application/xml';
	} else {
		const message =
			status === 429
				? 'Too Many Attempts.'
				: status === 500
					? 'Server Error'
					: (http.STATUS_CODES[status] ?? 'Error');
		body = Buffer.from(JSON.stringify(fault.body ?? { message }));
		headers['Content-Type'] = 'application/json';
	}
	send(res, entry, status, body, headers);
}

/** The delays of 'delay' faults in progress, so that close() can cancel them. */
export class PendingDelays {
	private readonly pending = new Map<NodeJS.Timeout, (completed: boolean) => void>();

	/** Resolves true after `ms`, or false when cancelled first. */
	wait(ms: number): Promise<boolean> {
		return new Promise((resolve) => {
			const timer = setTimeout(
				() => {
					this.pending.delete(timer);
					resolve(true);
				},
				Math.max(0, ms),
			);
			this.pending.set(timer, resolve);
		});
	}

	cancelAll(): void {
		for (const [timer, finish] of this.pending) {
			clearTimeout(timer);
			finish(false);
		}
		this.pending.clear();
	}
}
