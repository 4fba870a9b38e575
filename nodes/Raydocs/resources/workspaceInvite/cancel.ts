import type { INodeProperties } from 'n8n-workflow';

import { inviteIdField } from '../../shared/idFields';

const showOnlyForInviteCancel = { operation: ['cancel'], resource: ['workspaceInvite'] };

export const workspaceInviteCancelDescription: INodeProperties[] = [
	inviteIdField(showOnlyForInviteCancel, 'ID of the invitation to withdraw, as in the Get Many output'),
];
