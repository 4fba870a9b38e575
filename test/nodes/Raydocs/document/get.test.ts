import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Parsed Document → Get', () => {
	const fake = useFakeRaydocs();

	it('returns the document', async () => {
		const doc = fake().seedWorkspaceDocument(1, { filename: 'invoice.pdf' });
		const { items, error } = await runRaydocs(fake(), {
			resource: 'document',
			operation: 'get',
			documentId: byId(doc.id),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: expect.objectContaining({ id: doc.id, filename: 'invoice.pdf', status: 'processed', workspace_id: 1 }),
				pairedItem: { item: 0 },
			},
		]);
		expect(apiRequests(fake())).toEqual([
			expect.objectContaining({ method: 'GET', path: `/extractions/documents/${doc.id}`, query: {} }),
		]);
	});

	it('says which document was not found on 404', async () => {
		const missing = '55555555-5555-4555-8555-555555555555';
		const { error } = await runRaydocs(fake(), { resource: 'document', operation: 'get', documentId: byId(missing) });
		expect(error?.message).toContain(`could not find document ${missing}`);
	});

	it('names sessions-read on 403', async () => {
		const doc = fake().seedWorkspaceDocument(1);
		const token = fake().createToken(['documents-read'], 'documents-only');
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'document', operation: 'get', documentId: byId(doc.id) },
			{ token },
		);
		expect(error?.message).toContain('"sessions-read"');
	});

	it('rejects a document ID from an expression that is not a UUID before sending anything', async () => {
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'document', operation: 'get', documentId: byId('={{ $json.file }}') },
			{ input: [{ json: { file: 'invoice.pdf' } }] },
		);
		expect(error?.message).toBe('Document ID "invoice.pdf" is not valid: Raydocs document IDs are UUIDs');
		expect(apiRequests(fake())).toHaveLength(0);
	});
});
