import type { INodeProperties } from 'n8n-workflow';

import { workspaceDocumentIdField } from './documentId';

const showOnlyForWorkspaceDocumentGet = { operation: ['get'], resource: ['workspaceDocument'] };

export const workspaceDocumentGetDescription: INodeProperties[] = [
	workspaceDocumentIdField(showOnlyForWorkspaceDocumentGet, 'The document to get, with its parsings'),
];
