import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { binaryFileOutput } from '../../shared/binaryResponse';
import { binaryOutputField } from '../../shared/descriptions';
import { templateLocator, workspaceForListsLocator } from '../../shared/locators';
import { listItemsOf } from '../../shared/listResponse';
import { sessionIdsField } from './fields';

const showOnlyForBatchExport = { operation: ['export'], resource: ['batch'] };

export const batchExportDescription: INodeProperties[] = [
	workspaceForListsLocator(showOnlyForBatchExport, 'templates'),
	templateLocator(showOnlyForBatchExport),
	sessionIdsField(showOnlyForBatchExport, 'Sessions whose results to export'),
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		default: 'json',
		displayOptions: { show: showOnlyForBatchExport },
		options: [
			{ name: 'CSV File', value: 'csv' },
			{ name: 'Excel File', value: 'excel', description: 'With extra sheets for the audit trail' },
			{ name: 'JSON Items', value: 'json', description: 'One item per session with its data' },
		],
		routing: { send: { type: 'body', property: 'format' } },
	},
	binaryOutputField({ ...showOnlyForBatchExport, format: ['csv', 'excel'] }),
];

const exportFile = {
	csv: binaryFileOutput('batch_export.csv'),
	excel: binaryFileOutput('batch_export.xlsx'),
};

/** JSON exports become one item per session; file exports one binary item. */
export async function batchExportOutput(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const format = this.getNodeParameter('format', 'json') as string;
	if (format === 'csv' || format === 'excel') {
		return await exportFile[format].call(this, items, response);
	}
	const body = Buffer.isBuffer(response.body)
		? (JSON.parse(response.body.toString('utf8')) as unknown)
		: response.body;
	return listItemsOf<INodeExecutionData['json']>(body).map((json) => ({ json }));
}
