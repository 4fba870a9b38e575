import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Template → Get', () => {
	const fake = useFakeRaydocs();

	it('returns the template with its schema', async () => {
		const template = fake().seedTemplate(1, { name: 'Contracts' });
		const { items, error } = await runRaydocs(fake(), {
			resource: 'template',
			operation: 'get',
			templateId: byId(` ${template.id} `),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: template.id, name: 'Contracts', schema_json: template.schemaJson });
		expect(apiRequests(fake())[0]).toMatchObject({ method: 'GET', path: `/extractions/templates/${template.id}` });
	});

	it('accepts a template picked from the list', async () => {
		const template = fake().seedTemplate(1, { name: 'Listed' });
		const { items } = await runRaydocs(fake(), {
			resource: 'template',
			operation: 'get',
			workspaceId: { __rl: true, mode: 'list', value: '1' },
			templateId: { __rl: true, mode: 'list', value: template.id, cachedResultName: 'Listed' },
		});
		expect(items[0].json.name).toBe('Listed');
	});

	it('accepts a template pasted as a link', async () => {
		const template = fake().seedTemplate(1, { name: 'Linked' });
		const { items, error } = await runRaydocs(fake(), {
			resource: 'template',
			operation: 'get',
			templateId: { __rl: true, mode: 'url', value: `https://app.raydocs.com/w/1/extractions/templates/${template.id}?tab=schema` },
		});
		expect(error).toBeUndefined();
		expect(items[0].json.name).toBe('Linked');
		expect(apiRequests(fake())[0].path).toBe(`/extractions/templates/${template.id}`);
	});

	it('says which template was not found on 404', async () => {
		const missing = '00000000-0000-4000-8000-000000000000';
		const { error } = await runRaydocs(fake(), { resource: 'template', operation: 'get', templateId: byId(missing) });
		expect(error?.message).toContain(`could not find template ${missing}`);
	});

	it('rejects a template ID from an expression that is not a UUID before sending anything', async () => {
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'template', operation: 'get', templateId: byId('={{ $json.template }}') },
			{ input: [{ json: { template: 'Invoice Extraction' } }] },
		);
		expect(error?.message).toBe('Template ID "Invoice Extraction" is not valid: Raydocs template IDs are UUIDs');
		expect(apiRequests(fake())).toHaveLength(0);
	});
});
