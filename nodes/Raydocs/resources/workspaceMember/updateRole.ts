import type { INodeProperties } from 'n8n-workflow';

import { validateIntegerParameter } from '../../shared/ids';
import { workspaceRoleOptions } from './role';

const showOnlyForMemberUpdateRole = { operation: ['updateRole'], resource: ['workspaceMember'] };

export const workspaceMemberUpdateRoleDescription: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 42',
		description: 'ID of the workspace member, as in the Get Many output',
		displayOptions: { show: showOnlyForMemberUpdateRole },
		routing: { send: { preSend: [validateIntegerParameter('userId', 'workspace member')] } },
	},
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		required: true,
		default: 'user',
		options: workspaceRoleOptions,
		description: 'The new role of the member',
		displayOptions: { show: showOnlyForMemberUpdateRole },
		routing: { send: { type: 'body', property: 'role' } },
	},
];
