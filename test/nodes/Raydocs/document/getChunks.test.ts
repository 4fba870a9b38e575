import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Parsed Document → Get Chunks', () => {
	const fake = useFakeRaydocs();

	it.each(['data', 'array'] as const)('returns one item per chunk when the list comes as %s', async (shape) => {
		fake().setVariant('chunksList', shape);
		const doc = fake().seedWorkspaceDocument(1, { content: '%PDF-1.4 %PAGES=3 chunked', filename: 'three.pdf' });
		const { items, error } = await runRaydocs(fake(), {
			resource: 'document',
			operation: 'getChunks',
			documentId: byId(doc.id),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.chunk_index)).toEqual([0, 1, 2]);
		expect(items.every((item) => item.json.document_id === doc.id)).toBe(true);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		expect(apiRequests(fake())).toEqual([
			expect.objectContaining({ method: 'GET', path: `/extractions/documents/${doc.id}/chunks` }),
		]);
	});

	it('returns no items for a document that is not parsed yet', async () => {
		const doc = fake().seedWorkspaceDocument(1, { status: 'uploaded' });
		const { items, error } = await runRaydocs(fake(), {
			resource: 'document',
			operation: 'getChunks',
			documentId: byId(doc.id),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	it('says which document was not found on 404', async () => {
		const missing = '88888888-8888-4888-8888-888888888888';
		const { error } = await runRaydocs(fake(), {
			resource: 'document',
			operation: 'getChunks',
			documentId: byId(missing),
		});
		expect(error?.message).toContain(`could not find document ${missing}`);
	});
});
