import type { INodeProperties } from 'n8n-workflow';

import { sessionIdField } from '../../shared/idFields';

const showOnlyForSessionGet = { operation: ['get'], resource: ['session'] };

export const sessionGetDescription: INodeProperties[] = [
	sessionIdField(showOnlyForSessionGet, 'The session to get, with its documents and results'),
];
