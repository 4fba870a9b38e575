import type { INodePropertyOptions } from 'n8n-workflow';

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
