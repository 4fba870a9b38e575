import type { INodeProperties } from 'n8n-workflow';

import { workspaceDocumentIdField } from './documentId';

const showOnlyForWorkspaceDocumentGetDownloadUrl = {
	operation: ['getDownloadUrl'],
	resource: ['workspaceDocument'],
};

export const workspaceDocumentGetDownloadUrlDescription: INodeProperties[] = [
	workspaceDocumentIdField(
		showOnlyForWorkspaceDocumentGetDownloadUrl,
		'The document whose file to link to. The link expires after 10 minutes.',
	),
];
