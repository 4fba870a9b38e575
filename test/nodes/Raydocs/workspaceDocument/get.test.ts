import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Workspace Document → Get', () => {
	const fake = useFakeRaydocs();

	it('returns the document with its parsings', async () => {
		const doc = fake().seedWorkspaceDocument(1, { filename: 'invoice.pdf' });
		const { items, error } = await runRaydocs(fake(), {
			resource: 'workspaceDocument',
			operation: 'get',
			workspaceId: byId(1),
			documentId: { __rl: true, mode: 'list', value: doc.id, cachedResultName: 'invoice.pdf' },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: expect.objectContaining({ id: doc.id, filename: 'invoice.pdf', parsings: [expect.any(Object)] }),
				pairedItem: { item: 0 },
			},
		]);
		expect(apiRequests(fake())[0]).toMatchObject({ method: 'GET', path: `/workspaces/1/documents/${doc.id}` });
	});

	it('says which document was not found in which workspace on 404', async () => {
		const other = fake().seedWorkspace('Other');
		const doc = fake().seedWorkspaceDocument(other.id);
		const { error } = await runRaydocs(fake(), {
			resource: 'workspaceDocument',
			operation: 'get',
			workspaceId: byId(1),
			documentId: byId(doc.id),
		});
		expect(error?.message).toContain(`could not find document ${doc.id} in workspace 1`);
	});
});
