import { fileUrlField, inputFileFromUrl, requireFileUrl } from '../../../../nodes/Raydocs/shared/urlInput';
import { supportedTypeNames } from '../../../../nodes/Raydocs/shared/binaryInput';
import { errorParts, failureOf, fileContext, networkError, RAYDOCS_TOKEN, type Answer } from '../../../helpers/fileContext';
import { startFileHost, type FileHost } from '../../../helpers/fileHost';
import { apiRequests, extractDocumentParameters, requestLines, runRaydocs, storageRequests, useFakeRaydocs } from '../../../helpers/raydocs';

/** Extraction → Extract Document with Input Source "File URL" (nodes/Raydocs/shared/urlInput.ts). */
describe('Raydocs → Extract Document from a File URL', () => {
	const fake = useFakeRaydocs();
	let web: FileHost;
	beforeAll(async () => {
		web = await startFileHost();
	});
	beforeEach(() => {
		web.files.clear();
		web.requests.length = 0;
	});
	afterAll(async () => await web.close());

	const extractFromUrl = (fileUrl: string) => extractDocumentParameters(fake(), { inputSource: 'fileUrl', fileUrl });

	it('downloads the file without the token, uploads it and returns the extracted values', async () => {
		const pdf = '%PDF-1.4 invoice from the web';
		web.files.set('/files/web-invoice.pdf', { body: pdf, contentType: 'application/pdf' });
		const { items, error, run } = await runRaydocs(fake(), extractFromUrl(`${web.url}/files/web-invoice.pdf?sig=abc`));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ status: 'completed', documents: ['web-invoice.pdf'] });
		expect(items[0].json['invoice_details.invoice_number']).toMatch(/^INV-/);

		expect(web.requests).toHaveLength(1);
		expect(web.requests[0]).toMatchObject({ method: 'GET', path: '/files/web-invoice.pdf' });
		expect(web.requests[0].headers.authorization).toBeUndefined();
		expect(JSON.stringify(web.requests)).not.toContain(fake().token);

		const sessionId = items[0].json.session_id;
		expect(requestLines(fake()).slice(0, 4)).toEqual([
			'POST /vapor/signed-storage-url',
			'POST /extractions/sessions',
			`POST /extractions/sessions/${sessionId}/documents`,
			`POST /extractions/sessions/${sessionId}/results`,
		]);
		const [signed, session] = apiRequests(fake());
		expect(signed.body).toEqual({ content_type: 'application/pdf', visibility: 'private' });
		expect(session.body).toMatchObject({ name: 'web-invoice.pdf' });
		const [put] = storageRequests(fake());
		expect(put).toMatchObject({ method: 'PUT', hasAuthorization: false, status: 200 });
		expect((put.body as { bytes: number }).bytes).toBe(Buffer.byteLength(pdf));
		expect(JSON.stringify(run)).not.toContain(fake().token);
	});

	it('takes the type from the name when the server sends a generic one', async () => {
		web.files.set('/scan.png', { body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), contentType: 'application/octet-stream' });
		const { items, error } = await runRaydocs(fake(), extractFromUrl(`${web.url}/scan.png`));
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('completed');
		expect(apiRequests(fake())[0].body).toEqual({ content_type: 'image/png', visibility: 'private' });
	});

	it('reports a missing file by URL (without its query) and sends nothing to Raydocs', async () => {
		const { error } = await runRaydocs(fake(), extractFromUrl(`${web.url}/gone.pdf?X-Amz-Signature=secret`));
		expect(error?.message).toBe(`Could not download the file at ${web.url}/gone.pdf (HTTP 404)`);
		expect(error?.message).not.toContain('secret');
		expect((error as { description?: string }).description).toContain('check the File URL');
		expect(fake().log).toHaveLength(0);
	});

	it('retries a server that fails for a moment, and gives up on one that keeps failing', async () => {
		web.files.set('/flaky.pdf', { body: '%PDF flaky', contentType: 'application/pdf', failFirst: 1 });
		const { items, error } = await runRaydocs(fake(), extractFromUrl(`${web.url}/flaky.pdf`));
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('completed');
		expect(web.requests.map((request) => request.path)).toEqual(['/flaky.pdf', '/flaky.pdf']);

		web.requests.length = 0;
		fake().clearLog();
		web.files.set('/down.pdf', { body: '%PDF down', contentType: 'application/pdf', failFirst: 100 });
		const down = await runRaydocs(fake(), extractFromUrl(`${web.url}/down.pdf`));
		expect(down.error?.message).toBe(`Could not download the file at ${web.url}/down.pdf (HTTP 503) after 4 attempts`);
		expect(web.requests).toHaveLength(4);
		expect(fake().log).toHaveLength(0);
	});

	it('refuses a file type Raydocs cannot read, before any Raydocs request', async () => {
		web.files.set('/table.csv', { body: 'a,b\n1,2', contentType: 'text/csv' });
		const { error } = await runRaydocs(fake(), extractFromUrl(`${web.url}/table.csv`));
		expect(error?.message).toBe(`Raydocs cannot read "table.csv" (text/csv) from ${web.url}/table.csv`);
		expect(fake().log).toHaveLength(0);
	});

	it.each([['not a url'], ['ftp://127.0.0.1/file.pdf'], ['={{ "" }}']])('refuses %j before any request', async (fileUrl) => {
		const { error } = await runRaydocs(fake(), extractFromUrl(fileUrl));
		expect(error?.message).toMatch(/^File URL (is empty|".*" is not a web address)$/);
		expect(web.requests).toHaveLength(0);
		expect(fake().log).toHaveLength(0);
	});

	it('accepts the URL from an expression, one download per item, as an AI tool passes it', async () => {
		web.files.set('/a.pdf', { body: '%PDF a', contentType: 'application/pdf' });
		web.files.set('/b.pdf', { body: '%PDF b', contentType: 'application/pdf' });
		const { items, error } = await runRaydocs(fake(), extractFromUrl('={{ $json.link }}'), {
			input: [{ json: { link: `${web.url}/a.pdf` } }, { json: { link: `${web.url}/b.pdf` } }],
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.documents)).toEqual([['a.pdf'], ['b.pdf']]);
		expect(web.requests.map((request) => request.path)).toEqual(['/a.pdf', '/b.pdf']);
	});
});

describe('requireFileUrl', () => {
	const { context } = fileContext();

	it('returns the trimmed, normalised http(s) address', () => {
		expect(requireFileUrl(context, '  HTTPS://Example.com/invoices/a b.pdf?x=1 ', 0)).toBe('https://example.com/invoices/a%20b.pdf?x=1');
		expect(requireFileUrl(context, 'http://127.0.0.1:8080/f.pdf', 0)).toBe('http://127.0.0.1:8080/f.pdf');
	});

	it('refuses what is no web address, quoting at most 200 characters of it', async () => {
		const refusal = async (value: unknown) => errorParts(await failureOf(() => requireFileUrl(context, value, 5)));
		const description = 'Enter the full http or https address of the file, e.g. https://example.com/invoice.pdf.';
		expect(await refusal('ftp://example.com/f.pdf')).toEqual({ message: 'File URL "ftp://example.com/f.pdf" is not a web address', description, itemIndex: 5 });
		expect(await refusal('file:///etc/passwd')).toMatchObject({ message: 'File URL "file:///etc/passwd" is not a web address' });
		expect(await refusal(`${'x'.repeat(250)}`)).toMatchObject({ message: `File URL "${'x'.repeat(200)}" is not a web address` });
		for (const empty of ['  ', undefined, null]) {
			expect(await refusal(empty)).toEqual({ message: 'File URL is empty', description, itemIndex: 5 });
		}
	});
});

describe('inputFileFromUrl', () => {
	const url = 'https://files.example.com/in/scan.png?X-Amz-Signature=secret';
	const where = 'https://files.example.com/in/scan.png';
	const serving = (...answers: Array<Answer | Error>) =>
		fileContext({ web: (_request, index) => answers[Math.min(index, answers.length - 1)] });

	it('downloads without the token and returns the file to upload, typed by its name when served generically', async () => {
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
		const { context, sent } = serving({ headers: { 'content-type': 'application/octet-stream' }, body: png });
		const file = await inputFileFromUrl(context, 0, ` ${url} `);
		expect(sent).toEqual([expect.objectContaining({ method: 'GET', url, authenticated: false })]);
		expect(JSON.stringify(sent)).not.toContain(RAYDOCS_TOKEN);
		expect(file).toEqual({
			propertyName: 'fileUrl',
			binary: expect.objectContaining({ fileName: 'scan.png' }),
			fileName: 'scan.png',
			mimeType: 'image/png',
			content: png,
		});
	});

	it('refuses an empty file, naming the URL without its query', async () => {
		const { context } = serving({ headers: { 'content-type': 'image/png' }, body: Buffer.alloc(0) });
		expect(errorParts(await failureOf(() => inputFileFromUrl(context, 3, url)))).toEqual({
			message: `The file at ${where} is empty (0 bytes)`,
			description: 'Raydocs cannot extract data from an empty file: check the File URL.',
			itemIndex: 3,
		});
	});

	it('refuses a type Raydocs cannot read, listing the supported ones', async () => {
		const { context } = serving({ headers: { 'content-type': 'text/html' }, body: Buffer.from('<html>') });
		expect(errorParts(await failureOf(() => inputFileFromUrl(context, 3, url)))).toEqual({
			message: `Raydocs cannot read "scan.png" (text/html) from ${where}`,
			description: `Supported types: ${supportedTypeNames()}.`,
			itemIndex: 3,
		});
	});

	it('explains each kind of download failure with the fix', async () => {
		const failure = async (...answers: Array<Answer | Error>) => {
			const { context } = serving(...answers);
			return errorParts(await failureOf(() => inputFileFromUrl(context, 1, url)));
		};
		const missing = 'The server has no file at this address: check the File URL.';
		const refused = 'The server refused the download. The File URL must be readable without signing in (a public or pre-signed link).';
		const failed = 'The server did not deliver the file. Check the File URL and that this n8n instance can reach it, then try again.';
		expect(await failure({ statusCode: 404 })).toEqual({ message: `Could not download the file at ${where} (HTTP 404)`, description: missing, httpCode: '404', itemIndex: 0 });
		expect((await failure({ statusCode: 410 })).description).toBe(missing);
		expect((await failure({ statusCode: 401 })).description).toBe(refused);
		expect((await failure({ statusCode: 403 })).description).toBe(refused);
		expect((await failure({ statusCode: 400 })).description).toBe(failed);
		expect(await failure({ statusCode: 502 }, { statusCode: 500 }, { statusCode: 418 })).toMatchObject({
			message: `Could not download the file at ${where} (HTTP 418) after 3 attempts`,
			description: failed,
		});
		// The code goes in the description: n8n replaces a message naming one with its own generic text.
		expect(await failure(networkError('EPIPE'))).toMatchObject({
			message: `Could not download the file at ${where} (no answer) after 4 attempts`,
			description: `${failed} Network code EPIPE: the connection closed while the request was still being sent.`,
		});
		expect(await failure(new Error('unexpected'))).toMatchObject({ message: `Could not download the file at ${where} (no answer)`, description: failed });
	});
});

describe('fileUrlField', () => {
	it('is a required text field shown for the operation', () => {
		const show = { inputSource: ['fileUrl'] };
		expect(fileUrlField(show)).toMatchObject({ name: 'fileUrl', type: 'string', required: true, default: '', displayOptions: { show } });
	});
});
