import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Parsed Document → Delete', () => {
	const fake = useFakeRaydocs();

	it('returns { deleted: true } for the 204', async () => {
		const doc = fake().seedWorkspaceDocument(1);
		const { items, error } = await runRaydocs(fake(), {
			resource: 'document',
			operation: 'delete',
			documentId: byId(doc.id),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'DELETE',
			path: `/extractions/documents/${doc.id}`,
			status: 204,
		});
		expect(fake().state.documents.has(doc.id)).toBe(false);
	});

	it('names sessions-write on 403', async () => {
		const doc = fake().seedWorkspaceDocument(1);
		const token = fake().createToken(['sessions-read'], 'read-only');
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'document', operation: 'delete', documentId: byId(doc.id) },
			{ token },
		);
		expect(error?.message).toContain('"sessions-write"');
		expect(fake().state.documents.has(doc.id)).toBe(true);
	});
});
