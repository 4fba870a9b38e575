import type { INodeProperties } from 'n8n-workflow';

import { workspaceLocator } from '../../shared/descriptions';
import { validateWorkspaceId } from '../../shared/ids';

const showOnlyForWorkspaceDelete = { operation: ['delete'], resource: ['workspace'] };

export const workspaceDeleteDescription: INodeProperties[] = [
	{
		...workspaceLocator(
			showOnlyForWorkspaceDelete,
			'The workspace to delete. Raydocs also deletes its templates, sessions, documents and results.',
		),
		routing: { send: { preSend: [validateWorkspaceId] } },
	},
];
