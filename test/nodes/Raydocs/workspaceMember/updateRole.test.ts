import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Workspace Member → Update Role', () => {
	const fake = useFakeRaydocs();

	it('sends the new role to PUT .../users/{userId}/update-role', async () => {
		const bob = fake().seedUser();
		fake().addMember(1, bob.id, 'user');
		const { items, error } = await runRaydocs(fake(), {
			resource: 'workspaceMember',
			operation: 'updateRole',
			workspaceId: byId(1),
			userId: ` ${bob.id} `,
			role: 'admin',
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { message: 'Role updated successfully' }, pairedItem: { item: 0 } }]);
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'PUT',
			path: `/workspaces/1/users/${bob.id}/update-role`,
			body: { role: 'admin' },
		});
		expect(fake().state.workspaces.get(1)?.members.get(bob.id)).toBe('admin');
	});

	it('says which member was not found on 404', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'workspaceMember',
			operation: 'updateRole',
			workspaceId: byId(1),
			userId: '99',
			role: 'user',
		});
		expect(error?.message).toContain('could not find workspace member 99 in workspace 1');
	});

	it('rejects a user ID that is not a number before sending anything', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'workspaceMember',
			operation: 'updateRole',
			workspaceId: byId(1),
			userId: 'bob@example.com',
			role: 'user',
		});
		expect(error?.message).toBe(
			'Workspace member ID "bob@example.com" is not valid: Raydocs workspace member IDs are whole numbers',
		);
		expect(apiRequests(fake())).toHaveLength(0);
	});

	it('shows the field error when the last admin would be demoted', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'workspaceMember',
			operation: 'updateRole',
			workspaceId: byId(1),
			userId: '1',
			role: 'user',
		});
		expect((error as { httpCode?: string }).httpCode).toBe('422');
		expect(error?.message).toContain('role: The workspace must keep at least one admin.');
	});
});
