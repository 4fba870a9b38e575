/** Uploads handed back to the API after a signed-URL PUT: their validation and how they are named. */
import type { FakeEngine } from './engine';
import { validationFailed } from './http';
import type { Upload } from './types';
import { extensionForMime, mimeForFilename, SUPPORTED_UPLOAD_MIMES } from './util';

/**
 * Resolves keys to uploads whose bytes have arrived. Errors are reported Laravel-style under the
 * body field that carried the keys (`keys`, `files` or `key`). All keys are checked before anything
 * changes, so a 422 never leaves half a batch behind.
 */
export function resolveUploads(
	engine: FakeEngine,
	field: string,
	keys: string[],
	options: { supportedOnly: boolean; filenames?: Array<string | undefined> },
): Upload[] {
	const messages: string[] = [];
	const uploads: Upload[] = [];
	keys.forEach((key, index) => {
		const upload = engine.state.uploads.get(key);
		if (!upload) {
			messages.push(`The key ${key} is invalid: it was not issued by /vapor/signed-storage-url.`);
			return;
		}
		if (!upload.object) {
			messages.push(
				`No file has been uploaded for key ${key}; PUT the bytes to the signed URL first.`,
			);
			return;
		}
		if (options.supportedOnly) {
			const { mime } = describeUpload(upload, { filename: options.filenames?.[index] });
			if (!SUPPORTED_UPLOAD_MIMES.has(mime)) {
				messages.push(
					`The file for key ${key} has an unsupported type (${mime}). Supported: PDF, Word, PowerPoint, PNG, JPEG, TIFF.`,
				);
				return;
			}
		}
		uploads.push(upload);
	});
	if (messages.length > 0) throw validationFailed({ [field]: messages });
	return uploads;
}

/** Filename and MIME type of an upload, as the fake guesses them (see importUpload). */
export function describeUpload(
	upload: Upload,
	overrides: { filename?: string; mime?: string } = {},
): { filename: string; mime: string } {
	const object = upload.object;
	const putType =
		object?.contentType && object.contentType !== 'application/octet-stream'
			? object.contentType
			: undefined;
	const requestedType =
		upload.contentType !== 'application/octet-stream' ? upload.contentType : undefined;
	const filename = overrides.filename ?? object?.filename;
	let mime =
		overrides.mime ??
		putType ??
		requestedType ??
		(filename ? mimeForFilename(filename) : undefined) ??
		'application/octet-stream';
	if (mime === 'application/octet-stream' && filename) mime = mimeForFilename(filename) ?? mime;
	return { filename: filename ?? `${upload.uuid}.${extensionForMime(mime)}`, mime };
}
