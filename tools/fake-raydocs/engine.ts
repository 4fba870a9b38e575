/**
 * The fake's in-memory model: entities, tokens, signed storage URLs and the clock-driven status
 * progression. Nothing here does I/O; the HTTP listeners (apiPipeline.ts, storageServer.ts) call
 * into it.
 *
 * Status progression is derived from timestamps fixed when an action happens (parse requested,
 * run triggered) and the timing in force at that moment. `advance()` — called before every request
 * is handled and whenever `state` is read — materialises the statuses for "now" (statusTimeline.ts),
 * so the same clock reading always gives the same state and no background timer is needed.
 */
import { randomBytes } from 'node:crypto';

import { DEFAULT_TIMING, DEFAULT_VARIANTS } from './defaults';
import { countPages, extract, extractionFails, invoiceSchema, parsingFails } from './extraction';
import { parsingConfigHash, runConfigHash } from './fingerprints';
import { ProcessingJitter } from './processingJitter';
import { SignedUrlStore } from './signedUrls';
import type { SignedUrlRecord, StorageResource } from './signedUrls';
import { emptyState } from './state';
import {
	documentStatusAt,
	lastTransition,
	parsingStatusAt,
	runStatusAt,
	runStatusSince,
	sessionStatusFor,
} from './statusTimeline';
import { TokenStore } from './tokens';
import type { TokenRecord } from './tokens';
import type {
	DocumentSourceType,
	ExtractionRun,
	FakeState,
	Invite,
	Parsing,
	RunInput,
	Session,
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
import { describeUpload } from './uploads';
import { deepClone, newUuid, sha256Hex } from './util';
import { buildZip } from './xlsx';

/** The parser version the fake's parsings report. */
export const PARSER_VERSION = 'v1';
const INVITE_VALIDITY_MS = 7 * 24 * 3600 * 1000;

export interface DocumentInit {
	filename: string;
	mime: string;
	content: Buffer;
	sourceType?: DocumentSourceType;
	sourceUrl?: string | null;
	at: number;
}

export interface WorkflowRunInit {
	status?: 'completed' | 'failed' | 'running';
	completedAt?: Date;
	createdAt?: Date;
	debug?: boolean;
	output?: unknown;
}

export class FakeEngine {
	state: FakeState = emptyState();
	variants: Variants;
	timing: Timing;
	signedUrlTtlMs: number;
	/** Set by the server once the storage listener is bound. */
	storageUrl = '';

	private clock: (() => number) | null;
	private readonly tokens = new TokenStore();
	private readonly signedUrls = new SignedUrlStore();
	private readonly jitter = new ProcessingJitter();

	constructor(options: {
		timing?: Partial<Timing>;
		variants?: Partial<Variants>;
		signedUrlTtlMs?: number;
		clock?: () => number;
	}) {
		this.timing = { ...DEFAULT_TIMING, ...options.timing };
		this.variants = { ...DEFAULT_VARIANTS, ...options.variants };
		this.signedUrlTtlMs = options.signedUrlTtlMs ?? 5 * 60 * 1000;
		this.clock = options.clock ?? null;
	}

	now(): number {
		return this.clock ? this.clock() : Date.now();
	}

	/** The processing-jitter sequence starts over (reset(), setTiming()). */
	restartJitter(): void {
		this.jitter.restart();
	}

	setClock(clock: (() => number) | null): void {
		this.clock = clock;
	}

	nextSeq(): number {
		this.state.seq += 1;
		return this.state.seq;
	}

	// ---------------------------------------------------------------- tokens

	createToken(abilities: string[] | '*', label: string | undefined, userId: number): string {
		return this.tokens.create(abilities, label, userId);
	}

	revokeToken(token: string): void {
		this.tokens.revoke(token);
	}

	lookupToken(token: string): TokenRecord | undefined {
		return this.tokens.lookup(token);
	}

	// ---------------------------------------------------------------- signed storage URLs

	signStorageUrl(
		method: 'GET' | 'PUT',
		encodedPath: string,
		ttlMs: number,
		resource: StorageResource,
	): { url: string; expiresAt: number } {
		return this.signedUrls.sign(this.storageUrl, this.now(), method, encodedPath, ttlMs, resource);
	}

	findSignedUrl(signature: string): SignedUrlRecord | undefined {
		return this.signedUrls.find(signature);
	}

	// ---------------------------------------------------------------- users & workspaces

	createUser(name: string, email: string): User {
		const user: User = { id: this.state.nextIds.user++, name, email, createdAt: this.now() };
		this.state.users.add(user);
		return user;
	}

	findUserByEmail(email: string): User | undefined {
		const wanted = email.toLowerCase();
		for (const user of this.state.users.values())
			if (user.email.toLowerCase() === wanted) return user;
		return undefined;
	}

	createWorkspace(name: string, icon: string, ownerId: number): Workspace {
		const at = this.now();
		const workspace: Workspace = {
			id: this.state.nextIds.workspace++,
			name,
			icon,
			settings: {},
			members: new Map<number, WorkspaceRole>([[ownerId, 'admin']]),
			createdAt: at,
			updatedAt: at,
		};
		this.state.workspaces.add(workspace);
		return workspace;
	}

	createInvite(workspaceId: number, email: string, role: WorkspaceRole): Invite {
		const at = this.now();
		const invite: Invite = {
			id: this.state.nextIds.invite++,
			workspaceId,
			email,
			role,
			linkToken: randomBytes(9).toString('base64url'),
			accepted: false,
			sentCount: 1,
			createdAt: at,
			validUntil: at + INVITE_VALIDITY_MS,
		};
		this.state.invites.add(invite);
		return invite;
	}

	renewInvite(inviteId: number): void {
		const invite = this.state.invites.get(inviteId);
		if (!invite) return;
		invite.sentCount += 1;
		invite.validUntil = this.now() + INVITE_VALIDITY_MS;
	}

	deleteWorkspace(workspaceId: number): void {
		for (const template of [...this.state.templates.values()])
			if (template.workspaceId === workspaceId) this.deleteTemplate(template.id);
		for (const doc of [...this.state.documents.values()])
			if (doc.workspaceId === workspaceId) this.deleteDocument(doc.id);
		for (const invite of [...this.state.invites.values()])
			if (invite.workspaceId === workspaceId) this.state.invites.delete(invite.id);
		for (const run of [...this.state.workflowRuns.values()])
			if (run.workspaceId === workspaceId) this.state.workflowRuns.delete(run.id);
		for (const workflow of [...this.state.workflows.values()])
			if (workflow.workspaceId === workspaceId) this.state.workflows.delete(workflow.id);
		this.state.workspaces.delete(workspaceId);
	}

	// ---------------------------------------------------------------- templates

	createTemplate(workspaceId: number, init: Partial<Template> = {}): Template {
		const at = this.now();
		const template: Template = {
			id: init.id ?? newUuid(),
			workspaceId,
			name: init.name ?? 'Invoice Extraction',
			description:
				init.description === undefined ? 'Extract key fields from invoices' : init.description,
			schemaJson: init.schemaJson ? deepClone(init.schemaJson) : invoiceSchema(),
			settings: init.settings
				? deepClone(init.settings)
				: { parsing: { contextual_embedding: false } },
			createdAt: init.createdAt ?? at,
			updatedAt: init.updatedAt ?? at,
		};
		this.state.templates.add(template);
		return template;
	}

	deleteTemplate(templateId: string): void {
		for (const session of [...this.state.sessions.values()])
			if (session.templateId === templateId) this.deleteSession(session.id);
		this.state.templates.delete(templateId);
	}

	// ---------------------------------------------------------------- sessions

	createSession(template: Template, name: string, settings: Record<string, unknown>): Session {
		const at = this.now();
		const session: Session = {
			id: newUuid(),
			templateId: template.id,
			workspaceId: template.workspaceId,
			name,
			settings,
			documentIds: [],
			status: 'pending',
			createdAt: at,
			updatedAt: at,
			seq: this.nextSeq(),
		};
		this.state.sessions.add(session);
		return session;
	}

	deleteSession(sessionId: string): void {
		for (const run of [...this.state.runs.values()])
			if (run.sessionId === sessionId) this.state.runs.delete(run.id);
		this.state.sessions.delete(sessionId);
	}

	attachDocument(session: Session, documentId: string): void {
		if (!session.documentIds.includes(documentId)) session.documentIds.push(documentId);
	}

	runsOfSession(sessionId: string): ExtractionRun[] {
		return [...this.state.runs.values()]
			.filter((run) => run.sessionId === sessionId)
			.sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq);
	}

	// ---------------------------------------------------------------- documents

	createDocument(workspaceId: number, init: DocumentInit): WorkspaceDocument {
		const doc: WorkspaceDocument = {
			id: newUuid(),
			workspaceId,
			filename: init.filename,
			mime: init.mime,
			size: init.content.length,
			sha256: sha256Hex(init.content),
			content: init.content,
			sourceType: init.sourceType ?? 'upload',
			sourceUrl: init.sourceUrl ?? null,
			parsings: [],
			status: 'uploaded',
			pageCount: countPages(init.content),
			createdAt: init.at,
			updatedAt: init.at,
			seq: this.nextSeq(),
		};
		this.state.documents.add(doc);
		return doc;
	}

	findDocumentBySha(workspaceId: number, sha256: string): WorkspaceDocument | undefined {
		for (const doc of this.state.documents.values())
			if (doc.workspaceId === workspaceId && doc.sha256 === sha256) return doc;
		return undefined;
	}

	/**
	 * Turns uploaded bytes into a workspace document, or reuses the document with the same sha256
	 * in that workspace. The filename comes from (in order) the explicit value, the PUT's
	 * `x-amz-meta-filename` / Content-Disposition, else `<upload uuid>.<extension of the content type>`.
	 */
	importUpload(
		workspaceId: number,
		upload: Upload,
		overrides: { filename?: string; mime?: string } = {},
	): { doc: WorkspaceDocument; reused: boolean } {
		const object = upload.object;
		if (!object) throw new Error(`upload ${upload.key} has no bytes`);
		const existing = this.findDocumentBySha(workspaceId, object.sha256);
		if (existing) return { doc: existing, reused: true };
		const { filename, mime } = describeUpload(upload, overrides);
		const doc = this.createDocument(workspaceId, {
			filename,
			mime,
			content: object.bytes,
			at: this.now(),
		});
		return { doc, reused: false };
	}

	deleteDocument(documentId: string): void {
		for (const session of this.state.sessions.values())
			session.documentIds = session.documentIds.filter((id) => id !== documentId);
		this.state.documents.delete(documentId);
	}

	requestParsing(
		doc: WorkspaceDocument,
		configHash: string,
		parserVersion: string,
		at: number,
		timing: Timing,
	): Parsing {
		const parseMs = Math.max(0, timing.parseMs);
		const parsing: Parsing = {
			id: newUuid(),
			configHash,
			parserVersion,
			requestedAt: at,
			startedAt: at + Math.floor(parseMs / 4),
			readyAt: at + parseMs,
			processedAt: at + parseMs + Math.floor(parseMs / 2),
			fails: parsingFails(doc.content),
			status: 'queued',
		};
		parsing.status = parsingStatusAt(parsing, this.now());
		doc.parsings.push(parsing);
		doc.updatedAt = Math.max(doc.updatedAt, Math.min(at, this.now()));
		doc.status = documentStatusAt(doc, this.now());
		return parsing;
	}

	/**
	 * When a document will be usable by a run triggered at `at`: now if a parsing is ready,
	 * else when the parsing in progress ends; a document never parsed gets a parsing requested now
	 * (gen C: "parsing happens when an extraction run needs it").
	 */
	documentSettlement(
		doc: WorkspaceDocument,
		at: number,
		timing: Timing,
		configHash: string,
	): { settledAt: number; fails: boolean } {
		if (doc.parsings.some((parsing) => !parsing.fails && parsing.readyAt <= at))
			return { settledAt: at, fails: false };
		const latest = doc.parsings[doc.parsings.length - 1];
		if (latest && latest.readyAt > at) return { settledAt: latest.readyAt, fails: latest.fails };
		if (latest && latest.fails) return { settledAt: at, fails: true };
		const parsing = this.requestParsing(doc, configHash, PARSER_VERSION, at, timing);
		return { settledAt: parsing.readyAt, fails: parsing.fails };
	}

	// ---------------------------------------------------------------- extraction runs

	/** Starts a run over the session's current documents (the caller checks there is at least one). */
	createRun(session: Session, at: number, timing: Timing): ExtractionRun {
		const template = this.state.templates.get(session.templateId);
		if (!template) throw new Error(`session ${session.id} has no template`);
		const docs = session.documentIds
			.map((id) => this.state.documents.get(id))
			.filter((doc): doc is WorkspaceDocument => doc !== undefined);
		const parseHash = parsingConfigHash(template);
		let docsSettledAt = at;
		let failure: string | null = null;
		for (const doc of docs) {
			const settlement = this.documentSettlement(doc, at, timing, parseHash);
			docsSettledAt = Math.max(docsSettledAt, settlement.settledAt);
			if (settlement.fails && !failure) failure = `Document parsing failed: ${doc.filename}`;
		}
		const inputs: RunInput[] = docs.map((doc) => ({
			documentId: doc.id,
			workspaceId: doc.workspaceId,
			filename: doc.filename,
			mime: doc.mime,
			size: doc.size,
			sha256: doc.sha256,
			pageCount: doc.pageCount,
			extractionFails: extractionFails(doc.content),
		}));
		let queuedUntil = docsSettledAt + Math.max(0, timing.runQueuedMs);
		let terminalAt =
			queuedUntil +
			Math.max(0, timing.runProcessingMs) +
			this.jitter.next(timing.runProcessingJitterMs);
		if (failure) {
			queuedUntil = docsSettledAt;
			terminalAt = docsSettledAt;
		} else {
			const broken = inputs.find((input) => input.extractionFails);
			if (broken) failure = `Extraction failed: no extractable content in ${broken.filename}`;
		}
		const run: ExtractionRun = {
			id: newUuid(),
			sessionId: session.id,
			templateId: template.id,
			workspaceId: template.workspaceId,
			configHash: runConfigHash(template),
			inputs,
			templateName: template.name,
			schemaSnapshot: deepClone(template.schemaJson),
			timeline: { docsSettledAt, queuedUntil, terminalAt, failure },
			status: docsSettledAt > at ? 'parsing_pending' : 'created',
			title: null,
			data: null,
			auditData: null,
			error: null,
			createdAt: at,
			updatedAt: at,
			completedAt: null,
			seq: this.nextSeq(),
		};
		this.state.runs.add(run);
		this.materialiseRun(run, this.now());
		this.materialiseSessionStatus(session);
		return run;
	}

	private materialiseRun(run: ExtractionRun, now: number): void {
		const status = runStatusAt(run, now);
		if (status !== run.status) {
			run.status = status;
			run.updatedAt = Math.max(run.createdAt, runStatusSince(run, status));
		}
		if ((status === 'completed' || status === 'failed') && run.completedAt === null) {
			run.completedAt = run.timeline.terminalAt;
			run.updatedAt = run.timeline.terminalAt;
			if (status === 'failed') {
				run.error = run.timeline.failure ?? 'Extraction failed';
			} else {
				const output = extract(run.schemaSnapshot, run.inputs);
				run.data = output.data;
				run.auditData = output.auditData;
				run.title = output.title;
			}
		}
	}

	private materialiseSessionStatus(session: Session): void {
		session.status = sessionStatusFor(this.runsOfSession(session.id)[0]);
	}

	// ---------------------------------------------------------------- workflows

	createWorkflow(workspaceId: number, name?: string): Workflow {
		const workflow: Workflow = {
			id: newUuid(),
			workspaceId,
			name: name ?? `Workflow ${this.state.workflows.size + 1}`,
			createdAt: this.now(),
		};
		this.state.workflows.add(workflow);
		return workflow;
	}

	createWorkflowRun(workspaceId: number, workflowId: string, init: WorkflowRunInit): WorkflowRun {
		const status = init.status ?? 'completed';
		const createdAt = init.createdAt ? init.createdAt.getTime() : this.now();
		const completedAt =
			status === 'running' ? null : init.completedAt ? init.completedAt.getTime() : createdAt;
		const run: WorkflowRun = {
			id: newUuid(),
			workflowId,
			workspaceId,
			status,
			createdAt,
			completedAt,
			debug: init.debug ?? false,
			output: init.output,
			outputDocumentIds: [],
			file: null,
		};
		if (status === 'completed' && init.output === undefined) {
			// The documented sync contract: the run exports a zip that lands in the workspace.
			const manifest = Buffer.from(
				JSON.stringify({ run_id: run.id, workflow_id: workflowId, exported_at: completedAt }),
				'utf8',
			);
			const doc = this.createDocument(workspaceId, {
				filename: 'export.zip',
				mime: 'application/zip',
				content: buildZip([{ name: 'result.json', data: manifest }]),
				sourceType: 'workflow_file',
				at: completedAt ?? createdAt,
			});
			run.outputDocumentIds.push(doc.id);
		}
		if (status === 'completed') {
			run.file = {
				filename: `run-${run.id.slice(0, 8)}.json`,
				mime: 'application/json',
				content: Buffer.from(
					JSON.stringify({ run_id: run.id, status, output: init.output ?? null }),
					'utf8',
				),
			};
		}
		this.state.workflowRuns.add(run);
		return run;
	}

	// ---------------------------------------------------------------- progression

	/** Materialises every time-derived status for the current clock reading. */
	advance(): void {
		const now = this.now();
		for (const doc of this.state.documents.values()) {
			for (const parsing of doc.parsings) parsing.status = parsingStatusAt(parsing, now);
			const status = documentStatusAt(doc, now);
			if (status !== doc.status) {
				doc.status = status;
				doc.updatedAt = Math.max(doc.updatedAt, Math.min(now, lastTransition(doc, now)));
			}
		}
		for (const session of [...this.state.sessions.values()]) {
			const batch = session.batch;
			if (!batch) continue;
			if (!batch.renamed && now >= batch.renameAt) {
				batch.renamed = true;
				session.name = batch.finalName;
				session.updatedAt = Math.max(session.updatedAt, batch.renameAt);
			}
			if (batch.autoExtract && !batch.autoRunCreated && now >= batch.autoRunAt) {
				batch.autoRunCreated = true;
				if (session.documentIds.length > 0) this.createRun(session, batch.autoRunAt, batch.timing);
			}
		}
		for (const run of this.state.runs.values()) this.materialiseRun(run, now);
		for (const session of this.state.sessions.values()) this.materialiseSessionStatus(session);
	}
}
