/** Sessions, session documents, batch operations and extraction runs (results). */
import { requireWriter, runAccess, sessionAccess, templateAccess } from './access';
import { parsingConfigHash } from './fingerprints';
import { batchCsv, batchJson, batchWorkbook, resultWorkbook } from './exports';
import type { BatchExportRow } from './exports';
import {
	HttpError,
	Validator,
	jsonReply,
	noContent,
	notFound,
	paginate,
	readPageRequest,
	unprocessable,
	validationFailed,
} from './http';
import type { ApiReply } from './http';
import type { Handler, HandlerContext } from './router';
import { documentJson, runJson, runStatusValue, runSummaryJson, sessionJson } from './serialize';
import type { Session, Template, WorkspaceDocument } from './types';
import { resolveUploads } from './uploads';
import { isoTime } from './util';
import { XLSX_CONTENT_TYPE } from './xlsx';

const BATCH_MAX_FILES = 50;
const EXPORT_FORMATS = ['json', 'csv', 'excel'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

function attachmentHeaders(filename: string): Record<string, string> {
	return { 'Content-Disposition': `attachment; filename="${filename}"` };
}

function sessionsOfTemplate(ctx: HandlerContext, template: Template, field: string): Session[] {
	const v = new Validator(ctx.body);
	const ids = v.stringArray(field, { uuid: true });
	v.throwIfFailed();
	const sessions: Session[] = [];
	const foreign: string[] = [];
	for (const id of ids as string[]) {
		const session = ctx.engine.state.sessions.get(id.toLowerCase());
		if (!session || session.templateId !== template.id)
			foreign.push(`The session ${id} does not exist or does not belong to this template.`);
		else if (!sessions.includes(session)) sessions.push(session);
	}
	if (foreign.length > 0) throw validationFailed({ [field]: foreign });
	return sessions;
}

function startRun(ctx: HandlerContext, session: Session): ApiReply {
	if (session.documentIds.length === 0) {
		throw new HttpError(422, 'The session has no documents.', {
			documents: ['The session has no documents.'],
		});
	}
	const run = ctx.engine.createRun(session, ctx.now, ctx.engine.timing);
	const body = runJson(ctx.engine, run);
	if (ctx.engine.variants.legacyRunStatuses) {
		// Gen A answered {message, job_id}; keep the run fields too so either reading works.
		body.message = 'Extraction started';
		body.job_id = run.id;
	}
	return jsonReply(201, body);
}

function exportBatch(ctx: HandlerContext, formatFromPath: string | undefined): ApiReply {
	const { template } = templateAccess(ctx, ctx.params.templateId);
	const v = new Validator(ctx.body);
	const bodyFormat =
		formatFromPath === undefined ? v.oneOf('format', EXPORT_FORMATS, false) : undefined;
	v.throwIfFailed();
	let format: ExportFormat = bodyFormat ?? 'json';
	if (formatFromPath !== undefined) {
		if (!(EXPORT_FORMATS as readonly string[]).includes(formatFromPath))
			throw unprocessable('format', 'The selected format is invalid.');
		format = formatFromPath as ExportFormat;
	}
	const rows: BatchExportRow[] = sessionsOfTemplate(ctx, template, 'session_ids').map(
		(session) => ({
			session,
			run: ctx.engine.runsOfSession(session.id).find((run) => run.status === 'completed'),
		}),
	);
	if (format === 'json') return jsonReply(200, batchJson(rows));
	if (format === 'csv') {
		return {
			status: 200,
			body: Buffer.from(batchCsv(rows), 'utf8'),
			contentType: 'text/csv; charset=UTF-8',
			headers: attachmentHeaders('batch_export.csv'),
		};
	}
	return {
		status: 200,
		body: batchWorkbook(ctx.engine, template, rows),
		contentType: XLSX_CONTENT_TYPE,
		headers: attachmentHeaders('batch_export.xlsx'),
	};
}

function deleteBatch(ctx: HandlerContext): ApiReply {
	const { template, role } = templateAccess(ctx, ctx.params.templateId);
	requireWriter(role);
	for (const session of sessionsOfTemplate(ctx, template, 'session_ids'))
		ctx.engine.deleteSession(session.id);
	return noContent();
}

export const sessionHandlers: Record<string, Handler> = {
	'POST /extractions/sessions': (ctx) => {
		const v = new Validator(ctx.body);
		const name = v.string('name', { nonEmpty: true });
		const templateId = v.uuid('extraction_template_id', true);
		const settings = v.object('settings');
		v.throwIfFailed();
		const { template, role } = templateAccess(ctx, templateId as string);
		requireWriter(role);
		const session = ctx.engine.createSession(template, name ?? 'Untitled session', settings ?? {});
		return jsonReply(201, sessionJson(ctx.engine, session, true));
	},

	'GET /extractions/sessions/{sessionId}': (ctx) => {
		const { session } = sessionAccess(ctx, ctx.params.sessionId);
		return jsonReply(200, sessionJson(ctx.engine, session, true));
	},

	'PUT /extractions/sessions/{sessionId}': (ctx) => {
		const { session, role } = sessionAccess(ctx, ctx.params.sessionId);
		requireWriter(role);
		const v = new Validator(ctx.body);
		const name = v.string('name', { nonEmpty: true });
		const settings = v.object('settings');
		v.throwIfFailed();
		if (name !== undefined) {
			session.name = name;
			// An explicit rename wins over the pending batch rename.
			if (session.batch) session.batch.renamed = true;
		}
		if (settings) session.settings = { ...session.settings, ...settings };
		session.updatedAt = ctx.now;
		return jsonReply(200, sessionJson(ctx.engine, session, false));
	},

	'DELETE /extractions/sessions/{sessionId}': (ctx) => {
		const { session, role } = sessionAccess(ctx, ctx.params.sessionId);
		requireWriter(role);
		ctx.engine.deleteSession(session.id);
		return noContent();
	},

	'GET /extractions/sessions/{sessionId}/documents': (ctx) => {
		const { session } = sessionAccess(ctx, ctx.params.sessionId);
		const page = readPageRequest(ctx.query, ctx.engine.variants.listPerPage);
		const docs = session.documentIds
			.map((id) => ctx.engine.state.documents.get(id))
			.filter((doc): doc is WorkspaceDocument => doc !== undefined);
		return jsonReply(
			200,
			paginate(docs, page, (doc) => documentJson(ctx.engine, doc)),
		);
	},

	'POST /extractions/sessions/{sessionId}/documents/upload': (ctx) => {
		const { session, role } = sessionAccess(ctx, ctx.params.sessionId);
		requireWriter(role);
		const v = new Validator(ctx.body);
		const keys = v.stringArray('keys');
		v.throwIfFailed();
		const uploads = resolveUploads(ctx.engine, 'keys', keys as string[], { supportedOnly: true });
		// Storage-only (gen C): documents are created or reused and attached; parsing waits for a run or a reparse.
		const docs = uploads.map((upload) => {
			const { doc } = ctx.engine.importUpload(session.workspaceId, upload);
			ctx.engine.attachDocument(session, doc.id);
			return doc;
		});
		session.updatedAt = ctx.now;
		return jsonReply(200, { data: docs.map((doc) => documentJson(ctx.engine, doc)) });
	},

	'POST /extractions/sessions/{sessionId}/documents/attach': (ctx) => {
		const { session, role } = sessionAccess(ctx, ctx.params.sessionId);
		requireWriter(role);
		const v = new Validator(ctx.body);
		const ids = v.stringArray('document_ids', { uuid: true });
		v.throwIfFailed();
		const problems: string[] = [];
		const docs: WorkspaceDocument[] = [];
		for (const id of ids as string[]) {
			const doc = ctx.engine.state.documents.get(id.toLowerCase());
			if (!doc || doc.workspaceId !== session.workspaceId)
				problems.push(`The document ${id} does not belong to the session's workspace.`);
			else docs.push(doc);
		}
		if (problems.length > 0) throw validationFailed({ document_ids: problems });
		for (const doc of docs) ctx.engine.attachDocument(session, doc.id);
		session.updatedAt = ctx.now;
		return jsonReply(200, { data: docs.map((doc) => documentJson(ctx.engine, doc)) });
	},

	'DELETE /extractions/sessions/{sessionId}/documents/{documentId}': (ctx) => {
		const { session, role } = sessionAccess(ctx, ctx.params.sessionId);
		requireWriter(role);
		const documentId = ctx.params.documentId.toLowerCase();
		if (!session.documentIds.includes(documentId)) throw notFound('Document');
		session.documentIds = session.documentIds.filter((id) => id !== documentId);
		session.updatedAt = ctx.now;
		return noContent();
	},

	'POST /extractions/sessions/{sessionId}/documents': (ctx) => {
		const { session, template, role } = sessionAccess(ctx, ctx.params.sessionId);
		requireWriter(role);
		const v = new Validator(ctx.body);
		const key = v.string('key', { required: true, max: 1024 });
		const filename = v.string('filename', { required: true, nonEmpty: true });
		v.throwIfFailed();
		const [upload] = resolveUploads(ctx.engine, 'key', [key as string], {
			supportedOnly: true,
			filenames: [filename],
		});
		const { doc } = ctx.engine.importUpload(session.workspaceId, upload, { filename });
		ctx.engine.attachDocument(session, doc.id);
		// Gen B: "created and queued for processing".
		if (doc.parsings.length === 0)
			ctx.engine.requestParsing(doc, parsingConfigHash(template), 'v1', ctx.now, ctx.engine.timing);
		session.updatedAt = ctx.now;
		return jsonReply(201, {
			id: doc.id,
			filename: doc.filename,
			mime_type: doc.mime,
			size: doc.size,
			sha256: doc.sha256,
			status: documentJson(ctx.engine, doc).status,
			extraction_session_id: session.id,
			meta: {},
			created_at: isoTime(doc.createdAt),
		});
	},

	'POST /extractions/templates/{templateId}/sessions/batch': (ctx) => {
		const { template, role } = templateAccess(ctx, ctx.params.templateId);
		requireWriter(role);
		const v = new Validator(ctx.body);
		const files = v.stringArray('files', { max: BATCH_MAX_FILES });
		const settings = v.object('settings') ?? {};
		const autoExtract = new Validator(settings).boolean('auto_extract');
		if (settings.auto_extract !== undefined && autoExtract === undefined)
			v.fail('settings.auto_extract', 'The settings.auto extract field must be true or false.');
		v.throwIfFailed();
		const uploads = resolveUploads(ctx.engine, 'files', files as string[], { supportedOnly: true });
		const timing = { ...ctx.engine.timing };
		const startAt = ctx.now + Math.max(0, timing.batchSessionStartMs);
		const created = uploads.map((upload) => {
			const { doc } = ctx.engine.importUpload(template.workspaceId, upload);
			const session = ctx.engine.createSession(template, 'Pending...', {
				...settings,
				auto_extract: autoExtract ?? false,
			});
			ctx.engine.attachDocument(session, doc.id);
			// Batch sessions are processed automatically: parsing starts when the session starts.
			const settlement = ctx.engine.documentSettlement(
				doc,
				startAt,
				timing,
				parsingConfigHash(template),
			);
			session.batch = {
				finalName: doc.filename,
				renameAt: startAt,
				renamed: false,
				autoExtract: autoExtract ?? false,
				autoRunAt: settlement.settledAt,
				autoRunCreated: false,
				timing,
			};
			return session;
		});
		return jsonReply(
			201,
			created.map((session) => ({
				id: session.id,
				name: session.name,
				created_at: isoTime(session.createdAt),
			})),
		);
	},

	'POST /extractions/templates/{templateId}/sessions/batch/execute': (ctx) => {
		const { template, role } = templateAccess(ctx, ctx.params.templateId);
		requireWriter(role);
		let queued = 0;
		for (const session of sessionsOfTemplate(ctx, template, 'session_ids')) {
			if (session.documentIds.length === 0) continue;
			ctx.engine.createRun(session, ctx.now, ctx.engine.timing);
			queued += 1;
		}
		return jsonReply(200, { message: 'Extractions queued', queued_count: queued });
	},

	'POST /extractions/templates/{templateId}/sessions/batch/delete': deleteBatch,

	'POST /extractions/templates/{templateId}/sessions/batch/export': (ctx) =>
		exportBatch(ctx, ctx.params.format),

	'GET /extractions/sessions/{sessionId}/results': (ctx) => {
		const { session } = sessionAccess(ctx, ctx.params.sessionId);
		const items = ctx.engine
			.runsOfSession(session.id)
			.map((run) => runSummaryJson(ctx.engine, run));
		return jsonReply(
			200,
			ctx.engine.variants.sessionResultsList === 'array' ? items : { data: items },
		);
	},

	'POST /extractions/sessions/{sessionId}/results': (ctx) => {
		const { session, role } = sessionAccess(ctx, ctx.params.sessionId);
		requireWriter(role);
		return startRun(ctx, session);
	},

	'GET /extractions/results/{resultId}': (ctx) => {
		const { run } = runAccess(ctx, ctx.params.resultId);
		return jsonReply(200, runJson(ctx.engine, run));
	},

	'DELETE /extractions/results/{resultId}': (ctx) => {
		const { run, role } = runAccess(ctx, ctx.params.resultId);
		requireWriter(role);
		ctx.engine.state.runs.delete(run.id);
		ctx.engine.advance();
		return noContent();
	},

	'GET /extractions/results/{resultId}/export/excel': (ctx) => {
		const { run } = runAccess(ctx, ctx.params.resultId);
		if (run.status !== 'completed') {
			throw new HttpError(
				422,
				`The extraction result is not completed (status: ${runStatusValue(ctx.engine.variants, run.status)}).`,
			);
		}
		return {
			status: 200,
			body: resultWorkbook(ctx.engine, run, ctx.engine.state.sessions.get(run.sessionId)),
			contentType: XLSX_CONTENT_TYPE,
			headers: attachmentHeaders('extraction_result.xlsx'),
		};
	},
};
