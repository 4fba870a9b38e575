import type { IDataObject, IDisplayOptions, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

type ShowFor = NonNullable<IDisplayOptions['show']>;

const DESCRIPTION =
	'Whether to include each template\'s schema_json (its groups and fields, often several kilobytes). Leave it out for a short list of names and IDs, e.g. for an AI agent picking a template.';

function withoutSchema(json: IDataObject): IDataObject {
	const rest = { ...json };
	delete rest.schema_json;
	return rest;
}

/** postReceive: drops `schema_json` from a template, or from every template of a list page. */
export async function omitSchemaUnlessIncluded(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	// The hook belongs to the Include Schema field itself, so the parameter is always there.
	if (this.getNodeParameter('includeSchema') !== false) return items;
	return items.map((item) => {
		const json = item.json;
		const page = Array.isArray(json.data)
			? { ...json, data: (json.data as IDataObject[]).map((template) => withoutSchema(template)) }
			: withoutSchema(json);
		return { ...item, json: page };
	});
}

/**
 * The Include Schema switch, off by default: lists stay short (names and IDs) unless the schemas
 * are asked for. Get, which reads one template, turns it on by default.
 */
export function includeSchemaField(showFor: ShowFor): INodeProperties {
	return {
		displayName: 'Include Schema',
		name: 'includeSchema',
		type: 'boolean',
		default: false,
		description: DESCRIPTION,
		displayOptions: { show: showFor },
		routing: { output: { postReceive: [omitSchemaUnlessIncluded] } },
	};
}
