/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test-only HTTP server: these rules target node code shipped to n8n Cloud */
/** The fake's HTTP listeners on 127.0.0.1: binding, and closing with every open socket. */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export class Listeners {
	private readonly servers: http.Server[] = [];
	private readonly sockets = new Set<Socket>();

	/** A listener whose sockets are tracked, so that close() need not wait for keep-alive clients. */
	create(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): http.Server {
		const server = http.createServer(handler);
		server.on('connection', (socket: Socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		this.servers.push(server);
		return server;
	}

	/** Binds 127.0.0.1:`port` (0: a free port); resolves the bound port. */
	listen(server: http.Server, port: number): Promise<number> {
		return new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => {
				server.off('error', reject);
				resolve((server.address() as AddressInfo).port);
			});
		});
	}

	async closeAll(): Promise<void> {
		const closing = this.servers.map(
			(server) =>
				new Promise<void>((resolve) =>
					server.listening ? server.close(() => resolve()) : resolve(),
				),
		);
		for (const socket of this.sockets) socket.destroy();
		for (const server of this.servers) server.closeAllConnections();
		await Promise.all(closing);
	}
}
