/** Workflow runs: page mode, the completed-run cursor feed, public output and runtime file. */
import { requireAdmin, workspaceAccess } from './access';
import {
	HttpError,
	jsonReply,
	notFound,
	paginate,
	queryValue,
	readPageRequest,
	unprocessable,
	validationFailed,
} from './http';
import type { Handler, HandlerContext } from './router';
import { documentRefJson, workflowRunJson } from './serialize';
import type { Workflow, WorkflowRun, WorkspaceDocument } from './types';
import { isoTime, parseRfc3339 } from './util';
import { DOWNLOAD_URL_TTL_MS } from './routes-documents';

interface CursorPosition {
	completedAt: number;
	id: string;
}

/** Opaque to clients: base64url of the last (completed_at, id) returned. */
export function encodeCursor(position: CursorPosition): string {
	return Buffer.from(
		JSON.stringify({ v: 1, c: position.completedAt, i: position.id }),
		'utf8',
	).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition | null {
	try {
		const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		if (typeof parsed !== 'object' || parsed === null) return null;
		const { c, i } = parsed as { c?: unknown; i?: unknown };
		if (typeof c !== 'number' || !Number.isFinite(c) || typeof i !== 'string') return null;
		return { completedAt: c, id: i };
	} catch {
		return null;
	}
}

function workflowOf(ctx: HandlerContext, workspaceId: number): Workflow {
	const workflow = ctx.engine.state.workflows.get(ctx.params.workflowId.toLowerCase());
	if (!workflow || workflow.workspaceId !== workspaceId) throw notFound('Workflow');
	return workflow;
}

function runOf(ctx: HandlerContext, workflow: Workflow): WorkflowRun {
	const run = ctx.engine.state.workflowRuns.get(ctx.params.runId.toLowerCase());
	if (!run || run.workflowId !== workflow.id) throw notFound('Workflow run');
	return run;
}

function cursorPage(ctx: HandlerContext, workflow: Workflow): Record<string, unknown> {
	const errors: Record<string, string[]> = {};
	const status = queryValue(ctx.query, 'status');
	if (status === undefined || status === '')
		errors.status = ['The status field is required when pagination is cursor.'];
	else if (status !== 'completed')
		errors.status = [
			'The selected status is invalid. Cursor pagination only supports completed runs.',
		];
	const createdAfterText = queryValue(ctx.query, 'created_after');
	const createdAfter = createdAfterText ? parseRfc3339(createdAfterText) : null;
	if (!createdAfterText)
		errors.created_after = ['The created after field is required when pagination is cursor.'];
	else if (createdAfter === null)
		errors.created_after = ['The created after field must be a valid RFC 3339 date-time.'];
	const cursorText = queryValue(ctx.query, 'cursor');
	const cursor = cursorText ? decodeCursor(cursorText) : null;
	if (cursorText && !cursor) errors.cursor = ['The cursor is invalid.'];
	if (Object.keys(errors).length > 0) throw validationFailed(errors);
	const { perPage } = readPageRequest(ctx.query, 100);

	// Runs completing during the current second may still be committed; hold them back so a
	// cursor never skips a run that lands later with the same completed_at second.
	const holdBackFrom = Math.floor(ctx.now / 1000) * 1000;
	const rows = [...ctx.engine.state.workflowRuns.values()]
		.filter(
			(run) =>
				run.workflowId === workflow.id &&
				run.status === 'completed' &&
				!run.debug &&
				run.completedAt !== null,
		)
		.filter(
			(run) =>
				run.createdAt > (createdAfter as number) && (run.completedAt as number) < holdBackFrom,
		)
		.filter(
			(run) =>
				!cursor ||
				(run.completedAt as number) > cursor.completedAt ||
				((run.completedAt as number) === cursor.completedAt && run.id > cursor.id),
		)
		.sort(
			(a, b) =>
				(a.completedAt as number) - (b.completedAt as number) ||
				(a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
		);
	const page = rows.slice(0, perPage);
	const last = page[page.length - 1];
	const nextCursor = last
		? encodeCursor({ completedAt: last.completedAt as number, id: last.id })
		: (cursorText ?? encodeCursor({ completedAt: createdAfter as number, id: '' }));
	return {
		data: page.map(workflowRunJson),
		meta: {
			next_cursor: nextCursor,
			has_more: rows.length > perPage,
			server_time: isoTime(ctx.now),
			per_page: perPage,
		},
	};
}

export const workflowHandlers: Record<string, Handler> = {
	'GET /workspaces/{workspaceId}/workflows/{workflowId}/runs': (ctx) => {
		const { workspace, role } = workspaceAccess(ctx, ctx.params.workspaceId);
		const workflow = workflowOf(ctx, workspace.id);
		const pagination = queryValue(ctx.query, 'pagination');
		if (pagination === 'cursor') {
			requireAdmin(role);
			return jsonReply(200, cursorPage(ctx, workflow));
		}
		if (pagination !== undefined && pagination !== 'page')
			throw unprocessable('pagination', 'The selected pagination is invalid.');
		const page = readPageRequest(ctx.query, ctx.engine.variants.listPerPage);
		const status = queryValue(ctx.query, 'status');
		if (status !== undefined && !['completed', 'failed', 'running'].includes(status))
			throw unprocessable('status', 'The selected status is invalid.');
		const runs = [...ctx.engine.state.workflowRuns.values()]
			.filter((run) => run.workflowId === workflow.id && (!status || run.status === status))
			.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
		return jsonReply(200, paginate(runs, page, workflowRunJson));
	},

	'GET /workspaces/{workspaceId}/workflows/{workflowId}/runs/{runId}/output': (ctx) => {
		const { workspace, role } = workspaceAccess(ctx, ctx.params.workspaceId);
		requireAdmin(role);
		const run = runOf(ctx, workflowOf(ctx, workspace.id));
		if (run.status !== 'completed') throw new HttpError(404, 'This workflow run has no output.');
		if (run.output !== undefined) return jsonReply(200, run.output);
		const documents = run.outputDocumentIds
			.map((id) => ctx.engine.state.documents.get(id))
			.filter((doc): doc is WorkspaceDocument => doc !== undefined)
			.map((doc) => documentRefJson(ctx.engine, doc, 'type'));
		return jsonReply(200, { documents });
	},

	'GET /workspaces/{workspaceId}/workflows/{workflowId}/runs/{runId}/file': (ctx) => {
		const { workspace } = workspaceAccess(ctx, ctx.params.workspaceId);
		const run = runOf(ctx, workflowOf(ctx, workspace.id));
		if (!run.file) throw new HttpError(404, 'This workflow run has no runtime file.');
		const path = `/workflow-runs/${run.id}/${encodeURIComponent(run.file.filename)}`;
		const { url, expiresAt } = ctx.engine.signStorageUrl('GET', path, DOWNLOAD_URL_TTL_MS, {
			kind: 'workflowFile',
			runId: run.id,
		});
		return jsonReply(200, {
			url,
			expires_at: isoTime(expiresAt),
			filename: run.file.filename,
			mime: run.file.mime,
			size: run.file.content.length,
		});
	},
};
