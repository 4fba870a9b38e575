/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test tooling; never shipped */
/**
 * A third-party web server for "extract from a file URL": it serves the files a test puts on it
 * and records every request with its headers, so tests can assert what reached it (and that the
 * Raydocs token never did).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';

export interface HostedFile {
	body: Buffer | string;
	/** Sent as Content-Type when given. */
	contentType?: string;
	/** Status to answer with instead of 200 (the body is then sent as is). */
	status?: number;
	/** Answer this many requests with 503 first (a flaky server). */
	failFirst?: number;
}

export interface FileHostRequest {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
}

export interface FileHost {
	url: string;
	files: Map<string, HostedFile>;
	requests: FileHostRequest[];
	close(): Promise<void>;
}

/** Listens on 127.0.0.1 (a free port); unknown paths answer 404. */
export async function startFileHost(): Promise<FileHost> {
	const files = new Map<string, HostedFile>();
	const requests: FileHostRequest[] = [];
	const server: Server = createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://localhost').pathname;
		requests.push({ method: request.method ?? 'GET', path, headers: request.headers });
		request.resume();
		const file = files.get(path);
		if (!file) {
			response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
			return;
		}
		if (file.failFirst) {
			file.failFirst -= 1;
			response.writeHead(503, { 'Content-Type': 'text/plain' }).end('try again');
			return;
		}
		const body = Buffer.isBuffer(file.body) ? file.body : Buffer.from(file.body);
		response
			.writeHead(file.status ?? 200, {
				'Content-Length': body.length,
				...(file.contentType ? { 'Content-Type': file.contentType } : {}),
			})
			.end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		files,
		requests,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
