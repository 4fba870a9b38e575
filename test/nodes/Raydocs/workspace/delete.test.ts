import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Workspace → Delete', () => {
	const fake = useFakeRaydocs();

	it('returns { deleted: true } for the 204', async () => {
		const workspace = fake().seedWorkspace('Short-lived');
		const { items, error } = await runRaydocs(fake(), {
			resource: 'workspace',
			operation: 'delete',
			workspaceId: byId(workspace.id),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'DELETE',
			path: `/workspaces/${workspace.id}`,
			status: 204,
		});
		expect(fake().state.workspaces.has(workspace.id)).toBe(false);
	});

	it('says which workspace was not found on 404', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'workspace',
			operation: 'delete',
			workspaceId: byId(424242),
		});
		expect(error?.message).toContain('could not find workspace 424242');
	});

	it('does not repeat a delete that Raydocs answered', async () => {
		const workspace = fake().seedWorkspace('Once');
		await runRaydocs(fake(), { resource: 'workspace', operation: 'delete', workspaceId: byId(workspace.id) });
		expect(apiRequests(fake()).filter((entry) => entry.method === 'DELETE')).toHaveLength(1);
	});
});
