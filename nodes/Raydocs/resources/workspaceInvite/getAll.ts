import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/descriptions';

const showOnlyForInviteGetMany = { operation: ['getAll'], resource: ['workspaceInvite'] };

export const workspaceInviteGetManyDescription: INodeProperties[] = [
	...returnAllAndLimit(showOnlyForInviteGetMany),
];
