import { runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { newSession, seedWorkspaceDocuments } from './sessions';

describe('Raydocs → Session Document → Get Many', () => {
	const fake = useFakeRaydocs();

	it('lists the documents attached to a session', async () => {
		const sessionId = await newSession(fake());
		const documents = seedWorkspaceDocuments(fake());
		await runRaydocs(fake(), {
			resource: 'sessionDocument',
			operation: 'attach',
			sessionId,
			documentIds: documents.map((document) => document.id).join(', '),
		});
		const listed = await runRaydocs(fake(), { resource: 'sessionDocument', operation: 'getAll', sessionId, returnAll: true });
		expect(listed.items.map((item) => item.json.id).sort()).toEqual(documents.map((document) => document.id).sort());
	});
});
