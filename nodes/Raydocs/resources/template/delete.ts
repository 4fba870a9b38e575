import type { INodeProperties } from 'n8n-workflow';

import { validateUuidParameter } from '../../shared/ids';
import { templateLocator, workspaceForListsLocator } from '../../shared/locators';

const showOnlyForTemplateDelete = { operation: ['delete'], resource: ['template'] };

export const templateDeleteDescription: INodeProperties[] = [
	workspaceForListsLocator(showOnlyForTemplateDelete, 'templates'),
	{
		...templateLocator(
			showOnlyForTemplateDelete,
			'The template to delete. Raydocs also deletes its sessions and their results.',
		),
		routing: { send: { preSend: [validateUuidParameter('templateId', 'template')] } },
	},
];
