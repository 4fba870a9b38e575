import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/descriptions';

const showOnlyForWorkspaceGetMany = { operation: ['getAll'], resource: ['workspace'] };

export const workspaceGetManyDescription: INodeProperties[] = [
	...returnAllAndLimit(showOnlyForWorkspaceGetMany),
];
