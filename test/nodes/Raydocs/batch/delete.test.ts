import { apiRequests, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { batchParameters, batchPath, seedBatchSessions } from './batches';

describe('Raydocs → Extraction Batch → Delete', () => {
	const fake = useFakeRaydocs();

	it('deletes the given sessions and says so', async () => {
		const sessionIds = await seedBatchSessions(fake(), 2);
		const { items, error } = await runRaydocs(fake(), batchParameters(fake(), 'delete', { sessionIds }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ deleted: true }]);
		expect(apiRequests(fake())[0]).toMatchObject({ method: 'POST', path: `${batchPath(fake())}/delete`, body: { session_ids: sessionIds } });
		expect(sessionIds.some((id) => fake().state.sessions.has(id))).toBe(false);
	});
});
