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
				action: 'Create a workspace document',
				description:
					"Store files in a workspace, from the input item's binary data or an upload key. Needs the workspace; returns each document with its ID (Raydocs reuses an identical file).",
			},
			{
				name: 'Download',
				value: 'download',
				action: 'Download a workspace document',
				description:
					'Download a workspace document as binary data. Needs the workspace and the document (pick it, search it by name, or give its UUID); returns the file in the chosen binary field.',
				routing: {
					request: routedRequest(RAYDOCS_API.getWorkspaceDocumentUrl, LOCATOR_PATH_PARAMETERS),
					output: { postReceive: [downloadFromUrlItems] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a workspace document',
				description:
					'Get a workspace document with its status and parsings. Needs the workspace and the document (pick it, search it by name, or give its UUID).',
				routing: { request: routedRequest(RAYDOCS_API.getWorkspaceDocument, LOCATOR_PATH_PARAMETERS) },
			},
			{
				name: 'Get Download URL',
				value: 'getDownloadUrl',
				action: 'Get the download URL of a workspace document',
				description:
					'Get a signed link to a workspace document, valid 10 minutes. Needs the workspace and the document; returns the URL.',
				routing: { request: routedRequest(RAYDOCS_API.getWorkspaceDocumentUrl, LOCATOR_PATH_PARAMETERS) },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many workspace documents',
				description:
					'Search, filter and sort the documents of a workspace. Needs the workspace; returns one item per document with its ID, file name and status.',
				routing: {
					request: routedRequest(RAYDOCS_API.listWorkspaceDocuments, {}, { qs: { per_page: workspaceDocumentPageSize } }),
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Reparse',
				value: 'reparse',
				action: 'Reparse a workspace document',
				description:
					"Queue the parsing of a workspace document for a parsing configuration. Needs the workspace, the document and the configuration's 64-character hash.",
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
