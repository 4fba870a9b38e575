import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Workspace Member → Get Many', () => {
	const fake = useFakeRaydocs();

	it('returns one item per member from the bare array', async () => {
		const bob = fake().seedUser({ name: 'Bob Builder', email: 'bob@example.com' });
		fake().addMember(1, bob.id, 'readonly');
		const { items, error } = await runRaydocs(fake(), {
			resource: 'workspaceMember',
			operation: 'getAll',
			workspaceId: byId(1),
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.email, item.json.role])).toEqual([
			['ada@example.com', 'admin'],
			['bob@example.com', 'readonly'],
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		const requests = apiRequests(fake());
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'GET', path: '/workspaces/1/users', query: {} });
	});

	it('stops at Limit', async () => {
		fake().addMember(1, fake().seedUser().id, 'user');
		fake().addMember(1, fake().seedUser().id, 'user');
		const { items } = await runRaydocs(fake(), {
			resource: 'workspaceMember',
			operation: 'getAll',
			workspaceId: byId(1),
			returnAll: false,
			limit: 2,
		});
		expect(items).toHaveLength(2);
	});

	it('names workspace-users-read on 403', async () => {
		const token = fake().createToken(['workspaces-read'], 'no-users');
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'workspaceMember', operation: 'getAll', workspaceId: byId(1), returnAll: true },
			{ token },
		);
		expect((error as { httpCode?: string }).httpCode).toBe('403');
		expect(error?.message).toContain('"workspace-users-read"');
	});

	it('says which workspace was not found on 404', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'workspaceMember',
			operation: 'getAll',
			workspaceId: byId(777),
			returnAll: true,
		});
		expect(error?.message).toContain('could not find workspace 777');
	});

	it('rejects a workspace ID from an expression that is not a number before sending anything', async () => {
		const { error } = await runRaydocs(
			fake(),
			{
				resource: 'workspaceMember',
				operation: 'getAll',
				workspaceId: byId('={{ $json.workspace }}'),
				returnAll: true,
			},
			{ input: [{ json: { workspace: 'demo' } }] },
		);
		expect(error?.message).toContain('Workspace ID "demo" is not valid');
		expect(apiRequests(fake())).toHaveLength(0);
	});
});
