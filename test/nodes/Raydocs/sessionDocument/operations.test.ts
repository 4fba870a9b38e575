import { apiRequests, byId, fileItem, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import type { FakeRaydocs } from '../../../../tools/fake-raydocs/server';

async function newSession(fake: FakeRaydocs): Promise<string> {
	const { items } = await runRaydocs(fake, {
		resource: 'session',
		operation: 'create',
		templateId: byId(fake.state.seed!.templateId),
		additionalFields: {},
	});
	fake.clearLog();
	return String(items[0].json.id);
}

describe('Raydocs → Session Document', () => {
	const fake = useFakeRaydocs();

	it('Upload registers each file under its own name and outputs one item per document', async () => {
		fake().setVariant('uploadFilenameFromStorage', 'ignore');
		const sessionId = await newSession(fake());
		const item = fileItem('%PDF one', 'Lieferschein 1.pdf', 'application/pdf', 'a');
		item.binary!.b = fileItem('%PDF two', 'two.pdf').binary!.data;
		const { items, error } = await runRaydocs(
			fake(),
			{ resource: 'sessionDocument', operation: 'upload', sessionId, allBinaries: true },
			{ input: [item] },
		);
		expect(error).toBeUndefined();
		expect(items.map((entry) => [entry.json.filename, entry.json.extraction_session_id, entry.pairedItem])).toEqual([
			['Lieferschein 1.pdf', sessionId, { item: 0 }],
			['two.pdf', sessionId, { item: 0 }],
		]);
		expect(apiRequests(fake()).map((entry) => entry.endpoint)).toEqual([
			'POST /vapor/signed-storage-url',
			'POST /vapor/signed-storage-url',
			'POST /extractions/sessions/{sessionId}/documents',
			'POST /extractions/sessions/{sessionId}/documents',
		]);
		expect(fake().state.documents.map((document) => document.filename).sort()).toEqual(['Lieferschein 1.pdf', 'two.pdf']);
	});

	it('Add by Upload Key uses the current endpoint, or the legacy one with a file name', async () => {
		const sessionId = await newSession(fake());
		const upload = await runRaydocs(
			fake(),
			{ resource: 'file', operation: 'upload', allBinaries: false, binaryPropertyName: 'data' },
			{ input: [fileItem('%PDF keyed', 'keyed.pdf'), fileItem('%PDF legacy', 'legacy.pdf')] },
		);
		fake().clearLog();
		const current = await runRaydocs(
			fake(),
			{ resource: 'sessionDocument', operation: 'addByKey', sessionId, uploadMode: 'keys', keys: '={{ $json.key }}' },
			{ input: [upload.items[0]] },
		);
		expect(current.items).toHaveLength(1);
		expect(apiRequests(fake())[0]).toMatchObject({
			path: `/extractions/sessions/${sessionId}/documents/upload`,
			body: { keys: [upload.items[0].json.key] },
		});
		const legacy = await runRaydocs(
			fake(),
			{
				resource: 'sessionDocument',
				operation: 'addByKey',
				sessionId,
				uploadMode: 'legacy',
				key: '={{ $json.key }}',
				filename: '={{ $json.fileName }}',
			},
			{ input: [upload.items[1]] },
		);
		expect(legacy.items[0].json).toMatchObject({ filename: 'legacy.pdf' });
		expect(apiRequests(fake())[1]).toMatchObject({
			path: `/extractions/sessions/${sessionId}/documents`,
			body: { key: upload.items[1].json.key, filename: 'legacy.pdf' },
			status: 201,
		});
	});

	it('Attach, Get Many and Detach manage workspace documents in a session', async () => {
		const sessionId = await newSession(fake());
		const workspaceId = fake().state.seed!.workspaceId;
		const documents = [1, 2, 3].map((index) =>
			fake().seedWorkspaceDocument(workspaceId, { filename: `doc-${index}.pdf`, content: `%PDF ${index}` }),
		);
		const attached = await runRaydocs(fake(), {
			resource: 'sessionDocument',
			operation: 'attach',
			sessionId,
			documentIds: documents.map((document) => document.id).join(', '),
		});
		expect(attached.items.map((item) => item.json.id)).toEqual(documents.map((document) => document.id));

		const listed = await runRaydocs(fake(), { resource: 'sessionDocument', operation: 'getAll', sessionId, returnAll: true });
		expect(listed.items.map((item) => item.json.id).sort()).toEqual(documents.map((document) => document.id).sort());

		const detached = await runRaydocs(fake(), {
			resource: 'sessionDocument',
			operation: 'detach',
			sessionId,
			documentId: documents[0].id,
		});
		expect(detached.items[0].json).toEqual({ deleted: true });
		expect(apiRequests(fake()).pop()).toMatchObject({
			method: 'DELETE',
			path: `/extractions/sessions/${sessionId}/documents/${documents[0].id}`,
			status: 204,
		});
	});

	it('Attach rejects ids that are not UUIDs before sending', async () => {
		const sessionId = await newSession(fake());
		const { error } = await runRaydocs(fake(), {
			resource: 'sessionDocument',
			operation: 'attach',
			sessionId,
			documentIds: 'invoice.pdf',
		});
		expect(error?.message).toBe('Document ID "invoice.pdf" is not valid: Raydocs document IDs are UUIDs');
		expect(fake().log).toHaveLength(0);
	});
});
