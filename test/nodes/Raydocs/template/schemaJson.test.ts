import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import {
	prepareTemplateUpdate,
	putSchemaInBody,
	readSchemaJson,
	sendSchemaJson,
} from '../../../../nodes/Raydocs/resources/template/schemaJson';

const node = { name: 'Raydocs' } as INode;
const schema = { groups: { receipt: { fields: { total: { type: 'number', extraction_prompt: 'The total paid' } } } } };

/** The hooks' view of one item: its parameters (dotted paths read nested values) and its index. */
function itemContext(parameters: IDataObject, itemIndex = 2): IExecuteSingleFunctions {
	const read = (path: string) => path.split('.').reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], parameters);
	return {
		getNode: () => node,
		getItemIndex: () => itemIndex,
		getNodeParameter: (name: string, fallback?: unknown) => read(name) ?? fallback,
	} as unknown as IExecuteSingleFunctions;
}

async function failureOf(run: () => unknown): Promise<{ message: string; description?: string; context?: { itemIndex?: number } }> {
	try {
		await run();
	} catch (error) {
		return error as { message: string; description?: string };
	}
	throw new Error('no error');
}

const request = (body?: IDataObject): IHttpRequestOptions => ({ url: '/extractions/templates', method: 'POST', body });

describe('Template schema JSON: the schema a template is created or updated with', () => {
	describe('readSchemaJson', () => {
		it('parses JSON text, with whitespace around it', () => {
			expect(readSchemaJson(itemContext({ schemaJson: `\n ${JSON.stringify(schema)} \n` }), 'schemaJson')).toEqual(schema);
		});

		it('takes an object from an expression as it is', () => {
			expect(readSchemaJson(itemContext({ schemaJson: schema }), 'schemaJson')).toBe(schema);
		});

		it('refuses empty or blank text, naming the item and showing an example', async () => {
			for (const schemaJson of ['', '   ', undefined]) {
				const error = await failureOf(() => readSchemaJson(itemContext({ schemaJson }), 'schemaJson'));
				expect(error.message).toBe('Schema JSON is empty');
				expect(error.context?.itemIndex).toBe(2);
				expect(error.description).toMatch(/^Paste the template's schema_json object, e\.g\. \{"groups"/);
			}
		});

		it('refuses text that is not JSON, with the parser\'s reason', async () => {
			const error = await failureOf(() => readSchemaJson(itemContext({ schemaJson: '{"groups": ' }), 'schemaJson'));
			expect(error.message).toMatch(/^Schema JSON is not valid JSON: \S/);
			expect(error.context?.itemIndex).toBe(2);
		});

		it('refuses JSON that is not an object, naming what it is', async () => {
			const kinds: Array<[IDataObject[string], string]> = [
				['[1, 2]', 'an array'],
				['null', 'null'],
				['42', 'a number'],
				['"text"', 'a string'],
				[[schema], 'an array'],
				[true, 'a boolean'],
			];
			for (const [schemaJson, kind] of kinds) {
				const error = await failureOf(() => readSchemaJson(itemContext({ schemaJson }), 'schemaJson'));
				expect(error.message).toBe(`Schema JSON must be a JSON object, not ${kind}`);
			}
		});
	});

	it('putSchemaInBody: the schema under both names Raydocs reads, the other fields kept', () => {
		const body = { name: 'Receipts' };
		expect(putSchemaInBody(body, schema)).toEqual({ name: 'Receipts', schema_json: schema, schema });
		expect(body).toEqual({ name: 'Receipts' });
	});

	it('sendSchemaJson (Create): adds the schema to the body, or makes one', async () => {
		const withBody = await sendSchemaJson.call(itemContext({ schemaJson: JSON.stringify(schema) }), request({ name: 'Receipts' }));
		expect(withBody.body).toEqual({ name: 'Receipts', schema_json: schema, schema });
		const withoutBody = await sendSchemaJson.call(itemContext({ schemaJson: schema }), request());
		expect(withoutBody.body).toEqual({ schema_json: schema, schema });
	});

	describe('prepareTemplateUpdate (Update)', () => {
		it('adds the schema when it was given', async () => {
			const sent = await prepareTemplateUpdate.call(
				itemContext({ updateFields: { schemaJson: JSON.stringify(schema) } }),
				request({ name: 'Renamed' }),
			);
			expect(sent.body).toEqual({ name: 'Renamed', schema_json: schema, schema });
		});

		it('sends the schema alone when it is the only field', async () => {
			const sent = await prepareTemplateUpdate.call(itemContext({ updateFields: { schemaJson: schema } }), request());
			expect(sent.body).toEqual({ schema_json: schema, schema });
		});

		it('leaves the body alone without a schema', async () => {
			const sent = await prepareTemplateUpdate.call(itemContext({ updateFields: { name: 'Renamed' } }), request({ name: 'Renamed' }));
			expect(sent.body).toEqual({ name: 'Renamed' });
		});

		it('refuses an update with no field at all', async () => {
			const error = await failureOf(() => prepareTemplateUpdate.call(itemContext({}), request()));
			expect(error.message).toBe('Nothing to update: no field was added');
		});

		it('refuses a schema field left empty instead of sending the rest without it', async () => {
			const error = await failureOf(() =>
				prepareTemplateUpdate.call(itemContext({ updateFields: { schemaJson: '' } }), request({ name: 'Renamed' })),
			);
			expect(error.message).toBe('Schema JSON is empty');
		});
	});
});
