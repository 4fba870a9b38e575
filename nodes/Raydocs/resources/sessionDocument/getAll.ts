import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/descriptions';
import { sessionIdField } from '../../shared/idFields';

const showOnlyForSessionDocumentGetMany = { operation: ['getAll'], resource: ['sessionDocument'] };

export const sessionDocumentGetManyDescription: INodeProperties[] = [
	sessionIdField(showOnlyForSessionDocumentGetMany, 'The session whose documents to list'),
	...returnAllAndLimit(showOnlyForSessionDocumentGetMany),
];
