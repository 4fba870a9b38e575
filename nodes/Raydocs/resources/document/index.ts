import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput } from '../../shared/descriptions';
import { sendRoutedDownloadRequest } from '../../shared/download';
import { documentDeleteDescription } from './delete';
import { documentDownloadDescription } from './download';
import { documentGetDescription } from './get';
import { chunkItems, documentGetChunksDescription } from './getChunks';
import { documentGetDownloadUrlDescription } from './getDownloadUrl';

const showOnlyForDocuments = { resource: ['document'] };

const documentUrl = '=/extractions/documents/{{ String($parameter.documentId).trim() }}';

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
				action: 'Delete a document',
				description:
					'Delete a document with its chunks and derived data (DELETE /extractions/documents/{ID})',
				routing: {
					request: { method: 'DELETE', url: documentUrl },
					...deletedOutput,
				},
			},
			{
				name: 'Download',
				value: 'download',
				action: 'Download a document',
				description: 'Download the original file as binary data, through its signed link',
				routing: {
					request: { method: 'GET', url: `${documentUrl}/url` },
					operations: { pagination: sendRoutedDownloadRequest },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a document',
				description: 'Get a document by ID (GET /extractions/documents/{ID})',
				routing: { request: { method: 'GET', url: documentUrl } },
			},
			{
				name: 'Get Chunks',
				value: 'getChunks',
				action: 'Get the chunks of a document',
				description:
					'Get the parsed chunks of a document, one item per chunk (GET /extractions/documents/{ID}/chunks)',
				routing: {
					request: { method: 'GET', url: `${documentUrl}/chunks` },
					output: { postReceive: [chunkItems] },
				},
			},
			{
				name: 'Get Download URL',
				value: 'getDownloadUrl',
				action: 'Get the download URL of a document',
				description: 'Get a signed link to the original file, valid 10 minutes',
				routing: { request: { method: 'GET', url: `${documentUrl}/url` } },
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
