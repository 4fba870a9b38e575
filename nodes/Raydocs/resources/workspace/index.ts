import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput } from '../../shared/descriptions';
import { RAYDOCS_API } from '../../shared/endpoints';
import { routedRequest } from '../../shared/endpointRequests';
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
				action: 'Create workspace',
				description: 'Create a workspace; returns it with its number (ID)',
				routing: { request: routedRequest(RAYDOCS_API.createWorkspace) },
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete workspace',
				description: 'Delete a workspace with everything in it; returns deleted: true',
				routing: {
					request: routedRequest(RAYDOCS_API.deleteWorkspace),
					...deletedOutput,
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many workspaces',
				description: "List the workspaces the token's user belongs to, with their numbers (IDs)",
				routing: {
					request: routedRequest(RAYDOCS_API.listWorkspaces),
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update workspace',
				description: 'Rename a workspace or change its icon',
				routing: { request: routedRequest(RAYDOCS_API.updateWorkspace) },
			},
		],
		default: 'getAll',
	},
	...workspaceGetManyDescription,
	...workspaceCreateDescription,
	...workspaceUpdateDescription,
	...workspaceDeleteDescription,
];
