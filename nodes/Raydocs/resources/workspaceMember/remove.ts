import type { INodeProperties } from 'n8n-workflow';

import { validateIntegerParameter } from '../../shared/ids';

const showOnlyForMemberRemove = { operation: ['remove'], resource: ['workspaceMember'] };

export const workspaceMemberRemoveDescription: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 42',
		description:
			'ID of the member to remove, as in the Get Many output. To remove yourself, use Leave.',
		displayOptions: { show: showOnlyForMemberRemove },
		routing: { send: { preSend: [validateIntegerParameter('userId', 'workspace member')] } },
	},
];
