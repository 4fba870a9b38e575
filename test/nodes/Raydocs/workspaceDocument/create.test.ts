import { apiRequests, byId, fileItem, runRaydocs, storageRequests, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Workspace Document → Create', () => {
	const fake = useFakeRaydocs();
	const create = (extra: Record<string, unknown> = {}) => ({
		resource: 'workspaceDocument',
		operation: 'create',
		workspaceId: byId(fake().state.seed!.workspaceId),
		inputSource: 'binary',
		allBinaries: false,
		binaryPropertyName: 'data',
		...extra,
	});
	/** Keys the fake issued, from File Upload → Upload. */
	const uploadedKeys = async (count: number) => {
		const upload = await runRaydocs(
			fake(),
			{ resource: 'file', operation: 'upload', allBinaries: false, binaryPropertyName: 'data' },
			{ input: Array.from({ length: count }, (_, index) => fileItem(`%PDF keyed ${index}`, `keyed-${index}.pdf`)) },
		);
		fake().clearLog();
		return upload.items.map((item) => String(item.json.key));
	};

	it('uploads the file and registers it with its name and type, then reuses it for the same bytes', async () => {
		const first = await runRaydocs(fake(), create(), { input: [fileItem('%PDF stored once', 'contract.pdf')] });
		expect(first.error).toBeUndefined();
		expect(first.items[0].json).toMatchObject({ document: { filename: 'contract.pdf' }, dedup: { reused: false } });
		const register = apiRequests(fake()).find((entry) => entry.method === 'POST' && entry.path.endsWith('/documents'));
		expect(register).toMatchObject({
			path: `/workspaces/${fake().state.seed!.workspaceId}/documents`,
			status: 201,
			body: { key: expect.stringMatching(/^tmp\//), filename: 'contract.pdf', mime: 'application/pdf' },
		});
		expect(storageRequests(fake()).every((entry) => !entry.hasAuthorization)).toBe(true);

		const again = await runRaydocs(fake(), create(), { input: [fileItem('%PDF stored once', 'copy.pdf')] });
		expect(again.items[0].json).toMatchObject({ dedup: { reused: true, matched_by: 'sha256' } });
	});

	it('registers an upload key from File Upload → Upload', async () => {
		const upload = await runRaydocs(fake(), { resource: 'file', operation: 'upload', allBinaries: false, binaryPropertyName: 'data' }, { input: [fileItem('%PDF by key', 'keyed.pdf')] });
		fake().clearLog();
		const { items } = await runRaydocs(fake(), create({ inputSource: 'key', key: '={{ $json.key }}', fileName: '={{ $json.fileName }}' }), {
			input: upload.items.map((item) => ({ json: item.json })),
		});
		expect(items[0].json).toMatchObject({ document: { filename: 'keyed.pdf' } });
		expect(apiRequests(fake())).toHaveLength(1);
		expect(apiRequests(fake())[0].body).toEqual({ key: upload.items[0].json.key, filename: 'keyed.pdf' });
	});

	it('trims the key and the file name, and sends no name when there is none', async () => {
		const [one, two] = await uploadedKeys(2);
		const { items } = await runRaydocs(fake(), create({ inputSource: 'key', key: '={{ $json.key }}', fileName: '={{ $json.name }}' }), {
			input: [
				{ json: { key: ` ${one} `, name: ' one.pdf ' } },
				{ json: { key: two, name: '  ' } },
			],
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(apiRequests(fake()).map((entry) => entry.body)).toEqual([{ key: one, filename: 'one.pdf' }, { key: two }]);
	});

	it('refuses an empty upload key before sending, and says where a key comes from', async () => {
		const { error } = await runRaydocs(fake(), create({ inputSource: 'key', key: '  ', fileName: 'x.pdf' }));
		expect(error?.message).toBe('No upload key was given');
		expect((error as { description?: string }).description).toContain('File Upload → Upload');
		expect(fake().log).toHaveLength(0);
	});

	it('stops at the first failing item: nothing of the next one is sent', async () => {
		const { error } = await runRaydocs(fake(), create({ inputSource: 'key', key: '={{ $json.key }}', fileName: '' }), {
			input: [{ json: { key: '' } }, { json: { key: 'tmp/next' } }],
		});
		expect(error?.message).toBe('No upload key was given');
		expect(fake().log).toHaveLength(0);
	});

	it('with Continue On Fail, the failing item becomes an error item and the next one is registered', async () => {
		const [next] = await uploadedKeys(1);
		const { items, error } = await runRaydocs(fake(), create({ inputSource: 'key', key: '={{ $json.key }}', fileName: '' }), {
			input: [{ json: { key: '' } }, { json: { key: next } }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.error ?? 'registered', item.pairedItem])).toEqual([
			['No upload key was given', { item: 0 }],
			['registered', { item: 1 }],
		]);
		expect(apiRequests(fake()).map((entry) => entry.body)).toEqual([{ key: next }]);
	});

	it('names documents-write when the token lacks it', async () => {
		const token = fake().createToken(['documents-read'], 'read-only');
		const { error } = await runRaydocs(fake(), create(), { token, input: [fileItem('%PDF no rights')] });
		expect(error?.message).toContain('"documents-write"');
	});
});
