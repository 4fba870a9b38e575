import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Workspace → Update', () => {
	const fake = useFakeRaydocs();

	it('sends the changed fields to PUT /workspaces/{id}', async () => {
		const workspace = fake().seedWorkspace('Old name');
		const { items, error } = await runRaydocs(fake(), {
			resource: 'workspace',
			operation: 'update',
			workspaceId: byId(workspace.id),
			updateFields: { name: 'New name' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: workspace.id, name: 'New name' });
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'PUT',
			path: `/workspaces/${workspace.id}`,
			body: { name: 'New name' },
		});
	});

	it('accepts a workspace picked from the list', async () => {
		const workspace = fake().seedWorkspace('Listed');
		const { items } = await runRaydocs(fake(), {
			resource: 'workspace',
			operation: 'update',
			workspaceId: { __rl: true, mode: 'list', value: String(workspace.id) },
			updateFields: { icon: '📈' },
		});
		expect(items[0].json).toMatchObject({ icon: '📈' });
	});

	it('says which workspace was not found on 404', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'workspace',
			operation: 'update',
			workspaceId: byId(987654),
			updateFields: { name: 'x' },
		});
		expect((error as { httpCode?: string }).httpCode).toBe('404');
		expect(error?.message).toContain('could not find workspace 987654');
	});

	it('rejects a mapped workspace ID that is not a number before sending anything', async () => {
		const { error } = await runRaydocs(
			fake(),
			{
				resource: 'workspace',
				operation: 'update',
				workspaceId: byId('={{ $json.workspace }}'),
				updateFields: { name: 'x' },
			},
			{ input: [{ json: { workspace: 'my-workspace' } }] },
		);
		expect(error?.message).toContain('Workspace ID "my-workspace" is not valid');
		expect(apiRequests(fake())).toHaveLength(0);
	});

	it('is stopped by n8n when a typed workspace ID is not a number', async () => {
		await expect(
			runRaydocs(fake(), {
				resource: 'workspace',
				operation: 'update',
				workspaceId: byId('my-workspace'),
				updateFields: { name: 'x' },
			}),
		).rejects.toThrow('A workspace ID is a whole number, e.g. 12');
		expect(apiRequests(fake())).toHaveLength(0);
	});

	it('refuses an update without fields before sending anything', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'workspace',
			operation: 'update',
			workspaceId: byId(1),
			updateFields: {},
		});
		expect(error?.message).toContain('Nothing to update');
		expect(apiRequests(fake())).toHaveLength(0);
	});
});
