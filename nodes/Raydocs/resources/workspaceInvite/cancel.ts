import type { INodeProperties } from 'n8n-workflow';

import { validateIntegerParameter } from '../../shared/ids';

const showOnlyForInviteCancel = { operation: ['cancel'], resource: ['workspaceInvite'] };

export const workspaceInviteCancelDescription: INodeProperties[] = [
	{
		displayName: 'Invite ID',
		name: 'inviteId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5',
		description: 'ID of the invitation to withdraw, as in the Get Many output',
		displayOptions: { show: showOnlyForInviteCancel },
		routing: { send: { preSend: [validateIntegerParameter('inviteId', 'invite')] } },
	},
];
