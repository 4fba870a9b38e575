import { NodeApiError, sleep } from 'n8n-workflow';
import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';

import { failureInBrief, networkCodeNote, readHttpFailure } from './errors';
import { transientRetryWaitMs } from './retries';

export type DownloadContext = IExecuteFunctions | IExecuteSingleFunctions;

export interface DownloadedFile {
	binary: IBinaryData;
	fileName: string;
	mimeType: string;
	size: number;
	/** The bytes as downloaded (the binary may live in n8n's store instead). */
	content: Buffer;
}

/** What to tell the user when a download fails: `where` is the URL without its query. */
export type DownloadFailureText = (
	where: string,
	status: number | undefined,
	code: string | undefined,
	attempts: number,
) => { message: string; description: string };

const GENERIC_MIME = 'application/octet-stream';

export function headerText(headers: IDataObject, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

function decoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** `filename*=UTF-8''...` wins over `filename="..."`, as RFC 6266 asks. */
export function fileNameFromContentDisposition(header: string | undefined): string | undefined {
	// No header reads as one without a name.
	const text = header ?? '';
	const extended = /filename\*\s*=\s*[\w-]+'[^']*'([^;]+)/i.exec(text);
	if (extended) return decoded(extended[1].trim().replace(/^"|"$/g, ''));
	const quoted = /filename\s*=\s*"([^"]*)"/i.exec(text);
	if (quoted) return quoted[1];
	const bare = /filename\s*=\s*([^;]+)/i.exec(text);
	return bare ? bare[1].trim() : undefined;
}

/** Storage URLs end with the object's name (e.g. `.../invoice.pdf?X-Amz-Signature=...`). */
function fileNameFromUrl(url: string): string | undefined {
	let last: string | undefined;
	try {
		last = new URL(url).pathname.split('/').filter(Boolean).pop();
	} catch {
		// Not a URL: it names nothing.
	}
	const name = last ? decoded(last) : '';
	return /\.[A-Za-z0-9]{1,8}$/.test(name) ? name : undefined;
}

/** The URL without its signature, so that messages never carry a usable link. */
export function withoutQuery(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.origin}${parsed.pathname}`;
	} catch {
		return '(invalid URL)';
	}
}

function itemIndexOf(context: DownloadContext): number | undefined {
	return 'getItemIndex' in context ? context.getItemIndex() : undefined;
}

/** Storage downloads: the URL is a signed link Raydocs gave, which expires. */
const describeStorageFailure: DownloadFailureText = (where, status, code, attempts) => {
	const tried = attempts > 1 ? ` after ${attempts} attempts` : '';
	const message = `Could not download the file from storage (${failureInBrief({ status, code })})${tried}`;
	const description =
		status === 403 || status === 400
			? `The storage refused ${where}. Signed download links expire after about 10 minutes: run the node again to get a fresh one.`
			: status === 404
				? `The storage has no file at ${where}: the document may have been deleted.`
				: `The storage at ${where} did not deliver the file. Run the node again later.${networkCodeNote(code)}`;
	return { message, description };
};

function downloadError(
	context: DownloadContext,
	url: string,
	status: number | undefined,
	code: string | undefined,
	attempts: number,
	describeFailure: DownloadFailureText,
): NodeApiError {
	const { message, description } = describeFailure(withoutQuery(url), status, code, attempts);
	const httpCode = status !== undefined ? String(status) : undefined;
	// Built from a plain object so that the signed URL (a credential for the file) is not kept.
	const errorResponse: JsonObject = { message, description, httpCode: httpCode ?? null };
	return new NodeApiError(context.getNode(), errorResponse, {
		message,
		description,
		httpCode,
		itemIndex: itemIndexOf(context),
	});
}

/**
 * Fetches a pre-signed storage URL (or any file URL) and turns the bytes into binary data. The
 * request is sent without credentials on purpose: the signature is the authorisation, and the
 * Raydocs token must never reach the storage host or any other host.
 */
export async function downloadSignedUrl(
	context: DownloadContext,
	url: string,
	fileName?: string,
	describeFailure: DownloadFailureText = describeStorageFailure,
): Promise<DownloadedFile> {
	return await fileFromResponse(context, url, await requestFile(context, url, describeFailure), fileName);
}

/**
 * One GET of a file, without credentials, retried on transient failures. With `followRedirects`
 * off, a redirect is not followed but returned (its status and Location), for the caller to check.
 */
export async function requestFile(
	context: DownloadContext,
	url: string,
	describeFailure: DownloadFailureText,
	{ followRedirects = true }: { followRedirects?: boolean } = {},
): Promise<IN8nHttpFullResponse> {
	let response: IN8nHttpFullResponse | undefined;
	for (let attempt = 1; !response; attempt++) {
		try {
			response = (await context.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'arraybuffer',
				json: false,
				returnFullResponse: true,
				...(followRedirects ? {} : { disableFollowRedirect: true }),
			})) as IN8nHttpFullResponse;
		} catch (error) {
			const failure = readHttpFailure(error);
			// Redirects off, n8n rejects a 3xx answer like an error status, with the answer attached.
			const headers = failure.headers as IDataObject;
			if (!followRedirects && redirectLocation(failure.status, headers) !== undefined) {
				response = { statusCode: failure.status!, headers, body: '' };
				break;
			}
			const waitMs = transientRetryWaitMs(failure, attempt, 'download');
			if (waitMs !== undefined) {
				await sleep(waitMs);
				continue;
			}
			throw downloadError(context, url, failure.status, failure.code, attempt, describeFailure);
		}
	}
	// The loop ends only with an answer.
	return response!;
}

/** Where a redirect answer points (its Location as sent), or undefined for any other answer. */
export function redirectLocation(status: number | undefined, headers: IDataObject): string | undefined {
	if (status === undefined || status < 300 || status >= 400) return undefined;
	return headerText(headers, 'Location')?.trim() || undefined;
}

/** The bytes of a file answer as binary data, named by `fileName`, the answer or the URL. */
export async function fileFromResponse(
	context: DownloadContext,
	url: string,
	response: IN8nHttpFullResponse,
	fileName?: string,
): Promise<DownloadedFile> {
	const body = response.body;
	const bytes = Buffer.isBuffer(body)
		? body
		: body instanceof ArrayBuffer
			? Buffer.from(body)
			: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? ''));
	const headers = response.headers ?? {};
	const contentType = headerText(headers, 'content-type')?.split(';')[0].trim().toLowerCase();
	const name =
		fileName?.trim() ||
		fileNameFromContentDisposition(headerText(headers, 'content-disposition')) ||
		fileNameFromUrl(url) ||
		'document';
	// A generic type says nothing: let n8n guess from the file name instead.
	const mimeType = contentType && contentType !== GENERIC_MIME ? contentType : undefined;
	const binary = await context.helpers.prepareBinaryData(bytes, name, mimeType);
	return {
		binary,
		fileName: binary.fileName ?? name,
		mimeType: binary.mimeType,
		size: bytes.length,
		content: bytes,
	};
}

/**
 * postReceive of the Download operations: replaces each `{ url }` item (a Raydocs "download URL"
 * answer) with the file, put in the binary field named by the `binaryPropertyName` parameter. The
 * optional `options.fileName` parameter overrides the name the storage gives. It runs after the
 * transport has the URL, so a storage failure is reported as such, not as a Raydocs error.
 */
export async function downloadFromUrlItems(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const binaryPropertyName = String(this.getNodeParameter('binaryPropertyName', 'data')).trim() || 'data';
	const fileName = String(this.getNodeParameter('options.fileName', '') ?? '');
	const documentId = String(this.getNodeParameter('documentId', '', { extractValue: true }) ?? '').trim();
	const result: INodeExecutionData[] = [];
	for (const item of items) {
		const url = (item.json as IDataObject).url;
		if (typeof url !== 'string' || !url) {
			throw new NodeApiError(
				this.getNode(),
				{ message: 'Raydocs did not return a download URL' },
				{
					message: 'Raydocs did not return a download URL',
					description: 'The answer had no "url" field, so there is nothing to download.',
					itemIndex: this.getItemIndex(),
				},
			);
		}
		const file = await downloadSignedUrl(this, url, fileName);
		result.push({
			json: {
				...(documentId ? { document_id: documentId } : {}),
				filename: file.fileName,
				mime: file.mimeType,
				size: file.size,
			},
			binary: { [binaryPropertyName]: file.binary },
		});
	}
	return result;
}

/** Binary field and file name fields of a Download operation. */
export function downloadFields(showFor: NonNullable<INodeProperties['displayOptions']>['show']): INodeProperties[] {
	return [
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the output binary field to put the file in',
			displayOptions: { show: showFor },
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show: showFor },
			options: [
				{
					displayName: 'File Name',
					name: 'fileName',
					type: 'string',
					default: '',
					placeholder: 'e.g. invoice.pdf',
					description: 'Name to give the file instead of the one Raydocs stores',
				},
			],
		},
	];
}
