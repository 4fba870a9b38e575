import type { INodeProperties } from 'n8n-workflow';

import { documentByIdFields } from './documentId';

const showOnlyForDocumentGetDownloadUrl = { operation: ['getDownloadUrl'], resource: ['document'] };

export const documentGetDownloadUrlDescription: INodeProperties[] = [
	...documentByIdFields(
		showOnlyForDocumentGetDownloadUrl,
		'The document whose original file to link to. The link expires after 10 minutes.',
	),
];
