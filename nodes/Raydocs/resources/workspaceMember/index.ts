import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput, workspaceLocator } from '../../shared/descriptions';
import { RAYDOCS_API } from '../../shared/endpoints';
import { routedRequest } from '../../shared/endpointRequests';
import { sendRoutedListRequest } from '../../shared/transport';
import { validateWorkspaceId } from '../../shared/ids';
import { memberAddedOutput, workspaceMemberAddDescription } from './add';
import { workspaceMemberGetManyDescription } from './getAll';
import { workspaceMemberLeaveDescription } from './leave';
import { workspaceMemberRemoveDescription } from './remove';
import { workspaceMemberUpdateRoleDescription } from './updateRole';

const showOnlyForWorkspaceMembers = { resource: ['workspaceMember'] };

export const workspaceMemberDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForWorkspaceMembers },
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add member to workspace',
				description: 'Add a person to a workspace by email, or invite them if they have no account',
				routing: {
					request: routedRequest(RAYDOCS_API.addWorkspaceMember),
					output: { postReceive: [memberAddedOutput] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many workspace members',
				description: 'List the members of a workspace with their roles and user IDs',
				routing: {
					request: routedRequest(RAYDOCS_API.listWorkspaceMembers),
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Leave',
				value: 'leave',
				action: 'Leave workspace',
				description: "Remove the token's user from a workspace",
				routing: { request: routedRequest(RAYDOCS_API.leaveWorkspace) },
			},
			{
				name: 'Remove',
				value: 'remove',
				action: 'Remove member from workspace',
				description: 'Remove another member from a workspace, by user ID',
				routing: {
					request: routedRequest(RAYDOCS_API.removeWorkspaceMember),
					...deletedOutput,
				},
			},
			{
				name: 'Update Role',
				value: 'updateRole',
				action: 'Update role of workspace member',
				description: 'Change the role of a workspace member, by user ID',
				routing: { request: routedRequest(RAYDOCS_API.updateWorkspaceMemberRole) },
			},
		],
		default: 'getAll',
	},
	{
		...workspaceLocator(showOnlyForWorkspaceMembers, 'The workspace whose members to manage'),
		routing: { send: { preSend: [validateWorkspaceId] } },
	},
	...workspaceMemberGetManyDescription,
	...workspaceMemberAddDescription,
	...workspaceMemberUpdateRoleDescription,
	...workspaceMemberRemoveDescription,
	...workspaceMemberLeaveDescription,
];
