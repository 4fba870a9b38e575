import type { INodeProperties } from 'n8n-workflow';

import { binaryFileOutput } from '../../shared/binaryResponse';
import { deletedOutput } from '../../shared/descriptions';
import { shapeExtractionRunResponse } from '../../shared/extractionOutput';
import { sendRoutedListRequest } from '../../shared/transport';
import { extractionDeleteDescription } from './delete';
import { executeExtractDocument, extractDocumentDescription } from './extractDocument';
import { extractionExportExcelDescription } from './exportExcel';
import { extractionGetDescription } from './get';
import { extractionGetManyDescription } from './getAll';
import { extractionRunDescription } from './run';
import { executeWaitForResult, waitForResultDescription } from './waitForResult';

const showOnlyForExtraction = { resource: ['extraction'] };

export const extractionOperations = {
	extractDocument: executeExtractDocument,
	waitForResult: executeWaitForResult,
};

export const extractionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForExtraction },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an extraction result',
				description: 'Delete one extraction run (DELETE /extractions/results/{ID})',
				routing: {
					request: { method: 'DELETE', url: '=/extractions/results/{{ String($parameter.resultId).trim() }}' },
					...deletedOutput,
				},
			},
			{
				name: 'Export to Excel',
				value: 'exportExcel',
				action: 'Export an extraction result to excel',
				description:
					'Download a result as an .xlsx file with Data, Audit and Metadata sheets (GET /extractions/results/{ID}/export/excel)',
				routing: {
					request: {
						method: 'GET',
						url: '=/extractions/results/{{ String($parameter.resultId).trim() }}/export/excel',
						encoding: 'arraybuffer',
						json: false,
						headers: {
							Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
						},
					},
					output: { postReceive: [binaryFileOutput('extraction_result.xlsx')] },
				},
			},
			{
				name: 'Extract Document',
				value: 'extractDocument',
				action: 'Extract data from a document and wait',
				description:
					'Upload files (or pick workspace documents), run a template on them and wait for the extracted data',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an extraction result',
				description: 'Get one extraction run with its data (GET /extractions/results/{ID})',
				routing: {
					request: { method: 'GET', url: '=/extractions/results/{{ String($parameter.resultId).trim() }}' },
					output: { postReceive: [shapeExtractionRunResponse] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many extraction results of a session',
				description: 'List the extraction runs of a session (GET /extractions/sessions/{ID}/results)',
				routing: {
					request: {
						method: 'GET',
						url: '=/extractions/sessions/{{ String($parameter.sessionId).trim() }}/results',
					},
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Run',
				value: 'run',
				action: 'Run an extraction on a session',
				description:
					'Start an extraction run over the documents of a session, without waiting (POST /extractions/sessions/{ID}/results)',
				routing: {
					request: {
						method: 'POST',
						url: '=/extractions/sessions/{{ String($parameter.sessionId).trim() }}/results',
					},
				},
			},
			{
				name: 'Wait for Result',
				value: 'waitForResult',
				action: 'Wait for an extraction result',
				description: 'Poll an extraction run until it completes or fails, then return its data',
			},
		],
		default: 'extractDocument',
	},
	...extractDocumentDescription,
	...waitForResultDescription,
	...extractionGetDescription,
	...extractionGetManyDescription,
	...extractionRunDescription,
	...extractionDeleteDescription,
	...extractionExportExcelDescription,
];
