import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Workspace Member → Remove', () => {
	const fake = useFakeRaydocs();

	it('returns { deleted: true } for the 204', async () => {
		const bob = fake().seedUser();
		fake().addMember(1, bob.id, 'user');
		const { items, error } = await runRaydocs(fake(), {
			resource: 'workspaceMember',
			operation: 'remove',
			workspaceId: byId(1),
			userId: String(bob.id),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'DELETE',
			path: `/workspaces/1/users/${bob.id}/remove`,
			status: 204,
		});
		expect(fake().state.workspaces.get(1)?.members.has(bob.id)).toBe(false);
	});

	it('passes on why Raydocs refuses to remove the token user', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'workspaceMember',
			operation: 'remove',
			workspaceId: byId(1),
			userId: '1',
		});
		expect((error as { httpCode?: string }).httpCode).toBe('403');
		expect(JSON.stringify(error)).toContain('leave the workspace instead');
	});

	it('rejects a user ID that an expression left empty before sending anything', async () => {
		const { error } = await runRaydocs(
			fake(),
			{
				resource: 'workspaceMember',
				operation: 'remove',
				workspaceId: byId(1),
				userId: '={{ $json.userId }}',
			},
			{ input: [{ json: {} }] },
		);
		expect(error?.message).toContain('Workspace member ID is empty');
		expect(apiRequests(fake())).toHaveLength(0);
	});
});
