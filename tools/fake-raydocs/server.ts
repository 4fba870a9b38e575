/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- a test-only HTTP server: these rules target node code shipped to n8n Cloud */
/**
 * A faithful fake of the Raydocs REST API for tests, benchmarks and demos: two plain `node:http`
 * listeners on 127.0.0.1 — the API, and a fake S3 bucket for pre-signed uploads and downloads —
 * sharing one in-memory model. See README.md for the behaviour it reproduces.
 *
 * Request pipeline on the API listener (mirrors Laravel's order):
 *   fault injection → rate limit → route (404/405) → token (401) → abilities (403) → handler
 *   (404 no access, 403 role, 422 validation, 2xx).
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import {
	DEFAULT_TIMING,
	DEFAULT_VARIANTS,
	FakeEngine,
	emptyState,
	parsingConfigHash,
} from './engine';
import type { TokenRecord } from './engine';
import { FaultInjector } from './faults';
import { HttpError, jsonReply } from './http';
import type { ApiReply, Query } from './http';
import { clientAddressKey, SlidingWindowRateLimiter } from './ratelimit';
import type { RateLimitConfig, RateLimitCounts } from './ratelimit';
import { Router } from './router';
import type { RouteMatch } from './router';
import { documentHandlers } from './routes-documents';
import { sessionHandlers } from './routes-sessions';
import { templateHandlers } from './routes-templates';
import { workflowHandlers } from './routes-workflows';
import { workspaceHandlers } from './routes-workspaces';
import { handleStorageRequest } from './storage';
import type {
	DocumentStatus,
	FakeState,
	FaultSpec,
	RequestLogEntry,
	Template,
	Timing,
	User,
	Variants,
	WorkflowRun,
	Workspace,
	WorkspaceDocument,
	WorkspaceRole,
} from './types';
import { isRecord, mimeForFilename, newUuid, sha256Hex } from './util';

export type {
	BatchSessionInfo,
	DocumentSourceType,
	DocumentStatus,
	ExtractionRun,
	FakeState,
	FaultKind,
	FaultSpec,
	Invite,
	Parsing,
	ParsingStatus,
	RequestLogEntry,
	RunInput,
	RunInitialStatusVariant,
	RunStatus,
	RunTimeline,
	RuntimeFile,
	SeedIds,
	Session,
	SessionStatus,
	StoredObject,
	Template,
	Timing,
	Upload,
	User,
	Variants,
	Workflow,
	WorkflowRun,
	Workspace,
	WorkspaceDocument,
	WorkspaceRole,
} from './types';
export { RAYDOCS_ENDPOINTS, RAYDOCS_ENDPOINT_ALIASES } from './endpoints';
export { DEFAULT_TIMING, DEFAULT_VARIANTS } from './engine';

export interface FakeRaydocsOptions {
	/** API listener port; default 0 (a free port). */
	port?: number;
	/** Storage (fake S3) listener port; default 0. */
	storagePort?: number;
	/** Sliding window per client IP; default { limit: 100, windowMs: 60_000 }; false disables it. */
	rateLimit?: RateLimitConfig | false;
	timing?: Partial<Timing>;
	variants?: Partial<Variants>;
	/** Default true: user Ada Admin (id 1), admin of "Demo Workspace" (id 1) with an "Invoice Extraction" template. */
	seed?: boolean;
	/** Lifetime of upload URLs; default 5 minutes. A PUT after expiry gets S3's 403 "Request has expired". */
	signedUrlTtlMs?: number;
	/** Extension: the fake's clock in ms (default Date.now). Status progression, expiry, rate limits and cursor hold-back use it. */
	clock?: () => number;
}

export interface FakeRaydocs {
	/** http://127.0.0.1:PORT, no trailing slash. */
	readonly url: string;
	/** http://127.0.0.1:PORT2 */
	readonly storageUrl: string;
	/** Token with every ability, label 'full', owned by the seeded user. */
	readonly token: string;
	/** Returns 'rd_test_<random>'. Extension: `userId` (default: the seeded user) owns the token. */
	createToken(abilities: string[] | '*', label?: string, userId?: number): string;
	revokeToken(token: string): void;
	/** API and storage requests in arrival order (the same array instance for the server's lifetime). */
	readonly log: RequestLogEntry[];
	clearLog(): void;
	fault(spec: FaultSpec): void;
	clearFaults(): void;
	setVariant<K extends keyof Variants>(key: K, value: Variants[K]): void;
	/** Also starts the processing-jitter sequence over, so that set-ups compared side by side see the same durations. */
	setTiming(t: Partial<Timing>): void;
	setRateLimit(r: RateLimitConfig | false): void;
	resetRateLimit(): void;
	/** Extension: API requests the per-IP limit let through and refused with 429 since the last (rate-limit) reset. */
	rateLimitCounts(): RateLimitCounts;
	/** The live model, with statuses materialised for `now()` on every read. Replaced by reset(). */
	readonly state: FakeState;
	seedWorkspace(name?: string): Workspace;
	seedTemplate(workspaceId: number, init?: Partial<Template>): Template;
	seedWorkspaceDocument(
		workspaceId: number,
		init?: { filename?: string; mime?: string; content?: Buffer | string; status?: string },
	): WorkspaceDocument;
	seedWorkflow(workspaceId: number): { id: string };
	seedWorkflowRun(
		workspaceId: number,
		workflowId: string,
		init?: {
			status?: 'completed' | 'failed' | 'running';
			completedAt?: Date;
			createdAt?: Date;
			debug?: boolean;
			output?: unknown;
		},
	): WorkflowRun;
	/** Extension: another user (for role and membership tests). */
	seedUser(init?: { name?: string; email?: string }): User;
	/** Extension: make `userId` a member of the workspace with `role`. */
	addMember(workspaceId: number, userId: number, role: WorkspaceRole): void;
	/** Extension: replace the clock (null = real time). */
	setClock(clock: (() => number) | null): void;
	now(): Date;
	/** Wipes state, log, faults and rate-limit counters, restores the initial variants/timing/rate limit, re-seeds. Tokens stay valid. */
	reset(): void;
	/** Closes both listeners and all sockets and cancels pending fault delays. */
	close(): Promise<void>;
}

const DEFAULT_RATE_LIMIT: RateLimitConfig = { limit: 100, windowMs: 60_000 };
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const SEED_DOCUMENT_STATUSES: Record<string, DocumentStatus> = {
	uploaded: 'uploaded',
	pending: 'uploaded',
	queued: 'queued',
	parsing: 'parsing',
	processing: 'parsing',
	parsed: 'parsed',
	processed: 'processed',
	ready: 'processed',
	failed: 'failed',
};

type ParsedBody =
	| { kind: 'empty' }
	| { kind: 'json'; value: unknown }
	| { kind: 'form'; value: Record<string, unknown> }
	| { kind: 'invalid-json' }
	| { kind: 'binary' };

function parseBody(body: Buffer, contentType: string | undefined): ParsedBody {
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

function readQuery(url: URL): Query {
	const query: Query = {};
	for (const [key, value] of url.searchParams) {
		const existing = query[key];
		if (existing === undefined) query[key] = value;
		else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return query;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
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

function listen(server: http.Server, port: number): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve((server.address() as AddressInfo).port);
		});
	});
}

interface PresentedAuth {
	present: boolean;
	record?: TokenRecord;
}

class FakeRaydocsServer implements FakeRaydocs {
	url = '';
	storageUrl = '';
	readonly token: string;
	readonly log: RequestLogEntry[] = [];

	private readonly engine: FakeEngine;
	private readonly router: Router;
	private readonly faults = new FaultInjector();
	private readonly limiter: SlidingWindowRateLimiter;
	private readonly apiServer: http.Server;
	private readonly storageServer: http.Server;
	private readonly sockets = new Set<Socket>();
	private readonly pendingDelays = new Map<NodeJS.Timeout, (completed: boolean) => void>();
	private logSeq = 0;
	private closed = false;

	constructor(private readonly options: FakeRaydocsOptions) {
		this.engine = new FakeEngine(options);
		this.limiter = new SlidingWindowRateLimiter(
			options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit,
		);
		this.router = new Router({
			...workspaceHandlers,
			...templateHandlers,
			...sessionHandlers,
			...documentHandlers,
			...workflowHandlers,
		});
		this.seed();
		this.token = this.engine.createToken('*', 'full', 1);
		this.apiServer = http.createServer((req, res) => void this.onApiRequest(req, res));
		this.storageServer = http.createServer((req, res) => void this.onStorageRequest(req, res));
		for (const server of [this.apiServer, this.storageServer]) {
			server.on('connection', (socket: Socket) => {
				this.sockets.add(socket);
				socket.on('close', () => this.sockets.delete(socket));
			});
		}
	}

	async start(): Promise<void> {
		const apiPort = await listen(this.apiServer, this.options.port ?? 0);
		const storagePort = await listen(this.storageServer, this.options.storagePort ?? 0);
		this.url = `http://127.0.0.1:${apiPort}`;
		this.storageUrl = `http://127.0.0.1:${storagePort}`;
		this.engine.storageUrl = this.storageUrl;
	}

	// ------------------------------------------------------------------ public API

	get state(): FakeState {
		this.engine.advance();
		return this.engine.state;
	}

	createToken(abilities: string[] | '*', label?: string, userId?: number): string {
		return this.engine.createToken(abilities, label, userId ?? this.engine.state.seed?.userId ?? 1);
	}

	revokeToken(token: string): void {
		this.engine.revokeToken(token);
	}

	clearLog(): void {
		this.log.length = 0;
	}

	fault(spec: FaultSpec): void {
		this.faults.add(spec);
	}

	clearFaults(): void {
		this.faults.clear();
	}

	setVariant<K extends keyof Variants>(key: K, value: Variants[K]): void {
		this.engine.variants[key] = value;
	}

	setTiming(t: Partial<Timing>): void {
		this.engine.timing = { ...this.engine.timing, ...t };
		this.engine.restartJitter();
	}

	setRateLimit(r: RateLimitConfig | false): void {
		this.limiter.configure(r);
	}

	resetRateLimit(): void {
		this.limiter.reset();
	}

	rateLimitCounts(): RateLimitCounts {
		return this.limiter.counts();
	}

	setClock(clock: (() => number) | null): void {
		this.engine.setClock(clock);
	}

	now(): Date {
		return new Date(this.engine.now());
	}

	seedUser(init: { name?: string; email?: string } = {}): User {
		const n = this.engine.state.nextIds.user;
		return this.engine.createUser(init.name ?? `User ${n}`, init.email ?? `user${n}@example.com`);
	}

	addMember(workspaceId: number, userId: number, role: WorkspaceRole): void {
		const workspace = this.engine.state.workspaces.get(workspaceId);
		if (!workspace) throw new Error(`no workspace ${workspaceId}`);
		if (!this.engine.state.users.has(userId)) throw new Error(`no user ${userId}`);
		workspace.members.set(userId, role);
	}

	seedWorkspace(name?: string): Workspace {
		return this.engine.createWorkspace(
			name ?? `Workspace ${this.engine.state.nextIds.workspace}`,
			'📊',
			this.ownerId(),
		);
	}

	seedTemplate(workspaceId: number, init: Partial<Template> = {}): Template {
		this.requireWorkspace(workspaceId);
		return this.engine.createTemplate(workspaceId, init);
	}

	seedWorkspaceDocument(
		workspaceId: number,
		init: { filename?: string; mime?: string; content?: Buffer | string; status?: string } = {},
	): WorkspaceDocument {
		this.requireWorkspace(workspaceId);
		const status = SEED_DOCUMENT_STATUSES[init.status ?? 'processed'];
		if (!status) throw new Error(`unknown document status ${String(init.status)}`);
		const filename = init.filename ?? `document-${this.engine.state.documents.size + 1}.pdf`;
		const content =
			init.content === undefined
				? Buffer.from(`%PDF-1.4\n% Fake Raydocs seeded document ${newUuid()}\n%%EOF\n`, 'latin1')
				: Buffer.isBuffer(init.content)
					? init.content
					: Buffer.from(init.content, 'utf8');
		const doc = this.engine.createDocument(workspaceId, {
			filename,
			mime: init.mime ?? mimeForFilename(filename) ?? 'application/pdf',
			content,
			at: this.engine.now(),
		});
		if (status !== 'uploaded')
			this.engine.forceDocumentStatus(doc, status, parsingConfigHash(undefined));
		return doc;
	}

	seedWorkflow(workspaceId: number): { id: string } {
		this.requireWorkspace(workspaceId);
		return this.engine.createWorkflow(workspaceId);
	}

	seedWorkflowRun(
		workspaceId: number,
		workflowId: string,
		init: {
			status?: 'completed' | 'failed' | 'running';
			completedAt?: Date;
			createdAt?: Date;
			debug?: boolean;
			output?: unknown;
		} = {},
	): WorkflowRun {
		const workflow = this.engine.state.workflows.get(workflowId);
		if (!workflow || workflow.workspaceId !== workspaceId)
			throw new Error(`no workflow ${workflowId} in workspace ${workspaceId}`);
		return this.engine.createWorkflowRun(workspaceId, workflowId, init);
	}

	reset(): void {
		this.engine.state = emptyState();
		this.engine.variants = { ...DEFAULT_VARIANTS, ...this.options.variants };
		this.engine.timing = { ...DEFAULT_TIMING, ...this.options.timing };
		this.engine.restartJitter();
		this.limiter.configure(
			this.options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : this.options.rateLimit,
		);
		this.faults.clear();
		this.clearLog();
		this.logSeq = 0;
		this.seed();
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		for (const [timer, finish] of this.pendingDelays) {
			clearTimeout(timer);
			finish(false);
		}
		this.pendingDelays.clear();
		const closing = [this.apiServer, this.storageServer].map(
			(server) =>
				new Promise<void>((resolve) =>
					server.listening ? server.close(() => resolve()) : resolve(),
				),
		);
		for (const socket of this.sockets) socket.destroy();
		this.apiServer.closeAllConnections();
		this.storageServer.closeAllConnections();
		await Promise.all(closing);
	}

	// ------------------------------------------------------------------ internals

	/** The full token's owner is always user 1 (Ada), seeded or not. */
	private seed(): void {
		const user = this.engine.createUser('Ada Admin', 'ada@example.com');
		if (this.options.seed === false) return;
		const workspace = this.engine.createWorkspace('Demo Workspace', '📊', user.id);
		const template = this.engine.createTemplate(workspace.id, { name: 'Invoice Extraction' });
		this.engine.state.seed = {
			userId: user.id,
			workspaceId: workspace.id,
			templateId: template.id,
		};
	}

	private ownerId(): number {
		return this.engine.state.seed?.userId ?? 1;
	}

	private requireWorkspace(workspaceId: number): void {
		if (!this.engine.state.workspaces.has(workspaceId))
			throw new Error(`no workspace ${workspaceId}`);
	}

	private presentedAuth(header: string | undefined): PresentedAuth {
		if (header === undefined) return { present: false };
		const match = /^Bearer\s+(.+)$/i.exec(header.trim());
		return { present: true, record: match ? this.engine.lookupToken(match[1].trim()) : undefined };
	}

	private startEntry(
		listener: 'api' | 'storage',
		req: http.IncomingMessage,
		method: string,
		pathname: string,
		query: Query,
		auth: PresentedAuth,
		body: Buffer,
		parsed: ParsedBody,
	): RequestLogEntry {
		const headers: Record<string, string | string[] | undefined> = { ...req.headers };
		// Never keep a token value: the log may be printed or persisted by tests.
		if (headers.authorization !== undefined)
			headers.authorization = `<redacted:${auth.record?.label ?? 'unknown'}>`;
		let loggedBody: unknown = null;
		if (parsed.kind === 'json' || parsed.kind === 'form') loggedBody = parsed.value;
		else if (parsed.kind !== 'empty') loggedBody = { bytes: body.length, sha256: sha256Hex(body) };
		this.logSeq += 1;
		const entry: RequestLogEntry = {
			seq: this.logSeq,
			at: this.engine.now(),
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
		this.log.push(entry);
		return entry;
	}

	private delay(ms: number): Promise<boolean> {
		return new Promise((resolve) => {
			const timer = setTimeout(
				() => {
					this.pendingDelays.delete(timer);
					resolve(true);
				},
				Math.max(0, ms),
			);
			this.pendingDelays.set(timer, resolve);
		});
	}

	/** Applies a non-delay fault; returns true when the request has been answered (or dropped). */
	private applyFault(res: http.ServerResponse, entry: RequestLogEntry, fault: FaultSpec): void {
		if (fault.kind === 'drop') {
			entry.status = 0;
			res.socket?.destroy();
			res.destroy();
			return;
		}
		if (fault.kind === 'malformed') {
			this.send(res, entry, 200, Buffer.from('{"data": [', 'utf8'), {
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
		this.send(res, entry, status, body, headers);
	}

	private send(
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

	private sendReply(
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
			this.send(res, entry, reply.status, reply.body, headers);
			return;
		}
		if (reply.json === undefined) {
			this.send(res, entry, reply.status, null, headers);
			return;
		}
		headers['Content-Type'] = 'application/json';
		this.send(res, entry, reply.status, Buffer.from(JSON.stringify(reply.json), 'utf8'), headers);
	}

	private async onApiRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		let body: Buffer;
		try {
			body = await readBody(req);
		} catch {
			res.destroy();
			return;
		}
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
		const method = (req.method ?? 'GET').toUpperCase();
		const query = readQuery(url);
		const auth = this.presentedAuth(req.headers.authorization);
		const parsed = parseBody(body, req.headers['content-type']);
		const entry = this.startEntry('api', req, method, pathname, query, auth, body, parsed);
		// Matching is side-effect free: record the endpoint even for requests a fault or the limiter stops.
		const match = this.router.match(method, pathname, this.engine.variants.routeForms);
		if (match.kind === 'ok') {
			entry.endpoint = match.route.endpoint;
			if (match.route.route !== match.route.endpoint) entry.route = match.route.route;
		}

		const fault = this.faults.take('api', method, pathname);
		if (fault) {
			entry.fault = fault.kind;
			if (fault.kind !== 'delay') {
				this.applyFault(res, entry, fault);
				return;
			}
			if (!(await this.delay(fault.delayMs ?? 0))) return;
		}

		const decision = this.limiter.hit(clientAddressKey(req.socket.remoteAddress), this.engine.now());
		const rateHeaders: Record<string, string> = decision?.headers
			? {
					'X-RateLimit-Limit': String(decision.limit),
					'X-RateLimit-Remaining': String(decision.remaining),
				}
			: {};
		if (decision && !decision.allowed) {
			entry.rateLimited = true;
			rateHeaders['Retry-After'] = String(decision.retryAfterSeconds);
			if (decision.headers) rateHeaders['X-RateLimit-Reset'] = String(decision.resetAt);
			this.sendReply(res, entry, jsonReply(429, { message: 'Too Many Attempts.' }), rateHeaders);
			return;
		}

		let reply: ApiReply;
		try {
			reply = this.dispatch(match, method, pathname, query, auth, parsed);
		} catch (error) {
			reply =
				error instanceof HttpError
					? errorReply(error)
					: jsonReply(500, {
							message: 'Server Error',
							exception: String((error as Error)?.message ?? error),
						});
		}
		this.sendReply(res, entry, reply, rateHeaders);
	}

	private dispatch(
		match: RouteMatch,
		method: string,
		pathname: string,
		query: Query,
		auth: PresentedAuth,
		parsed: ParsedBody,
	): ApiReply {
		const routeText = pathname.replace(/^\//, '');
		if (match.kind === 'not-found')
			return jsonReply(404, { message: `The route ${routeText} could not be found.` });
		if (match.kind === 'method-not-allowed') {
			return jsonReply(
				405,
				{
					message: `The ${method} method is not supported for route ${routeText}. Supported methods: ${match.allowed.join(', ')}.`,
				},
				{ Allow: match.allowed.join(', ') },
			);
		}
		const record = auth.record;
		const user = record && !record.revoked ? this.engine.state.users.get(record.userId) : undefined;
		if (!record || !user) return jsonReply(401, { message: 'Unauthenticated.' });
		const granted = record.abilities;
		const missing = match.route.abilities.filter(
			(ability) => granted !== '*' && !granted.includes(ability),
		);
		if (missing.length > 0) {
			const names = missing.map((ability) => `"${ability}"`).join(' and ');
			return jsonReply(403, {
				message: `This action is unauthorized. Your token lacks the ${names} abilit${missing.length > 1 ? 'ies' : 'y'}.`,
			});
		}
		if (parsed.kind === 'invalid-json')
			return jsonReply(400, { message: 'The request body is not valid JSON.' });
		const body =
			parsed.kind === 'json' && isRecord(parsed.value)
				? parsed.value
				: parsed.kind === 'form'
					? parsed.value
					: {};

		this.engine.advance();
		return match.route.handler({
			engine: this.engine,
			params: match.params,
			query,
			body,
			user,
			now: this.engine.now(),
		});
	}

	private async onStorageRequest(
		req: http.IncomingMessage,
		res: http.ServerResponse,
	): Promise<void> {
		let body: Buffer;
		try {
			body = await readBody(req);
		} catch {
			res.destroy();
			return;
		}
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const method = (req.method ?? 'GET').toUpperCase();
		const query = readQuery(url);
		const auth = this.presentedAuth(req.headers.authorization);
		const parsed: ParsedBody = body.length === 0 ? { kind: 'empty' } : { kind: 'binary' };
		const entry = this.startEntry('storage', req, method, url.pathname, query, auth, body, parsed);

		const fault = this.faults.take('storage', method, url.pathname);
		if (fault) {
			entry.fault = fault.kind;
			if (fault.kind !== 'delay') {
				this.applyFault(res, entry, fault);
				return;
			}
			if (!(await this.delay(fault.delayMs ?? 0))) return;
		}
		// Pre-signed URLs carry their own authorisation; a bearer token sent here would leak to S3.
		if (auth.present) this.engine.state.storageAuthLeaks += 1;
		const reply = handleStorageRequest(this.engine, {
			method,
			pathname: url.pathname,
			query,
			headers: req.headers,
			body,
		});
		this.send(res, entry, reply.status, method === 'HEAD' ? null : reply.body, reply.headers);
	}
}

function errorReply(error: HttpError): ApiReply {
	const body: Record<string, unknown> = { message: error.message };
	if (error.errors) body.errors = error.errors;
	return jsonReply(error.status, body, error.headers);
}

export async function startFakeRaydocs(options: FakeRaydocsOptions = {}): Promise<FakeRaydocs> {
	const server = new FakeRaydocsServer(options);
	try {
		await server.start();
	} catch (error) {
		await server.close();
		throw error;
	}
	return server;
}
