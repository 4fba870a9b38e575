import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/descriptions';

const showOnlyForWorkspaceDocumentGetMany = {
	operation: ['getAll'],
	resource: ['workspaceDocument'],
};

/** Raydocs' largest page; fewer pages means fewer requests against the rate limit. */
export const MAX_DOCUMENTS_PER_PAGE = 100;

export const workspaceDocumentPageSize = `={{ $parameter.returnAll ? ${MAX_DOCUMENTS_PER_PAGE} : Math.min(Number($parameter.limit) || 50, ${MAX_DOCUMENTS_PER_PAGE}) }}`;

export const workspaceDocumentGetManyDescription: INodeProperties[] = [
	...returnAllAndLimit(showOnlyForWorkspaceDocumentGetMany),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForWorkspaceDocumentGetMany },
		options: [
			{
				displayName: 'MIME Type',
				name: 'mime',
				type: 'string',
				default: '',
				placeholder: 'e.g. application/pdf',
				description: 'Only documents of this MIME type',
				routing: { send: { type: 'query', property: 'mime', value: '={{ String($value).trim() }}' } },
			},
			{
				displayName: 'Order',
				name: 'order',
				type: 'options',
				default: 'desc',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				description: 'Direction of the sort',
				routing: { send: { type: 'query', property: 'order' } },
			},
			{
				displayName: 'Query',
				name: 'query',
				type: 'string',
				default: '',
				placeholder: 'e.g. invoice',
				description: 'Text to find in the file name, source URL or SHA-256 hash',
				routing: { send: { type: 'query', property: 'query' } },
			},
			{
				displayName: 'Sort By',
				name: 'sort',
				type: 'options',
				default: 'created_at',
				options: [
					{ name: 'Created At', value: 'created_at' },
					{ name: 'File Name', value: 'filename' },
					{ name: 'Size', value: 'size' },
					{ name: 'Status', value: 'status' },
				],
				description: 'Field to sort the documents by',
				routing: { send: { type: 'query', property: 'sort' } },
			},
			{
				displayName: 'Source Type',
				name: 'sourceType',
				type: 'options',
				default: 'upload',
				options: [
					{ name: 'Connector', value: 'connector' },
					{ name: 'Upload', value: 'upload' },
					{ name: 'URL', value: 'url' },
					{ name: 'Workflow File', value: 'workflow_file' },
				],
				description: 'Only documents that came in this way',
				routing: { send: { type: 'query', property: 'source_type' } },
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'processed',
				options: [
					{ name: 'Failed', value: 'failed' },
					{ name: 'Parsed', value: 'parsed' },
					{ name: 'Parsing', value: 'parsing' },
					{ name: 'Processed', value: 'processed' },
					{ name: 'Queued', value: 'queued' },
					{ name: 'Uploaded', value: 'uploaded' },
				],
				description: 'Only documents in this processing state',
				routing: { send: { type: 'query', property: 'status' } },
			},
		],
	},
];
