import type { INodeParameters } from 'n8n-workflow';

import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

const schema = {
	groups: {
		receipt: { fields: { total: { type: 'number', extraction_prompt: 'The total paid' } } },
	},
};

describe('Raydocs → Template → Create', () => {
	const fake = useFakeRaydocs();

	const create = (extra: Record<string, unknown> = {}) => ({
		resource: 'template',
		operation: 'create',
		workspaceId: byId(1),
		name: 'Receipts',
		schemaJson: JSON.stringify(schema),
		additionalFields: {},
		...extra,
	});

	it('sends name, workspace_id, the parsed schema and only the added fields', async () => {
		const { items, error } = await runRaydocs(
			fake(),
			create({ additionalFields: { description: 'Till receipts', contextualEmbedding: true } }),
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			name: 'Receipts',
			description: 'Till receipts',
			workspace_id: 1,
			settings: { parsing: { contextual_embedding: true } },
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'POST',
			path: '/extractions/templates',
			status: 201,
			body: {
				name: 'Receipts',
				workspace_id: 1,
				schema_json: schema,
				description: 'Till receipts',
				settings: { parsing: { contextual_embedding: true } },
			},
		});
	});

	it('shows the sample schema as a placeholder: left empty, nothing is created', async () => {
		const withoutSchema: INodeParameters = create() as INodeParameters;
		delete withoutSchema.schemaJson;
		const empty = await runRaydocs(fake(), withoutSchema);
		expect(empty.error?.message).toBe('Schema JSON is empty');
		expect(apiRequests(fake())).toHaveLength(0);
	});

	it('sends no optional field that was not added', async () => {
		await runRaydocs(fake(), create());
		expect(apiRequests(fake())[0].body).toEqual({ name: 'Receipts', workspace_id: 1, schema_json: schema, schema });
	});

	it('accepts a schema object from an expression', async () => {
		await runRaydocs(fake(), create({ schemaJson: '={{ $json.schema }}' }), { input: [{ json: { schema } }] });
		expect(apiRequests(fake())[0].body).toMatchObject({ schema_json: schema });
	});

	it('explains invalid schema JSON before sending anything', async () => {
		const { error } = await runRaydocs(fake(), create({ schemaJson: '{"groups": {' }));
		expect(error?.message).toMatch(/^Schema JSON is not valid JSON: /);
		expect((error as { description?: string }).description).toContain("Paste the template's schema_json object, e.g. {");
		expect(apiRequests(fake())).toHaveLength(0);
	});

	it('refuses a schema that is not an object before sending anything', async () => {
		const { error } = await runRaydocs(fake(), create({ schemaJson: '[1, 2]' }));
		expect(error?.message).toBe('Schema JSON must be a JSON object, not an array');
		expect(apiRequests(fake())).toHaveLength(0);
	});

	it('shows the field errors of a 422', async () => {
		const { error } = await runRaydocs(fake(), create({ schemaJson: '{"groups": "invoice"}' }));
		expect((error as { httpCode?: string }).httpCode).toBe('422');
		expect(error?.message).toContain('schema_json.groups: The schema json.groups field must be an object.');
	});

	it('names templates-write on 403', async () => {
		const token = fake().createToken(['templates-read'], 'read-only');
		const { error } = await runRaydocs(fake(), create(), { token });
		expect(error?.message).toContain('"templates-write"');
	});
});
