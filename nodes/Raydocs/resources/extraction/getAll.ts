import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/descriptions';
import { sessionIdField } from '../../shared/idFields';

const showOnlyForGetManyResults = { operation: ['getAll'], resource: ['extraction'] };

export const extractionGetManyDescription: INodeProperties[] = [
	sessionIdField(showOnlyForGetManyResults, 'The session whose extraction results to list'),
	...returnAllAndLimit(showOnlyForGetManyResults),
];
