/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling; never shipped */
/**
 * A third-party web server for "extract from a file URL": it serves the files a test puts on it
 * and records every request with its headers, so tests can assert what reached it (and that the
 * Raydocs token never did).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';

export interface ServedFile {
	body: Buffer | string;
	/** Sent as Content-Type when given. */
	contentType?: string;
	/** Status to answer with instead of 200 (the body is then sent as is). */
	status?: number;
	/** Answer this many requests with 503 first (a flaky server). */
	failFirst?: number;
}

/** A redirect to `location` (status 302 unless `status` says otherwise). */
export interface Redirect {
	location: string;
	status?: number;
}

export type HostedFile = ServedFile | Redirect;

export interface FileHostRequest {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	/** The absolute URL when the request came as to a proxy (`GET http://host/path`). */
	proxiedUrl?: string;
}

export interface FileHost {
	url: string;
	files: Map<string, HostedFile>;
	requests: FileHostRequest[];
	close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 (a free port); unknown paths answer 404. It also answers requests sent to
 * it as an HTTP proxy (`HTTP_PROXY`), by path, so a test can serve a public-looking host name.
 */
export async function startFileHost(): Promise<FileHost> {
	const files = new Map<string, HostedFile>();
	const requests: FileHostRequest[] = [];
	const server: Server = createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://localhost').pathname;
		const proxiedUrl = /^https?:\/\//.test(request.url ?? '') ? request.url : undefined;
		requests.push({ method: request.method ?? 'GET', path, headers: request.headers, ...(proxiedUrl ? { proxiedUrl } : {}) });
		request.resume();
		const file = files.get(path);
		if (!file) {
			response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
			return;
		}
		if ('location' in file) {
			response.writeHead(file.status ?? 302, { Location: file.location, 'Content-Type': 'text/plain' }).end('moved');
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

/**
 * Sends n8n's plain-http requests to other hosts through `proxyUrl` (n8n's HTTP helper reads the
 * standard proxy variables on each request); hosts in `direct` are reached directly. Returns the
 * function that puts the variables back.
 */
export function routeThroughProxy(proxyUrl: string, direct: string[]): () => void {
	const names = ['HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];
	const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
	process.env.HTTP_PROXY = process.env.http_proxy = proxyUrl;
	process.env.NO_PROXY = process.env.no_proxy = direct.join(',');
	return () => {
		for (const name of names) {
			if (saved[name] === undefined) delete process.env[name];
			else process.env[name] = saved[name];
		}
	};
}
