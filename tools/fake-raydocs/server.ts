/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- a test-only HTTP server: these rules target node code shipped to n8n Cloud */
/**
 * A faithful fake of the Raydocs REST API for tests, benchmarks and demos: two plain `node:http`
 * listeners on 127.0.0.1 — the API (apiPipeline.ts), and a fake S3 bucket for pre-signed uploads
 * and downloads (storageServer.ts) — sharing one in-memory model (engine.ts). See README.md for the
 * behaviour it reproduces. This module is the fake's public face: its options, its control API,
 * and starting and stopping it.
 */
import type http from 'node:http';

import { API_HANDLERS } from './apiHandlers';
import { handleApiRequest } from './apiPipeline';
import type { ApiContext } from './apiPipeline';
import { DEFAULT_RATE_LIMIT, DEFAULT_TIMING, DEFAULT_VARIANTS } from './defaults';
import { FakeEngine, type WorkflowRunInit } from './engine';
import { PendingDelays } from './faultReplies';
import { FaultInjector } from './faults';
import { Listeners } from './listeners';
import { SlidingWindowRateLimiter } from './ratelimit';
import type { RateLimitConfig, RateLimitCounts } from './ratelimit';
import { RequestLog } from './requestLog';
import { Router } from './router';
import {
	addMember,
	seedDefaults,
	seedOwnerId,
	seedTemplate,
	seedUser,
	seedWorkflow,
	seedWorkflowRun,
	seedWorkspace,
	seedWorkspaceDocument,
	type SeedDocumentInit,
} from './seeding';
import { emptyState } from './state';
import { handleStorageListenerRequest } from './storageServer';
import type {
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

// Every type of the model, for the scripts, benches and tests that use the fake.
export type * from './types';
export { RAYDOCS_ENDPOINTS, RAYDOCS_ENDPOINT_ALIASES } from './endpoints';
export { DEFAULT_RATE_LIMIT, DEFAULT_TIMING, DEFAULT_VARIANTS } from './defaults';

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
	seedWorkspaceDocument(workspaceId: number, init?: SeedDocumentInit): WorkspaceDocument;
	seedWorkflow(workspaceId: number): { id: string };
	seedWorkflowRun(workspaceId: number, workflowId: string, init?: WorkflowRunInit): WorkflowRun;
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

class FakeRaydocsServer implements FakeRaydocs {
	url = '';
	storageUrl = '';
	readonly token: string;

	private readonly engine: FakeEngine;
	private readonly faults = new FaultInjector();
	private readonly delays = new PendingDelays();
	private readonly requestLog = new RequestLog();
	private readonly limiter: SlidingWindowRateLimiter;
	private readonly listeners = new Listeners();
	private readonly apiServer: http.Server;
	private readonly storageServer: http.Server;
	private closed = false;

	constructor(private readonly options: FakeRaydocsOptions) {
		this.engine = new FakeEngine(options);
		this.limiter = new SlidingWindowRateLimiter(initialRateLimit(options));
		const context: ApiContext = {
			engine: this.engine,
			faults: this.faults,
			delays: this.delays,
			log: this.requestLog,
			limiter: this.limiter,
			router: new Router(API_HANDLERS),
		};
		seedDefaults(this.engine, options.seed);
		this.token = this.engine.createToken('*', 'full', 1);
		this.apiServer = this.listeners.create((req, res) => void handleApiRequest(context, req, res));
		this.storageServer = this.listeners.create(
			(req, res) => void handleStorageListenerRequest(context, req, res),
		);
	}

	async start(): Promise<void> {
		const apiPort = await this.listeners.listen(this.apiServer, this.options.port ?? 0);
		const storagePort = await this.listeners.listen(
			this.storageServer,
			this.options.storagePort ?? 0,
		);
		this.url = `http://127.0.0.1:${apiPort}`;
		this.storageUrl = `http://127.0.0.1:${storagePort}`;
		this.engine.storageUrl = this.storageUrl;
	}

	get log(): RequestLogEntry[] {
		return this.requestLog.entries;
	}

	get state(): FakeState {
		this.engine.advance();
		return this.engine.state;
	}

	createToken(abilities: string[] | '*', label?: string, userId?: number): string {
		return this.engine.createToken(abilities, label, userId ?? seedOwnerId(this.engine));
	}

	revokeToken(token: string): void {
		this.engine.revokeToken(token);
	}

	clearLog(): void {
		this.requestLog.clear();
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

	seedUser(init?: { name?: string; email?: string }): User {
		return seedUser(this.engine, init);
	}

	addMember(workspaceId: number, userId: number, role: WorkspaceRole): void {
		addMember(this.engine, workspaceId, userId, role);
	}

	seedWorkspace(name?: string): Workspace {
		return seedWorkspace(this.engine, name);
	}

	seedTemplate(workspaceId: number, init?: Partial<Template>): Template {
		return seedTemplate(this.engine, workspaceId, init);
	}

	seedWorkspaceDocument(workspaceId: number, init?: SeedDocumentInit): WorkspaceDocument {
		return seedWorkspaceDocument(this.engine, workspaceId, init);
	}

	seedWorkflow(workspaceId: number): { id: string } {
		return seedWorkflow(this.engine, workspaceId);
	}

	seedWorkflowRun(workspaceId: number, workflowId: string, init?: WorkflowRunInit): WorkflowRun {
		return seedWorkflowRun(this.engine, workspaceId, workflowId, init);
	}

	reset(): void {
		this.engine.state = emptyState();
		this.engine.variants = { ...DEFAULT_VARIANTS, ...this.options.variants };
		this.engine.timing = { ...DEFAULT_TIMING, ...this.options.timing };
		this.engine.restartJitter();
		this.limiter.configure(initialRateLimit(this.options));
		this.faults.clear();
		this.requestLog.restart();
		seedDefaults(this.engine, this.options.seed);
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		this.delays.cancelAll();
		await this.listeners.closeAll();
	}
}

/** The rate limit the options ask for; Raydocs' own when they name none. */
function initialRateLimit(options: FakeRaydocsOptions): RateLimitConfig | false {
	return options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
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
