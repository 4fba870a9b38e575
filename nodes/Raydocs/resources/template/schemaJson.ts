import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { requireUpdateFields } from '../../shared/validation';

/** A small but complete schema: shown as the default and quoted in error messages. */
export const SCHEMA_JSON_EXAMPLE = `{
  "config": { "reasoning_enabled": true },
  "groups": {
    "invoice_details": {
      "search_query": "invoice number, date, amount",
      "fields": {
        "invoice_number": { "type": "string", "extraction_prompt": "Extract the invoice number" },
        "total_amount": { "type": "number", "extraction_prompt": "Extract the total amount" }
      }
    }
  }
}`;

const SHORT_EXAMPLE =
	'{"groups": {"invoice_details": {"fields": {"invoice_number": {"type": "string", "extraction_prompt": "Extract the invoice number"}}}}}';

function schemaError(context: IExecuteSingleFunctions, message: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, {
		itemIndex: context.getItemIndex(),
		description: `Paste the template's schema_json object, e.g. ${SHORT_EXAMPLE}`,
	});
}

/** The schema as an object, from JSON text or from an expression that already gives an object. */
export function readSchemaJson(context: IExecuteSingleFunctions, parameterName: string): IDataObject {
	const raw = context.getNodeParameter(parameterName, '') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (!raw.trim()) throw schemaError(context, 'Schema JSON is empty');
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw schemaError(
				context,
				`Schema JSON is not valid JSON: ${(error as Error).message}`,
			);
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
		throw schemaError(context, `Schema JSON must be a JSON object, not ${kind}`);
	}
	return value as IDataObject;
}

/**
 * Raydocs' reference names the body key `schema_json`, its introduction `schema`. A server reads one
 * and ignores the other (no error to fall back on), so the schema goes under both, identical.
 */
export function putSchemaInBody(body: IDataObject, schema: IDataObject): IDataObject {
	return { ...body, schema_json: schema, schema };
}

/** Create: the required schema goes in the body. */
export async function sendSchemaJson(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	requestOptions.body = putSchemaInBody(body, readSchemaJson(this, 'schemaJson'));
	return requestOptions;
}

/** Update: adds the schema when it was given, then refuses an empty update. */
export async function prepareTemplateUpdate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const updateFields = this.getNodeParameter('updateFields', {}) as IDataObject;
	if (updateFields.schemaJson !== undefined) {
		const body = (requestOptions.body ?? {}) as IDataObject;
		requestOptions.body = putSchemaInBody(body, readSchemaJson(this, 'updateFields.schemaJson'));
	}
	return await requireUpdateFields.call(this, requestOptions);
}

export const contextualEmbeddingField: INodeProperties = {
	displayName: 'Contextual Embedding',
	name: 'contextualEmbedding',
	type: 'boolean',
	default: false,
	description:
		'Whether Raydocs adds document context to each chunk before embedding it (sent as settings.parsing.contextual_embedding)',
	routing: { send: { type: 'body', property: 'settings.parsing.contextual_embedding' } },
};
