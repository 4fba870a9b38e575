import type { INodeProperties } from 'n8n-workflow';

import { resultIdField } from '../../shared/idFields';

const showOnlyForDeleteResult = { operation: ['delete'], resource: ['extraction'] };

export const extractionDeleteDescription: INodeProperties[] = [
	resultIdField(showOnlyForDeleteResult, 'The extraction result (run) to delete'),
];
