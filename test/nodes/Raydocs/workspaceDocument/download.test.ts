import { apiRequests, byId, runRaydocs, storageRequests, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Workspace Document → Download', () => {
	const fake = useFakeRaydocs();

	const download = (documentId: string, extra: Record<string, unknown> = {}) => ({
		resource: 'workspaceDocument',
		operation: 'download',
		workspaceId: byId(1),
		documentId: byId(documentId),
		binaryPropertyName: 'data',
		options: {},
		...extra,
	});

	it('downloads the file without the token into the binary field', async () => {
		const content = Buffer.from('PK\u0003\u0004 fake zip bytes', 'latin1');
		const doc = fake().seedWorkspaceDocument(1, { filename: 'export.zip', mime: 'application/zip', content });
		const { items, error } = await runRaydocs(fake(), download(doc.id));
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			document_id: doc.id,
			filename: 'export.zip',
			mime: 'application/zip',
			size: content.length,
		});
		const binary = items[0].binary?.data;
		expect(binary).toMatchObject({ fileName: 'export.zip', mimeType: 'application/zip' });
		expect(Buffer.from(binary!.data, 'base64').equals(content)).toBe(true);
		expect(apiRequests(fake())).toEqual([
			expect.objectContaining({ method: 'GET', path: `/workspaces/1/documents/${doc.id}/url` }),
		]);
		expect(storageRequests(fake())).toEqual([
			expect.objectContaining({
				method: 'GET',
				path: `/documents/${doc.id}/export.zip`,
				hasAuthorization: false,
				status: 200,
			}),
		]);
	});

	it('downloads one file per input item', async () => {
		const first = fake().seedWorkspaceDocument(1, { filename: 'a.pdf' });
		const second = fake().seedWorkspaceDocument(1, { filename: 'b.pdf' });
		const { items } = await runRaydocs(
			fake(),
			download('', { documentId: byId('={{ $json.id }}') }),
			{ input: [{ json: { id: first.id } }, { json: { id: second.id } }] },
		);
		expect(items.map((item) => [item.binary?.data.fileName, item.pairedItem])).toEqual([
			['a.pdf', { item: 0 }],
			['b.pdf', { item: 1 }],
		]);
		expect(storageRequests(fake()).every((entry) => !entry.hasAuthorization)).toBe(true);
	});

	it('says which document was not found on 404, before any storage request', async () => {
		const missing = '99999999-9999-4999-8999-999999999999';
		const { error } = await runRaydocs(fake(), download(missing));
		expect(error?.message).toContain(`could not find document ${missing} in workspace 1`);
		expect(storageRequests(fake())).toHaveLength(0);
	});
});
