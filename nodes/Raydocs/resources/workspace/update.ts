import type { INodeProperties } from 'n8n-workflow';

import { workspaceLocator } from '../../shared/descriptions';
import { validateWorkspaceId } from '../../shared/ids';
import { requireUpdateFields } from '../../shared/validation';

const showOnlyForWorkspaceUpdate = { operation: ['update'], resource: ['workspace'] };

export const workspaceUpdateDescription: INodeProperties[] = [
	{
		...workspaceLocator(showOnlyForWorkspaceUpdate, 'The workspace to update'),
		routing: { send: { preSend: [validateWorkspaceId] } },
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForWorkspaceUpdate },
		routing: { send: { preSend: [requireUpdateFields] } },
		options: [
			{
				displayName: 'Icon',
				name: 'icon',
				type: 'string',
				default: '',
				placeholder: 'e.g. 📈',
				description: 'An emoji shown next to the workspace name',
				routing: { send: { type: 'body', property: 'icon' } },
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'New name of the workspace',
				routing: { send: { type: 'body', property: 'name' } },
			},
		],
	},
];
