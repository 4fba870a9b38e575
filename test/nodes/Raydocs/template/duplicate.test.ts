import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Template → Duplicate', () => {
	const fake = useFakeRaydocs();

	it('copies under the default name when no name is added', async () => {
		const template = fake().seedTemplate(1, { name: 'Invoices' });
		const { items, error } = await runRaydocs(fake(), {
			resource: 'template',
			operation: 'duplicate',
			templateId: byId(template.id),
			additionalFields: {},
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ name: 'Invoices (Copy)', schema_json: template.schemaJson });
		expect(items[0].json.id).not.toBe(template.id);
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'POST',
			path: `/extractions/templates/${template.id}/duplicate`,
			body: {},
			status: 201,
		});
	});

	it('sends the name when one is added', async () => {
		const template = fake().seedTemplate(1, { name: 'Invoices' });
		const { items } = await runRaydocs(fake(), {
			resource: 'template',
			operation: 'duplicate',
			templateId: byId(template.id),
			additionalFields: { name: 'Invoices v2' },
		});
		expect(items[0].json.name).toBe('Invoices v2');
		expect(apiRequests(fake())[0].body).toEqual({ name: 'Invoices v2' });
	});

	it('says which template was not found on 404', async () => {
		const missing = '11111111-1111-4111-8111-111111111111';
		const { error } = await runRaydocs(fake(), {
			resource: 'template',
			operation: 'duplicate',
			templateId: byId(missing),
			additionalFields: {},
		});
		expect(error?.message).toContain(`could not find template ${missing}`);
	});
});
