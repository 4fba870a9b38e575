import type { INodeProperties } from 'n8n-workflow';

import { binaryOutputField } from '../../shared/descriptions';
import { resultIdField } from '../../shared/idFields';

const showOnlyForExportExcel = { operation: ['exportExcel'], resource: ['extraction'] };

export const extractionExportExcelDescription: INodeProperties[] = [
	resultIdField(showOnlyForExportExcel, 'The extraction result (run) to export'),
	binaryOutputField(showOnlyForExportExcel),
];
