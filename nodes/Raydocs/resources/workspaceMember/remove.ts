import type { INodeProperties } from 'n8n-workflow';

import { workspaceMemberIdField } from '../../shared/idFields';

const showOnlyForMemberRemove = { operation: ['remove'], resource: ['workspaceMember'] };

export const workspaceMemberRemoveDescription: INodeProperties[] = [
	workspaceMemberIdField(showOnlyForMemberRemove, 'ID of the member to remove, as in the Get Many output. To remove yourself, use Leave.'),
];
