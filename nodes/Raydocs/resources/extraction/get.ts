import type { INodeProperties } from 'n8n-workflow';

import { extractionOutputFields } from '../../shared/descriptions';
import { resultIdField } from '../../shared/idFields';

const showOnlyForGetResult = { operation: ['get'], resource: ['extraction'] };

export const extractionGetDescription: INodeProperties[] = [
	resultIdField(showOnlyForGetResult, 'The extraction result (run) to get'),
	...extractionOutputFields(showOnlyForGetResult),
];
