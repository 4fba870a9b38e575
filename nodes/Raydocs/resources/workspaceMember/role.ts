import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Workspace roles, as Raydocs defines them. */
export const workspaceRoleOptions: INodePropertyOptions[] = [
	{
		name: 'Admin',
		value: 'admin',
		description: 'Everything, including workspace settings, members and invites',
	},
	{ name: 'Read Only', value: 'readonly', description: 'Can view, not change' },
	{
		name: 'User',
		value: 'user',
		description: 'Can create and edit templates, sessions and documents',
	},
];

/** The role sent in the body of Add and Update Role. */
export function workspaceRoleField(showFor: NonNullable<IDisplayOptions['show']>, description: string): INodeProperties {
	return {
		displayName: 'Role',
		name: 'role',
		type: 'options',
		required: true,
		default: 'user',
		options: workspaceRoleOptions,
		description,
		displayOptions: { show: showFor },
		routing: { send: { type: 'body', property: 'role' } },
	};
}
