import type { INodeProperties } from 'n8n-workflow';

import { documentByIdFields } from './documentId';

const showOnlyForDocumentGet = { operation: ['get'], resource: ['document'] };

export const documentGetDescription: INodeProperties[] = [
	...documentByIdFields(showOnlyForDocumentGet, 'The document to get'),
];
