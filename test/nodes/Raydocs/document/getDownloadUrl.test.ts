import { apiRequests, byId, runRaydocs, storageRequests, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Parsed Document → Get Download URL', () => {
	const fake = useFakeRaydocs();

	it('returns the signed URL and its expiry without fetching the file', async () => {
		const doc = fake().seedWorkspaceDocument(1, { filename: 'invoice.pdf' });
		const { items, error } = await runRaydocs(fake(), {
			resource: 'document',
			operation: 'getDownloadUrl',
			documentId: byId(doc.id),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(String(items[0].json.url)).toContain(`${fake().storageUrl}/documents/${doc.id}/invoice.pdf?X-Amz-Signature=`);
		expect(Date.parse(String(items[0].json.expires_at))).toBeGreaterThan(Date.now());
		expect(apiRequests(fake())[0]).toMatchObject({ method: 'GET', path: `/extractions/documents/${doc.id}/url` });
		expect(storageRequests(fake())).toHaveLength(0);
	});

	it('says which document was not found on 404', async () => {
		const missing = '66666666-6666-4666-8666-666666666666';
		const { error } = await runRaydocs(fake(), {
			resource: 'document',
			operation: 'getDownloadUrl',
			documentId: byId(missing),
		});
		expect(error?.message).toContain(`could not find document ${missing}`);
	});
});
