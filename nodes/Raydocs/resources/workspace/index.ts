import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput } from '../../shared/descriptions';
import { sendRoutedListRequest } from '../../shared/transport';
import { workspaceCreateDescription } from './create';
import { workspaceDeleteDescription } from './delete';
import { workspaceGetManyDescription } from './getAll';
import { workspaceUpdateDescription } from './update';

const showOnlyForWorkspaces = { resource: ['workspace'] };

export const workspaceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForWorkspaces },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a workspace',
				description:
					'Create a workspace. Needs a name; returns the workspace with its number (ID).',
				routing: { request: { method: 'POST', url: '/workspaces/create' } },
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a workspace',
				description:
					'Delete a workspace with everything in it. Needs the workspace (pick it or give its number); returns deleted: true.',
				routing: {
					request: { method: 'DELETE', url: '=/workspaces/{{ String($parameter.workspaceId).trim() }}' },
					...deletedOutput,
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many workspaces',
				description:
					"List the workspaces the token's user belongs to, with their numbers (IDs) and names",
				routing: {
					request: { method: 'GET', url: '/workspaces' },
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a workspace',
				description:
					'Rename a workspace or change its icon. Needs the workspace (pick it or give its number); returns the updated workspace.',
				routing: {
					request: { method: 'PUT', url: '=/workspaces/{{ String($parameter.workspaceId).trim() }}' },
				},
			},
		],
		default: 'getAll',
	},
	...workspaceGetManyDescription,
	...workspaceCreateDescription,
	...workspaceUpdateDescription,
	...workspaceDeleteDescription,
];
