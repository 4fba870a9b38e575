import type { INodeProperties } from 'n8n-workflow';

import { downloadFields } from '../../shared/download';
import { workspaceDocumentIdField } from './documentId';

const showOnlyForWorkspaceDocumentDownload = {
	operation: ['download'],
	resource: ['workspaceDocument'],
};

export const workspaceDocumentDownloadDescription: INodeProperties[] = [
	workspaceDocumentIdField(showOnlyForWorkspaceDocumentDownload, 'The document whose file to download'),
	...downloadFields(showOnlyForWorkspaceDocumentDownload),
];
