/**
 * Putting data into the fake directly, for tests and demos: the default seed (Ada Admin, "Demo
 * Workspace", an "Invoice Extraction" template) and the `seed*` / `addMember` helpers of FakeRaydocs.
 * Unlike the API, these check only that what they refer to exists.
 */
import { PARSER_VERSION } from './engine';
import type { FakeEngine, WorkflowRunInit } from './engine';
import { parsingConfigHash } from './fingerprints';
import { documentStatusAt, parsingStatusAt } from './statusTimeline';
import type {
	DocumentStatus,
	Parsing,
	Template,
	User,
	WorkflowRun,
	Workspace,
	WorkspaceDocument,
	WorkspaceRole,
} from './types';
import { mimeForFilename, newUuid } from './util';

/** A seeded document's status, by the names the docs use for it. */
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

export interface SeedDocumentInit {
	filename?: string;
	mime?: string;
	content?: Buffer | string;
	status?: string;
}

/** The full token's owner is always user 1 (Ada), seeded or not; `seed: false` stops there. */
export function seedDefaults(engine: FakeEngine, seed: boolean | undefined): void {
	const user = engine.createUser('Ada Admin', 'ada@example.com');
	if (seed === false) return;
	const workspace = engine.createWorkspace('Demo Workspace', '📊', user.id);
	const template = engine.createTemplate(workspace.id, { name: 'Invoice Extraction' });
	engine.state.seed = {
		userId: user.id,
		workspaceId: workspace.id,
		templateId: template.id,
	};
}

/** The seeded user, who owns what the helpers create (user 1 when nothing was seeded). */
export function seedOwnerId(engine: FakeEngine): number {
	return engine.state.seed?.userId ?? 1;
}

function requireWorkspace(engine: FakeEngine, workspaceId: number): void {
	if (!engine.state.workspaces.has(workspaceId)) throw new Error(`no workspace ${workspaceId}`);
}

export function seedUser(engine: FakeEngine, init: { name?: string; email?: string } = {}): User {
	const n = engine.state.nextIds.user;
	return engine.createUser(init.name ?? `User ${n}`, init.email ?? `user${n}@example.com`);
}

export function addMember(
	engine: FakeEngine,
	workspaceId: number,
	userId: number,
	role: WorkspaceRole,
): void {
	const workspace = engine.state.workspaces.get(workspaceId);
	if (!workspace) throw new Error(`no workspace ${workspaceId}`);
	if (!engine.state.users.has(userId)) throw new Error(`no user ${userId}`);
	workspace.members.set(userId, role);
}

export function seedWorkspace(engine: FakeEngine, name?: string): Workspace {
	return engine.createWorkspace(
		name ?? `Workspace ${engine.state.nextIds.workspace}`,
		'📊',
		seedOwnerId(engine),
	);
}

export function seedTemplate(
	engine: FakeEngine,
	workspaceId: number,
	init: Partial<Template> = {},
): Template {
	requireWorkspace(engine, workspaceId);
	return engine.createTemplate(workspaceId, init);
}

export function seedWorkspaceDocument(
	engine: FakeEngine,
	workspaceId: number,
	init: SeedDocumentInit = {},
): WorkspaceDocument {
	requireWorkspace(engine, workspaceId);
	const status = SEED_DOCUMENT_STATUSES[init.status ?? 'processed'];
	if (!status) throw new Error(`unknown document status ${String(init.status)}`);
	const filename = init.filename ?? `document-${engine.state.documents.size + 1}.pdf`;
	const content =
		init.content === undefined
			? Buffer.from(`%PDF-1.4\n% Fake Raydocs seeded document ${newUuid()}\n%%EOF\n`, 'latin1')
			: Buffer.isBuffer(init.content)
				? init.content
				: Buffer.from(init.content, 'utf8');
	const doc = engine.createDocument(workspaceId, {
		filename,
		mime: init.mime ?? mimeForFilename(filename) ?? 'application/pdf',
		content,
		at: engine.now(),
	});
	if (status !== 'uploaded') forceDocumentStatus(engine, doc, status, parsingConfigHash(undefined));
	return doc;
}

/** Far enough in the future that a seeded status never moves on by itself. */
const NEVER = 8.64e15;

/** Gives a document a parsing that makes it show `status` from now on. */
function forceDocumentStatus(
	engine: FakeEngine,
	doc: WorkspaceDocument,
	status: DocumentStatus,
	configHash: string,
): void {
	const at = engine.now();
	const past = at - 1;
	const make = (
		startedAt: number,
		readyAt: number,
		processedAt: number,
		fails: boolean,
	): Parsing => ({
		id: newUuid(),
		configHash,
		parserVersion: PARSER_VERSION,
		requestedAt: Math.min(past, startedAt),
		startedAt,
		readyAt,
		processedAt,
		fails,
		status: 'queued',
	});
	doc.parsings = [];
	if (status === 'queued') doc.parsings.push(make(NEVER, NEVER, NEVER, false));
	if (status === 'parsing') doc.parsings.push(make(past, NEVER, NEVER, false));
	if (status === 'parsed') doc.parsings.push(make(past, past, NEVER, false));
	if (status === 'processed') doc.parsings.push(make(past, past, past, false));
	if (status === 'failed') doc.parsings.push(make(past, past, past, true));
	for (const parsing of doc.parsings) parsing.status = parsingStatusAt(parsing, at);
	doc.status = documentStatusAt(doc, at);
}

export function seedWorkflow(engine: FakeEngine, workspaceId: number): { id: string } {
	requireWorkspace(engine, workspaceId);
	return engine.createWorkflow(workspaceId);
}

export function seedWorkflowRun(
	engine: FakeEngine,
	workspaceId: number,
	workflowId: string,
	init: WorkflowRunInit = {},
): WorkflowRun {
	const workflow = engine.state.workflows.get(workflowId);
	if (!workflow || workflow.workspaceId !== workspaceId)
		throw new Error(`no workflow ${workflowId} in workspace ${workspaceId}`);
	return engine.createWorkflowRun(workspaceId, workflowId, init);
}
