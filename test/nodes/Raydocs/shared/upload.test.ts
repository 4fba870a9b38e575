import type { IBinaryData } from 'n8n-workflow';

import type { InputFile } from '../../../../nodes/Raydocs/shared/binaryInput';
import { addUploadsToSession, contentDisposition, uploadFile, type UploadedFile } from '../../../../nodes/Raydocs/shared/upload';
import {
	errorParts,
	failureOf,
	fileContext,
	networkError,
	RAYDOCS_TOKEN,
	RAYDOCS_URL,
	type Answer,
	type Script,
	type SentRequest,
} from '../../../helpers/fileContext';
import { recordedWaits } from '../../../helpers/recordedSleep';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.mock factories cannot use imports
jest.mock('n8n-workflow', () => require('../../../helpers/recordedSleep').n8nWorkflowWithRecordedSleep());
const waits = recordedWaits;
beforeEach(() => {
	waits.length = 0;
});

const pdfBytes = Buffer.from('%PDF-1.4 invoice');

function inputFile(extra: Partial<InputFile> = {}, binary: Partial<IBinaryData> = {}): InputFile {
	return {
		propertyName: 'data',
		binary: { data: pdfBytes.toString('base64'), mimeType: 'application/pdf', fileName: 'invoice.pdf', ...binary },
		fileName: 'invoice.pdf',
		mimeType: 'application/pdf',
		...extra,
	};
}

/** Raydocs signs each upload with a new URL and key (signedHeaders: what it asks the PUT to carry). */
function signer(signedHeaders?: Record<string, string>): Script {
	let signed = 0;
	return (request) => {
		if (request.url !== `${RAYDOCS_URL}/vapor/signed-storage-url`) return { statusCode: 500, body: { message: 'unexpected' } };
		signed += 1;
		return { body: { key: `tmp/key-${signed}`, url: `https://storage.test/put/${signed}?X-Amz-Signature=sig${signed}`, headers: signedHeaders } };
	};
}

/** The storage answers in turn (the last answer repeats). */
const storage = (...answers: Array<Answer | Error>): Script => (_request, index) => answers[Math.min(index, answers.length - 1)];

const puts = (sent: SentRequest[]) => sent.filter((request) => request.method === 'PUT');
const signings = (sent: SentRequest[]) => sent.filter((request) => request.url.endsWith('/vapor/signed-storage-url'));

describe('contentDisposition', () => {
	it('gives an ASCII name for old readers and the exact UTF-8 name (RFC 5987)', () => {
		expect(contentDisposition('Facture été "final"\\1.pdf')).toBe(
			`attachment; filename="Facture _t_ _final__1.pdf"; filename*=UTF-8''Facture%20%C3%A9t%C3%A9%20%22final%22%5C1.pdf`,
		);
		expect(contentDisposition('plain~name.pdf')).toBe(`attachment; filename="plain~name.pdf"; filename*=UTF-8''plain~name.pdf`);
	});
});

describe('uploadFile', () => {
	it('signs the upload, then PUTs the file to storage without the Raydocs token', async () => {
		const { context, sent } = fileContext({ raydocs: signer(), web: storage({}), itemFiles: { data: pdfBytes } });
		const uploaded = await uploadFile(context, 0, inputFile());
		expect(uploaded).toEqual({ key: 'tmp/key-1', fileName: 'invoice.pdf', mimeType: 'application/pdf', bytes: pdfBytes.length, propertyName: 'data' });
		expect(sent).toHaveLength(2);
		expect(sent[0]).toMatchObject({
			method: 'POST',
			url: `${RAYDOCS_URL}/vapor/signed-storage-url`,
			body: { content_type: 'application/pdf', visibility: 'private' },
			authenticated: true,
		});
		expect(sent[1]).toMatchObject({
			method: 'PUT',
			url: 'https://storage.test/put/1?X-Amz-Signature=sig1',
			body: pdfBytes,
			authenticated: false,
			options: { json: false, returnFullResponse: true, disableFollowRedirect: true },
		});
		expect(sent[1].headers).toEqual({
			'Content-Type': 'application/pdf',
			'Content-Length': pdfBytes.length,
			'Content-Disposition': contentDisposition('invoice.pdf'),
		});
		expect(JSON.stringify(sent[1])).not.toContain(RAYDOCS_TOKEN);
	});

	it.each([
		[
			'sends the headers the signature asks for, except Authorization and Host',
			{
				'content-type': 'application/x-signed',
				'x-amz-acl': 'private',
				Authorization: `Bearer ${RAYDOCS_TOKEN}`,
				HOST: 'api.raydocs.test',
				authorization: 'Bearer other',
				host: 'storage.test',
			},
			{ 'content-type': 'application/x-signed', 'x-amz-acl': 'private' },
		],
		[
			'types the PUT itself when the signature asks for other headers only',
			{ 'x-amz-acl': 'private', Authorization: `Bearer ${RAYDOCS_TOKEN}` },
			{ 'x-amz-acl': 'private', 'Content-Type': 'image/png' },
		],
	])('%s', async (_behaviour, signedHeaders, expected) => {
		const { context, sent } = fileContext({ raydocs: signer(signedHeaders), web: storage({}), itemFiles: { data: pdfBytes } });
		await uploadFile(context, 0, inputFile({ mimeType: 'image/png' }));
		expect(puts(sent)[0].headers).toEqual({
			...expected,
			'Content-Length': pdfBytes.length,
			'Content-Disposition': contentDisposition('invoice.pdf'),
		});
	});

	it('sends bytes the node downloaded itself as they are', async () => {
		const content = Buffer.from('%PDF from a URL');
		const { context, sent } = fileContext({ raydocs: signer(), web: storage({}) });
		const uploaded = await uploadFile(context, 0, inputFile({ content }));
		expect(puts(sent)[0].body).toBe(content);
		expect(uploaded.bytes).toBe(content.length);
	});

	it('streams a file n8n keeps on disk, with its stored size', async () => {
		const stored = Buffer.from('%PDF stored on disk');
		const { context, sent, streamed } = fileContext({
			raydocs: signer(),
			web: storage({}),
			storedFiles: { 'filesystem-v2:7': { content: stored, fileSize: 4096 } },
			itemFiles: { data: Buffer.from('not this one') },
		});
		const uploaded = await uploadFile(context, 0, inputFile({}, { id: 'filesystem-v2:7' }));
		expect(streamed).toEqual(['filesystem-v2:7']);
		expect(puts(sent)[0].body).toBe(stored);
		expect(puts(sent)[0].headers['Content-Length']).toBe(4096);
		expect(uploaded.bytes).toBe(4096);
	});

	it('reads a stored file whole when its size is unknown', async () => {
		const whole = Buffer.from('%PDF read whole');
		const { context, sent, streamed } = fileContext({
			raydocs: signer(),
			web: storage({}),
			storedFiles: { 'filesystem-v2:8': { content: Buffer.from('stream') } },
			itemFiles: { data: whole },
		});
		const uploaded = await uploadFile(context, 0, inputFile({}, { id: 'filesystem-v2:8' }));
		expect(streamed).toEqual([]);
		expect(puts(sent)[0].body).toBe(whole);
		expect(uploaded.bytes).toBe(whole.length);

		const empty = fileContext({
			raydocs: signer(),
			web: storage({}),
			storedFiles: { 'filesystem-v2:9': { content: Buffer.from('stream'), fileSize: 0 } },
			itemFiles: { data: whole },
		});
		expect((await uploadFile(empty.context, 0, inputFile({}, { id: 'filesystem-v2:9' }))).bytes).toBe(whole.length);
		expect(empty.streamed).toEqual([]);
	});

	it('reads the file again for each attempt and retries storage errors at 0.5 and 1 second', async () => {
		const { context, sent } = fileContext({ raydocs: signer(), web: storage({ statusCode: 503 }, networkError('ECONNRESET'), {}), itemFiles: { data: pdfBytes } });
		const uploaded = await uploadFile(context, 0, inputFile());
		expect(uploaded.key).toBe('tmp/key-1');
		expect(signings(sent)).toHaveLength(1);
		expect(puts(sent).map((request) => request.url)).toEqual(Array(3).fill('https://storage.test/put/1?X-Amz-Signature=sig1'));
		expect(waits).toEqual([500, 1000]);
	});

	it('signs again once when storage refuses the URL (expired signature), then gives up', async () => {
		const { context, sent } = fileContext({ raydocs: signer(), web: storage({ statusCode: 403 }, {}), itemFiles: { data: pdfBytes } });
		expect((await uploadFile(context, 0, inputFile())).key).toBe('tmp/key-2');
		expect(puts(sent).map((request) => request.url)).toEqual([
			'https://storage.test/put/1?X-Amz-Signature=sig1',
			'https://storage.test/put/2?X-Amz-Signature=sig2',
		]);
		expect(waits).toEqual([]);

		const refused = fileContext({ raydocs: signer(), web: storage({ statusCode: 400 }), itemFiles: { data: pdfBytes } });
		const error = await failureOf(() => uploadFile(refused.context, 4, inputFile()));
		expect(signings(refused.sent)).toHaveLength(2);
		expect(puts(refused.sent)).toHaveLength(2);
		expect(errorParts(error)).toEqual({
			message: 'Uploading "invoice.pdf" to Raydocs storage failed (HTTP 400)',
			description:
				'The signed upload URL was refused or storage did not answer. Run the node again; if it keeps failing, check that this n8n instance can reach the storage host.',
			httpCode: '400',
			itemIndex: 4,
		});
		expect(JSON.stringify(error)).not.toContain(RAYDOCS_TOKEN);
		// What n8n keeps with the execution: the storage's own message and the status.
		expect((error as { errorResponse: unknown }).errorResponse).toEqual({ message: 'Request failed with status code 400', httpCode: '400' });
	});

	it('fails at once on a storage answer another attempt cannot change', async () => {
		const { context, sent } = fileContext({ raydocs: signer(), web: storage({ statusCode: 413 }, {}), itemFiles: { data: pdfBytes } });
		const error = errorParts(await failureOf(() => uploadFile(context, 1, inputFile())));
		expect(error).toMatchObject({ message: 'Uploading "invoice.pdf" to Raydocs storage failed (HTTP 413)', httpCode: '413', itemIndex: 1 });
		expect(puts(sent)).toHaveLength(1);
		expect(waits).toEqual([]);
	});

	it('gives up after 3 attempts on each of 2 signed URLs when storage keeps failing', async () => {
		const { context, sent } = fileContext({ raydocs: signer(), web: storage({ statusCode: 500 }), itemFiles: { data: pdfBytes } });
		const error = errorParts(await failureOf(() => uploadFile(context, 0, inputFile())));
		expect(error).toMatchObject({ message: 'Uploading "invoice.pdf" to Raydocs storage failed (HTTP 500)', httpCode: '500' });
		expect(signings(sent)).toHaveLength(2);
		expect(puts(sent)).toHaveLength(6);
		// no wait after a URL's last attempt: the next URL is asked for at once
		expect(waits).toEqual([500, 1000, 500, 1000]);
	});

	it('names the network failure, or its absence, when storage never answers', async () => {
		const dropped = fileContext({ raydocs: signer(), web: storage(Object.assign(new Error('dropped'), { code: 'EPIPE' })), itemFiles: { data: pdfBytes } });
		const error = await failureOf(() => uploadFile(dropped.context, 0, inputFile()));
		// The code goes in the description: n8n replaces a message naming one with its own generic text.
		expect(errorParts(error).message).toBe('Uploading "invoice.pdf" to Raydocs storage failed (no answer)');
		expect(errorParts(error).description).toMatch(/reach the storage host\. Network code EPIPE: the connection closed while the request was still being sent\.$/);
		expect(errorParts(error).httpCode).toBeUndefined();
		expect((error as { errorResponse: unknown }).errorResponse).toEqual({ message: 'dropped', httpCode: null });

		const silent = fileContext({ raydocs: signer(), web: storage(new Error('unexpected')), itemFiles: { data: pdfBytes } });
		const unknown = errorParts(await failureOf(() => uploadFile(silent.context, 0, inputFile())));
		expect(unknown.message).toBe('Uploading "invoice.pdf" to Raydocs storage failed (no answer)');
		expect(unknown.description).toMatch(/reach the storage host\.$/);
		// neither a status nor a network code: not a passing fault, so not repeated
		expect(puts(silent.sent)).toHaveLength(1);
	});

	it.each([
		['no URL', { key: 'tmp/k' }],
		['no key', { url: 'https://storage.test/put' }],
		['a key that is no text', { key: 5, url: 'https://storage.test/put' }],
		['nothing', null],
	])('refuses a signing answer with %s, before any upload', async (_case, body) => {
		const { context, sent } = fileContext({ raydocs: () => ({ body }), web: storage({}) });
		const error = errorParts(await failureOf(() => uploadFile(context, 0, inputFile())));
		expect(error).toMatchObject({
			message: 'Raydocs did not return an upload URL and key',
			description: 'The answer of POST /vapor/signed-storage-url lacked "url" or "key". Try again later.',
		});
		expect(puts(sent)).toHaveLength(0);
	});
});

describe('addUploadsToSession', () => {
	const uploads: UploadedFile[] = ['a.pdf', 'b.pdf', 'c.pdf'].map((fileName, index) => ({
		key: `tmp/key-${index + 1}`,
		fileName,
		mimeType: 'application/pdf',
		bytes: 10,
		propertyName: 'data',
	}));
	const sessionDocuments = `${RAYDOCS_URL}/extractions/sessions/s-1/documents`;
	const bulk = `${sessionDocuments}/upload`;

	it('adds each file by key with its name, and returns the documents Raydocs made', async () => {
		const { context, sent } = fileContext({
			raydocs: (request) => ({ statusCode: 201, body: { id: `doc-${(request.body as { key: string }).key}`, filename: (request.body as { filename: string }).filename } }),
		});
		const documents = await addUploadsToSession(context, 's-1', uploads);
		expect(sent.map((request) => [request.method, request.url, request.body])).toEqual([
			['POST', sessionDocuments, { key: 'tmp/key-1', filename: 'a.pdf' }],
			['POST', sessionDocuments, { key: 'tmp/key-2', filename: 'b.pdf' }],
			['POST', sessionDocuments, { key: 'tmp/key-3', filename: 'c.pdf' }],
		]);
		expect(documents).toEqual([
			{ id: 'doc-tmp/key-1', filename: 'a.pdf' },
			{ id: 'doc-tmp/key-2', filename: 'b.pdf' },
			{ id: 'doc-tmp/key-3', filename: 'c.pdf' },
		]);
	});

	it.each([
		['an unknown route (404)', { statusCode: 404, body: { message: 'The route api/extractions/sessions/s-1/documents could not be found.' } }],
		['another method (405)', { statusCode: 405, body: { message: 'The POST method is not supported for route.' } }],
	])('sends the remaining keys through the bulk route when the named route is missing: %s', async (_case, missing) => {
		const { context, sent } = fileContext({
			raydocs: (request, index) => {
				if (request.url === bulk) return { body: { data: [{ id: 'doc-2' }, { id: 'doc-3' }] } };
				return index === 0 ? { statusCode: 201, body: { id: 'doc-1' } } : missing;
			},
		});
		const documents = await addUploadsToSession(context, 's-1', uploads);
		expect(sent.map((request) => [request.url, request.body])).toEqual([
			[sessionDocuments, { key: 'tmp/key-1', filename: 'a.pdf' }],
			[sessionDocuments, { key: 'tmp/key-2', filename: 'b.pdf' }],
			[bulk, { keys: ['tmp/key-2', 'tmp/key-3'] }],
		]);
		expect(documents).toEqual([{ id: 'doc-1' }, { id: 'doc-2' }, { id: 'doc-3' }]);
	});

	it('reads a bare list from the bulk route too', async () => {
		const { context } = fileContext({
			raydocs: (request) => (request.url === bulk ? { body: [{ id: 'doc-1' }] } : { statusCode: 405, body: {} }),
		});
		expect(await addUploadsToSession(context, 's-1', uploads.slice(0, 1))).toEqual([{ id: 'doc-1' }]);
	});

	it('stops at a refusal of the route (a missing session is no missing route)', async () => {
		const { context, sent } = fileContext({ raydocs: () => ({ statusCode: 404, body: { message: 'Session not found.' } }) });
		const error = await failureOf(() => addUploadsToSession(context, 's-1', uploads));
		expect(errorParts(error).httpCode).toBe('404');
		expect(sent).toHaveLength(1);
	});

	it('returns nothing for nothing', async () => {
		const { context, sent } = fileContext();
		expect(await addUploadsToSession(context, 's-1', [])).toEqual([]);
		expect(sent).toHaveLength(0);
	});
});

