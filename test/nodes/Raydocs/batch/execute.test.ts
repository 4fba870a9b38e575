import { apiRequests, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { batchParameters, batchPath, seedBatchSessions } from './batches';

describe('Raydocs → Extraction Batch → Execute', () => {
	const fake = useFakeRaydocs();

	it('queues the extraction of the given sessions', async () => {
		const sessionIds = await seedBatchSessions(fake(), 2);
		const { items, error } = await runRaydocs(fake(), batchParameters(fake(), 'execute', { sessionIds: sessionIds.join(',') }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ queued_count: 2 });
		expect(apiRequests(fake())).toEqual([
			expect.objectContaining({ method: 'POST', path: `${batchPath(fake())}/execute`, body: { session_ids: sessionIds } }),
		]);
	});

	it('rejects a session ID that is not a UUID before sending', async () => {
		const { error } = await runRaydocs(fake(), batchParameters(fake(), 'execute', { sessionIds: 'not-a-session' }));
		expect(error?.message).toBe('Session ID "not-a-session" is not valid: Raydocs session IDs are UUIDs');
		expect(fake().log).toHaveLength(0);
	});
});
