import type { INodeProperties } from 'n8n-workflow';

import { downloadFields } from '../../shared/download';
import { documentByIdFields } from './documentId';

const showOnlyForDocumentDownload = { operation: ['download'], resource: ['document'] };

export const documentDownloadDescription: INodeProperties[] = [
	...documentByIdFields(showOnlyForDocumentDownload, 'The document whose original file to download'),
	...downloadFields(showOnlyForDocumentDownload),
];
