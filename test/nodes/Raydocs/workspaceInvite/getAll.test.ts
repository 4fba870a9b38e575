import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { seedInvite } from './invites';

describe('Raydocs → Workspace Invite → Get Many', () => {
	const fake = useFakeRaydocs();

	it('returns one item per pending invite from the bare array', async () => {
		const first = await seedInvite(fake(), 'one@example.com');
		const second = await seedInvite(fake(), 'two@example.com');
		const { items, error } = await runRaydocs(fake(), {
			resource: 'workspaceInvite',
			operation: 'getAll',
			workspaceId: byId(1),
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.id, item.json.email, item.json.status])).toEqual([
			[first, 'one@example.com', 'pending'],
			[second, 'two@example.com', 'pending'],
		]);
		expect(apiRequests(fake())).toEqual([
			expect.objectContaining({ method: 'GET', path: '/workspaces/1/invites', query: {} }),
		]);
	});

	it('stops at Limit', async () => {
		await seedInvite(fake(), 'one@example.com');
		await seedInvite(fake(), 'two@example.com');
		const { items } = await runRaydocs(fake(), {
			resource: 'workspaceInvite',
			operation: 'getAll',
			workspaceId: byId(1),
			returnAll: false,
			limit: 1,
		});
		expect(items.map((item) => item.json.email)).toEqual(['one@example.com']);
	});

	it('names workspace-users-read on 403', async () => {
		const token = fake().createToken(['workspace-users-write'], 'write-only');
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'workspaceInvite', operation: 'getAll', workspaceId: byId(1), returnAll: true },
			{ token },
		);
		expect(error?.message).toContain('"workspace-users-read"');
	});
});
