import type { INodeProperties } from 'n8n-workflow';

import { workspaceLocator } from '../../shared/descriptions';
import { downloadFromUrlItems } from '../../shared/download';
import { sendRoutedListRequest } from '../../shared/transport';
import { validateWorkspaceId } from '../../shared/ids';
import { executeWorkspaceDocumentCreate, workspaceDocumentCreateDescription } from './create';
import { workspaceDocumentDownloadDescription } from './download';
import { workspaceDocumentGetDescription } from './get';
import { workspaceDocumentGetManyDescription, workspaceDocumentPageSize } from './getAll';
import { workspaceDocumentGetDownloadUrlDescription } from './getDownloadUrl';
import { workspaceDocumentReparseDescription } from './reparse';
import { RAYDOCS_API } from '../../shared/endpoints';
import { routedRequest } from '../../shared/endpointRequests';
import { LOCATOR_PATH_PARAMETERS } from '../../shared/locators';

const showOnlyForWorkspaceDocuments = { resource: ['workspaceDocument'] };

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
				action: 'Create workspace document',
				description: 'Store files in a workspace from binary data or an upload key (an identical file is reused)',
			},
			{
				name: 'Download',
				value: 'download',
				action: 'Download workspace document',
				description: 'Download a workspace document, picked or found by name, as binary data',
				routing: {
					request: routedRequest(RAYDOCS_API.getWorkspaceDocumentUrl, LOCATOR_PATH_PARAMETERS),
					output: { postReceive: [downloadFromUrlItems] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get workspace document',
				description: 'Get a workspace document with its status and parsings',
				routing: { request: routedRequest(RAYDOCS_API.getWorkspaceDocument, LOCATOR_PATH_PARAMETERS) },
			},
			{
				name: 'Get Download URL',
				value: 'getDownloadUrl',
				action: 'Get download URL of workspace document',
				description: 'Get a signed link to a workspace document, valid 10 minutes',
				routing: { request: routedRequest(RAYDOCS_API.getWorkspaceDocumentUrl, LOCATOR_PATH_PARAMETERS) },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many workspace documents',
				description: 'Search, filter and sort the documents of a workspace',
				routing: {
					request: routedRequest(RAYDOCS_API.listWorkspaceDocuments, {}, { qs: { per_page: workspaceDocumentPageSize } }),
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Reparse',
				value: 'reparse',
				action: 'Reparse workspace document',
				description: 'Queue the parsing of a workspace document for a parsing configuration',
				routing: { request: routedRequest(RAYDOCS_API.reparseWorkspaceDocument, LOCATOR_PATH_PARAMETERS) },
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
