import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/descriptions';

const showOnlyForMemberGetMany = { operation: ['getAll'], resource: ['workspaceMember'] };

export const workspaceMemberGetManyDescription: INodeProperties[] = [
	...returnAllAndLimit(showOnlyForMemberGetMany),
];
