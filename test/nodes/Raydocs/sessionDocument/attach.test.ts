import { runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { newSession, seedWorkspaceDocuments } from './sessions';

describe('Raydocs → Session Document → Attach', () => {
	const fake = useFakeRaydocs();

	it('attaches workspace documents to a session, one item each', async () => {
		const sessionId = await newSession(fake());
		const documents = seedWorkspaceDocuments(fake());
		const attached = await runRaydocs(fake(), {
			resource: 'sessionDocument',
			operation: 'attach',
			sessionId,
			documentIds: documents.map((document) => document.id).join(', '),
		});
		expect(attached.items.map((item) => item.json.id)).toEqual(documents.map((document) => document.id));
	});

	it('rejects IDs that are not UUIDs before sending', async () => {
		const sessionId = await newSession(fake());
		const { error } = await runRaydocs(fake(), { resource: 'sessionDocument', operation: 'attach', sessionId, documentIds: 'invoice.pdf' });
		expect(error?.message).toBe('Document ID "invoice.pdf" is not valid: Raydocs document IDs are UUIDs');
		expect(fake().log).toHaveLength(0);
	});
});
