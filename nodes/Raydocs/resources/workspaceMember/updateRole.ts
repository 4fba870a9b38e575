import type { INodeProperties } from 'n8n-workflow';

import { workspaceMemberIdField } from '../../shared/idFields';
import { workspaceRoleField } from './role';

const showOnlyForMemberUpdateRole = { operation: ['updateRole'], resource: ['workspaceMember'] };

export const workspaceMemberUpdateRoleDescription: INodeProperties[] = [
	workspaceMemberIdField(showOnlyForMemberUpdateRole, 'ID of the workspace member, as in the Get Many output'),
	workspaceRoleField(showOnlyForMemberUpdateRole, 'The new role of the member'),
];
