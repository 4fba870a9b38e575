import type { INodeProperties } from 'n8n-workflow';

import { validateIntegerParameter } from '../../shared/ids';

const showOnlyForInviteGetLink = { operation: ['getLink'], resource: ['workspaceInvite'] };

export const workspaceInviteGetLinkDescription: INodeProperties[] = [
	{
		displayName: 'Invite ID',
		name: 'inviteId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5',
		description: 'ID of the invitation whose link to get, as in the Get Many output',
		displayOptions: { show: showOnlyForInviteGetLink },
		routing: { send: { preSend: [validateIntegerParameter('inviteId', 'invite')] } },
	},
];
