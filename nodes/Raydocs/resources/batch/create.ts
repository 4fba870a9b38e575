import type { INodeProperties } from 'n8n-workflow';

import { templateLocator, workspaceForListsLocator } from '../../shared/locators';
import { SPLIT_LIST_VALUE } from '../../shared/descriptions';
import { validateBatchKeys } from './validation';

const showOnlyForBatchCreate = { operation: ['create'], resource: ['batch'] };

export const batchCreateDescription: INodeProperties[] = [
	workspaceForListsLocator(showOnlyForBatchCreate, 'templates'),
	templateLocator(showOnlyForBatchCreate),
	{
		displayName: 'Upload Keys',
		name: 'keys',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. tmp/abc123, tmp/def456',
		description:
			'Keys from File Upload → Upload, at most 50, separated by commas (or an expression giving an array); one session is created per key',
		displayOptions: { show: showOnlyForBatchCreate },
		routing: {
			send: { type: 'body', property: 'files', value: SPLIT_LIST_VALUE, preSend: [validateBatchKeys] },
		},
	},
	{
		displayName: 'Auto Extract',
		name: 'autoExtract',
		type: 'boolean',
		default: true,
		description: 'Whether Raydocs starts the extraction of each session by itself once its file is parsed',
		displayOptions: { show: showOnlyForBatchCreate },
		routing: { send: { type: 'body', property: 'settings.auto_extract' } },
	},
];
