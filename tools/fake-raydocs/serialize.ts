/** Entity → wire JSON, applying the documentation-generation variants. */
import type { FakeEngine } from './engine';
import type {
	DocumentStatus,
	ExtractionRun,
	Invite,
	Parsing,
	RunStatus,
	Session,
	Template,
	User,
	Variants,
	WorkflowRun,
	Workspace,
	WorkspaceDocument,
	WorkspaceRole,
} from './types';
import { isoTime, sha256Hex } from './util';

export function workspaceIdValue(variants: Variants, workspaceId: number): number | string {
	return variants.workspaceIdInDocuments === 'string' ? String(workspaceId) : workspaceId;
}

/** Prose vocabulary (older pages and examples): pending / processing / ready / failed. */
export function documentStatusValue(variants: Variants, status: DocumentStatus): string {
	if (variants.documentStatusVocabulary === 'enum') return status;
	switch (status) {
		case 'uploaded':
			return 'pending';
		case 'queued':
		case 'parsing':
			return 'processing';
		case 'parsed':
		case 'processed':
			return 'ready';
		default:
			return 'failed';
	}
}

export function runStatusValue(variants: Variants, status: RunStatus): string {
	if (variants.legacyRunStatuses && (status === 'created' || status === 'parsing_pending'))
		return 'pending';
	if (variants.runInitialStatus === 'created' && status === 'parsing_pending') return 'created';
	if (variants.runInitialStatus === 'parsing_pending' && status === 'created')
		return 'parsing_pending';
	return status;
}

export function workspaceJson(workspace: Workspace): Record<string, unknown> {
	return {
		id: workspace.id,
		name: workspace.name,
		icon: workspace.icon,
		settings: workspace.settings,
		created_at: isoTime(workspace.createdAt),
		updated_at: isoTime(workspace.updatedAt),
	};
}

export function memberJson(user: User, role: WorkspaceRole): Record<string, unknown> {
	return {
		id: user.id,
		name: user.name,
		email: user.email,
		role,
		photo_url: `https://www.gravatar.com/avatar/${sha256Hex(user.email.trim().toLowerCase())}?d=mp`,
	};
}

export function inviteJson(
	variants: Variants,
	invite: Invite,
	now: number,
): Record<string, unknown> {
	let status: string;
	if (variants.inviteStatus === 'accepted-enum') status = invite.accepted ? 'accepted' : 'pending';
	else status = invite.validUntil <= now ? 'expired' : 'pending';
	return {
		id: invite.id,
		email: invite.email,
		role: invite.role,
		status,
		created_at: isoTime(invite.createdAt),
		valid_until: isoTime(invite.validUntil),
	};
}

export function templateJson(template: Template): Record<string, unknown> {
	return {
		id: template.id,
		name: template.name,
		description: template.description,
		schema_json: template.schemaJson,
		settings: template.settings,
		workspace_id: template.workspaceId,
		created_at: isoTime(template.createdAt),
		updated_at: isoTime(template.updatedAt),
	};
}

export function parsingJson(parsing: Parsing): Record<string, unknown> {
	return {
		id: parsing.id,
		config_hash: parsing.configHash,
		status: parsing.status,
		parser_version: parsing.parserVersion,
		created_at: isoTime(parsing.requestedAt),
		updated_at: isoTime(
			parsing.status === 'queued'
				? parsing.requestedAt
				: parsing.status === 'processing'
					? parsing.startedAt
					: parsing.readyAt,
		),
	};
}

/**
 * The workspace-document object. It is a superset of the shapes seen across doc generations:
 * OpenAPI fields (mime, size, source_type, source_url, parsings) plus the prose `source` and
 * `meta {page_count, file_size}` (page_count is null until parsed).
 */
export function documentJson(engine: FakeEngine, doc: WorkspaceDocument): Record<string, unknown> {
	const parsed = doc.parsings.some((parsing) => parsing.status === 'ready');
	return {
		id: doc.id,
		workspace_id: workspaceIdValue(engine.variants, doc.workspaceId),
		filename: doc.filename,
		mime: doc.mime,
		size: doc.size,
		sha256: doc.sha256,
		status: documentStatusValue(engine.variants, doc.status),
		source_type: doc.sourceType,
		source_url: doc.sourceUrl,
		source: { type: doc.sourceType, url: doc.sourceUrl },
		meta: { page_count: parsed ? doc.pageCount : null, file_size: doc.size },
		parsings: doc.parsings
			.filter((parsing) => parsing.requestedAt <= engine.now())
			.map(parsingJson),
		created_at: isoTime(doc.createdAt),
		updated_at: isoTime(doc.updatedAt),
	};
}

/** The OpenAPI `document_ref` (create workspace document, workflow outputs). */
export function documentRefJson(
	engine: FakeEngine,
	doc: WorkspaceDocument,
	typeKey: 'kind' | 'type',
): Record<string, unknown> {
	return {
		[typeKey]: 'documentRef',
		documentId: doc.id,
		workspaceId: workspaceIdValue(engine.variants, doc.workspaceId),
		filename: doc.filename,
		mime: doc.mime,
		size: doc.size,
		sha256: doc.sha256,
		source: { type: doc.sourceType, url: doc.sourceUrl },
		createdAt: isoTime(doc.createdAt),
	};
}

export function runSummaryJson(engine: FakeEngine, run: ExtractionRun): Record<string, unknown> {
	return {
		id: run.id,
		extraction_session_id: run.sessionId,
		status: runStatusValue(engine.variants, run.status),
		config_hash: run.configHash,
		title: run.title,
		created_at: isoTime(run.createdAt),
		updated_at: isoTime(run.updatedAt),
		completed_at: isoTime(run.completedAt),
	};
}

/** Full run: data and `audit_data` (gen A: `reasoning`) are null until completed; `error` is set when failed. */
export function runJson(engine: FakeEngine, run: ExtractionRun): Record<string, unknown> {
	const auditKey = engine.variants.legacyRunStatuses ? 'reasoning' : 'audit_data';
	return {
		id: run.id,
		extraction_session_id: run.sessionId,
		status: runStatusValue(engine.variants, run.status),
		config_hash: run.configHash,
		document_refs: run.inputs.map((input) => ({
			kind: 'documentRef',
			documentId: input.documentId,
			workspaceId: workspaceIdValue(engine.variants, input.workspaceId),
			sha256: input.sha256,
			filename: input.filename,
		})),
		title: run.title,
		data: run.data,
		[auditKey]: run.auditData,
		error: run.error,
		created_at: isoTime(run.createdAt),
		updated_at: isoTime(run.updatedAt),
		completed_at: isoTime(run.completedAt),
	};
}

export function sessionJson(
	engine: FakeEngine,
	session: Session,
	embed: boolean,
): Record<string, unknown> {
	const body: Record<string, unknown> = {
		id: session.id,
		name: session.name,
		extraction_template_id: session.templateId,
		settings: session.settings,
		status: session.status,
		created_at: isoTime(session.createdAt),
		updated_at: isoTime(session.updatedAt),
	};
	if (embed) {
		body.documents = session.documentIds
			.map((id) => engine.state.documents.get(id))
			.filter((doc): doc is WorkspaceDocument => doc !== undefined)
			.map((doc) => documentJson(engine, doc));
		body.results = engine.runsOfSession(session.id).map((run) => runJson(engine, run));
	}
	return body;
}

export function workflowRunJson(run: WorkflowRun): Record<string, unknown> {
	return {
		id: run.id,
		workflow_id: run.workflowId,
		workspace_id: run.workspaceId,
		status: run.status,
		created_at: isoTime(run.createdAt),
		completed_at: isoTime(run.completedAt),
		trigger: 'api',
	};
}
