import type { INodeProperties } from 'n8n-workflow';

import { validateUuidParameter } from '../../shared/ids';
import { templateLocator, workspaceForListsLocator } from '../../shared/locators';
import { contextualEmbeddingField, prepareTemplateUpdate } from './schemaJson';

const showOnlyForTemplateUpdate = { operation: ['update'], resource: ['template'] };

export const templateUpdateDescription: INodeProperties[] = [
	workspaceForListsLocator(showOnlyForTemplateUpdate, 'templates'),
	{
		...templateLocator(showOnlyForTemplateUpdate, 'The template to update'),
		routing: { send: { preSend: [validateUuidParameter('templateId', 'template')] } },
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForTemplateUpdate },
		routing: { send: { preSend: [prepareTemplateUpdate] } },
		options: [
			contextualEmbeddingField,
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'New description of the template',
				routing: { send: { type: 'body', property: 'description' } },
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'New name of the template',
				routing: { send: { type: 'body', property: 'name' } },
			},
			{
				displayName: 'Schema JSON',
				name: 'schemaJson',
				type: 'json',
				default: '',
				description:
					'The new schema_json object. It replaces the whole schema: include every group and field to keep.',
			},
		],
	},
];
