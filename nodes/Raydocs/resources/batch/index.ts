import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput } from '../../shared/descriptions';
import { splitListResponse } from '../../shared/listResponse';
import { batchCreateDescription } from './create';
import { batchDeleteDescription } from './delete';
import { batchExecuteDescription } from './execute';
import { batchExportDescription, batchExportOutput } from './export';
import { batchExtractDescription, executeBatchExtract } from './extract';

const showOnlyForBatches = { resource: ['batch'] };

const batchUrl = '=/extractions/templates/{{ String($parameter.templateId).trim() }}/sessions/batch';

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
					'Create one session per uploaded file, optionally extracting automatically (POST /extractions/templates/{ID}/sessions/batch)',
				routing: {
					request: { method: 'POST', url: batchUrl },
					output: { postReceive: [splitListResponse] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete sessions in a batch',
				description:
					'Delete several sessions of a template with their results (POST /extractions/templates/{ID}/sessions/batch/delete)',
				routing: { request: { method: 'POST', url: `${batchUrl}/delete` }, ...deletedOutput },
			},
			{
				name: 'Execute',
				value: 'execute',
				action: 'Run extractions on sessions in a batch',
				description:
					'Queue extraction runs for several sessions (POST /extractions/templates/{ID}/sessions/batch/execute)',
				routing: { request: { method: 'POST', url: `${batchUrl}/execute` } },
			},
			{
				name: 'Export',
				value: 'export',
				action: 'Export results of sessions in a batch',
				description:
					'Export the results of several sessions as JSON items, CSV or Excel (POST /extractions/templates/{ID}/sessions/batch/export)',
				routing: {
					request: {
						method: 'POST',
						url: `${batchUrl}/export`,
						encoding: 'arraybuffer',
						json: false,
					},
					output: { postReceive: [batchExportOutput] },
				},
			},
			{
				name: 'Extract Many',
				value: 'extract',
				action: 'Extract many documents in batches and wait',
				description:
					'Upload the files of all items, create sessions in batches of 50 with auto-extract, wait and output one item per file',
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
