/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test-only HTTP server: these rules target node code shipped to n8n Cloud */
/** What the listeners read from an incoming request: its bytes, body, query and bearer token. */
import type http from 'node:http';

import type { Query } from './http';
import type { TokenRecord } from './tokens';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export type ParsedBody =
	| { kind: 'empty' }
	| { kind: 'json'; value: unknown }
	| { kind: 'form'; value: Record<string, unknown> }
	| { kind: 'invalid-json' }
	| { kind: 'binary' };

/** JSON (also untyped text that looks like JSON), form fields (`name[]` collects a list), or bytes. */
export function parseBody(body: Buffer, contentType: string | undefined): ParsedBody {
	if (body.length === 0) return { kind: 'empty' };
	const type = (contentType ?? '').toLowerCase();
	const text = body.toString('utf8');
	if (type.includes('json') || (type === '' && /^\s*[[{]/.test(text))) {
		try {
			return { kind: 'json', value: JSON.parse(text) as unknown };
		} catch {
			return { kind: 'invalid-json' };
		}
	}
	if (type.startsWith('application/x-www-form-urlencoded')) {
		const value: Record<string, unknown> = {};
		for (const [key, item] of new URLSearchParams(text)) {
			if (key.endsWith('[]')) {
				const name = key.slice(0, -2);
				const list = Array.isArray(value[name]) ? (value[name] as unknown[]) : [];
				list.push(item);
				value[name] = list;
			} else {
				value[key] = item;
			}
		}
		return { kind: 'form', value };
	}
	return { kind: 'binary' };
}

/** A repeated parameter becomes a list. */
export function readQuery(url: URL): Query {
	const query: Query = {};
	for (const [key, value] of url.searchParams) {
		const existing = query[key];
		if (existing === undefined) query[key] = value;
		else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return query;
}

/** The whole body; rejects (and destroys the request) past 64 MiB. */
export function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export interface PresentedAuth {
	/** An Authorization header was sent, whatever it holds. */
	present: boolean;
	/** The token it names, when it is a `Bearer` token the fake issued. */
	record?: TokenRecord;
}

export function presentedAuth(
	header: string | undefined,
	lookupToken: (token: string) => TokenRecord | undefined,
): PresentedAuth {
	if (header === undefined) return { present: false };
	const match = /^Bearer\s+(.+)$/i.exec(header.trim());
	return { present: true, record: match ? lookupToken(match[1].trim()) : undefined };
}

/** A request as read: what the log records and the handlers work from. */
export interface ParsedRequest {
	method: string;
	pathname: string;
	query: Query;
	auth: PresentedAuth;
	body: Buffer;
	parsed: ParsedBody;
}
