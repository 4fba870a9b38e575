import { apiRequests, byId, runRaydocs, storageRequests, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Parsed Document → Download', () => {
	const fake = useFakeRaydocs();

	const download = (documentId: string, extra: Record<string, unknown> = {}) => ({
		resource: 'document',
		operation: 'download',
		documentId: byId(documentId),
		binaryPropertyName: 'data',
		options: {},
		...extra,
	});

	it('fetches the signed URL without the token and outputs the file', async () => {
		const content = Buffer.from('%PDF-1.4\nhello invoice\n%%EOF\n', 'latin1');
		const doc = fake().seedWorkspaceDocument(1, { filename: 'Facture été.pdf', content });
		const { items, error } = await runRaydocs(fake(), download(doc.id, { binaryPropertyName: 'invoice' }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			document_id: doc.id,
			filename: 'Facture été.pdf',
			mime: 'application/pdf',
			size: content.length,
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
		const binary = items[0].binary?.invoice;
		expect(binary).toMatchObject({ fileName: 'Facture été.pdf', mimeType: 'application/pdf' });
		expect(Buffer.from(binary!.data, 'base64').equals(content)).toBe(true);

		expect(apiRequests(fake())).toEqual([
			expect.objectContaining({
				method: 'GET',
				path: `/extractions/documents/${doc.id}/url`,
				hasAuthorization: true,
			}),
		]);
		const [storage] = storageRequests(fake());
		expect(storage).toMatchObject({ method: 'GET', status: 200, hasAuthorization: false });
		expect(fake().state.storageAuthLeaks).toBe(0);
	});

	it('uses the file name from Options when one is given', async () => {
		const doc = fake().seedWorkspaceDocument(1, { filename: 'scan.png', content: Buffer.from([137, 80, 78, 71]) });
		const { items } = await runRaydocs(fake(), download(doc.id, { options: { fileName: 'receipt-42.png' } }));
		expect(items[0].binary?.data).toMatchObject({ fileName: 'receipt-42.png', mimeType: 'image/png' });
	});

	it('retries a storage hiccup', async () => {
		const doc = fake().seedWorkspaceDocument(1, { filename: 'invoice.pdf' });
		fake().fault({ listener: 'storage', kind: 'status', status: 503 });
		const { items, error } = await runRaydocs(fake(), download(doc.id));
		expect(error).toBeUndefined();
		expect(items[0].binary?.data.fileName).toBe('invoice.pdf');
		expect(storageRequests(fake()).map((entry) => entry.status)).toEqual([503, 200]);
		expect(apiRequests(fake())).toHaveLength(1);
	});

	it('reports a storage refusal as such, without the signature', async () => {
		const doc = fake().seedWorkspaceDocument(1, { filename: 'invoice.pdf' });
		fake().fault({ listener: 'storage', kind: 'status', status: 403 });
		const { error } = await runRaydocs(fake(), download(doc.id));
		expect(error?.message).toBe('Could not download the file from storage (HTTP 403)');
		expect((error as { description?: string }).description).toContain('expire after about 10 minutes');
		expect(JSON.stringify(error)).not.toContain('X-Amz-Signature');
		expect(storageRequests(fake())).toHaveLength(1);
	});

	it('says which document was not found on 404, before any storage request', async () => {
		const missing = '77777777-7777-4777-8777-777777777777';
		const { error } = await runRaydocs(fake(), download(missing));
		expect(error?.message).toContain(`could not find document ${missing}`);
		expect(storageRequests(fake())).toHaveLength(0);
	});
});
