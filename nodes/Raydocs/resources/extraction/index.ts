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
				action: 'Delete an extraction result',
				description:
					'Delete one extraction result (run). Needs the result UUID (result_id from Extract Document, or the ID from Extraction → Get Many); returns deleted: true.',
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
				action: 'Export an extraction result as an xlsx spreadsheet',
				description:
					'Download an extraction result as an Excel file with Data, Audit and Metadata sheets. Needs the result UUID (result_id from Extract Document); returns the .xlsx file as binary data.',
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
				action: 'Extract data from a document and wait',
				description:
					'Extract structured data from documents with a template and wait for the result. Needs the template (pick it or give its UUID) and the documents: the files of the input item, or documents already in the workspace; returns one item per input item with the extracted values.',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an extraction result',
				description:
					'Get one extraction result (run) with its status and extracted data. Needs the result UUID (result_id from Extract Document, or the ID from Extraction → Get Many).',
				routing: {
					request: routedRequest(RAYDOCS_API.getResult),
					output: { postReceive: [shapeExtractionRunResponse] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many extraction results of a session',
				description:
					'List the extraction results (runs) of a session. Needs the session UUID (session_id from Extract Document, or the ID from Session → Create).',
				routing: {
					request: routedRequest(RAYDOCS_API.listSessionResults),
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Run',
				value: 'run',
				action: 'Run an extraction on a session',
				description:
					'Start an extraction over the documents of a session, without waiting. Needs the session UUID (from Session → Create); returns the new run with its result ID. Follow up with Extraction → Wait for Result.',
				routing: { request: routedRequest(RAYDOCS_API.runExtraction) },
			},
			{
				name: 'Wait for Result',
				value: 'waitForResult',
				action: 'Wait for an extraction result',
				description:
					'Wait until an extraction result (run) completes or fails, then return its extracted data. Needs the result UUID (result_id of a pending item from Extract Document, or the ID from Extraction → Run).',
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
