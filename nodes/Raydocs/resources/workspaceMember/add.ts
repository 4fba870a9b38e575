import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { workspaceRoleField } from './role';

const showOnlyForMemberAdd = { operation: ['add'], resource: ['workspaceMember'] };

/**
 * Raydocs answers `{message}` when the person already has an account and `{message, invite_id}`
 * when it invited them; one shape for both lets a workflow branch on `invited`.
 */
export async function memberAddedOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = (response.body ?? {}) as IDataObject;
	const inviteId = body.invite_id ?? null;
	return [
		{
			json: {
				message: body.message ?? null,
				invited: inviteId !== null,
				invite_id: inviteId,
				email: String(this.getNodeParameter('email', '')).trim(),
				role: this.getNodeParameter('role', '') as string,
			},
		},
	];
}

export const workspaceMemberAddDescription: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description:
			'Email address of the person to add. Raydocs adds them if they have an account, otherwise it emails them an invitation.',
		displayOptions: { show: showOnlyForMemberAdd },
		routing: { send: { type: 'body', property: 'email', value: '={{ String($value).trim() }}' } },
	},
	workspaceRoleField(showOnlyForMemberAdd, 'What the person may do in the workspace'),
];
