import { ALLOW_PRIVATE_NETWORK_OPTION, MAX_FILE_URL_REDIRECTS } from '../../../../nodes/Raydocs/shared/fileUrlGuard';
import { allowsPrivateNetwork, fileUrlFields, inputFileFromUrl, requireFileUrl } from '../../../../nodes/Raydocs/shared/urlInput';
import { supportedTypeNames } from '../../../../nodes/Raydocs/shared/binaryInput';
import { errorParts, failureOf, fileContext, networkError, RAYDOCS_TOKEN, type Answer } from '../../../helpers/fileContext';
import { routeThroughProxy, startFileHost, type FileHost } from '../../../helpers/fileHost';
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

	/** The file server of these tests is on 127.0.0.1: a private address, so the option is on unless a case says otherwise. */
	const extractFromUrl = (fileUrl: string, allowPrivateNetwork: unknown = true) =>
		extractDocumentParameters(fake(), { inputSource: 'fileUrl', fileUrl, allowPrivateNetwork: allowPrivateNetwork as boolean });

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

	describe('the private-network guard', () => {
		const guarded = (fileUrl: string, allowPrivateNetwork?: unknown) =>
			extractDocumentParameters(fake(), {
				inputSource: 'fileUrl',
				fileUrl,
				...(allowPrivateNetwork === undefined ? {} : { allowPrivateNetwork: allowPrivateNetwork as boolean }),
			});
		const port = () => new URL(web.url).port;

		it('refuses the file server on 127.0.0.1 by default: no request reaches it, nothing goes to Raydocs', async () => {
			web.files.set('/internal/report.pdf', { body: '%PDF internal', contentType: 'application/pdf' });
			const { items, error } = await runRaydocs(fake(), guarded(`${web.url}/internal/report.pdf?sig=secret`));
			expect(items).toEqual([]);
			expect(error?.message).toBe(
				`File URL ${web.url}/internal/report.pdf points to a private network address: 127.0.0.1 (loopback, 127.0.0.0/8)`,
			);
			expect((error as { description?: string }).description).toContain(`turn on "${ALLOW_PRIVATE_NETWORK_OPTION}" below File URL`);
			for (const spelling of [`http://localhost:${port()}`, `http://2130706433:${port()}`, `http://0x7f.1:${port()}`, `http://[::ffff:127.0.0.1]:${port()}`]) {
				const refused = await runRaydocs(fake(), guarded(`${spelling}/internal/report.pdf`, false));
				expect(refused.error?.message).toMatch(/ points to a private network address: /);
			}
			expect(web.requests).toEqual([]);
			expect(fake().log).toHaveLength(0);
		});

		it('serves it with Allow Private Network Addresses on', async () => {
			web.files.set('/internal/report.pdf', { body: '%PDF internal', contentType: 'application/pdf' });
			const { items, error } = await runRaydocs(fake(), guarded(`${web.url}/internal/report.pdf`, true));
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ status: 'completed', documents: ['report.pdf'] });
			expect(web.requests.map((request) => request.path)).toEqual(['/internal/report.pdf']);
		});

		it('follows redirects itself in n8n, each one checked, the file named by where it ends', async () => {
			web.files.set('/download', { location: '/files/moved.pdf', status: 301 });
			web.files.set('/files/moved.pdf', { location: `${web.url}/files/final-invoice.pdf?sig=1`, status: 307 });
			web.files.set('/files/final-invoice.pdf', { body: '%PDF final', contentType: 'application/pdf' });
			const { items, error } = await runRaydocs(fake(), guarded(`${web.url}/download`, true));
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ status: 'completed', documents: ['final-invoice.pdf'] });
			expect(web.requests.map((request) => request.path)).toEqual(['/download', '/files/moved.pdf', '/files/final-invoice.pdf']);
		});

		it(`stops after ${MAX_FILE_URL_REDIRECTS} redirects, also with the option on`, async () => {
			for (let hop = 0; hop <= MAX_FILE_URL_REDIRECTS; hop++) web.files.set(`/loop/${hop}`, { location: `/loop/${hop + 1}` });
			const { error } = await runRaydocs(fake(), guarded(`${web.url}/loop/0`, true));
			expect(error?.message).toBe(`File URL ${web.url}/loop/0 redirected more than ${MAX_FILE_URL_REDIRECTS} times`);
			expect(web.requests).toHaveLength(MAX_FILE_URL_REDIRECTS + 1);
			expect(fake().log).toHaveLength(0);
		});

		it.each([['={{ true }}'], ['={{ $json.allow }}']])('refuses the option set by an expression (%s), before any request', async (expression) => {
			web.files.set('/internal/report.pdf', { body: '%PDF internal', contentType: 'application/pdf' });
			const { error } = await runRaydocs(fake(), guarded(`${web.url}/internal/report.pdf`, expression), { input: [{ json: { allow: true } }] });
			expect(error?.message).toBe(`${ALLOW_PRIVATE_NETWORK_OPTION} cannot be set by an expression`);
			expect(web.requests).toEqual([]);
		});

		describe('behind a public host name (the file server acting as its HTTP proxy)', () => {
			let restoreProxy: () => void;
			// n8n's HTTP helper sends http://files.public.test/... through the proxy; Raydocs (127.0.0.1) goes direct.
			beforeAll(() => (restoreProxy = routeThroughProxy(web.url, ['127.0.0.1', 'localhost'])));
			afterAll(() => restoreProxy());

			it('downloads from the public host with the option off', async () => {
				web.files.set('/public/invoice.pdf', { body: '%PDF public', contentType: 'application/pdf' });
				const { items, error } = await runRaydocs(fake(), guarded('http://files.public.test/public/invoice.pdf'));
				expect(error).toBeUndefined();
				expect(items[0].json).toMatchObject({ status: 'completed', documents: ['invoice.pdf'] });
				expect(web.requests.map((request) => request.proxiedUrl)).toEqual(['http://files.public.test/public/invoice.pdf']);
			});

			it('refuses its redirect to the private network: the private address gets no request', async () => {
				web.files.set('/public/start.pdf', { location: `${web.url}/internal/secret.pdf` });
				web.files.set('/internal/secret.pdf', { body: '%PDF secret', contentType: 'application/pdf' });
				const { error } = await runRaydocs(fake(), guarded('http://files.public.test/public/start.pdf'));
				expect(error?.message).toBe(
					'File URL http://files.public.test/public/start.pdf redirected to a private network address: 127.0.0.1 (loopback, 127.0.0.0/8)',
				);
				expect(web.requests.map((request) => request.proxiedUrl ?? request.path)).toEqual(['http://files.public.test/public/start.pdf']);
				expect(fake().log).toHaveLength(0);
			});
		});
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

	it("says so, once, when n8n's SSRF protection refuses the address (nothing was sent, so nothing is retried)", async () => {
		// As n8n 2.x's @n8n/backend-network throws it, wrapped by the HTTP client.
		const blocked = Object.assign(new Error('The request was blocked because it resolves to a restricted IP address'), { name: 'SsrfBlockedIpError' });
		const { context, sent } = serving(Object.assign(new Error('request failed'), { cause: blocked }), { statusCode: 200 });
		expect(errorParts(await failureOf(() => inputFileFromUrl(context, 1, url)))).toMatchObject({
			message: `Could not download the file at ${where} (refused by n8n)`,
			description: expect.stringMatching(/^Nothing was sent: n8n blocks this address for every node\. Network code REFUSED_BY_N8N: n8n's SSRF protection \(N8N_SSRF_PROTECTION_ENABLED\) refused .* N8N_SSRF_ALLOWED_IP_RANGES or N8N_SSRF_ALLOWED_HOSTNAMES\.$/),
		});
		expect(sent).toHaveLength(1);
	});
});

describe('fileUrlFields', () => {
	const show = { inputSource: ['fileUrl'] };
	const [fileUrl, allowPrivateNetwork] = fileUrlFields(show);

	it('is a required text field shown for the operation', () => {
		expect(fileUrl).toMatchObject({ name: 'fileUrl', type: 'string', required: true, default: '', displayOptions: { show } });
	});

	it('comes with the private-network switch: off, and no expression (so no $fromAI) allowed', () => {
		expect(allowPrivateNetwork).toMatchObject({
			displayName: ALLOW_PRIVATE_NETWORK_OPTION,
			name: 'allowPrivateNetwork',
			type: 'boolean',
			default: false,
			noDataExpression: true,
			displayOptions: { show },
		});
	});
});

describe('allowsPrivateNetwork', () => {
	const read = (value: unknown) => allowsPrivateNetwork(fileContext({ parameters: { allowPrivateNetwork: value } }).context, 3);

	it('is the switch as set, off when absent', () => {
		expect(read(true)).toBe(true);
		expect(read(false)).toBe(false);
		expect(read(undefined)).toBe(false);
	});

	it('asks n8n for the value as written: one it would evaluate to true still counts as an expression', () => {
		const { context } = fileContext({ parameters: { allowPrivateNetwork: "={{ $fromAI('allow', '', 'boolean') }}" } });
		// Like n8n's getNodeParameter: evaluated (here to an agent's `true`) unless the raw value is asked for.
		const evaluating = Object.create(context, {
			getNodeParameter: {
				value: (name: string, itemIndex: number, fallback: unknown, options?: { rawExpressions?: boolean }) =>
					options?.rawExpressions ? context.getNodeParameter(name, itemIndex, fallback) : true,
			},
		}) as typeof context;
		expect(() => allowsPrivateNetwork(evaluating, 0)).toThrow(`${ALLOW_PRIVATE_NETWORK_OPTION} cannot be set by an expression`);
	});

	it('refuses anything else: an expression or an agent\'s $fromAI() as written in the node', async () => {
		for (const value of ['={{ true }}', "={{ $fromAI('allow', '', 'boolean') }}", '{{ true }}', 'true', 1]) {
			expect(errorParts(await failureOf(() => read(value)))).toEqual({
				message: `${ALLOW_PRIVATE_NETWORK_OPTION} cannot be set by an expression`,
				description: `Switch "${ALLOW_PRIVATE_NETWORK_OPTION}" on or off in the node itself: neither an expression nor an AI agent may open the private network to the File URL.`,
				itemIndex: 3,
			});
		}
	});
});
