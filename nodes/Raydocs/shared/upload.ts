import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';

import type { InputFile } from './binaryInput';
import { failureInBrief, isMissingRouteError, networkCodeNote, readHttpFailure } from './errors';
import { RAYDOCS_API } from './endpoints';
import { pathOf } from './endpointRequests';
import { isTransientFailure, transientRetryWaitMs } from './retries';
import { raydocsJson } from './transport';
import { listItemsOf } from './listResponse';

/** The stream n8n hands out for files it keeps on disk or in object storage. */
type FileStream = Awaited<ReturnType<IExecuteFunctions['helpers']['getBinaryStream']>>;

export interface SignedUpload {
	key: string;
	url: string;
	headers?: Record<string, string>;
	uuid?: string;
}

export interface UploadedFile {
	key: string;
	fileName: string;
	mimeType: string;
	bytes: number;
	propertyName: string;
}

/**
 * A signed URL can expire between signing and sending (slow links, big files): sign again once,
 * also when the attempts at the first URL are spent (TRANSIENT_FAILURES.upload).
 */
const SIGNING_ATTEMPTS = 2;

async function requestSignedUpload(
	context: IExecuteFunctions,
	file: InputFile,
): Promise<SignedUpload> {
	const signed = await raydocsJson<SignedUpload>(context, {
		method: 'POST',
		url: pathOf(RAYDOCS_API.createSignedUploadUrl),
		body: { content_type: file.mimeType, visibility: 'private' },
	});
	if (!signed || typeof signed.url !== 'string' || typeof signed.key !== 'string') {
		throw new NodeOperationError(context.getNode(), 'Raydocs did not return an upload URL and key', {
			description: 'The answer of POST /vapor/signed-storage-url lacked "url" or "key". Try again later.',
		});
	}
	return signed;
}

async function fileBody(
	context: IExecuteFunctions,
	itemIndex: number,
	file: InputFile,
): Promise<{ body: Buffer | FileStream; bytes: number }> {
	if (file.content) return { body: file.content, bytes: file.content.length };
	// Files kept by n8n's filesystem/S3 binary mode are streamed, so a 100 MB PDF is never held whole.
	if (file.binary.id) {
		const metadata = await context.helpers.getBinaryMetadata(file.binary.id);
		// An unknown size (missing in old metadata) reads the file whole instead.
		if (metadata.fileSize > 0) {
			return { body: await context.helpers.getBinaryStream(file.binary.id), bytes: metadata.fileSize };
		}
	}
	const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, file.propertyName);
	return { body: buffer, bytes: buffer.length };
}

/** Header values must be Latin-1: an ASCII fallback plus the RFC 5987 UTF-8 form of the name. */
export function contentDisposition(fileName: string): string {
	const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
	return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function storageHeaders(signed: SignedUpload, file: InputFile, bytes: number): IDataObject {
	const headers: IDataObject = {};
	for (const [name, value] of Object.entries(signed.headers ?? {})) {
		// The signed URL carries the authorisation; the Raydocs token must never reach storage.
		if (name.toLowerCase() === 'authorization' || name.toLowerCase() === 'host') continue;
		headers[name] = value;
	}
	if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
		headers['Content-Type'] = file.mimeType;
	}
	headers['Content-Length'] = bytes;
	// Storage keeps it as object metadata: the only place the gen-C key registration can learn the name.
	headers['Content-Disposition'] = contentDisposition(file.fileName);
	return headers;
}

function storageError(
	context: IExecuteFunctions,
	itemIndex: number,
	file: InputFile,
	error: unknown,
): NodeApiError {
	const failure = readHttpFailure(error);
	const httpCode = failure.status !== undefined ? String(failure.status) : undefined;
	return new NodeApiError(
		context.getNode(),
		{ message: failure.message, httpCode: httpCode ?? null } as JsonObject,
		{
			message: `Uploading "${file.fileName}" to Raydocs storage failed (${failureInBrief(failure)})`,
			description:
				`The signed upload URL was refused or storage did not answer. Run the node again; if it keeps failing, check that this n8n instance can reach the storage host.${networkCodeNote(failure.code)}`,
			httpCode,
			itemIndex,
		},
	);
}

/** Puts one file into Raydocs storage through a signed URL and returns the key to register. */
export async function uploadFile(
	context: IExecuteFunctions,
	itemIndex: number,
	file: InputFile,
): Promise<UploadedFile> {
	let lastError: unknown;
	for (let signing = 1; signing <= SIGNING_ATTEMPTS; signing++) {
		const signed = await requestSignedUpload(context, file);
		for (let attempt = 1; ; attempt++) {
			const { body, bytes } = await fileBody(context, itemIndex, file);
			try {
				await context.helpers.httpRequest({
					method: 'PUT',
					url: signed.url,
					body,
					headers: storageHeaders(signed, file, bytes),
					json: false,
					returnFullResponse: true,
					// Following redirects makes axios keep the whole request body in memory to be able to
					// resend it; a signed PUT never redirects, and without it the file streams.
					disableFollowRedirect: true,
				});
				return {
					key: signed.key,
					fileName: file.fileName,
					mimeType: file.mimeType,
					bytes,
					propertyName: file.propertyName,
				};
			} catch (error) {
				lastError = error;
				const failure = readHttpFailure(error);
				// Storage refuses an expired signature with 403 (or 400): a new URL is the fix.
				if (failure.status === 403 || failure.status === 400) break;
				if (!isTransientFailure(failure, 'upload')) throw storageError(context, itemIndex, file, error);
				const waitMs = transientRetryWaitMs(failure, attempt, 'upload');
				// this URL's attempts are spent: sign again
				if (waitMs === undefined) break;
				await sleep(waitMs);
			}
		}
	}
	throw storageError(context, itemIndex, file, lastError);
}

/**
 * Adds uploaded files to a session so that each keeps its original name. The current bulk call
 * (`POST …/documents/upload` with `{keys}`) has no field for a name, and Raydocs may ignore the
 * storage object's Content-Disposition; the documented call that carries one is the single-key
 * `POST /extractions/sessions/{id}/documents` with `{key, filename}`, sent once per file. Should a
 * deployment no longer have that route (404 for an unknown route, or 405), nothing was registered,
 * and the remaining keys go through the bulk call. Returns the documents Raydocs answered with.
 */
export async function addUploadsToSession(
	context: IExecuteFunctions,
	sessionId: string,
	uploads: UploadedFile[],
): Promise<IDataObject[]> {
	const documents: IDataObject[] = [];
	for (let index = 0; index < uploads.length; index++) {
		const upload = uploads[index];
		let failure: unknown;
		try {
			documents.push(
				await raydocsJson<IDataObject>(context, {
					method: 'POST',
					url: pathOf(RAYDOCS_API.addSessionDocument, { sessionId }),
					body: { key: upload.key, filename: upload.fileName },
				}),
			);
			continue;
		} catch (error) {
			failure = error;
		}
		// Already a NodeApiError/NodeOperationError from the transport.
		if (!isMissingRouteError(failure)) throw failure;
		const body = await raydocsJson<unknown>(context, {
			method: 'POST',
			url: pathOf(RAYDOCS_API.addSessionDocumentsByKeys, { sessionId }),
			body: { keys: uploads.slice(index).map((rest) => rest.key) },
		});
		documents.push(...listItemsOf<IDataObject>(body));
		break;
	}
	return documents;
}
