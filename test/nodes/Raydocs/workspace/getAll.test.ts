import { apiRequests, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Workspace → Get Many', () => {
	const fake = useFakeRaydocs();

	beforeEach(() => {
		fake().seedWorkspace('Accounts Payable');
		fake().seedWorkspace('Contracts');
	});

	it.each(['data', 'array'] as const)(
		'returns one item per workspace when the list comes as %s',
		async (shape) => {
			fake().setVariant('workspacesList', shape);
			const { items, error } = await runRaydocs(fake(), {
				resource: 'workspace',
				operation: 'getAll',
				returnAll: true,
			});
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json.name)).toEqual([
				'Demo Workspace',
				'Accounts Payable',
				'Contracts',
			]);
			expect(items.every((item) => typeof item.json.id === 'number')).toBe(true);
			expect(items[0].pairedItem).toEqual({ item: 0 });
			const requests = apiRequests(fake());
			expect(requests).toHaveLength(1);
			expect(requests[0]).toMatchObject({ method: 'GET', path: '/workspaces', hasAuthorization: true });
			expect(requests[0].tokenLabel).toBe('full');
			expect(requests[0].headers.accept).toContain('application/json');
		},
	);

	it('stops at Limit', async () => {
		const { items } = await runRaydocs(fake(), {
			resource: 'workspace',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
		});
		expect(items.map((item) => item.json.name)).toEqual(['Demo Workspace', 'Accounts Payable']);
	});

	it('says the token is invalid or revoked on 401', async () => {
		const token = fake().createToken('*', 'revoked');
		fake().revokeToken(token);
		const { items, error } = await runRaydocs(
			fake(),
			{ resource: 'workspace', operation: 'getAll', returnAll: true },
			{ token },
		);
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/invalid, expired or revoked/);
		expect(error?.message).not.toContain(token);
		expect(JSON.stringify(error)).not.toContain(token);
		expect((error as { httpCode?: string }).httpCode).toBe('401');
	});

	it('names the missing ability on 403', async () => {
		const token = fake().createToken(['templates-read'], 'templates-only');
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'workspace', operation: 'getAll', returnAll: true },
			{ token },
		);
		expect(error?.message).toContain('"workspaces-read"');
		expect((error as { httpCode?: string }).httpCode).toBe('403');
	});

	it('turns a failure into an error item with continue-on-fail', async () => {
		const token = fake().createToken(['templates-read'], 'templates-only');
		const { items, error } = await runRaydocs(
			fake(),
			{ resource: 'workspace', operation: 'getAll', returnAll: true },
			{ token, continueOnFail: true, input: [{ json: { a: 1 } }, { json: { a: 2 } }] },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		for (const item of items) expect(String(item.json.error)).toContain('workspaces-read');
	});
});
