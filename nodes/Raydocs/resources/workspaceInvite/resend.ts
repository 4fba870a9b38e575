import type { INodeProperties } from 'n8n-workflow';

import { validateIntegerParameter } from '../../shared/ids';

const showOnlyForInviteResend = { operation: ['resend'], resource: ['workspaceInvite'] };

export const workspaceInviteResendDescription: INodeProperties[] = [
	{
		displayName: 'Invite ID',
		name: 'inviteId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5',
		description: 'ID of the invitation to send again, as in the Get Many output',
		displayOptions: { show: showOnlyForInviteResend },
		routing: { send: { preSend: [validateIntegerParameter('inviteId', 'invite')] } },
	},
];
