import type { INodeProperties } from 'n8n-workflow';

import { workspaceLocator } from '../../shared/descriptions';
import { validateWorkspaceId } from '../../shared/ids';
import { contextualEmbeddingField, SCHEMA_JSON_EXAMPLE, sendSchemaJson } from './schemaJson';

const showOnlyForTemplateCreate = { operation: ['create'], resource: ['template'] };

const schemaJsonField: INodeProperties = {
	displayName: 'Schema JSON',
	name: 'schemaJson',
	type: 'json',
	required: true,
	default: '',
	placeholder: SCHEMA_JSON_EXAMPLE,
	description:
		'What to extract: groups of fields with their type and extraction prompt (the schema_json object of a Raydocs template, as Template → Get returns it)',
	displayOptions: { show: showOnlyForTemplateCreate },
	routing: { send: { preSend: [sendSchemaJson] } },
};

export const templateCreateDescription: INodeProperties[] = [
	{
		...workspaceLocator(showOnlyForTemplateCreate, 'The workspace to create the template in'),
		routing: {
			send: {
				type: 'body',
				property: 'workspace_id',
				value: '={{ Number(String($value).trim()) }}',
				preSend: [validateWorkspaceId],
			},
		},
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Invoice Extraction',
		description: 'Name of the new template',
		displayOptions: { show: showOnlyForTemplateCreate },
		routing: { send: { type: 'body', property: 'name' } },
	},
	// The sample is only a placeholder: an unedited node creates nothing (an empty schema is refused
	// before any request).
	schemaJsonField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForTemplateCreate },
		options: [
			contextualEmbeddingField,
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				placeholder: 'e.g. Extract key fields from invoices',
				description: 'What the template is for',
				routing: { send: { type: 'body', property: 'description' } },
			},
		],
	},
];
