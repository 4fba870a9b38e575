import type { INodeProperties } from 'n8n-workflow';

import { workspaceLocator } from '../../shared/descriptions';
import { sendRoutedDownloadRequest } from '../../shared/download';
import { sendRoutedListRequest } from '../../shared/transport';
import { validateWorkspaceId } from '../../shared/ids';
import { executeWorkspaceDocumentCreate, workspaceDocumentCreateDescription } from './create';
import { workspaceDocumentDownloadDescription } from './download';
import { workspaceDocumentGetDescription } from './get';
import { workspaceDocumentGetManyDescription, workspaceDocumentPageSize } from './getAll';
import { workspaceDocumentGetDownloadUrlDescription } from './getDownloadUrl';
import { workspaceDocumentReparseDescription } from './reparse';

const showOnlyForWorkspaceDocuments = { resource: ['workspaceDocument'] };

const documentsUrl = '=/workspaces/{{ String($parameter.workspaceId).trim() }}/documents';
const documentUrl = `${documentsUrl}/{{ String($parameter.documentId).trim() }}`;

export const workspaceDocumentOperations = { create: executeWorkspaceDocumentCreate };

export const workspaceDocumentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForWorkspaceDocuments },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a workspace document',
				description:
					'Store files in the workspace, from binary data or an upload key (POST /workspaces/{ID}/documents)',
			},
			{
				name: 'Download',
				value: 'download',
				action: 'Download a workspace document',
				description: 'Download the file as binary data, through its signed link',
				routing: {
					request: { method: 'GET', url: `${documentUrl}/url` },
					operations: { pagination: sendRoutedDownloadRequest },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a workspace document',
				description:
					'Get a document with its parsings (GET /workspaces/{ID}/documents/{documentID})',
				routing: { request: { method: 'GET', url: documentUrl } },
			},
			{
				name: 'Get Download URL',
				value: 'getDownloadUrl',
				action: 'Get the download URL of a workspace document',
				description: 'Get a signed link to the file, valid 10 minutes',
				routing: { request: { method: 'GET', url: `${documentUrl}/url` } },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many workspace documents',
				description:
					'Search, filter and sort the documents of a workspace (GET /workspaces/{ID}/documents)',
				routing: {
					request: { method: 'GET', url: documentsUrl, qs: { per_page: workspaceDocumentPageSize } },
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Reparse',
				value: 'reparse',
				action: 'Reparse a workspace document',
				description:
					'Queue parsing of a document for a parsing configuration (POST /workspaces/{ID}/documents/{documentID}/reparse)',
				routing: { request: { method: 'POST', url: `${documentUrl}/reparse` } },
			},
		],
		default: 'getAll',
	},
	{
		...workspaceLocator(showOnlyForWorkspaceDocuments, 'The workspace that holds the documents'),
		routing: { send: { preSend: [validateWorkspaceId] } },
	},
	...workspaceDocumentCreateDescription,
	...workspaceDocumentGetManyDescription,
	...workspaceDocumentGetDescription,
	...workspaceDocumentGetDownloadUrlDescription,
	...workspaceDocumentDownloadDescription,
	...workspaceDocumentReparseDescription,
];
