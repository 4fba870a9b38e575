import type { DeclarativeRestApiSettings, IExecutePaginationFunctions } from 'n8n-workflow';

import {
	downloadFields,
	downloadFromUrlItems,
	downloadSignedUrl,
	fileNameFromContentDisposition,
	headerText,
	redirectLocation,
	requestFile,
	withoutQuery,
} from '../../../../nodes/Raydocs/shared/download';
import { sendRoutedRequest } from '../../../../nodes/Raydocs/shared/transport';
import { errorParts, failureOf, fileContext, networkError, RAYDOCS_TOKEN, type Answer } from '../../../helpers/fileContext';
import { recordedWaits } from '../../../helpers/recordedSleep';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.mock factories cannot use imports
jest.mock('n8n-workflow', () => require('../../../helpers/recordedSleep').n8nWorkflowWithRecordedSleep());
const waits = recordedWaits;
beforeEach(() => {
	waits.length = 0;
});

describe('fileNameFromContentDisposition (downloads, exports)', () => {
	it('prefers the RFC 5987 UTF-8 name over the plain one', () => {
		expect(
			fileNameFromContentDisposition(`attachment; filename="Facture_e.pdf"; filename*=UTF-8''Facture%20%C3%A9t%C3%A9.pdf`),
		).toBe('Facture été.pdf');
	});

	it('reads quoted and bare plain names', () => {
		expect(fileNameFromContentDisposition('attachment; filename="batch export.xlsx"')).toBe('batch export.xlsx');
		expect(fileNameFromContentDisposition('attachment; filename=result.xlsx; size=10')).toBe('result.xlsx');
	});

	it('keeps a malformed encoded name as it came instead of failing the download', () => {
		expect(fileNameFromContentDisposition(`attachment; filename*=UTF-8''bad%E0%A4name.pdf`)).toBe('bad%E0%A4name.pdf');
	});

	it('gives nothing when there is no name', () => {
		expect(fileNameFromContentDisposition(undefined)).toBeUndefined();
		expect(fileNameFromContentDisposition('inline')).toBeUndefined();
	});

	it('reads a language tag, and keeps quotes inside an extended name', () => {
		expect(fileNameFromContentDisposition(`attachment; filename*=UTF-8'fr'r%C3%A9sum%C3%A9.pdf`)).toBe('résumé.pdf');
		expect(fileNameFromContentDisposition(`attachment; filename*=UTF-8''say"hi".pdf`)).toBe('say"hi".pdf');
		expect(fileNameFromContentDisposition('')).toBeUndefined();
	});

	it('reads a quoted RFC 5987 name, spaces around "=" and any case of the parameter', () => {
		expect(fileNameFromContentDisposition(`attachment; FILENAME* = utf-8''"quoted%20name.pdf" ; size=3`)).toBe('quoted name.pdf');
		expect(fileNameFromContentDisposition('attachment; FileName = "spaced.pdf"')).toBe('spaced.pdf');
		expect(fileNameFromContentDisposition('attachment; filename =  bare.pdf  ')).toBe('bare.pdf');
	});
});

describe('headerText', () => {
	it('finds a header in either case and takes the first of repeated values', () => {
		expect(headerText({ 'content-type': 'application/pdf' }, 'Content-Type')).toBe('application/pdf');
		expect(headerText({ 'Content-Type': 'image/png', 'content-type': 'ignored' }, 'Content-Type')).toBe('image/png');
		expect(headerText({ 'set-cookie': ['a=1', 'b=2'] }, 'set-cookie')).toBe('a=1');
		expect(headerText({ 'content-length': 12 }, 'content-length')).toBe('12');
	});

	it('gives nothing for a missing, null or empty header', () => {
		expect(headerText({}, 'content-type')).toBeUndefined();
		expect(headerText({ 'content-type': null }, 'content-type')).toBeUndefined();
		expect(headerText({ 'set-cookie': [] }, 'set-cookie')).toBeUndefined();
	});
});

describe('withoutQuery', () => {
	it('drops the signature (query) and fragment of a URL', () => {
		expect(withoutQuery('https://storage.test/b/invoice.pdf?X-Amz-Signature=secret#page=2')).toBe('https://storage.test/b/invoice.pdf');
		expect(withoutQuery('not a url')).toBe('(invalid URL)');
	});
});

const signedUrl = 'https://storage.test/bucket/invoices/Facture%20%C3%A9t%C3%A9.pdf?X-Amz-Signature=secret';
const where = 'https://storage.test/bucket/invoices/Facture%20%C3%A9t%C3%A9.pdf';

/** A storage that answers with the given responses in turn (the last one repeats). */
const storage = (...answers: Array<Answer | Error>) => (_request: unknown, index: number) => answers[Math.min(index, answers.length - 1)];
const pdfAnswer: Answer = { headers: { 'content-type': 'application/pdf' }, body: Buffer.from('%PDF-1.4') };

describe('downloadSignedUrl', () => {
	it('fetches the URL without credentials and returns the file as binary data', async () => {
		const { context, sent, prepared } = fileContext({ web: storage(pdfAnswer) });
		const file = await downloadSignedUrl(context, signedUrl);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({
			method: 'GET',
			url: signedUrl,
			authenticated: false,
			options: { encoding: 'arraybuffer', json: false, returnFullResponse: true },
		});
		expect(JSON.stringify(sent)).not.toContain(RAYDOCS_TOKEN);
		expect(prepared).toEqual([{ content: Buffer.from('%PDF-1.4'), fileName: 'Facture été.pdf', mimeType: 'application/pdf' }]);
		expect(file).toEqual({
			binary: expect.objectContaining({ fileName: 'Facture été.pdf', mimeType: 'application/pdf' }),
			fileName: 'Facture été.pdf',
			mimeType: 'application/pdf',
			size: 8,
			content: Buffer.from('%PDF-1.4'),
		});
	});

	it('names the file: given name, then Content-Disposition, then the URL, then "document"', async () => {
		const nameOf = async (url: string, answer: Answer, fileName?: string) => {
			const { context, prepared } = fileContext({ web: storage(answer) });
			await downloadSignedUrl(context, url, fileName);
			return prepared[0].fileName;
		};
		const disposition = { ...pdfAnswer, headers: { 'content-disposition': 'attachment; filename="stored.pdf"' } };
		expect(await nameOf(signedUrl, disposition, '  mine.pdf ')).toBe('mine.pdf');
		expect(await nameOf(signedUrl, disposition, '   ')).toBe('stored.pdf');
		expect(await nameOf(signedUrl, pdfAnswer)).toBe('Facture été.pdf');
		expect(await nameOf('https://storage.test/files/bad%E0%A4name.pdf', pdfAnswer)).toBe('bad%E0%A4name.pdf');
		expect(await nameOf('https://storage.test/files/d41d8cd98f00?sig=1', pdfAnswer)).toBe('document');
		expect(await nameOf('https://storage.test/files/archive.tar.verylongext', pdfAnswer)).toBe('document');
		expect(await nameOf('https://storage.test/', pdfAnswer)).toBe('document');
		expect(await nameOf('https://storage.test/files/invoice.pdf/', pdfAnswer)).toBe('invoice.pdf');
		// Only a host that answered for it could make this happen; it names nothing.
		expect(await nameOf('not a url', pdfAnswer)).toBe('document');
	});

	it('passes the served type on without its parameters, and lets n8n guess for a generic or missing one', async () => {
		const typeOf = async (headers: Record<string, unknown> | undefined) => {
			const { context, prepared } = fileContext({ web: storage({ headers, body: Buffer.from('x') }) });
			await downloadSignedUrl(context, signedUrl);
			return prepared[0].mimeType;
		};
		expect(await typeOf({ 'content-type': ' Image/PNG ; charset=binary' })).toBe('image/png');
		expect(await typeOf({ 'content-type': 'application/octet-stream' })).toBeUndefined();
		expect(await typeOf({})).toBeUndefined();
		expect(await typeOf(undefined)).toBeUndefined();
	});

	it('reads the body as an ArrayBuffer, text, a parsed object or nothing', async () => {
		const bytesOf = async (body: unknown) => {
			const { context } = fileContext({ web: storage({ body }) });
			return (await downloadSignedUrl(context, signedUrl)).content.toString();
		};
		expect(await bytesOf(new Uint8Array([0x25, 0x50]).buffer)).toBe('%P');
		expect(await bytesOf('plain text')).toBe('plain text');
		expect(await bytesOf({ parsed: true })).toBe('{"parsed":true}');
		expect(await bytesOf(undefined)).toBe('""');
	});

	it('keeps the name n8n gives the binary when it differs', async () => {
		const { context } = fileContext({ web: storage(pdfAnswer) });
		const helpers = context.helpers as unknown as { prepareBinaryData: (...args: unknown[]) => Promise<unknown> };
		helpers.prepareBinaryData = async () => ({ data: '', mimeType: 'application/pdf', fileName: 'renamed.pdf' });
		expect((await downloadSignedUrl(context, signedUrl)).fileName).toBe('renamed.pdf');
		helpers.prepareBinaryData = async () => ({ data: '', mimeType: 'application/pdf' });
		expect((await downloadSignedUrl(context, signedUrl)).fileName).toBe('Facture été.pdf');
	});

	it.each([503, 500, 429])('retries after HTTP %i at 0.5, 1 and 2 seconds and recovers', async (status) => {
		const { context, sent } = fileContext({ web: storage({ statusCode: status }, { statusCode: status }, { statusCode: status }, pdfAnswer) });
		const file = await downloadSignedUrl(context, signedUrl);
		expect(file.size).toBe(8);
		expect(sent).toHaveLength(4);
		expect(waits).toEqual([500, 1000, 2000]);
	});

	it('gives up after 4 attempts, naming the storage without the signature', async () => {
		const { context, sent } = fileContext({ web: storage({ statusCode: 503 }), itemIndex: 2 });
		const error = await failureOf(() => downloadSignedUrl(context, signedUrl));
		expect(sent).toHaveLength(4);
		expect(errorParts(error)).toEqual({
			message: 'Could not download the file from storage (HTTP 503) after 4 attempts',
			description: `The storage at ${where} did not deliver the file. Run the node again later.`,
			httpCode: '503',
			itemIndex: 2,
		});
		expect(JSON.stringify(error)).not.toContain('secret');
		// What n8n keeps with the execution: the texts and the status, not the signed URL.
		expect((error as { errorResponse: unknown }).errorResponse).toEqual({
			message: 'Could not download the file from storage (HTTP 503) after 4 attempts',
			description: `The storage at ${where} did not deliver the file. Run the node again later.`,
			httpCode: '503',
		});
	});

	it('retries a dropped connection, and reports its code when it keeps dropping', async () => {
		const { context, sent } = fileContext({ web: storage(networkError('ECONNRESET')) });
		const error = await failureOf(() => downloadSignedUrl(context, signedUrl));
		expect(sent).toHaveLength(4);
		// The code goes in the description: n8n replaces a message naming one with its own generic text.
		expect(errorParts(error)).toMatchObject({
			message: 'Could not download the file from storage (no answer) after 4 attempts',
			description: `The storage at ${where} did not deliver the file. Run the node again later. Network code ECONNRESET: the server or a proxy in between closed the connection.`,
		});
		expect(errorParts(error).httpCode).toBeUndefined();
		expect((error as { errorResponse: { httpCode: unknown } }).errorResponse.httpCode).toBeNull();
	});

	it('does not retry what another attempt cannot fix', async () => {
		const once = async (answer: Answer | Error) => {
			const { context, sent } = fileContext({ web: storage(answer, pdfAnswer) });
			const error = errorParts(await failureOf(() => downloadSignedUrl(context, signedUrl)));
			expect(sent).toHaveLength(1);
			return error;
		};
		expect(await once({ statusCode: 403 })).toMatchObject({
			message: 'Could not download the file from storage (HTTP 403)',
			description: `The storage refused ${where}. Signed download links expire after about 10 minutes: run the node again to get a fresh one.`,
			httpCode: '403',
		});
		expect((await once({ statusCode: 400 })).description).toMatch(/^The storage refused .* expire after about 10 minutes/);
		expect(await once({ statusCode: 404 })).toMatchObject({
			message: 'Could not download the file from storage (HTTP 404)',
			description: `The storage has no file at ${where}: the document may have been deleted.`,
		});
		expect((await once({ statusCode: 499 })).description).toBe(`The storage at ${where} did not deliver the file. Run the node again later.`);
		expect((await once(new Error('unexpected failure'))).message).toBe('Could not download the file from storage (no answer)');
		expect(waits).toEqual([]);
	});

	it('words failures as the caller asks, with the attempts made', async () => {
		const { context } = fileContext({ web: storage({ statusCode: 502 }, { statusCode: 404 }) });
		const describe = jest.fn(() => ({ message: 'custom message', description: 'custom description' }));
		const error = errorParts(await failureOf(() => downloadSignedUrl(context, signedUrl, undefined, describe)));
		expect(describe).toHaveBeenCalledWith(where, 404, undefined, 2);
		expect(error).toMatchObject({ message: 'custom message', description: 'custom description' });
	});

	it('leaves the item index out when the context has none (whole-run hooks)', async () => {
		const { context } = fileContext({ web: storage({ statusCode: 404 }) });
		delete (context as { getItemIndex?: unknown }).getItemIndex;
		expect(errorParts(await failureOf(() => downloadSignedUrl(context, signedUrl))).itemIndex).toBeUndefined();
	});
});

describe('downloadFromUrlItems', () => {
	it('replaces each URL answer with its file, in the chosen field, with the document ID', async () => {
		const { context, sent } = fileContext({
			parameters: { binaryPropertyName: ' invoice ', documentId: { __rl: true, mode: 'id', value: ' 34 ' } },
			web: (request) => ({ ...pdfAnswer, body: Buffer.from(`%PDF ${request.url}`) }),
		});
		const items = await downloadFromUrlItems.call(context, [
			{ json: { url: 'https://storage.test/a.pdf?sig=1' } },
			{ json: { url: 'https://storage.test/b.pdf?sig=2' } },
		]);
		expect(sent.map((request) => request.url)).toEqual(['https://storage.test/a.pdf?sig=1', 'https://storage.test/b.pdf?sig=2']);
		expect(items.map((item) => item.json)).toEqual([
			{ document_id: '34', filename: 'a.pdf', mime: 'application/pdf', size: 37 },
			{ document_id: '34', filename: 'b.pdf', mime: 'application/pdf', size: 37 },
		]);
		expect(Object.keys(items[0].binary!)).toEqual(['invoice']);
		expect(Buffer.from(items[1].binary!.invoice.data, 'base64').toString()).toBe('%PDF https://storage.test/b.pdf?sig=2');
	});

	it('uses the "File Name" option and the "data" field, and has no document ID without one', async () => {
		const { context } = fileContext({ parameters: { binaryPropertyName: '  ', options: { fileName: 'renamed.pdf' } }, web: storage(pdfAnswer) });
		const [item] = await downloadFromUrlItems.call(context, [{ json: { url: signedUrl } }]);
		expect(item.json).toEqual({ filename: 'renamed.pdf', mime: 'application/pdf', size: 8 });
		expect(Object.keys(item.binary!)).toEqual(['data']);
	});

	it('fails clearly when Raydocs gave no URL, before any download', async () => {
		for (const json of [{}, { url: '' }, { url: 42 }]) {
			const { context, sent } = fileContext({ itemIndex: 1 });
			const error = await failureOf(() => downloadFromUrlItems.call(context, [{ json }]));
			expect(errorParts(error)).toMatchObject({
				message: 'Raydocs did not return a download URL',
				description: 'The answer had no "url" field, so there is nothing to download.',
				itemIndex: 1,
			});
			expect((error as { errorResponse: unknown }).errorResponse).toEqual({ message: 'Raydocs did not return a download URL' });
			expect(sent).toHaveLength(0);
		}
	});
});

describe('downloadFromUrlItems as the output step of a routed Download', () => {
	it('asks Raydocs for the URL with the token, then downloads the file without it', async () => {
		const { context, sent } = fileContext({ parameters: { documentId: '34' }, raydocs: () => ({ body: { url: signedUrl } }), web: storage(pdfAnswer) });
		const items = await sendRoutedRequest.call(context as unknown as IExecutePaginationFunctions, {
			options: { method: 'GET', url: '/workspaces/12/documents/34/url' },
			postReceive: [{ data: { parameterValue: undefined }, actions: [downloadFromUrlItems] }],
			requestOperations: {},
		} as unknown as DeclarativeRestApiSettings.ResultOptions);
		expect(sent.map((request) => [request.method, request.url, request.authenticated])).toEqual([
			['GET', expect.stringMatching(/\/workspaces\/12\/documents\/34\/url$/), true],
			['GET', signedUrl, false],
		]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ document_id: '34', filename: 'Facture été.pdf', mime: 'application/pdf', size: 8 });
	});
});

describe('downloadFields', () => {
	it('offers the output field (default "data") and a File Name option, shown for the operation', () => {
		const show = { resource: ['workspaceDocument'], operation: ['download'] };
		const [field, options] = downloadFields(show);
		expect(field).toMatchObject({ name: 'binaryPropertyName', type: 'string', required: true, default: 'data', displayOptions: { show } });
		expect(options).toMatchObject({ name: 'options', type: 'collection', default: {}, displayOptions: { show } });
		expect(options.options).toEqual([expect.objectContaining({ name: 'fileName', type: 'string', default: '' })]);
		expect(downloadFields(show)).toHaveLength(2);
	});
});

describe('requestFile, for a caller that follows redirects itself (the File URL guard)', () => {
	const describeFailure = (where: string, status: number | undefined, _code: string | undefined, attempts: number) => ({
		message: `failed at ${where} (${status ?? 'no answer'}, ${attempts} attempts)`,
		description: 'd',
	});

	it('follows redirects by default: n8n is not told otherwise', async () => {
		const { context, sent } = fileContext({ web: storage(pdfAnswer) });
		await requestFile(context, signedUrl, describeFailure);
		expect(sent[0].options).not.toHaveProperty('disableFollowRedirect');
	});

	it.each([301, 302, 303, 307, 308])('with redirects off, returns a %i and its Location at once, without retrying', async (status) => {
		const { context, sent } = fileContext({ web: storage({ statusCode: status, headers: { Location: ' /next.pdf ' } }) });
		const answer = await requestFile(context, signedUrl, describeFailure, { followRedirects: false });
		expect(answer).toEqual({ statusCode: status, headers: { Location: ' /next.pdf ' }, body: '' });
		expect(sent).toHaveLength(1);
		expect(sent[0].options).toMatchObject({ disableFollowRedirect: true, encoding: 'arraybuffer', returnFullResponse: true });
		expect(waits).toEqual([]);
	});

	it('with redirects off, still returns a file, and fails a redirect without Location like any error status', async () => {
		const served = fileContext({ web: storage(pdfAnswer) });
		expect((await requestFile(served.context, signedUrl, describeFailure, { followRedirects: false })).body).toEqual(Buffer.from('%PDF-1.4'));
		const nowhere = fileContext({ web: storage({ statusCode: 302, headers: {} }) });
		expect(errorParts(await failureOf(() => requestFile(nowhere.context, signedUrl, describeFailure, { followRedirects: false }))).message).toBe(
			`failed at ${where} (302, 1 attempts)`,
		);
		expect(nowhere.sent).toHaveLength(1);
	});

	it('with redirects off, retries a transient failure as usual', async () => {
		const { context, sent } = fileContext({ web: storage({ statusCode: 503 }, { statusCode: 302, headers: { location: '/x' } }) });
		expect((await requestFile(context, signedUrl, describeFailure, { followRedirects: false })).statusCode).toBe(302);
		expect(sent).toHaveLength(2);
		expect(waits).toEqual([500]);
	});
});

describe('redirectLocation', () => {
	it('is the Location of a 3xx answer, trimmed, in either header case', () => {
		expect(redirectLocation(302, { location: ' https://cdn.test/a.pdf ' })).toBe('https://cdn.test/a.pdf');
		expect(redirectLocation(300, { Location: '/a' })).toBe('/a');
		expect(redirectLocation(399, { location: '/a' })).toBe('/a');
	});

	it('is nothing for other answers or without a usable Location', () => {
		expect(redirectLocation(undefined, { location: '/a' })).toBeUndefined();
		expect(redirectLocation(299, { location: '/a' })).toBeUndefined();
		expect(redirectLocation(400, { location: '/a' })).toBeUndefined();
		expect(redirectLocation(302, {})).toBeUndefined();
		expect(redirectLocation(302, { location: '   ' })).toBeUndefined();
	});
});
