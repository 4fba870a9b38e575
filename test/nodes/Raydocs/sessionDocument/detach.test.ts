import { apiRequests, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { newSession, seedWorkspaceDocuments } from './sessions';

describe('Raydocs → Session Document → Detach', () => {
	const fake = useFakeRaydocs();

	it('detaches one document from a session and says so', async () => {
		const sessionId = await newSession(fake());
		const documents = seedWorkspaceDocuments(fake());
		await runRaydocs(fake(), {
			resource: 'sessionDocument',
			operation: 'attach',
			sessionId,
			documentIds: documents.map((document) => document.id).join(', '),
		});
		const detached = await runRaydocs(fake(), { resource: 'sessionDocument', operation: 'detach', sessionId, documentId: documents[0].id });
		expect(detached.items[0].json).toEqual({ deleted: true });
		expect(apiRequests(fake()).pop()).toMatchObject({
			method: 'DELETE',
			path: `/extractions/sessions/${sessionId}/documents/${documents[0].id}`,
			status: 204,
		});
	});
});
