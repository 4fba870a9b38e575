import { apiRequests, fileItem, runRaydocs, storageRequests, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → File Upload', () => {
	const fake = useFakeRaydocs();

	it.each(['guide', 'reference'] as const)(
		'Upload puts the bytes to the signed URL without the token (%s signed-URL answer)',
		async (variant) => {
			fake().setVariant('signedUrl', variant);
			const { items, error } = await runRaydocs(
				fake(),
				{ resource: 'file', operation: 'upload', allBinaries: false, binaryPropertyName: 'data' },
				{ input: [fileItem('%PDF upload me', 'upload.pdf')] },
			);
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({
				fileName: 'upload.pdf',
				mimeType: 'application/pdf',
				bytes: 14,
				binaryField: 'data',
				key: expect.stringMatching(/^tmp\//),
			});
			const [put] = storageRequests(fake());
			expect(put).toMatchObject({ method: 'PUT', hasAuthorization: false, status: 200 });
			expect(put.headers['content-type']).toBe('application/pdf');
			expect(fake().state.storageAuthLeaks).toBe(0);
		},
	);

	it('uploads every file of every item, each output paired with its item', async () => {
		const twoFiles = fileItem('%PDF a', 'a.pdf');
		twoFiles.binary!.extra = fileItem('%PDF b', 'b.pdf').binary!.data;
		const { items, error } = await runRaydocs(
			fake(),
			{ resource: 'file', operation: 'upload', allBinaries: true },
			{ input: [twoFiles, fileItem('%PDF c', 'c.pdf')] },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.fileName, item.json.binaryField, item.pairedItem])).toEqual([
			['a.pdf', 'data', { item: 0 }],
			['b.pdf', 'extra', { item: 0 }],
			['c.pdf', 'data', { item: 1 }],
		]);
		expect(storageRequests(fake())).toHaveLength(3);
	});

	it('stops at an item without its file: nothing after it is uploaded', async () => {
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'file', operation: 'upload', allBinaries: false, binaryPropertyName: 'data' },
			{ input: [{ json: {} }, fileItem('%PDF later', 'later.pdf')] },
		);
		expect(error?.message).toMatch(/data/);
		expect(fake().log).toHaveLength(0);
	});

	it('with Continue On Fail, an item without its file becomes an error item and the next is uploaded', async () => {
		const { items, error } = await runRaydocs(
			fake(),
			{ resource: 'file', operation: 'upload', allBinaries: false, binaryPropertyName: 'data' },
			{ input: [{ json: {} }, fileItem('%PDF later', 'later.pdf')], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.fileName ?? 'error', item.pairedItem])).toEqual([
			['error', { item: 0 }],
			['later.pdf', { item: 1 }],
		]);
		expect(items[0].json.error).toMatch(/data/);
		expect(storageRequests(fake())).toHaveLength(1);
	});

	it('signs again when the signed URL has expired', async () => {
		fake().fault({ listener: 'storage', kind: 'status', status: 403, count: 1 });
		const { items, error } = await runRaydocs(
			fake(),
			{ resource: 'file', operation: 'upload', allBinaries: false, binaryPropertyName: 'data' },
			{ input: [fileItem('%PDF expired once')] },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(apiRequests(fake()).filter((entry) => entry.path === '/vapor/signed-storage-url')).toHaveLength(2);
	});

	it('Get Upload URL returns the signed URL and key', async () => {
		const { items } = await runRaydocs(fake(), {
			resource: 'file',
			operation: 'getUploadUrl',
			contentType: 'image/png',
			additionalFields: {},
		});
		expect(items[0].json).toMatchObject({ key: expect.stringMatching(/^tmp\//), url: expect.stringContaining(fake().storageUrl) });
		expect(apiRequests(fake())[0].body).toEqual({ content_type: 'image/png' });
	});
});
