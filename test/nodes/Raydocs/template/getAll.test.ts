import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Template → Get Many', () => {
	const fake = useFakeRaydocs();

	const getMany = (extra: Record<string, unknown>) => ({
		resource: 'template',
		operation: 'getAll',
		workspaceId: byId(1),
		...extra,
	});

	beforeEach(() => {
		// The seeded "Invoice Extraction" plus 20: two pages of 15.
		for (let index = 1; index <= 20; index++) fake().seedTemplate(1, { name: `Template ${index}` });
	});

	it('follows the pages for Return All', async () => {
		const { items, error } = await runRaydocs(fake(), getMany({ returnAll: true }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(21);
		expect(items[0].json).toMatchObject({ name: 'Invoice Extraction', workspace_id: 1 });
		expect(items[20].json.name).toBe('Template 20');
		expect(new Set(items.map((item) => item.json.id)).size).toBe(21);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		const requests = apiRequests(fake());
		expect(requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['GET', '/workspaces/1/extractions/templates', {}],
			['GET', '/workspaces/1/extractions/templates', { page: '2' }],
		]);
	});

	it('stops at Limit without reading the next page', async () => {
		const { items } = await runRaydocs(fake(), getMany({ returnAll: false, limit: 5 }));
		expect(items).toHaveLength(5);
		expect(apiRequests(fake())).toHaveLength(1);
	});

	it('names templates-read on 403', async () => {
		const token = fake().createToken(['workspaces-read'], 'no-templates');
		const { error } = await runRaydocs(fake(), getMany({ returnAll: true }), { token });
		expect(error?.message).toContain('"templates-read"');
	});

	it('says which workspace was not found on 404', async () => {
		const { error } = await runRaydocs(fake(), { ...getMany({ returnAll: true }), workspaceId: byId(55) });
		expect(error?.message).toContain('could not find workspace 55');
	});
});
