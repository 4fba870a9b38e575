import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Template → Update', () => {
	const fake = useFakeRaydocs();

	it('sends only the fields that were added, with the schema parsed', async () => {
		const template = fake().seedTemplate(1, { name: 'Old' });
		const schema = { groups: { header: { fields: { title: { type: 'string' } } } } };
		const { items, error } = await runRaydocs(fake(), {
			resource: 'template',
			operation: 'update',
			templateId: byId(template.id),
			updateFields: { name: 'New', schemaJson: JSON.stringify(schema), contextualEmbedding: false },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: template.id, name: 'New', schema_json: { groups: schema.groups } });
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'PUT',
			path: `/extractions/templates/${template.id}`,
			body: { name: 'New', schema_json: schema, settings: { parsing: { contextual_embedding: false } } },
		});
	});

	it('updates the schema alone', async () => {
		const template = fake().seedTemplate(1);
		await runRaydocs(fake(), {
			resource: 'template',
			operation: 'update',
			templateId: byId(template.id),
			updateFields: { schemaJson: '{"groups": {}}' },
		});
		expect(apiRequests(fake())[0].body).toEqual({ schema_json: { groups: {} }, schema: { groups: {} } });
	});

	it('refuses an update without fields before sending anything', async () => {
		const template = fake().seedTemplate(1);
		const { error } = await runRaydocs(fake(), {
			resource: 'template',
			operation: 'update',
			templateId: byId(template.id),
			updateFields: {},
		});
		expect(error?.message).toContain('Nothing to update');
		expect(apiRequests(fake())).toHaveLength(0);
	});

	it('explains invalid schema JSON before sending anything', async () => {
		const template = fake().seedTemplate(1);
		const { error } = await runRaydocs(fake(), {
			resource: 'template',
			operation: 'update',
			templateId: byId(template.id),
			updateFields: { schemaJson: "{'groups': {}}" },
		});
		expect(error?.message).toMatch(/^Schema JSON is not valid JSON: /);
		expect(apiRequests(fake())).toHaveLength(0);
	});

	it('passes on the 403 of a read-only member', async () => {
		const template = fake().seedTemplate(1);
		const reader = fake().seedUser();
		fake().addMember(1, reader.id, 'readonly');
		const token = fake().createToken('*', 'reader', reader.id);
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'template', operation: 'update', templateId: byId(template.id), updateFields: { name: 'x' } },
			{ token },
		);
		expect((error as { httpCode?: string }).httpCode).toBe('403');
		expect((error as { description?: string }).description).toContain('Read-only members cannot make changes');
	});
});
