import { apiRequests, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { seedSession } from './sessions';

describe('Raydocs → Session → Delete', () => {
	const fake = useFakeRaydocs();

	it('returns { deleted: true } for the 204', async () => {
		const sessionId = await seedSession(fake());
		const { items, error } = await runRaydocs(fake(), { resource: 'session', operation: 'delete', sessionId });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'DELETE',
			path: `/extractions/sessions/${sessionId}`,
			status: 204,
		});
		expect(fake().state.sessions.has(sessionId)).toBe(false);
	});

	it('deletes one session per input item', async () => {
		const first = await seedSession(fake(), 'first');
		const second = await seedSession(fake(), 'second');
		const { items } = await runRaydocs(
			fake(),
			{ resource: 'session', operation: 'delete', sessionId: '={{ $json.id }}' },
			{ input: [{ json: { id: first } }, { json: { id: second } }] },
		);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(apiRequests(fake()).map((request) => request.path).sort()).toEqual(
			[`/extractions/sessions/${first}`, `/extractions/sessions/${second}`].sort(),
		);
	});

	it('says which session was not found on 404', async () => {
		const missing = '44444444-4444-4444-8444-444444444444';
		const { error } = await runRaydocs(fake(), { resource: 'session', operation: 'delete', sessionId: missing });
		expect(error?.message).toContain(`could not find session ${missing}`);
	});
});
