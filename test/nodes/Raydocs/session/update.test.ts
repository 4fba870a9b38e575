import { apiRequests, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { seedSession } from './sessions';

describe('Raydocs → Session → Update', () => {
	const fake = useFakeRaydocs();

	it('renames the session', async () => {
		const sessionId = await seedSession(fake(), 'Before');
		const { items, error } = await runRaydocs(fake(), {
			resource: 'session',
			operation: 'update',
			sessionId,
			updateFields: { name: 'After' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: sessionId, name: 'After' });
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'PUT',
			path: `/extractions/sessions/${sessionId}`,
			body: { name: 'After' },
		});
	});

	it('refuses an update without fields before sending anything', async () => {
		const sessionId = await seedSession(fake());
		const { error } = await runRaydocs(fake(), {
			resource: 'session',
			operation: 'update',
			sessionId,
			updateFields: {},
		});
		expect(error?.message).toContain('Nothing to update');
		expect(apiRequests(fake())).toHaveLength(0);
	});

	it('names sessions-write on 403', async () => {
		const sessionId = await seedSession(fake());
		const token = fake().createToken(['sessions-read'], 'read-only');
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'session', operation: 'update', sessionId, updateFields: { name: 'x' } },
			{ token },
		);
		expect(error?.message).toContain('"sessions-write"');
	});
});
