import type { INodeProperties } from 'n8n-workflow';

const showOnlyForWorkspaceCreate = { operation: ['create'], resource: ['workspace'] };

export const workspaceCreateDescription: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Accounts Payable',
		description: 'Name of the new workspace',
		displayOptions: { show: showOnlyForWorkspaceCreate },
		routing: { send: { type: 'body', property: 'name' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForWorkspaceCreate },
		options: [
			{
				displayName: 'Icon',
				name: 'icon',
				type: 'string',
				default: '',
				placeholder: 'e.g. 📊',
				description: 'An emoji shown next to the workspace name',
				routing: { send: { type: 'body', property: 'icon' } },
			},
		],
	},
];
