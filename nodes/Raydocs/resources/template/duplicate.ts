import type { INodeProperties } from 'n8n-workflow';

import { validateUuidParameter } from '../../shared/ids';
import { templateLocator, workspaceForListsLocator } from '../../shared/locators';

const showOnlyForTemplateDuplicate = { operation: ['duplicate'], resource: ['template'] };

export const templateDuplicateDescription: INodeProperties[] = [
	workspaceForListsLocator(showOnlyForTemplateDuplicate, 'templates'),
	{
		...templateLocator(showOnlyForTemplateDuplicate, 'The template to copy'),
		routing: { send: { preSend: [validateUuidParameter('templateId', 'template')] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForTemplateDuplicate },
		options: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Invoice Extraction v2',
				description: 'Name of the copy. Raydocs uses the original name plus " (Copy)" when empty.',
				routing: { send: { type: 'body', property: 'name' } },
			},
		],
	},
];
