import type { INodeExecutionData } from 'n8n-workflow';

import * as transport from '../../../../nodes/Raydocs/shared/transport';
import { UUID, apiRequests, byId, fileItem, runRaydocs, storageRequests, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Extraction Batch → Extract Many', () => {
	// 55 files need ~170 requests: the limit is scaled from 100/min to 100 per 2 s to keep this fast.
	const fake = useFakeRaydocs({ rateLimit: { limit: 100, windowMs: 2000 } });

	const extractMany = (parameters: Record<string, unknown> = {}) => ({
		resource: 'batch',
		operation: 'extract',
		templateId: byId(fake().state.seed!.templateId),
		allBinaries: false,
		binaryPropertyName: 'data',
		waitForResults: true,
		simplify: true,
		fieldLayout: 'flat',
		options: { checkInterval: 0.1, timeout: 30 },
		...parameters,
	});

	const files = (count: number) =>
		Array.from({ length: count }, (_, index) => fileItem(`%PDF batch file ${index}`, `file-${index}.pdf`));

	it('creates sessions in batches of at most 50 with auto-extract and returns one item per file', async () => {
		const { items, error } = await runRaydocs(fake(), extractMany(), { input: files(55) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(55);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toMatchObject({ file_name: `file-${index}.pdf`, status: 'completed' });
			expect(item.json['invoice_details.invoice_number']).toMatch(/^INV-/);
		});
		const batches = apiRequests(fake()).filter((entry) => entry.path.endsWith('/sessions/batch'));
		expect(batches.map((entry) => (entry.body as { files: string[] }).files.length)).toEqual([50, 5]);
		expect(batches[0].body).toMatchObject({ settings: { auto_extract: true } });
		expect(storageRequests(fake()).every((entry) => !entry.hasAuthorization)).toBe(true);
		// each session's first result is fetched once, nothing is created twice
		expect(apiRequests(fake()).filter((entry) => entry.path === '/vapor/signed-storage-url')).toHaveLength(55);
		expect(new Set(items.map((item) => item.json.session_id)).size).toBe(55);
	});

	it('names each file as the user gave it, also when Raydocs already holds its bytes under another name', async () => {
		const stored = fake().seedWorkspaceDocument(fake().state.seed!.workspaceId, {
			filename: 'scanned-earlier.pdf',
			content: '%PDF batch file 1',
			status: 'processed',
		});
		const { items, error } = await runRaydocs(fake(), extractMany(), { input: files(2) });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.file_name, item.json.documents])).toEqual([
			['file-0.pdf', ['file-0.pdf']],
			['file-1.pdf', ['file-1.pdf']],
		]);
		// Raydocs reused its document for the second file
		expect(fake().state.sessions.get(String(items[1].json.session_id))!.documentIds).toEqual([stored.id]);
	});

	it('creates each batch as soon as its 50 files are up, and reads no session before the last batch is created', async () => {
		const { items, error } = await runRaydocs(fake(), extractMany(), { input: files(120) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(120);
		const api = apiRequests(fake());
		const order = api.map((entry) =>
			entry.path === '/vapor/signed-storage-url' ? 'url' : entry.path.endsWith('/sessions/batch') ? 'batch' : entry.method === 'GET' ? 'read' : entry.path,
		);
		const batches = order.flatMap((kind, index) => (kind === 'batch' ? [index] : []));
		// each batch right after its files' upload URLs: 50, 50, then the last 20
		expect(batches.map((index) => order.slice(0, index).filter((kind) => kind === 'url').length)).toEqual([50, 100, 120]);
		expect(api.filter((entry) => entry.path.endsWith('/sessions/batch')).map((entry) => (entry.body as { files: string[] }).files.length)).toEqual([50, 50, 20]);
		// the first status read after the last batch call
		expect(order.indexOf('read')).toBeGreaterThan(batches[2]);
		expect(order.filter((kind) => kind === 'read').length).toBeGreaterThanOrEqual(120);
	});

	it('stops on an item that cannot be sent before any batch is created (without Continue On Fail)', async () => {
		const input = [...files(60), fileItem('x', 'notes.txt', 'text/plain')];
		const { error } = await runRaydocs(fake(), extractMany(), { input });
		expect(error?.message).toContain('notes.txt');
		expect(apiRequests(fake())).toEqual([]);
	});

	it('outputs the created sessions at once when not waiting', async () => {
		const { items } = await runRaydocs(fake(), extractMany({ waitForResults: false }), { input: files(3) });
		expect(items.map((item) => item.json.status)).toEqual(['created', 'created', 'created']);
		expect(apiRequests(fake()).some((entry) => entry.path.includes('/results'))).toBe(false);
	});

	it('pairs every file of a multi-file item with that item', async () => {
		const item = fileItem('%PDF a', 'a.pdf', 'application/pdf', 'attachment_0');
		item.binary!.attachment_1 = fileItem('%PDF b', 'b.pdf').binary!.data;
		const { items } = await runRaydocs(fake(), extractMany({ allBinaries: true }), {
			input: [item, fileItem('%PDF c', 'c.pdf', 'application/pdf', 'attachment_0')],
		});
		expect(items.map((entry) => [entry.json.file_name, entry.pairedItem])).toEqual([
			['a.pdf', { item: 0 }],
			['b.pdf', { item: 0 }],
			['c.pdf', { item: 1 }],
		]);
	});

	const batchCall = /^\/extractions\/templates\/[^/]+\/sessions\/batch$/;
	const sessionReads = () => apiRequests(fake()).filter((entry) => entry.method === 'GET' && entry.path.startsWith('/extractions/sessions/'));
	/** Items for the templates in `templates`, each item's template in `$json.template`. */
	const byTemplate = (templates: string[]): INodeExecutionData[] =>
		templates.map((template, index) => ({ ...fileItem(`%PDF ${index}`, `t${index}.pdf`), json: { template } }));
	const perItemTemplate = (extra: Record<string, unknown> = {}) =>
		extractMany({ templateId: { __rl: true, mode: 'id', value: '={{ $json.template }}' }, ...extra });

	it('fails the files of a batch Raydocs answers with another number of sessions', async () => {
		fake().fault({ method: 'POST', path: batchCall, kind: 'status', status: 201, body: { data: [{ id: 'only-one' }] } });
		const { items, error } = await runRaydocs(fake(), extractMany(), { input: files(2) });
		expect(items).toEqual([]);
		expect(error?.message).toBe('Raydocs created 1 sessions for 2 files');
		expect((error as { description?: string }).description).toBe(
			'The batch answer cannot be matched to the files; check the sessions in Raydocs.',
		);
		expect(sessionReads()).toEqual([]);
	});

	it("with Continue On Fail, a failed batch call fails its own files only; only created sessions are read", async () => {
		const other = fake().seedTemplate(fake().state.seed!.workspaceId, { name: 'Receipts' });
		const seeded = fake().state.seed!.templateId;
		fake().fault({ method: 'POST', path: `/extractions/templates/${other.id}/sessions/batch`, kind: 'status', status: 422, body: { message: 'The files field is invalid.' } });
		const { items, error } = await runRaydocs(fake(), perItemTemplate(), {
			input: byTemplate([seeded, other.id, seeded, other.id]),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json.status ?? item.json.error])).toEqual([
			[{ item: 0 }, 'completed'],
			[{ item: 1 }, expect.stringContaining('The files field is invalid.')],
			[{ item: 2 }, 'completed'],
			[{ item: 3 }, expect.stringContaining('The files field is invalid.')],
		]);
		const created = new Set([items[0].json.session_id, items[2].json.session_id]);
		expect(sessionReads().length).toBeGreaterThan(0);
		expect(sessionReads().every((entry) => created.has(entry.path.split('/')[3]))).toBe(true);
	});

	it('with Continue On Fail and every batch call failed, outputs the error items and waits for nothing', async () => {
		fake().fault({ method: 'POST', path: batchCall, kind: 'status', status: 422, body: { message: 'The files field is invalid.' } });
		const { items, error } = await runRaydocs(fake(), extractMany(), { input: files(2), continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, typeof item.json.error])).toEqual([
			[{ item: 0 }, 'string'],
			[{ item: 1 }, 'string'],
		]);
		expect(sessionReads()).toEqual([]);
	});

	it("does not read the session of a file whose item failed in another batch", async () => {
		// 49 items of one file, then an item of two: its first file ends the first batch, its second is in the last.
		const twoFiles = fileItem('%PDF pair a', 'pair-a.pdf', 'application/pdf', 'data');
		twoFiles.binary!.second = fileItem('%PDF pair b', 'pair-b.pdf').binary!.data;
		const send = transport.raydocsJson;
		let batchCalls = 0;
		const spy = jest.spyOn(transport, 'raydocsJson').mockImplementation(async (context, request) => {
			if (request.method === 'POST' && batchCall.test(request.url) && ++batchCalls === 2) throw new Error('the second batch call failed');
			return await send(context, request);
		});
		try {
			const { items, error } = await runRaydocs(fake(), extractMany({ allBinaries: true }), {
				input: [...files(49), twoFiles],
				continueOnFail: true,
			});
			expect(error).toBeUndefined();
			expect(items).toHaveLength(50);
			expect(items[49]).toMatchObject({ pairedItem: { item: 49 }, json: { error: 'the second batch call failed' } });
			const read = new Set(sessionReads().map((entry) => entry.path.split('/')[3]));
			expect(read.size).toBe(49);
			expect([...read].every((sessionId) => items.some((item) => item.json.session_id === sessionId))).toBe(true);
		} finally {
			spy.mockRestore();
		}
	});

	it('stops at a file that cannot be uploaded, before any batch, without Continue On Fail', async () => {
		fake().fault({ method: 'POST', path: '/vapor/signed-storage-url', kind: 'status', status: 403, body: { message: 'This action is unauthorized.' } });
		const { items, error } = await runRaydocs(fake(), extractMany(), { input: files(3) });
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/^Raydocs refused POST \/vapor\/signed-storage-url/);
		expect(apiRequests(fake()).filter((entry) => entry.path === '/vapor/signed-storage-url')).toHaveLength(1);
		expect(apiRequests(fake()).filter((entry) => batchCall.test(entry.path))).toEqual([]);
	});

	it('with Continue On Fail, a file that cannot be uploaded fails its item and the others are extracted', async () => {
		fake().fault({ method: 'POST', path: '/vapor/signed-storage-url', kind: 'status', status: 403, body: { message: 'This action is unauthorized.' } });
		const { items, error } = await runRaydocs(fake(), extractMany(), { input: files(3), continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json.status ?? 'error'])).toEqual([
			[{ item: 0 }, 'error'],
			[{ item: 1 }, 'completed'],
			[{ item: 2 }, 'completed'],
		]);
	});

	it('with Continue On Fail, a failed extraction becomes an error item and the others are output', async () => {
		const { items, error } = await runRaydocs(fake(), extractMany(), {
			input: [fileItem('%PDF %EXTRACTION_FAIL', 'broken.pdf'), fileItem('%PDF fine', 'fine.pdf')],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items[0]).toMatchObject({ pairedItem: { item: 0 }, json: { error: expect.stringMatching(/^Raydocs could not extract the document: /) } });
		expect(items[1]).toMatchObject({ pairedItem: { item: 1 }, json: { status: 'completed', file_name: 'fine.pdf' } });
	});

	it("fails an item of several files with its first file's error", async () => {
		fake().setTiming({ runProcessingMs: 600_000 });
		const twoFiles = fileItem('%PDF first of two', 'first.pdf');
		twoFiles.binary!.second = fileItem('%PDF second of two', 'second.pdf').binary!.data;
		const { items, error } = await runRaydocs(fake(), extractMany({ allBinaries: true, options: { checkInterval: 0.1, timeout: 1 } }), {
			input: [twoFiles],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		const sessions = [...fake().state.sessions.values()].filter((session) => session.batch);
		const first = sessions.find((session) => session.batch!.finalName === 'first.pdf')!;
		expect(items).toEqual([
			{ json: expect.objectContaining({ error: expect.stringContaining(`session ${first.id}`) }), pairedItem: { item: 0 } },
		]);
	});

	it('names the run in a pending item, or says it has not started yet', async () => {
		const pendingAfterOneSecond = extractMany({ options: { checkInterval: 0.1, timeout: 1, onTimeout: 'pending' } });
		fake().setTiming({ runProcessingMs: 600_000 });
		const running = await runRaydocs(fake(), pendingAfterOneSecond, { input: files(1) });
		expect(running.items[0].json).toMatchObject({ status: 'pending', result_id: expect.stringMatching(UUID), session_id: expect.stringMatching(UUID) });

		fake().setTiming({ batchSessionStartMs: 600_000 });
		const parsing = await runRaydocs(fake(), pendingAfterOneSecond, { input: files(1) });
		expect(parsing.items[0].json).toMatchObject({ status: 'pending', result_id: '(not started yet)', raydocs_status: 'parsing' });
	});

	it("first reads a session when the template's earlier runs had finished", async () => {
		fake().setTiming({ runProcessingMs: 1000 });
		await runRaydocs(fake(), extractMany(), { input: files(1) });
		// about 1 s of processing read every 0.1 s
		expect(sessionReads().length).toBeGreaterThanOrEqual(8);
		fake().clearLog();
		const { items } = await runRaydocs(fake(), extractMany(), { input: files(1) });
		expect(items[0].json.status).toBe('completed');
		// first read when the first run had finished: once, or twice if this run is a little slower
		expect(sessionReads().length).toBeLessThanOrEqual(2);
	});

	it('turns a bad item into an error item and extracts the others', async () => {
		const { items } = await runRaydocs(fake(), extractMany(), {
			continueOnFail: true,
			input: [fileItem('%PDF ok', 'ok.pdf'), fileItem('x', 'notes.txt', 'text/plain')],
		});
		expect(items[0].json.status).toBe('completed');
		expect(items[1]).toMatchObject({ pairedItem: { item: 1 }, json: { error: expect.stringContaining('notes.txt') } });
	});
});
