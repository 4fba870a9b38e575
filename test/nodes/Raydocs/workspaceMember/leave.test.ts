import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Workspace Member → Leave', () => {
	const fake = useFakeRaydocs();

	it('posts to /workspaces/{id}/leave and returns the message', async () => {
		const workspace = fake().seedWorkspace('Shared');
		const bob = fake().seedUser();
		fake().addMember(workspace.id, bob.id, 'admin');
		const { items, error } = await runRaydocs(fake(), {
			resource: 'workspaceMember',
			operation: 'leave',
			workspaceId: byId(workspace.id),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { message: 'You have left the workspace' }, pairedItem: { item: 0 } }]);
		expect(apiRequests(fake())[0]).toMatchObject({ method: 'POST', path: `/workspaces/${workspace.id}/leave` });
		expect(fake().state.workspaces.get(workspace.id)?.members.has(1)).toBe(false);
	});

	it('passes on why the only admin cannot leave', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'workspaceMember',
			operation: 'leave',
			workspaceId: byId(1),
		});
		expect((error as { httpCode?: string }).httpCode).toBe('403');
		expect(JSON.stringify(error)).toContain('Promote another member to admin before leaving');
		expect(apiRequests(fake())).toHaveLength(1);
	});
});
