import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { seedInvite } from './invites';

describe('Raydocs → Workspace Invite → Resend', () => {
	const fake = useFakeRaydocs();

	it('posts to .../invites/{inviteId}/resend and returns the message', async () => {
		const inviteId = await seedInvite(fake(), 'late@example.com');
		const { items, error } = await runRaydocs(fake(), {
			resource: 'workspaceInvite',
			operation: 'resend',
			workspaceId: byId(1),
			inviteId: String(inviteId),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { message: 'Invitation resent successfully' }, pairedItem: { item: 0 } },
		]);
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'POST',
			path: `/workspaces/1/invites/${inviteId}/resend`,
		});
		expect(fake().state.invites.get(inviteId)?.sentCount).toBe(2);
	});

	it('says which invite was not found on 404', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'workspaceInvite',
			operation: 'resend',
			workspaceId: byId(1),
			inviteId: '404',
		});
		expect(error?.message).toContain('could not find invite 404 in workspace 1');
	});

	it('rejects an invite ID that is not a number before sending anything', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'workspaceInvite',
			operation: 'resend',
			workspaceId: byId(1),
			inviteId: 'late@example.com',
		});
		expect(error?.message).toContain('Invite ID "late@example.com" is not valid');
		expect(apiRequests(fake())).toHaveLength(0);
	});
});
