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
				description:
					'Create one session per uploaded file for a template, optionally starting each extraction at once. Needs the template and the upload keys from File Upload → Upload; returns the created sessions.',
				routing: {
					request: routedRequest(RAYDOCS_API.createBatchSessions, LOCATOR_PATH_PARAMETERS),
					output: { postReceive: [splitListResponse] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete sessions in a batch',
				description:
					'Delete several sessions of a template with their results. Needs the template and the session IDs (from Batch → Create or Session → Create).',
				routing: { request: routedRequest(RAYDOCS_API.deleteBatchSessions, LOCATOR_PATH_PARAMETERS), ...deletedOutput },
			},
			{
				name: 'Execute',
				value: 'execute',
				action: 'Run extractions on sessions in a batch',
				description:
					'Start extraction runs on several sessions of a template without waiting. Needs the template and the session IDs; returns the queued runs. Follow up with Extraction → Wait for Result.',
				routing: { request: routedRequest(RAYDOCS_API.executeBatchSessions, LOCATOR_PATH_PARAMETERS) },
			},
			{
				name: 'Export',
				value: 'export',
				action: 'Export results of sessions in a batch',
				description:
					'Export the extracted data of several sessions of a template as JSON items (one per session), a CSV file or an Excel file. Needs the template and the session IDs.',
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
				action: 'Extract many documents in batches and wait',
				description:
					'Upload the files of all input items, extract each with a template and wait for the results. Needs the template (pick it or give its UUID) and the binary fields holding the files; returns one item per file with the extracted values.',
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
