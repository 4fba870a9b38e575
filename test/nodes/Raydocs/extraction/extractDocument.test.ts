import { NodeHelpers } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { Raydocs } from '../../../../nodes/Raydocs/Raydocs.node';
import {
	UUID,
	byId,
	fileItem,
	requestLines,
	runRaydocs,
	storageRequests,
	useFakeRaydocs,
	apiRequests,
} from '../../../helpers/raydocs';
import { startFileHost, type FileHost } from '../../../helpers/fileHost';
import * as transport from '../../../../nodes/Raydocs/shared/transport';

const fastWait = { checkInterval: 0.1, timeout: 20 };

describe('Raydocs → Extraction → Extract Document', () => {
	const fake = useFakeRaydocs();
	const templateId = () => byId(fake().state.seed!.templateId);

	function extract(parameters: Record<string, unknown> = {}) {
		return {
			resource: 'extraction',
			operation: 'extractDocument',
			templateId: templateId(),
			inputSource: 'binary',
			allBinaries: false,
			binaryPropertyName: 'data',
			simplify: true,
			fieldLayout: 'flat',
			options: fastWait,
			...parameters,
		};
	}

	it('uploads the file, runs the template and returns flat extracted values', async () => {
		const { items, error } = await runRaydocs(fake(), extract(), {
			input: [fileItem('%PDF-1.4 ACME invoice 42', 'acme-invoice.pdf')],
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const [item] = items;
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({ status: 'completed', documents: expect.any(Array) });
		expect(item.json.result_id).toMatch(UUID);
		expect(item.json.session_id).toMatch(UUID);
		expect(item.json['invoice_details.invoice_number']).toMatch(/^INV-[0-9A-F]{6}$/);
		expect(typeof item.json['invoice_details.total_amount']).toBe('number');
		expect(item.json).not.toHaveProperty('audit_data');

		const lines = requestLines(fake());
		expect(lines.slice(0, 4)).toEqual([
			'POST /vapor/signed-storage-url',
			'POST /extractions/sessions',
			`POST /extractions/sessions/${item.json.session_id}/documents`,
			`POST /extractions/sessions/${item.json.session_id}/results`,
		]);
		// the run takes 70 ms: read once, one Check Interval after its start (not at once, it has just begun)
		expect(lines.slice(4)).toEqual([`GET /extractions/results/${item.json.result_id}`]);
		const [signed, session, added] = apiRequests(fake());
		expect(signed.body).toEqual({ content_type: 'application/pdf', visibility: 'private' });
		expect(added.body).toEqual({ key: expect.stringMatching(/^tmp\//), filename: 'acme-invoice.pdf' });
		expect(session.body).toEqual({
			extraction_template_id: fake().state.seed!.templateId,
			name: 'acme-invoice.pdf',
		});
		const [put] = storageRequests(fake());
		expect(put).toMatchObject({ method: 'PUT', hasAuthorization: false, status: 200 });
		expect((put.body as { bytes: number }).bytes).toBe(Buffer.byteLength('%PDF-1.4 ACME invoice 42'));
		expect(fake().state.storageAuthLeaks).toBe(0);
	});

	it('keeps groups nested, or returns the raw result with its audit trail', async () => {
		const nested = await runRaydocs(fake(), extract({ fieldLayout: 'nested' }), {
			input: [fileItem('%PDF nested')],
		});
		expect(nested.items[0].json.invoice_details).toMatchObject({
			invoice_number: expect.stringMatching(/^INV-/),
		});
		const raw = await runRaydocs(fake(), extract({ simplify: false }), { input: [fileItem('%PDF raw')] });
		expect(raw.items[0].json).toMatchObject({ status: 'completed', data: expect.any(Object) });
		expect(raw.items[0].json.audit_data).toBeDefined();
	});

	it('extracts several items concurrently, one output per item in input order', async () => {
		const { items } = await runRaydocs(fake(), extract(), {
			input: [fileItem('%PDF one', 'one.pdf'), fileItem('%PDF two', 'two.pdf'), fileItem('%PDF three', 'three.pdf')],
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(new Set(items.map((item) => item.json.session_id)).size).toBe(3);
		expect(apiRequests(fake()).filter((entry) => entry.path === '/extractions/sessions')).toHaveLength(3);
	});

	it('uploads every binary of an item into one session with All Binary Fields', async () => {
		const item = fileItem('%PDF first', 'first.pdf', 'application/pdf', 'attachment_0');
		item.binary!.attachment_1 = fileItem('%PDF second', 'second.pdf').binary!.data;
		const { items } = await runRaydocs(fake(), extract({ allBinaries: true }), { input: [item] });
		expect(items).toHaveLength(1);
		const added = apiRequests(fake()).filter((entry) => entry.endpoint === 'POST /extractions/sessions/{sessionId}/documents');
		expect(added.map((entry) => (entry.body as { filename: string }).filename)).toEqual(['first.pdf', 'second.pdf']);
		expect(storageRequests(fake())).toHaveLength(2);
	});

	it('keeps the original file names when storage ignores Content-Disposition', async () => {
		fake().setVariant('uploadFilenameFromStorage', 'ignore');
		const { error } = await runRaydocs(fake(), extract({ simplify: false }), {
			input: [fileItem('%PDF named one', 'Rechnung März.pdf'), fileItem('%PDF named two', 'two.pdf')],
		});
		expect(error).toBeUndefined();
		const names = fake().state.documents.map((document) => document.filename).sort();
		expect(names).toEqual(['Rechnung März.pdf', 'two.pdf']);
		// One named registration per file, and never the bulk call as well (no document added twice).
		expect(apiRequests(fake()).filter((entry) => entry.path.endsWith('/documents/upload'))).toHaveLength(0);
	});

	it('falls back to the bulk registration when the server has no named-registration route', async () => {
		fake().fault({ kind: 'status', status: 405, method: 'POST', path: /^\/extractions\/sessions\/[^/]+\/documents$/, count: 5 });
		const item = fileItem('%PDF first', 'first.pdf', 'application/pdf', 'attachment_0');
		item.binary!.attachment_1 = fileItem('%PDF second', 'second.pdf').binary!.data;
		const { items, error } = await runRaydocs(fake(), extract({ allBinaries: true }), { input: [item] });
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('completed');
		const registrations = apiRequests(fake())
			.filter((entry) => entry.path.includes('/documents'))
			.map((entry) => [entry.endpoint, entry.status]);
		expect(registrations).toEqual([
			['POST /extractions/sessions/{sessionId}/documents', 405],
			['POST /extractions/sessions/{sessionId}/documents/upload', 200],
		]);
		expect((apiRequests(fake()).find((entry) => entry.path.endsWith('/documents/upload'))?.body as { keys: string[] }).keys).toHaveLength(2);
	});

	it('extracts workspace documents by ID without uploading', async () => {
		const document = fake().seedWorkspaceDocument(fake().state.seed!.workspaceId, {
			filename: 'stored.pdf',
			content: '%PDF stored',
			status: 'processed',
		});
		const { items, error } = await runRaydocs(
			fake(),
			extract({ inputSource: 'documentIds', documents: { __rl: true, mode: 'id', value: document.id } }),
		);
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('completed');
		const attach = apiRequests(fake()).find((entry) => entry.path.endsWith('/documents/attach'));
		expect(attach?.body).toEqual({ document_ids: [document.id] });
		expect(storageRequests(fake())).toHaveLength(0);
	});

	describe('workspace documents, input files and ids', () => {
		const storedDocument = (filename: string) =>
			fake().seedWorkspaceDocument(fake().state.seed!.workspaceId, { filename, content: `%PDF ${filename}`, status: 'processed' });
		const attachedIds = () =>
			(apiRequests(fake()).find((entry) => entry.path.endsWith('/documents/attach'))?.body as { document_ids: string[] })
				.document_ids;

		it('takes a document picked from the list, pasted as a link, or several IDs', async () => {
			const [first, second] = [storedDocument('first.pdf'), storedDocument('second.pdf')];
			const picked = await runRaydocs(
				fake(),
				extract({ inputSource: 'documentIds', documents: { __rl: true, mode: 'list', value: first.id, cachedResultName: 'first.pdf' } }),
			);
			expect(picked.error).toBeUndefined();
			expect(attachedIds()).toEqual([first.id]);

			fake().log.length = 0;
			const link = `https://app.raydocs.com/workspaces/1/documents/${second.id}?tab=preview`;
			await runRaydocs(fake(), extract({ inputSource: 'documentIds', documents: { __rl: true, mode: 'url', value: link } }));
			expect(attachedIds()).toEqual([second.id]);

			fake().log.length = 0;
			await runRaydocs(
				fake(),
				extract({ inputSource: 'documentIds', documents: { __rl: true, mode: 'id', value: `${first.id}, ${second.id}` } }),
			);
			expect(attachedIds()).toEqual([first.id, second.id]);
		});

		it('keeps the input files unless turned off', async () => {
			const input = () => [fileItem('%PDF keep', 'keep.pdf', 'application/pdf', 'data', { from: 'email' })];
			const kept = await runRaydocs(fake(), extract(), { input: input() });
			expect(kept.items[0].binary?.data).toMatchObject({ fileName: 'keep.pdf', mimeType: 'application/pdf' });
			expect(kept.items[0].json.status).toBe('completed');

			const keptOnRequest = await runRaydocs(fake(), extract({ options: { ...fastWait, keepInputBinary: true } }), { input: input() });
			expect(keptOnRequest.items[0].binary?.data).toMatchObject({ fileName: 'keep.pdf' });

			const dropped = await runRaydocs(fake(), extract({ options: { ...fastWait, keepInputBinary: false } }), { input: input() });
			expect(dropped.items[0].binary).toBeUndefined();
		});

		it('offers Keep Input Files only where the files of the input item are the input', () => {
			const options = new Raydocs().description.properties.find(
				(property) => property.name === 'options' && (property.displayOptions?.show?.operation as string[]).includes('extractDocument'),
			)!;
			const keep = (options.options as INodeProperties[]).find((option) => option.name === 'keepInputBinary')!;
			// as n8n decides for a field of a collection: its values, and the node's for "/" paths
			const shown = (inputSource: string) =>
				NodeHelpers.displayParameter({}, keep, { typeVersion: 1 }, null, {
					resource: 'extraction',
					operation: 'extractDocument',
					inputSource,
				});
			expect(shown('binary')).toBe(true);
			for (const none of ['documentIds', 'documentName', 'fileUrl']) expect(shown(none)).toBe(false);
		});

		it('names the file the user gave, also when Raydocs already holds its bytes under another name', async () => {
			// Raydocs keeps one document per content in a workspace: this upload becomes the stored one.
			const stored = fake().seedWorkspaceDocument(fake().state.seed!.workspaceId, {
				filename: 'watched-invoice.pdf',
				content: '%PDF the same invoice',
				status: 'processed',
			});
			const { items, error } = await runRaydocs(fake(), extract(), {
				input: [fileItem('%PDF the same invoice', 'acme-invoice-2026-001.pdf')],
			});
			expect(error).toBeUndefined();
			expect(items[0].json.documents).toEqual(['acme-invoice-2026-001.pdf']);
			const session = fake().state.sessions.get(String(items[0].json.session_id))!;
			expect(session.documentIds).toEqual([stored.id]);
			// the raw result stays as Raydocs answered: its document under the stored name
			const raw = await runRaydocs(fake(), extract({ simplify: false }), {
				input: [fileItem('%PDF the same invoice', 'acme-invoice-2026-001.pdf')],
			});
			expect((raw.items[0].json.document_refs as Array<{ filename: string }>).map((ref) => ref.filename)).toEqual(['watched-invoice.pdf']);
			// workspace documents are named as Raydocs holds them: that is the name the user picked
			const picked = await runRaydocs(fake(), extract({ inputSource: 'documentIds', documents: { __rl: true, mode: 'id', value: stored.id } }));
			expect(picked.items[0].json.documents).toEqual(['watched-invoice.pdf']);
		});

		it('names the ids result_id and session_id with Simplify off too', async () => {
			const raw = await runRaydocs(fake(), extract({ simplify: false }), { input: [fileItem('%PDF raw ids')] });
			const json = raw.items[0].json;
			expect(json.result_id).toBe(json.id);
			expect(json.session_id).toBe(json.extraction_session_id);
			expect(json.session_id).toMatch(UUID);
			expect(json.audit_data).toBeDefined();
		});
	});

	it('names the missing binary field and the ones the item has, before any request (also for the next items)', async () => {
		const { error } = await runRaydocs(fake(), extract({ binaryPropertyName: 'invoice' }), {
			input: [fileItem('%PDF x', 'x.pdf', 'application/pdf', 'attachment_0'), fileItem('%PDF y', 'y.pdf', 'application/pdf', 'invoice')],
		});
		expect(error?.message).toBe('This item has no binary field "invoice"');
		expect((error as { description?: string }).description).toContain('"attachment_0"');
		expect(fake().log).toHaveLength(0);
	});

	it('refuses a file type Raydocs cannot read, before any request', async () => {
		const { error } = await runRaydocs(fake(), extract(), {
			input: [fileItem('a,b,c', 'table.csv', 'text/csv')],
		});
		expect(error?.message).toContain('cannot read "table.csv" (text/csv)');
		expect(fake().log).toHaveLength(0);
	});

	it('gives an error item per failed input with continue-on-fail, and goes on with the rest', async () => {
		const { items, error } = await runRaydocs(fake(), extract(), {
			continueOnFail: true,
			input: [{ json: { note: 'no file' } }, fileItem('%PDF fine', 'fine.pdf')],
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({ pairedItem: { item: 0 }, json: { error: expect.stringContaining('no binary data') } });
		expect(items[1]).toMatchObject({ pairedItem: { item: 1 }, json: { status: 'completed' } });
	});

	it("fails with Raydocs' reason when the extraction fails, or outputs it on request", async () => {
		const failing = () => [fileItem('%PDF %EXTRACTION_FAIL', 'broken.pdf')];
		const { error } = await runRaydocs(fake(), extract(), { input: failing() });
		expect(error?.message).toMatch(/^Raydocs could not extract the document: /);
		const { items } = await runRaydocs(fake(), extract({ options: { ...fastWait, onFailure: 'output' } }), {
			input: failing(),
		});
		expect(items[0].json).toMatchObject({ status: 'failed', error: expect.any(String) });
	});

	it('times out with the ids to resume, or outputs a pending item that Wait for Result resumes', async () => {
		fake().setTiming({ runProcessingMs: 1500 });
		const { error } = await runRaydocs(fake(), extract({ options: { checkInterval: 0.1, timeout: 1 } }), {
			input: [fileItem('%PDF slow one')],
		});
		expect(error?.message).toMatch(/had not finished the extraction \(session [0-9a-f-]{36}, result [0-9a-f-]{36}\)/);

		const pending = await runRaydocs(
			fake(),
			extract({ options: { checkInterval: 0.1, timeout: 1, onTimeout: 'pending' } }),
			{ input: [fileItem('%PDF slow two')] },
		);
		expect(pending.items[0].json).toMatchObject({ status: 'pending', result_id: expect.stringMatching(UUID) });

		const resumed = await runRaydocs(
			fake(),
			{
				resource: 'extraction',
				operation: 'waitForResult',
				resultId: '={{ $json.result_id }}',
				simplify: true,
				fieldLayout: 'flat',
				options: fastWait,
			},
			{ input: pending.items.map((item) => ({ json: item.json })) },
		);
		expect(resumed.error).toBeUndefined();
		expect(resumed.items[0].json).toMatchObject({ status: 'completed', result_id: pending.items[0].json.result_id });
	});

	it('names sessions-write when the token cannot create sessions', async () => {
		const token = fake().createToken(['templates-read', 'sessions-read'], 'read-only');
		const { error } = await runRaydocs(fake(), extract(), { token, input: [fileItem('%PDF x')] });
		expect(error?.message).toContain('"sessions-write"');
	});

	describe('input sources and session names', () => {
		let web: FileHost;
		beforeAll(async () => {
			web = await startFileHost();
		});
		afterAll(async () => await web.close());

		const sessionName = () =>
			(apiRequests(fake()).find((entry) => entry.method === 'POST' && entry.path === '/extractions/sessions')?.body as { name: string }).name;
		const stored = (filename: string) =>
			fake().seedWorkspaceDocument(fake().state.seed!.workspaceId, { filename, content: `%PDF ${filename}`, status: 'processed' });

		it('finds a workspace document by its name and extracts it without uploading', async () => {
			const wanted = stored('contract-7.pdf');
			const { items, error } = await runRaydocs(
				fake(),
				extract({ inputSource: 'documentName', workspaceId: byId(fake().state.seed!.workspaceId), documentName: 'contract-7.pdf' }),
			);
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ status: 'completed', documents: ['contract-7.pdf'] });
			expect(apiRequests(fake()).find((entry) => entry.path.endsWith('/documents/attach'))?.body).toEqual({ document_ids: [wanted.id] });
			expect(sessionName()).toBe('n8n extraction of 1 document');
			expect(storageRequests(fake())).toHaveLength(0);
		});

		it('names the session after the number of workspace documents, or as Session Name says', async () => {
			const [first, second] = [stored('a.pdf'), stored('b.pdf')];
			const documents = { __rl: true, mode: 'id', value: `${first.id}, ${second.id}` };
			await runRaydocs(fake(), extract({ inputSource: 'documentIds', documents }));
			expect(sessionName()).toBe('n8n extraction of 2 documents');
			fake().clearLog();
			await runRaydocs(fake(), extract({ inputSource: 'documentIds', documents, options: { ...fastWait, sessionName: 'Q3 contracts' } }));
			expect(sessionName()).toBe('Q3 contracts');
		});

		it('downloads a File URL and uploads it, named after the file', async () => {
			web.files.set('/scans/receipt.pdf', { body: '%PDF receipt', contentType: 'application/pdf' });
			const { items, error } = await runRaydocs(
				fake(),
				extract({ inputSource: 'fileUrl', fileUrl: `${web.url}/scans/receipt.pdf`, allowPrivateNetwork: true }),
			);
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ status: 'completed', documents: ['receipt.pdf'] });
			expect(web.requests.map((request) => request.path)).toEqual(['/scans/receipt.pdf']);
			expect(storageRequests(fake())).toHaveLength(1);
			expect(sessionName()).toBe('receipt.pdf');
		});
	});

	it('fails clearly when Raydocs starts a run without a result ID, naming the session created', async () => {
		const startsRun = /^\/extractions\/sessions\/[^/]+\/results$/;
		const expectNoIdError = async () => {
			const { error } = await runRaydocs(fake(), extract(), { input: [fileItem('%PDF no id', 'no-id.pdf')] });
			expect(error?.message).toBe('Raydocs started the extraction but returned no result ID');
			const sessionId = apiRequests(fake()).find((entry) => entry.method === 'POST' && startsRun.test(entry.path))?.path.split('/')[3];
			expect(sessionId).toMatch(UUID);
			expect((error as { description?: string }).description).toBe(`Session ${sessionId} was created; look for its result in Raydocs.`);
			expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(0);
		};
		fake().fault({ method: 'POST', path: startsRun, kind: 'status', status: 201, body: {} });
		await expectNoIdError();

		// a JSON null answer, which the fake's faults cannot send
		const send = transport.raydocsJson;
		const spy = jest
			.spyOn(transport, 'raydocsJson')
			.mockImplementation(async (context, request) =>
				request.method === 'POST' && startsRun.test(request.url) ? (await send(context, request), null) : await send(context, request),
			);
		fake().clearLog();
		try {
			await expectNoIdError();
		} finally {
			spy.mockRestore();
		}
	});

	it('outputs a run that Raydocs answers as finished at its start without reading it again', async () => {
		const startsRun = /^\/extractions\/sessions\/[^/]+\/results$/;
		const send = transport.raydocsJson;
		const spy = jest.spyOn(transport, 'raydocsJson').mockImplementation(async (context, request) => {
			const answer = await send(context, request);
			if (request.method !== 'POST' || !startsRun.test(request.url)) return answer;
			return { ...(answer as object), status: 'completed', data: { invoice: { total: 7 } } };
		});
		try {
			const { items, error } = await runRaydocs(fake(), extract(), { input: [fileItem('%PDF at once', 'at-once.pdf')] });
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ status: 'completed', 'invoice.total': 7 });
			expect(apiRequests(fake()).filter((entry) => entry.method === 'GET')).toEqual([]);
		} finally {
			spy.mockRestore();
		}
	});

	it('waits as the options of the first item that started say', async () => {
		fake().setTiming({ runProcessingMs: 600_000 });
		// Read at another item, the Timeout expression would fail and leave the 300 s default.
		const { items, error } = await runRaydocs(
			fake(),
			extract({ options: { checkInterval: 0.1, timeout: '={{ $json.timeout }}', onTimeout: 'pending' } }),
			{ input: [{ json: { timeout: 1 } }, { ...fileItem('%PDF slow', 'slow.pdf'), json: { timeout: 1 } }], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items[0].json.error).toEqual(expect.stringContaining('no binary data'));
		expect(items[1].json).toMatchObject({ status: 'pending', result_id: expect.stringMatching(UUID) });
	});

	it("first reads a run when the template's earlier runs had finished", async () => {
		fake().setTiming({ runProcessingMs: 1000 });
		const statusReads = () => apiRequests(fake()).filter((entry) => entry.path.startsWith('/extractions/results/')).length;
		await runRaydocs(fake(), extract(), { input: [fileItem('%PDF first', 'first.pdf')] });
		// about 1 s of processing read every 0.1 s
		expect(statusReads()).toBeGreaterThanOrEqual(8);
		fake().clearLog();
		const { items } = await runRaydocs(fake(), extract(), { input: [fileItem('%PDF second', 'second.pdf')] });
		expect(items[0].json.status).toBe('completed');
		// first read when the first run had finished: once, or twice if this run is a little slower
		expect(statusReads()).toBeLessThanOrEqual(2);
	});

	describe('status checks', () => {
		const statusReads = () => apiRequests(fake()).filter((entry) => entry.path.startsWith('/extractions/results/'));
		const fiveFiles = () => Array.from({ length: 5 }, (_, index) => fileItem(`%PDF checks ${index}`, `c${index}.pdf`));

		beforeEach(() => fake().setTiming({ runProcessingMs: 1500 }));

		it('reads the runs in turn: one read per round while none has finished, then one final read each', async () => {
			const { items } = await runRaydocs(fake(), extract({ options: { checkInterval: 0.1, timeout: 20 } }), { input: fiveFiles() });
			expect(items.map((item) => item.json.status)).toEqual(Array(5).fill('completed'));
			const reads = statusReads();
			// ~1.6 s of processing at most 0.1 s apart: about 17 rounds of one read, plus 5 final reads
			expect(reads.length).toBeLessThanOrEqual(24);
			const lastDone = Math.max(...[...fake().state.runs.values()].map((run) => run.timeline.terminalAt));
			expect(reads[reads.length - 1].at - lastDone).toBeLessThanOrEqual(500);
		});
	});
});
