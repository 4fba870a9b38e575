import { apiRequests, byId, fileItem, runRaydocs, storageRequests, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Batch → Extract Many', () => {
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

	it('turns a bad item into an error item and extracts the others', async () => {
		const { items } = await runRaydocs(fake(), extractMany(), {
			continueOnFail: true,
			input: [fileItem('%PDF ok', 'ok.pdf'), fileItem('x', 'notes.txt', 'text/plain')],
		});
		expect(items[0].json.status).toBe('completed');
		expect(items[1]).toMatchObject({ pairedItem: { item: 1 }, json: { error: expect.stringContaining('notes.txt') } });
	});
});
