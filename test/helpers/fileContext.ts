/**
 * A hand-made n8n context for the direct tests of the file hooks (shared/upload, download,
 * binaryInput, binaryResponse, urlInput, documentSearch): no engine, no sockets. Raydocs answers
 * (`helpers.httpRequestWithAuthentication`, which the transport calls with ignoreHttpStatusErrors)
 * and other hosts' answers (`helpers.httpRequest`, which throws on an error status as n8n's does,
 * and on a redirect when told not to follow it)
 * come from scripts the test writes, and every request is recorded as sent.
 */
import type { IBinaryData, IExecuteFunctions, IExecuteSingleFunctions, INode } from 'n8n-workflow';

import { resetRequestWindows } from '../../nodes/Raydocs/shared/rateLimiter';

export const RAYDOCS_URL = 'https://api.raydocs.test/api';
export const RAYDOCS_TOKEN = 'rd-secret-token';

export interface SentRequest {
	method: string;
	url: string;
	qs?: Record<string, unknown>;
	body?: unknown;
	headers: Record<string, unknown>;
	/** The options as the code passed them (redirects, encoding, ...). */
	options: Record<string, unknown>;
	/** Whether it went through the Raydocs credential. */
	authenticated: boolean;
}

export interface Answer {
	statusCode?: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

/** A script answers one request: an answer, or an error to throw (a dropped connection...). */
export type Script = (request: SentRequest, index: number) => Answer | Error;

/** The error n8n's httpRequest throws for an error status (axios keeps the response). */
export function httpStatusError(status: number, body: unknown = '', headers: Record<string, unknown> = {}): Error {
	return Object.assign(new Error(`Request failed with status code ${status}`), {
		response: { status, headers, data: body },
	});
}

/** A connection that failed without an answer. */
export function networkError(code = 'ECONNRESET'): Error {
	return Object.assign(new Error(`connect ${code}`), { code });
}

export interface FileContextOptions {
	parameters?: Record<string, unknown>;
	/** Answers of the Raydocs API (default: 200 with `{}`). */
	raydocs?: Script;
	/** Answers of other hosts (storage, file URLs) (default: 200 with an empty body). */
	web?: Script;
	/** Files n8n keeps by id (filesystem/S3 binary mode), as getBinaryMetadata/getBinaryStream see them (fileSize: the stored metadata). */
	storedFiles?: Record<string, { content: Buffer; fileSize?: number }>;
	/** An item's files as getBinaryDataBuffer reads them, by binary property name. */
	itemFiles?: Record<string, Buffer>;
	itemIndex?: number;
}

export interface PreparedBinary {
	content: Buffer;
	fileName?: string;
	mimeType?: string;
}

export interface FileContext {
	context: IExecuteFunctions & IExecuteSingleFunctions;
	sent: SentRequest[];
	/** What prepareBinaryData was given. */
	prepared: PreparedBinary[];
	/** Streams handed out by getBinaryStream, by binary id. */
	streamed: string[];
}

export const testNode: INode = {
	id: 'node-1',
	name: 'Raydocs',
	type: 'n8n-nodes-raydocs.raydocs',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A binary as n8n's prepareBinaryData would describe it: the type it was given, else a generic one. */
function preparedBinary(content: Buffer, fileName?: string, mimeType?: string): IBinaryData {
	return {
		data: content.toString('base64'),
		mimeType: mimeType ?? 'application/octet-stream',
		fileName,
		fileSize: `${content.length} B`,
		bytes: content.length,
	};
}

function parameterAt(parameters: Record<string, unknown>, name: string): unknown {
	return name.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], parameters);
}

export function fileContext(options: FileContextOptions = {}): FileContext {
	// Every context starts with a fresh rate-limit window: tests never wait for a slot.
	resetRequestWindows();
	const sent: SentRequest[] = [];
	const prepared: PreparedBinary[] = [];
	const streamed: string[] = [];
	const parameters = options.parameters ?? {};
	const answer = (script: Script | undefined, request: SentRequest, fallback: Answer): Answer => {
		const index = sent.filter((earlier) => earlier.authenticated === request.authenticated).length;
		sent.push(request);
		const result = script ? script(request, index) : fallback;
		if (result instanceof Error) throw result;
		return result;
	};
	const record = (raw: Record<string, unknown>, authenticated: boolean): SentRequest => ({
		method: String(raw.method ?? 'GET'),
		url: `${String(raw.baseURL ?? '')}${String(raw.url)}`,
		qs: raw.qs as Record<string, unknown> | undefined,
		body: raw.body,
		headers: { ...(raw.headers as Record<string, unknown> | undefined) },
		options: raw,
		authenticated,
	});
	const helpers = {
		async httpRequestWithAuthentication(_credential: string, raw: Record<string, unknown>) {
			const request = record(raw, true);
			request.headers.Authorization = `Bearer ${RAYDOCS_TOKEN}`;
			const result = answer(options.raydocs, request, { body: {} });
			return { statusCode: result.statusCode ?? 200, headers: result.headers ?? {}, body: result.body };
		},
		async httpRequest(raw: Record<string, unknown>) {
			const result = answer(options.web, record(raw, false), { body: Buffer.alloc(0) });
			const statusCode = result.statusCode ?? 200;
			// Redirects off, n8n (axios) rejects a 3xx answer too.
			const rejected = statusCode >= 400 || (statusCode >= 300 && raw.disableFollowRedirect === true);
			if (rejected) throw httpStatusError(statusCode, result.body, result.headers);
			return { statusCode, headers: result.headers, body: result.body };
		},
		async prepareBinaryData(content: Buffer, fileName?: string, mimeType?: string) {
			prepared.push({ content, fileName, mimeType });
			return preparedBinary(content, fileName, mimeType);
		},
		async getBinaryMetadata(id: string) {
			const stored = options.storedFiles?.[id];
			if (!stored) throw new Error(`no stored file "${id}"`);
			return { fileSize: stored.fileSize };
		},
		async getBinaryStream(id: string) {
			streamed.push(id);
			return options.storedFiles![id].content;
		},
		async getBinaryDataBuffer(_itemIndex: number, propertyName: string) {
			const content = options.itemFiles?.[propertyName];
			if (!content) throw new Error(`no file in "${propertyName}"`);
			return content;
		},
	};
	const context = {
		helpers,
		getNode: () => testNode,
		getItemIndex: () => options.itemIndex ?? 0,
		getCredentials: async () => ({
			baseUrl: RAYDOCS_URL,
			accessToken: RAYDOCS_TOKEN,
			rateLimitRequests: 1000,
			rateLimitWindowSeconds: 60,
		}),
		// Both signatures: (name, itemIndex, fallback, options) for execute, (name, fallback) for single items.
		// A resource locator ({ __rl, value }) gives its value only when asked to (extractValue).
		getNodeParameter: (name: string, ...rest: unknown[]) => {
			const [fallback, options] = typeof rest[0] === 'number' ? [rest[1], rest[2]] : [rest[0], rest[1]];
			const value = parameterAt(parameters, name);
			if (value === undefined) return fallback;
			const locator = value as { __rl?: boolean; value?: unknown };
			return locator?.__rl && (options as { extractValue?: boolean } | undefined)?.extractValue ? locator.value : value;
		},
	} as unknown as IExecuteFunctions & IExecuteSingleFunctions;
	return { context, sent, prepared, streamed };
}

/** The parts of a NodeOperationError/NodeApiError a user sees. */
export function errorParts(error: unknown): { message: string; description?: string; itemIndex?: number; httpCode?: string } {
	const shaped = error as { message: string; description?: string; context?: { itemIndex?: number }; httpCode?: string | null };
	return {
		message: shaped.message,
		description: shaped.description ?? undefined,
		itemIndex: shaped.context?.itemIndex,
		httpCode: shaped.httpCode ?? undefined,
	};
}

/** Runs a call that must fail and returns its error. */
export async function failureOf(call: () => Promise<unknown> | unknown): Promise<unknown> {
	try {
		await call();
	} catch (error) {
		return error;
	}
	throw new Error('expected the call to fail');
}
