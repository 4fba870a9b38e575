import { apiRequests, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { seedSession } from './sessions';

describe('Raydocs → Session → Get', () => {
	const fake = useFakeRaydocs();

	it('returns the session with its documents and results', async () => {
		const sessionId = await seedSession(fake(), 'Q1');
		const { items, error } = await runRaydocs(fake(), {
			resource: 'session',
			operation: 'get',
			sessionId: ` ${sessionId} `,
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: expect.objectContaining({ id: sessionId, name: 'Q1', documents: [], results: [] }),
				pairedItem: { item: 0 },
			},
		]);
		expect(apiRequests(fake())[0]).toMatchObject({ method: 'GET', path: `/extractions/sessions/${sessionId}` });
	});

	it('says which session was not found on 404', async () => {
		const missing = '33333333-3333-4333-8333-333333333333';
		const { error } = await runRaydocs(fake(), { resource: 'session', operation: 'get', sessionId: missing });
		expect((error as { httpCode?: string }).httpCode).toBe('404');
		expect(error?.message).toContain(`could not find session ${missing}`);
	});

	it('rejects a session ID that is not a UUID before sending anything', async () => {
		const { error } = await runRaydocs(fake(), { resource: 'session', operation: 'get', sessionId: 'Q1' });
		expect(error?.message).toBe('Session ID "Q1" is not valid: Raydocs session IDs are UUIDs');
		expect((error as { description?: string }).description).toContain('Session → Create');
		expect(apiRequests(fake())).toHaveLength(0);
	});
});
