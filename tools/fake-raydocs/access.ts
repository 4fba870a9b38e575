/**
 * Resource lookup with the access rules: a resource in a workspace the user is not a member of is
 * reported as 404 (the docs: "404 ... also used for no access"); role checks give 403.
 * Roles: admin = everything incl. settings and members; user = templates, sessions, documents;
 * readonly = read only.
 */
import { forbidden, notFound } from './http';
import type { HandlerContext } from './router';
import type {
	ExtractionRun,
	Session,
	Template,
	Workspace,
	WorkspaceDocument,
	WorkspaceRole,
} from './types';

export interface WorkspaceAccess {
	workspace: Workspace;
	role: WorkspaceRole;
}

export function workspaceAccess(
	ctx: HandlerContext,
	workspaceId: number | string,
): WorkspaceAccess {
	const workspace = ctx.engine.state.workspaces.get(Number(workspaceId));
	const role = workspace?.members.get(ctx.user.id);
	if (!workspace || !role) throw notFound('Workspace');
	return { workspace, role };
}

export function requireAdmin(role: WorkspaceRole): void {
	if (role !== 'admin')
		throw forbidden('This action is unauthorized. Only workspace admins can do this.');
}

export function requireWriter(role: WorkspaceRole): void {
	if (role === 'readonly')
		throw forbidden('This action is unauthorized. Read-only members cannot make changes.');
}

export function templateAccess(
	ctx: HandlerContext,
	templateId: string,
): WorkspaceAccess & { template: Template } {
	const template = ctx.engine.state.templates.get(templateId.toLowerCase());
	if (!template) throw notFound('Template');
	const role = ctx.engine.state.workspaces.get(template.workspaceId)?.members.get(ctx.user.id);
	if (!role) throw notFound('Template');
	return { ...workspaceAccess(ctx, template.workspaceId), template };
}

export function sessionAccess(
	ctx: HandlerContext,
	sessionId: string,
): WorkspaceAccess & { session: Session; template: Template } {
	const session = ctx.engine.state.sessions.get(sessionId.toLowerCase());
	if (!session) throw notFound('Session');
	const template = ctx.engine.state.templates.get(session.templateId);
	const role = ctx.engine.state.workspaces.get(session.workspaceId)?.members.get(ctx.user.id);
	if (!template || !role) throw notFound('Session');
	return { ...workspaceAccess(ctx, session.workspaceId), session, template };
}

export function documentAccess(
	ctx: HandlerContext,
	documentId: string,
): WorkspaceAccess & { doc: WorkspaceDocument } {
	const doc = ctx.engine.state.documents.get(documentId.toLowerCase());
	const role = doc
		? ctx.engine.state.workspaces.get(doc.workspaceId)?.members.get(ctx.user.id)
		: undefined;
	if (!doc || !role) throw notFound('Document');
	return { ...workspaceAccess(ctx, doc.workspaceId), doc };
}

export function runAccess(
	ctx: HandlerContext,
	runId: string,
): WorkspaceAccess & { run: ExtractionRun } {
	const run = ctx.engine.state.runs.get(runId.toLowerCase());
	const role = run
		? ctx.engine.state.workspaces.get(run.workspaceId)?.members.get(ctx.user.id)
		: undefined;
	if (!run || !role) throw notFound('Extraction result');
	return { ...workspaceAccess(ctx, run.workspaceId), run };
}
