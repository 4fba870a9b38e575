import type { EntityList } from './collection';

/**
 * Public types of the fake Raydocs server: options, knobs (timing, variants, faults), the request
 * log and the in-memory entities. All timestamps in entities are milliseconds since the epoch on
 * the fake's clock (see `FakeRaydocs.now()`); they are rendered as ISO-8601 strings on the wire.
 */

export interface Timing {
	/** Time from "parse requested" to "parsed". The first quarter is `queued`, the rest `parsing`; the
	 * document then shows `parsed` for half of `parseMs` more before settling on `processed`. */
	parseMs: number;
	/** How long a run stays `created` (queued) once its documents are parsed. */
	runQueuedMs: number;
	/** How long a run stays `processing` before it completes or fails. */
	runProcessingMs: number;
	/** Delay after a batch create before a session "starts processing" and is renamed from "Pending...". */
	batchSessionStartMs: number;
	/**
	 * Extension: each run's processing takes `runProcessingMs` plus a random share of this (uniform,
	 * 0 to this many ms), from a seeded sequence so that benches repeat. Default 0: no jitter.
	 */
	runProcessingJitterMs?: number;
}

export type RunInitialStatusVariant = 'auto' | 'created' | 'parsing_pending';

export interface Variants {
	/** GET /workspaces: `{data:[...]}` (OpenAPI, TS client; default) or a bare array (prose). */
	workspacesList: 'data' | 'array';
	/** GET /extractions/sessions/{id}/results: `{data:[...]}` (default) or a bare array (gen A). */
	sessionResultsList: 'data' | 'array';
	/** GET /extractions/documents/{id}/chunks: `{data:[...]}` (OpenAPI, default) or a bare array (prose). */
	chunksList: 'data' | 'array';
	/** guide: `{uuid,key,url,headers:{'Content-Type':...}}` (default); reference: `{url,key,headers:{}}`. */
	/** amz: the guide's answer plus x-amz-acl, a foreign Host and an Authorization header. */
	signedUrl: 'guide' | 'reference' | 'amz';
	/** true → 422 when `content_type` is missing from the signed-URL request (reference page). */
	signedUrlContentTypeRequired: boolean;
	/** enum: uploaded|queued|parsing|parsed|processed|failed (default); prose: pending|processing|ready|failed. */
	documentStatusVocabulary: 'enum' | 'prose';
	/** `workspace_id`/`workspaceId` in documents and document refs as a number (default) or numeric string. */
	workspaceIdInDocuments: 'integer' | 'string';
	/**
	 * 'auto' (default): `parsing_pending` while the run waits for parsing, then `created` (queued).
	 * 'created': gen-B servers that never say `parsing_pending` (the waiting phase reads `created`).
	 * 'parsing_pending': the queued phase also reads `parsing_pending`, so every run starts with it.
	 */
	runInitialStatus: RunInitialStatusVariant;
	/** Gen A: `pending` instead of `created`/`parsing_pending`; runs carry `reasoning` instead of `audit_data`. */
	legacyRunStatuses: boolean;
	/** pending: prose vocabulary (pending|expired, accepted invites hidden); accepted-enum: OpenAPI (pending|accepted, all listed). */
	inviteStatus: 'pending' | 'accepted-enum';
	/**
	 * Calls whose form the documentation generations disagree on (invite cancel, batch delete, batch
	 * export): 'both' forms are served, or only the API 'reference' form, or only the guides' 'prose' one.
	 */
	routeForms: 'both' | 'reference' | 'prose';
	/** Template create/update: the schema under `schema_json` (reference), `schema` (intro's curl) or either. */
	templateSchemaKey: 'either' | 'schema_json' | 'schema';
	/** Default page size of paginated lists when `per_page` is not given. */
	listPerPage: number;
	/**
	 * 'metadata' (default): a registered upload is named from the storage PUT's `x-amz-meta-filename`
	 * or `Content-Disposition`. 'ignore': storage metadata is ignored (S3 as Raydocs may configure it),
	 * so only a documented `filename` field names the document, else `<upload uuid>.<extension>`.
	 */
	uploadFilenameFromStorage: 'metadata' | 'ignore';
}

export type FaultKind = 'status' | 'delay' | 'drop' | 'malformed';

export interface FaultSpec {
	/** Match the HTTP method (any if omitted; case-insensitive). */
	method?: string;
	/** Match the pathname: string = exact, or a '/x/*' prefix glob; RegExp is tested against the pathname. */
	path?: string | RegExp;
	/** Which listener the fault applies to (default 'api'). */
	listener?: 'api' | 'storage';
	/** Number of matching requests to fault (default 1). */
	count?: number;
	kind: FaultKind;
	/** For 'status': the status to answer with (429, 500, 502, 503, 504...). */
	status?: number;
	/** For a 429 'status' fault: the Retry-After value (default 1); null sends none (a proxy that strips it). */
	retryAfterSeconds?: number | null;
	/** For an API 'status' fault: the JSON body instead of Laravel's message for the status. */
	body?: unknown;
	/** For 'delay': wait this long, then handle the request normally. */
	delayMs?: number;
}

export interface RequestLogEntry {
	seq: number;
	/** Arrival time, ms epoch on the fake clock. */
	at: number;
	listener: 'api' | 'storage';
	method: string;
	/** Pathname without the query string. */
	path: string;
	query: Record<string, string | string[]>;
	/** Lower-case header names; `authorization` is replaced by '<redacted:LABEL>' or '<redacted:unknown>'. */
	headers: Record<string, string | string[] | undefined>;
	hasAuthorization: boolean;
	/** Label of the token presented, when it is one the fake issued (revoked ones included). */
	tokenLabel?: string;
	/** Parsed JSON, `{bytes, sha256}` for non-JSON bodies, or null when the body was empty. */
	body: unknown;
	/** Status sent; 0 when the connection was dropped. */
	status: number;
	/** Canonical endpoint matched, e.g. 'GET /workspaces/{workspaceId}/users' (undefined for storage / unknown). */
	endpoint?: string;
	/** The route actually matched when it is an alias of the canonical endpoint. */
	route?: string;
	fault?: FaultKind;
	rateLimited?: boolean;
}

export type WorkspaceRole = 'admin' | 'user' | 'readonly';

export interface User {
	id: number;
	name: string;
	email: string;
	createdAt: number;
}

export interface Workspace {
	id: number;
	name: string;
	icon: string;
	settings: Record<string, unknown>;
	/** userId → role, in the order members joined. */
	members: Map<number, WorkspaceRole>;
	createdAt: number;
	updatedAt: number;
}

export interface Invite {
	id: number;
	workspaceId: number;
	email: string;
	role: WorkspaceRole;
	/** Random part of the invitation link. */
	linkToken: string;
	accepted: boolean;
	sentCount: number;
	createdAt: number;
	validUntil: number;
}

export interface Template {
	id: string;
	workspaceId: number;
	name: string;
	description: string | null;
	/** `{config, definitions, groups}`; `groups.<group>.fields.<field>.type` drives the fake extraction. */
	schemaJson: Record<string, unknown>;
	settings: Record<string, unknown>;
	createdAt: number;
	updatedAt: number;
}

/** Bytes PUT to the storage listener for an upload key. */
export interface StoredObject {
	bytes: Buffer;
	sha256: string;
	/** Content-Type header of the PUT, if any. */
	contentType?: string;
	/** From `x-amz-meta-filename` or the PUT's Content-Disposition, if any. */
	filename?: string;
	uploadedAt: number;
	/** Whether the PUT carried an Authorization header (it must not: the URL is pre-signed). */
	hadAuthorization: boolean;
}

/** An upload key handed out by POST /vapor/signed-storage-url. */
export interface Upload {
	/** Same as `key`: the collection is keyed by it. */
	id: string;
	uuid: string;
	/** 'tmp/<uuid>' */
	key: string;
	/** content_type requested when the URL was signed (application/octet-stream when omitted). */
	contentType: string;
	visibility: string;
	issuedAt: number;
	expiresAt: number;
	/** Set once the bytes have been PUT. */
	object?: StoredObject;
}

export type ParsingStatus = 'queued' | 'processing' | 'ready' | 'failed';

export interface Parsing {
	id: string;
	configHash: string;
	parserVersion: string;
	requestedAt: number;
	/** queued → processing */
	startedAt: number;
	/** processing → ready (or failed) */
	readyAt: number;
	/** Document shows `parsed` until this time, then `processed`. */
	processedAt: number;
	fails: boolean;
	/** Materialised from the timestamps above on every request. */
	status: ParsingStatus;
}

export type DocumentStatus = 'uploaded' | 'queued' | 'parsing' | 'parsed' | 'processed' | 'failed';
export type DocumentSourceType = 'upload' | 'url' | 'connector' | 'workflow_file';

export interface WorkspaceDocument {
	id: string;
	workspaceId: number;
	filename: string;
	mime: string;
	size: number;
	sha256: string;
	content: Buffer;
	sourceType: DocumentSourceType;
	sourceUrl: string | null;
	/** Oldest first; the last one drives `status`. */
	parsings: Parsing[];
	/** Materialised (canonical enum vocabulary); the prose variant is applied when serialising. */
	status: DocumentStatus;
	/** Pages (= chunks) the parser finds: `%PAGES=<n>` in the bytes, else 2. */
	pageCount: number;
	createdAt: number;
	updatedAt: number;
	/** Creation order, to keep sorting stable when timestamps tie. */
	seq: number;
}

export type SessionStatus = 'pending' | 'processing' | 'completed' | 'failed';

export interface BatchSessionInfo {
	/** Name the session takes once it starts processing. */
	finalName: string;
	renameAt: number;
	renamed: boolean;
	autoExtract: boolean;
	/** When the document settles (parsed or failed); the auto-extract run is created then. */
	autoRunAt: number;
	autoRunCreated: boolean;
	/** Timing captured at batch time, so later setTiming() calls don't move this batch. */
	timing: Timing;
}

export interface Session {
	id: string;
	templateId: string;
	workspaceId: number;
	name: string;
	settings: Record<string, unknown>;
	/** Attached workspace documents in attach order. */
	documentIds: string[];
	/** Mirrors the latest run: pending (none / waiting) → processing → completed | failed. */
	status: SessionStatus;
	batch?: BatchSessionInfo;
	createdAt: number;
	updatedAt: number;
	seq: number;
}

export type RunStatus = 'created' | 'parsing_pending' | 'processing' | 'completed' | 'failed';

/** Snapshot of one input document taken when the run was triggered. */
export interface RunInput {
	documentId: string;
	workspaceId: number;
	filename: string;
	mime: string;
	size: number;
	sha256: string;
	pageCount: number;
	/** The bytes contain `%EXTRACTION_FAIL`. */
	extractionFails: boolean;
}

export interface RunTimeline {
	/** Documents parsed (or failed) — end of `parsing_pending`. */
	docsSettledAt: number;
	/** End of `created` (queued). */
	queuedUntil: number;
	/** End of `processing`; the terminal status starts here (or at docsSettledAt for parse failures). */
	terminalAt: number;
	/** Set when the run is going to fail, with the error it will report. */
	failure: string | null;
}

export interface ExtractionRun {
	id: string;
	sessionId: string;
	templateId: string;
	workspaceId: number;
	configHash: string;
	inputs: RunInput[];
	/** Template name and schema at trigger time; the output is computed from them. */
	templateName: string;
	schemaSnapshot: Record<string, unknown>;
	timeline: RunTimeline;
	/** Materialised canonical (gen C) status; variants are applied when serialising. */
	status: RunStatus;
	title: string | null;
	data: Record<string, unknown> | null;
	auditData: Record<string, unknown> | null;
	/** Why the run failed (`error` on the wire). */
	error: string | null;
	createdAt: number;
	updatedAt: number;
	completedAt: number | null;
	seq: number;
}

export interface Workflow {
	id: string;
	workspaceId: number;
	name: string;
	createdAt: number;
}

export interface RuntimeFile {
	filename: string;
	mime: string;
	content: Buffer;
}

export interface WorkflowRun {
	id: string;
	workflowId: string;
	workspaceId: number;
	status: 'completed' | 'failed' | 'running';
	createdAt: number;
	completedAt: number | null;
	debug: boolean;
	/** Explicit public output; when undefined the output is `{documents:[documentRef...]}` built from `outputDocumentIds`. */
	output: unknown;
	outputDocumentIds: string[];
	file: RuntimeFile | null;
}

export interface SeedIds {
	userId: number;
	workspaceId: number;
	templateId: string;
}

export interface FakeState {
	users: EntityList<User>;
	workspaces: EntityList<Workspace>;
	invites: EntityList<Invite>;
	templates: EntityList<Template>;
	sessions: EntityList<Session>;
	documents: EntityList<WorkspaceDocument>;
	runs: EntityList<ExtractionRun>;
	workflows: EntityList<Workflow>;
	workflowRuns: EntityList<WorkflowRun>;
	/** Upload keys ('tmp/<uuid>') issued by the signed-URL endpoint, keyed by the key. */
	uploads: EntityList<Upload>;
	/** Storage requests that carried an Authorization header (a client bug: the token leaks to S3). */
	storageAuthLeaks: number;
	/** Ids of the seeded user/workspace/template (null when seeding is off). */
	seed: SeedIds | null;
	/** Next integer ids (workspaces, users and invites have integer ids). */
	nextIds: { user: number; workspace: number; invite: number };
	/** Monotonic counter for stable ordering of entities created in the same millisecond. */
	seq: number;
}
