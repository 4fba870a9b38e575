import type { INodeProperties } from 'n8n-workflow';

import { validateUuidParameter } from '../../shared/ids';
import { locatorUuidExpression, templateLocator, workspaceForListsLocator } from '../../shared/locators';

const showOnlyForSessionCreate = { operation: ['create'], resource: ['session'] };

export const sessionCreateDescription: INodeProperties[] = [
	workspaceForListsLocator(showOnlyForSessionCreate, 'templates'),
	{
		...templateLocator(showOnlyForSessionCreate, 'The template whose schema the session extracts'),
		routing: {
			send: {
				type: 'body',
				property: 'extraction_template_id',
				value: `={{ ${locatorUuidExpression('$value', 'templates')} }}`,
				preSend: [validateUuidParameter('templateId', 'template')],
			},
		},
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForSessionCreate },
		options: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Q1 2024 Invoices',
				description: 'Name of the session',
				routing: { send: { type: 'body', property: 'name' } },
			},
		],
	},
];
