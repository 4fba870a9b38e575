import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput, workspaceLocator } from '../../shared/descriptions';
import { sendRoutedListRequest } from '../../shared/transport';
import { validateWorkspaceId } from '../../shared/ids';
import { workspaceInviteCancelDescription } from './cancel';
import { workspaceInviteGetLinkDescription } from './getLink';
import { workspaceInviteGetManyDescription } from './getAll';
import { workspaceInviteResendDescription } from './resend';

const showOnlyForWorkspaceInvites = { resource: ['workspaceInvite'] };

const invitesUrl = '=/workspaces/{{ String($parameter.workspaceId).trim() }}/invites';
const inviteUrl = `${invitesUrl}/{{ String($parameter.inviteId).trim() }}`;

export const workspaceInviteDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForWorkspaceInvites },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a workspace invite',
				description:
					'Withdraw a pending invitation to a workspace. Needs the workspace and the invite ID (from Workspace Invite → Get Many); returns deleted: true.',
				routing: {
					request: { method: 'DELETE', url: inviteUrl },
					...deletedOutput,
				},
			},
			{
				name: 'Get Link',
				value: 'getLink',
				action: 'Get the link of a workspace invite',
				description:
					'Get the shareable link of a pending invitation. Needs the workspace and the invite ID (from Workspace Invite → Get Many).',
				routing: { request: { method: 'GET', url: `${inviteUrl}/link` } },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many workspace invites',
				description:
					'List the pending invitations of a workspace. Needs the workspace.',
				routing: {
					request: { method: 'GET', url: invitesUrl },
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Resend',
				value: 'resend',
				action: 'Resend a workspace invite',
				description:
					'Email a pending invitation again and extend its validity. Needs the workspace and the invite ID (from Workspace Invite → Get Many).',
				routing: { request: { method: 'POST', url: `${inviteUrl}/resend` } },
			},
		],
		default: 'getAll',
	},
	{
		...workspaceLocator(showOnlyForWorkspaceInvites, 'The workspace whose invitations to manage'),
		routing: { send: { preSend: [validateWorkspaceId] } },
	},
	...workspaceInviteGetManyDescription,
	...workspaceInviteResendDescription,
	...workspaceInviteGetLinkDescription,
	...workspaceInviteCancelDescription,
];
