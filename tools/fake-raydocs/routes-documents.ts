/** Signed upload URLs, documents by id (/extractions/documents) and workspace documents. */
import { documentAccess, requireWriter, workspaceAccess } from './access';
import type { FakeEngine } from './engine';
import { buildChunks } from './extraction';
import {
	Validator,
	jsonReply,
	noContent,
	notFound,
	paginate,
	queryValue,
	readPageRequest,
	unprocessable,
} from './http';
import type { Handler, HandlerContext } from './router';
import { documentJson, documentRefJson, documentStatusValue, parsingJson } from './serialize';
import type { Upload, WorkspaceDocument } from './types';
import { resolveUploads } from './uploads';
import { isoTime, newUuid } from './util';

/** Download URLs live 10 minutes, as documented. */
export const DOWNLOAD_URL_TTL_MS = 10 * 60 * 1000;

function downloadUrl(
	engine: FakeEngine,
	doc: WorkspaceDocument,
): { url: string; expires_at: string } {
	const path = `/documents/${doc.id}/${encodeURIComponent(doc.filename)}`;
	const { url, expiresAt } = engine.signStorageUrl('GET', path, DOWNLOAD_URL_TTL_MS, {
		kind: 'document',
		documentId: doc.id,
	});
	return { url, expires_at: isoTime(expiresAt) };
}

function workspaceDocument(ctx: HandlerContext): {
	doc: WorkspaceDocument;
	role: ReturnType<typeof workspaceAccess>['role'];
} {
	const { workspace, role } = workspaceAccess(ctx, ctx.params.workspaceId);
	const doc = ctx.engine.state.documents.get(ctx.params.documentId.toLowerCase());
	if (!doc || doc.workspaceId !== workspace.id) throw notFound('Document');
	return { doc, role };
}

const SORT_FIELDS = ['created_at', 'filename', 'size', 'status'] as const;
const SOURCE_TYPES = ['upload', 'url', 'connector', 'workflow_file'];

function compareDocuments(
	sort: (typeof SORT_FIELDS)[number],
	a: WorkspaceDocument,
	b: WorkspaceDocument,
): number {
	switch (sort) {
		case 'filename':
			return a.filename.localeCompare(b.filename);
		case 'size':
			return a.size - b.size;
		case 'status':
			return a.status.localeCompare(b.status);
		default:
			return a.createdAt - b.createdAt;
	}
}

export const documentHandlers: Record<string, Handler> = {
	'POST /vapor/signed-storage-url': (ctx) => {
		const v = new Validator(ctx.body);
		const contentType = v.string('content_type', {
			required: ctx.engine.variants.signedUrlContentTypeRequired,
		});
		const visibility = v.string('visibility');
		v.throwIfFailed();
		const uuid = newUuid();
		const key = `tmp/${uuid}`;
		const mime = contentType ?? 'application/octet-stream';
		const { url, expiresAt } = ctx.engine.signStorageUrl(
			'PUT',
			`/${key}`,
			ctx.engine.signedUrlTtlMs,
			{ kind: 'upload', key },
		);
		const upload: Upload = {
			id: key,
			uuid,
			key,
			contentType: mime,
			visibility: visibility ?? 'private',
			issuedAt: ctx.now,
			expiresAt,
		};
		ctx.engine.state.uploads.add(upload);
		if (ctx.engine.variants.signedUrl === 'reference')
			return jsonReply(200, { url, key, headers: {} });
		if (ctx.engine.variants.signedUrl === 'amz') {
			// Headers a client must not copy blindly: a Host for another name and an Authorization.
			const headers = {
				'Content-Type': mime,
				'x-amz-acl': 'private',
				Host: 'storage.invalid',
				Authorization: 'Bearer rd_storage_must_never_see_this',
			};
			return jsonReply(200, { uuid, key, url, headers });
		}
		return jsonReply(200, { uuid, key, url, headers: { 'Content-Type': mime } });
	},

	'GET /extractions/documents/{documentId}': (ctx) => {
		const { doc } = documentAccess(ctx, ctx.params.documentId);
		return jsonReply(200, documentJson(ctx.engine, doc));
	},

	'GET /extractions/documents/{documentId}/url': (ctx) => {
		const { doc } = documentAccess(ctx, ctx.params.documentId);
		return jsonReply(200, downloadUrl(ctx.engine, doc));
	},

	'GET /extractions/documents/{documentId}/chunks': (ctx) => {
		const { doc } = documentAccess(ctx, ctx.params.documentId);
		// Chunks exist once a parsing is ready; before that the list is empty.
		const parsed = doc.parsings.some((parsing) => parsing.status === 'ready');
		const chunks = parsed ? buildChunks(doc, doc.pageCount) : [];
		return jsonReply(200, ctx.engine.variants.chunksList === 'array' ? chunks : { data: chunks });
	},

	'DELETE /extractions/documents/{documentId}': (ctx) => {
		const { doc, role } = documentAccess(ctx, ctx.params.documentId);
		requireWriter(role);
		ctx.engine.deleteDocument(doc.id);
		return noContent();
	},

	'GET /workspaces/{workspaceId}/documents': (ctx) => {
		const { workspace } = workspaceAccess(ctx, ctx.params.workspaceId);
		const page = readPageRequest(ctx.query, ctx.engine.variants.listPerPage);
		const search = queryValue(ctx.query, 'query')?.toLowerCase();
		const mime = queryValue(ctx.query, 'mime')?.toLowerCase();
		const status = queryValue(ctx.query, 'status');
		const sourceType = queryValue(ctx.query, 'source_type');
		const sort = queryValue(ctx.query, 'sort') ?? 'created_at';
		const order = queryValue(ctx.query, 'order') ?? 'desc';
		if (sourceType !== undefined && !SOURCE_TYPES.includes(sourceType))
			throw unprocessable('source_type', 'The selected source type is invalid.');
		if (!(SORT_FIELDS as readonly string[]).includes(sort))
			throw unprocessable('sort', 'The selected sort is invalid.');
		if (order !== 'asc' && order !== 'desc')
			throw unprocessable('order', 'The selected order is invalid.');
		const docs = [...ctx.engine.state.documents.values()]
			.filter((doc) => doc.workspaceId === workspace.id)
			.filter(
				(doc) =>
					!search ||
					[doc.filename, doc.sourceUrl ?? '', doc.sha256].some((text) =>
						text.toLowerCase().includes(search),
					),
			)
			.filter((doc) => !mime || doc.mime.toLowerCase() === mime)
			// Either vocabulary filters: the canonical enum or what the prose variant displays.
			.filter(
				(doc) =>
					!status ||
					doc.status === status ||
					documentStatusValue(ctx.engine.variants, doc.status) === status,
			)
			.filter((doc) => !sourceType || doc.sourceType === sourceType)
			.sort((a, b) => {
				const primary =
					compareDocuments(sort as (typeof SORT_FIELDS)[number], a, b) || a.seq - b.seq;
				return order === 'asc' ? primary : -primary;
			});
		return jsonReply(
			200,
			paginate(docs, page, (doc) => documentJson(ctx.engine, doc)),
		);
	},

	'POST /workspaces/{workspaceId}/documents': (ctx) => {
		const { workspace, role } = workspaceAccess(ctx, ctx.params.workspaceId);
		requireWriter(role);
		const v = new Validator(ctx.body);
		const key = v.string('key', { required: true, max: 1024 });
		const filename = v.string('filename', { nonEmpty: true });
		const mime = v.string('mime');
		v.throwIfFailed();
		const [upload] = resolveUploads(ctx.engine, 'key', [key as string], { supportedOnly: false });
		const { doc, reused } = ctx.engine.importUpload(workspace.id, upload, { filename, mime });
		return jsonReply(reused ? 200 : 201, {
			document: documentJson(ctx.engine, doc),
			dedup: { reused, matched_by: reused ? 'sha256' : null },
			document_ref: documentRefJson(ctx.engine, doc, 'kind'),
		});
	},

	'GET /workspaces/{workspaceId}/documents/{documentId}': (ctx) => {
		const { doc } = workspaceDocument(ctx);
		return jsonReply(200, documentJson(ctx.engine, doc));
	},

	'GET /workspaces/{workspaceId}/documents/{documentId}/url': (ctx) => {
		const { doc } = workspaceDocument(ctx);
		return jsonReply(200, downloadUrl(ctx.engine, doc));
	},

	'POST /workspaces/{workspaceId}/documents/{documentId}/reparse': (ctx) => {
		const { doc, role } = workspaceDocument(ctx);
		requireWriter(role);
		const v = new Validator(ctx.body);
		const configHash = v.string('config_hash', { required: true });
		if (configHash !== undefined && configHash.length !== 64)
			v.fail('config_hash', 'The config hash field must be 64 characters.');
		const force = v.boolean('force') ?? false;
		const parserVersion = v.string('parser_version', { max: 64 });
		v.throwIfFailed();
		const existing = doc.parsings.filter((parsing) => parsing.configHash === configHash).pop();
		if (existing && !force && existing.status === 'ready') {
			return jsonReply(200, {
				message: 'Parsing already available.',
				parsing: parsingJson(existing),
				document: documentJson(ctx.engine, doc),
			});
		}
		if (existing && !force && (existing.status === 'queued' || existing.status === 'processing')) {
			return jsonReply(202, {
				message: 'Parsing already in progress.',
				parsing: parsingJson(existing),
				document: documentJson(ctx.engine, doc),
			});
		}
		const parsing = ctx.engine.requestParsing(
			doc,
			configHash as string,
			parserVersion ?? 'v1',
			ctx.now,
			ctx.engine.timing,
		);
		return jsonReply(202, {
			message: 'Parsing queued.',
			parsing: parsingJson(parsing),
			document: documentJson(ctx.engine, doc),
		});
	},
};
