import { apiRequests, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Workspace → Create', () => {
	const fake = useFakeRaydocs();

	it('sends the name and only the additional fields that were added', async () => {
		const { items, error } = await runRaydocs(fake(), {
			resource: 'workspace',
			operation: 'create',
			name: 'Accounts Payable',
			additionalFields: { icon: '🚀' },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ name: 'Accounts Payable', icon: '🚀' });
		const [request] = apiRequests(fake());
		expect(request).toMatchObject({
			method: 'POST',
			path: '/workspaces/create',
			body: { name: 'Accounts Payable', icon: '🚀' },
			status: 201,
		});
		expect(request.headers['content-type']).toContain('application/json');
		expect([...fake().state.workspaces.values()].map((workspace) => workspace.name)).toContain(
			'Accounts Payable',
		);
	});

	it('does not send an icon the user did not add', async () => {
		await runRaydocs(fake(), {
			resource: 'workspace',
			operation: 'create',
			name: 'Plain',
			additionalFields: {},
		});
		expect(apiRequests(fake())[0].body).toEqual({ name: 'Plain' });
	});

	it('creates one workspace per input item', async () => {
		const { items } = await runRaydocs(
			fake(),
			{ resource: 'workspace', operation: 'create', name: '={{ $json.team }}', additionalFields: {} },
			{ input: [{ json: { team: 'North' } }, { json: { team: 'South' } }] },
		);
		expect(items.map((item) => item.json.name)).toEqual(['North', 'South']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('shows the field errors of a 422', async () => {
		// A literal empty name is stopped by n8n itself (required field); a mapped one reaches Raydocs.
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'workspace', operation: 'create', name: '={{ $json.team }}', additionalFields: {} },
			{ input: [{ json: { team: '' } }] },
		);
		expect((error as { httpCode?: string }).httpCode).toBe('422');
		expect(error?.message).toMatch(/name: .*required/i);
	});

	it('names workspaces-write when the token cannot write', async () => {
		const token = fake().createToken(['workspaces-read'], 'read-only');
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'workspace', operation: 'create', name: 'X', additionalFields: {} },
			{ token },
		);
		expect(error?.message).toContain('"workspaces-write"');
	});
});
