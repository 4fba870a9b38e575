import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput } from '../../shared/descriptions';
import { downloadFromUrlItems } from '../../shared/download';
import { documentDeleteDescription } from './delete';
import { documentDownloadDescription } from './download';
import { documentGetDescription } from './get';
import { chunkItems, documentGetChunksDescription } from './getChunks';
import { documentGetDownloadUrlDescription } from './getDownloadUrl';
import { RAYDOCS_API } from '../../shared/endpoints';
import { routedRequest } from '../../shared/endpointRequests';
import { LOCATOR_PATH_PARAMETERS } from '../../shared/locators';

const showOnlyForDocuments = { resource: ['document'] };

export const documentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForDocuments },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete parsed document',
				description: 'Delete a document by its ID, with its chunks and extracted data',
				routing: {
					request: routedRequest(RAYDOCS_API.deleteDocument, LOCATOR_PATH_PARAMETERS),
					...deletedOutput,
				},
			},
			{
				name: 'Download',
				value: 'download',
				action: 'Download parsed document',
				description: 'Download the original file of a document by its ID, as binary data',
				routing: {
					request: routedRequest(RAYDOCS_API.getDocumentUrl, LOCATOR_PATH_PARAMETERS),
					output: { postReceive: [downloadFromUrlItems] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get parsed document',
				description: 'Get a document by its ID: file name, status, page count and size',
				routing: { request: routedRequest(RAYDOCS_API.getDocument, LOCATOR_PATH_PARAMETERS) },
			},
			{
				name: 'Get Chunks',
				value: 'getChunks',
				action: 'Get chunks of parsed document',
				description: 'Get the parsed text of a document by its ID, one item per chunk with its pages',
				routing: {
					request: routedRequest(RAYDOCS_API.getDocumentChunks, LOCATOR_PATH_PARAMETERS),
					output: { postReceive: [chunkItems] },
				},
			},
			{
				name: 'Get Download URL',
				value: 'getDownloadUrl',
				action: 'Get download URL of parsed document',
				description: 'Get a signed link to the original file of a document, valid 10 minutes',
				routing: { request: routedRequest(RAYDOCS_API.getDocumentUrl, LOCATOR_PATH_PARAMETERS) },
			},
		],
		default: 'get',
	},
	...documentGetDescription,
	...documentGetDownloadUrlDescription,
	...documentDownloadDescription,
	...documentGetChunksDescription,
	...documentDeleteDescription,
];
