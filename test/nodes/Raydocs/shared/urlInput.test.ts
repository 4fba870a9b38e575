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
