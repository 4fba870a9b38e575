import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput } from '../../shared/descriptions';
import { splitListResponse } from '../../shared/listResponse';
import { batchCreateDescription } from './create';
import { batchDeleteDescription } from './delete';
import { batchExecuteDescription } from './execute';
import { batchExportDescription, batchExportOutput } from './export';
import { batchExtractDescription, executeBatchExtract } from './extract';
import { RAYDOCS_API } from '../../shared/endpoints';
import { routedRequest } from '../../shared/endpointRequests';
import { LOCATOR_PATH_PARAMETERS } from '../../shared/locators';

const showOnlyForBatches = { resource: ['batch'] };

export const batchOperations = { extract: executeBatchExtract };

export const batchDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForBatches },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create sessions from uploaded files',
				description: 'Create one session of a template per uploaded file, optionally extracting at once',
				routing: {
					request: routedRequest(RAYDOCS_API.createBatchSessions, LOCATOR_PATH_PARAMETERS),
					output: { postReceive: [splitListResponse] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete sessions in batch',
				description: 'Delete several sessions of one template with their results, by session ID',
				routing: { request: routedRequest(RAYDOCS_API.deleteBatchSessions, LOCATOR_PATH_PARAMETERS), ...deletedOutput },
			},
			{
				name: 'Execute',
				value: 'execute',
				action: 'Run extractions on sessions in batch',
				description: 'Start extractions on several sessions of one template without waiting',
				routing: { request: routedRequest(RAYDOCS_API.executeBatchSessions, LOCATOR_PATH_PARAMETERS) },
			},
			{
				name: 'Export',
				value: 'export',
				action: 'Export results of sessions in batch',
				description: 'Export the data of several sessions of one template as JSON items, CSV or Excel',
				routing: {
					request: routedRequest(RAYDOCS_API.exportBatchSessions, LOCATOR_PATH_PARAMETERS, {
						encoding: 'arraybuffer',
						json: false,
					}),
					output: { postReceive: [batchExportOutput] },
				},
			},
			{
				name: 'Extract Many',
				value: 'extract',
				action: 'Extract many documents',
				description: 'Extract every file of the input items with one template, in batches, and wait',
			},
		],
		default: 'extract',
	},
	...batchExtractDescription,
	...batchCreateDescription,
	...batchExecuteDescription,
	...batchDeleteDescription,
	...batchExportDescription,
];
