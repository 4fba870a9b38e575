/**
 * The fake S3 bucket behind the pre-signed URLs. PUT stores upload bytes for a `tmp/<uuid>` key;
 * GET serves document and workflow-file downloads. Every request must carry a signature the API
 * issued for exactly that method and path, before it expires; errors are S3-style XML.
 */
import { createHash } from 'node:crypto';

import type { FakeEngine } from './engine';
import {
	filenameFromContentDisposition,
	firstHeader,
	isoTime,
	normaliseMime,
	safeDecode,
	sha256Hex,
} from './util';

export interface StorageRequest {
	method: string;
	/** Raw (still percent-encoded) pathname, compared with the signed path. */
	pathname: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

export interface StorageReply {
	status: number;
	body: Buffer;
	headers: Record<string, string>;
}

function s3Error(
	status: number,
	code: string,
	message: string,
	extra: Record<string, string> = {},
): StorageReply {
	const details = Object.entries(extra)
		.map(([tag, value]) => `<${tag}>${value}</${tag}>`)
		.join('');
	const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${details}<RequestId>${sha256Hex(String(Math.random())).slice(0, 16).toUpperCase()}</RequestId></Error>`;
	return { status, body: Buffer.from(xml, 'utf8'), headers: { 'Content-Type': 'application/xml' } };
}

/** ASCII-only `filename` plus RFC 5987 `filename*` so any name survives the header. */
export function contentDisposition(filename: string): string {
	const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function download(content: Buffer, mime: string, filename: string): StorageReply {
	return {
		status: 200,
		body: content,
		headers: {
			'Content-Type': mime,
			'Content-Disposition': contentDisposition(filename),
			ETag: `"${createHash('md5').update(content).digest('hex')}"`,
		},
	};
}

export function handleStorageRequest(engine: FakeEngine, request: StorageRequest): StorageReply {
	if (request.method !== 'PUT' && request.method !== 'GET') {
		return s3Error(
			405,
			'MethodNotAllowed',
			'The specified method is not allowed against this resource.',
		);
	}
	const signatureValue = request.query['X-Amz-Signature'];
	const signature = Array.isArray(signatureValue) ? signatureValue[0] : signatureValue;
	if (!signature) return s3Error(403, 'AccessDenied', 'Request is missing X-Amz-Signature.');
	const signed = engine.findSignedUrl(signature);
	if (!signed || signed.method !== request.method || signed.path !== request.pathname) {
		return s3Error(
			403,
			'SignatureDoesNotMatch',
			'The request signature we calculated does not match the signature you provided.',
		);
	}
	const now = engine.now();
	if (now > signed.expiresAt) {
		return s3Error(403, 'AccessDenied', 'Request has expired', {
			Expires: isoTime(signed.expiresAt),
			ServerTime: isoTime(now),
		});
	}

	const resource = signed.resource;
	if (resource.kind === 'upload') {
		const upload = engine.state.uploads.get(resource.key);
		if (!upload) return s3Error(404, 'NoSuchUpload', 'The upload key no longer exists.');
		const metaFilename = firstHeader(request.headers['x-amz-meta-filename']);
		const filename =
			engine.variants.uploadFilenameFromStorage === 'ignore'
				? undefined
				: metaFilename
					? safeDecode(metaFilename)
					: filenameFromContentDisposition(firstHeader(request.headers['content-disposition']));
		upload.object = {
			bytes: request.body,
			sha256: sha256Hex(request.body),
			contentType: normaliseMime(firstHeader(request.headers['content-type'])),
			filename: filename && filename.trim() !== '' ? filename : undefined,
			uploadedAt: now,
			hadAuthorization: request.headers.authorization !== undefined,
		};
		return {
			status: 200,
			body: Buffer.alloc(0),
			headers: { ETag: `"${createHash('md5').update(request.body).digest('hex')}"` },
		};
	}
	if (resource.kind === 'document') {
		const doc = engine.state.documents.get(resource.documentId);
		if (!doc) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
		return download(doc.content, doc.mime, doc.filename);
	}
	const run = engine.state.workflowRuns.get(resource.runId);
	if (!run || !run.file) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
	return download(run.file.content, run.file.mime, run.file.filename);
}
