import type { INodeProperties } from 'n8n-workflow';

const showOnlyForMemberLeave = { operation: ['leave'], resource: ['workspaceMember'] };

export const workspaceMemberLeaveDescription: INodeProperties[] = [
	{
		displayName:
			"The token's user leaves the workspace. If they are its only admin, promote another member to admin first.",
		name: 'leaveNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showOnlyForMemberLeave },
	},
];
