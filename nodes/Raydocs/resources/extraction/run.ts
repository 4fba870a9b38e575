import type { INodeProperties } from 'n8n-workflow';

import { sessionIdField } from '../../shared/idFields';

const showOnlyForRunExtraction = { operation: ['run'], resource: ['extraction'] };

export const extractionRunDescription: INodeProperties[] = [
	sessionIdField(
		showOnlyForRunExtraction,
		'The session to extract; the run covers the documents attached to it now',
	),
];
