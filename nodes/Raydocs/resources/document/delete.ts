import type { INodeProperties } from 'n8n-workflow';

import { documentByIdFields } from './documentId';

const showOnlyForDocumentDelete = { operation: ['delete'], resource: ['document'] };

export const documentDeleteDescription: INodeProperties[] = [
	...documentByIdFields(
		showOnlyForDocumentDelete,
		'The document to delete, with its chunks and the extraction data derived from it',
	),
];
