import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { seedInvite } from './invites';

describe('Raydocs → Workspace Invite → Cancel', () => {
	const fake = useFakeRaydocs();

	it('deletes the invite and returns { deleted: true }', async () => {
		const inviteId = await seedInvite(fake(), 'gone@example.com');
		const { items, error } = await runRaydocs(fake(), {
			resource: 'workspaceInvite',
			operation: 'cancel',
			workspaceId: byId(1),
			inviteId: String(inviteId),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'DELETE',
			path: `/workspaces/1/invites/${inviteId}`,
			status: 204,
		});
		expect(fake().state.invites.has(inviteId)).toBe(false);
	});

	it('says which invite was not found on 404', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'workspaceInvite',
			operation: 'cancel',
			workspaceId: byId(1),
			inviteId: '31',
		});
		expect((error as { httpCode?: string }).httpCode).toBe('404');
		expect(error?.message).toContain('could not find invite 31 in workspace 1');
	});
});
