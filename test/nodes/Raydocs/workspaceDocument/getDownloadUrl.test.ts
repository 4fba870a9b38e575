import { apiRequests, byId, runRaydocs, storageRequests, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Workspace Document → Get Download URL', () => {
	const fake = useFakeRaydocs();

	it('returns the signed URL without fetching the file', async () => {
		const doc = fake().seedWorkspaceDocument(1, { filename: 'export.zip', mime: 'application/zip' });
		const { items, error } = await runRaydocs(fake(), {
			resource: 'workspaceDocument',
			operation: 'getDownloadUrl',
			workspaceId: byId(1),
			documentId: byId(doc.id),
		});
		expect(error).toBeUndefined();
		expect(String(items[0].json.url)).toContain(`/documents/${doc.id}/export.zip?X-Amz-Signature=`);
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'GET',
			path: `/workspaces/1/documents/${doc.id}/url`,
		});
		expect(storageRequests(fake())).toHaveLength(0);
	});

	it('names both abilities the endpoint needs on 403', async () => {
		const doc = fake().seedWorkspaceDocument(1);
		const token = fake().createToken(['documents-read'], 'documents-only');
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'workspaceDocument', operation: 'getDownloadUrl', workspaceId: byId(1), documentId: byId(doc.id) },
			{ token },
		);
		expect(error?.message).toContain('"workspaces-read" and "documents-read" abilities');
	});
});
