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
					'Withdraw a pending invitation (DELETE /workspaces/{ID}/invites/{inviteID})',
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
					'Get the shareable link of an invitation (GET /workspaces/{ID}/invites/{inviteID}/link)',
				routing: { request: { method: 'GET', url: `${inviteUrl}/link` } },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many workspace invites',
				description: 'List the pending invitations of a workspace (GET /workspaces/{ID}/invites)',
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
					'Email an invitation again and extend its validity (POST /workspaces/{ID}/invites/{inviteID}/resend)',
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
