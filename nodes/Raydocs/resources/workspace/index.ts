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
				description: 'Create a new workspace (POST /workspaces/create)',
				routing: { request: { method: 'POST', url: '/workspaces/create' } },
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a workspace',
				description: 'Delete a workspace and everything in it (DELETE /workspaces/{ID})',
				routing: {
					request: { method: 'DELETE', url: '=/workspaces/{{ String($parameter.workspaceId).trim() }}' },
					...deletedOutput,
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many workspaces',
				description: 'List the workspaces the token can see (GET /workspaces)',
				routing: {
					request: { method: 'GET', url: '/workspaces' },
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a workspace',
				description: 'Rename a workspace or change its icon (PUT /workspaces/{ID})',
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
