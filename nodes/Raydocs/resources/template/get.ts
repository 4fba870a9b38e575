import type { INodeProperties } from 'n8n-workflow';

import { validateUuidParameter } from '../../shared/ids';
import { templateLocator, workspaceForListsLocator } from '../../shared/locators';
import { includeSchemaField } from './includeSchema';

const showOnlyForTemplateGet = { operation: ['get'], resource: ['template'] };

export const templateGetDescription: INodeProperties[] = [
	workspaceForListsLocator(showOnlyForTemplateGet, 'templates'),
	{
		...templateLocator(showOnlyForTemplateGet, 'The template to get, with its schema and settings'),
		routing: { send: { preSend: [validateUuidParameter('templateId', 'template')] } },
	},
	{ ...includeSchemaField(showOnlyForTemplateGet), default: true },
];
