import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

/** Template → Get Many / Get: the Include Schema switch (resources/template/includeSchema.ts). */
describe('Raydocs → Template → Include Schema', () => {
	const fake = useFakeRaydocs();
	const getMany = { resource: 'template', operation: 'getAll', workspaceId: byId(1), returnAll: true };
	const get = () => ({ resource: 'template', operation: 'get', templateId: byId(fake().state.seed!.templateId) });

	beforeEach(() => {
		// The seeded "Invoice Extraction" plus 20: two pages of 15.
		for (let index = 1; index <= 20; index++) fake().seedTemplate(1, { name: `Template ${index}` });
	});

	it('leaves schema_json out of every page of Get Many by default', async () => {
		const { items, error } = await runRaydocs(fake(), getMany);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(21);
		expect(items[0].json).toMatchObject({ name: 'Invoice Extraction', id: fake().state.seed!.templateId, workspace_id: 1 });
		expect(items.some((item) => 'schema_json' in item.json)).toBe(false);
		// Still the same two requests: the switch only shapes the output.
		expect(apiRequests(fake()).map((entry) => entry.query)).toEqual([{}, { page: '2' }]);
	});

	it('includes it when switched on', async () => {
		const { items } = await runRaydocs(fake(), { ...getMany, includeSchema: true });
		expect(items.every((item) => typeof item.json.schema_json === 'object')).toBe(true);
	});

	it('Get includes the schema by default and leaves it out on request', async () => {
		const full = await runRaydocs(fake(), get());
		expect(full.items[0].json.schema_json).toMatchObject({ groups: expect.any(Object) });
		const compact = await runRaydocs(fake(), { ...get(), includeSchema: false });
		expect(compact.items[0].json).toMatchObject({ id: fake().state.seed!.templateId, name: 'Invoice Extraction' });
		expect(compact.items[0].json).not.toHaveProperty('schema_json');
	});
});
