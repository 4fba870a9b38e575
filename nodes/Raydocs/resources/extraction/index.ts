import type { INodeProperties } from 'n8n-workflow';

import { binaryFileOutput } from '../../shared/binaryResponse';
import { deletedOutput } from '../../shared/descriptions';
import { shapeExtractionRunResponse } from '../../shared/extractionOutput';
import { RAYDOCS_API } from '../../shared/endpoints';
import { routedRequest } from '../../shared/endpointRequests';
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
				action: 'Delete extraction result',
				description: 'Delete one extraction result (run) by its result ID; returns deleted: true',
				routing: {
					request: routedRequest(RAYDOCS_API.deleteResult),
					...deletedOutput,
				},
			},
			{
				name: 'Export to Excel',
				value: 'exportExcel',
				// Sentence case is n8n's rule for actions (its community-package checks enforce it), so
				// the action names the file type rather than the product.
				action: 'Export extraction result as xlsx spreadsheet',
				description: 'Download an extraction result as an Excel file with Data, Audit and Metadata sheets',
				routing: {
					request: routedRequest(RAYDOCS_API.exportResultExcel, {}, {
						encoding: 'arraybuffer',
						json: false,
						headers: {
							Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
						},
					}),
					output: { postReceive: [binaryFileOutput('extraction_result.xlsx')] },
				},
			},
			{
				name: 'Extract Document',
				value: 'extractDocument',
				action: 'Extract document',
				description: 'Extract data from files or workspace documents with a template, and wait for the result',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get extraction result',
				description: 'Get one extraction result (run) with its status and data, by its result ID',
				routing: {
					request: routedRequest(RAYDOCS_API.getResult),
					output: { postReceive: [shapeExtractionRunResponse] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many extraction results',
				description: 'List the extraction results (runs) of a session, by its session ID',
				routing: {
					request: routedRequest(RAYDOCS_API.listSessionResults),
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Run',
				value: 'run',
				action: 'Run extraction on session',
				description: "Start an extraction over a session's documents without waiting; returns the result ID",
				routing: { request: routedRequest(RAYDOCS_API.runExtraction) },
			},
			{
				name: 'Wait for Result',
				value: 'waitForResult',
				action: 'Wait for extraction result',
				description: 'Wait until an extraction result (run) completes or fails, then return its data',
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
