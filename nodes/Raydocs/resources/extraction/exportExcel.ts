import type { INodeProperties } from 'n8n-workflow';

import { resultIdField } from '../../shared/idFields';

const showOnlyForExportExcel = { operation: ['exportExcel'], resource: ['extraction'] };

export const extractionExportExcelDescription: INodeProperties[] = [
	resultIdField(showOnlyForExportExcel, 'The extraction result (run) to export'),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show: showOnlyForExportExcel },
	},
];
