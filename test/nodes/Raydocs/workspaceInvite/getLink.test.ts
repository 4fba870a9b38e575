import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { seedInvite } from './invites';

describe('Raydocs → Workspace Invite → Get Link', () => {
	const fake = useFakeRaydocs();

	it('returns the link of the invitation', async () => {
		const inviteId = await seedInvite(fake(), 'link@example.com');
		const { items, error } = await runRaydocs(fake(), {
			resource: 'workspaceInvite',
			operation: 'getLink',
			workspaceId: byId(1),
			inviteId: String(inviteId),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { link: `https://raydocs.com/invite/${fake().state.invites.get(inviteId)?.linkToken}` },
				pairedItem: { item: 0 },
			},
		]);
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'GET',
			path: `/workspaces/1/invites/${inviteId}/link`,
		});
	});

	it('names workspace-users-read on 403', async () => {
		const inviteId = await seedInvite(fake(), 'link@example.com');
		const token = fake().createToken(['workspaces-read'], 'no-users');
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'workspaceInvite', operation: 'getLink', workspaceId: byId(1), inviteId: String(inviteId) },
			{ token },
		);
		expect(error?.message).toContain('"workspace-users-read"');
	});
});
