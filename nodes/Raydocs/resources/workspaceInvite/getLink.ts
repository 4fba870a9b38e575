import type { INodeProperties } from 'n8n-workflow';

import { inviteIdField } from '../../shared/idFields';

const showOnlyForInviteGetLink = { operation: ['getLink'], resource: ['workspaceInvite'] };

export const workspaceInviteGetLinkDescription: INodeProperties[] = [
	inviteIdField(showOnlyForInviteGetLink, 'ID of the invitation whose link to get, as in the Get Many output'),
];
