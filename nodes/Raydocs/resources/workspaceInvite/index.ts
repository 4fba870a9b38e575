import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput, workspaceLocator } from '../../shared/descriptions';
import { RAYDOCS_API } from '../../shared/endpoints';
import { routedRequest } from '../../shared/endpointRequests';
import { sendRoutedListRequest } from '../../shared/transport';
import { validateWorkspaceId } from '../../shared/ids';
import { workspaceInviteCancelDescription } from './cancel';
import { workspaceInviteGetLinkDescription } from './getLink';
import { workspaceInviteGetManyDescription } from './getAll';
import { workspaceInviteResendDescription } from './resend';

const showOnlyForWorkspaceInvites = { resource: ['workspaceInvite'] };

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
				action: 'Cancel workspace invite',
				description: 'Withdraw a pending invitation to a workspace; returns deleted: true',
				routing: {
					request: routedRequest(RAYDOCS_API.cancelWorkspaceInvite),
					...deletedOutput,
				},
			},
			{
				name: 'Get Link',
				value: 'getLink',
				action: 'Get link of workspace invite',
				description: 'Get the shareable link of a pending invitation to a workspace',
				routing: { request: routedRequest(RAYDOCS_API.getWorkspaceInviteLink) },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many workspace invites',
				description: 'List the pending invitations of a workspace',
				routing: {
					request: routedRequest(RAYDOCS_API.listWorkspaceInvites),
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Resend',
				value: 'resend',
				action: 'Resend workspace invite',
				description: 'Email a pending invitation again and extend its validity',
				routing: { request: routedRequest(RAYDOCS_API.resendWorkspaceInvite) },
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
