import type { INodeProperties } from 'n8n-workflow';

import { inviteIdField } from '../../shared/idFields';

const showOnlyForInviteResend = { operation: ['resend'], resource: ['workspaceInvite'] };

export const workspaceInviteResendDescription: INodeProperties[] = [
	inviteIdField(showOnlyForInviteResend, 'ID of the invitation to send again, as in the Get Many output'),
];
