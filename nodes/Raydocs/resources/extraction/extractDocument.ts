import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { inputFilesOf, parsePropertyNames, type InputFile } from '../../shared/binaryInput';
import { documentNameField, findWorkspaceDocumentByName } from '../../shared/documentSearch';
import {
	binaryInputFields,
	extractionOutputFields,
	waitOptions,
} from '../../shared/descriptions';
import type { ExtractionRun } from '../../shared/extractionOutput';
import { requireUuid, requireUuidList } from '../../shared/ids';
import { ItemResults } from '../../shared/itemResults';
import {
	templateLocator,
	workspaceDocumentsLocator,
	workspaceForListsLocator,
} from '../../shared/locators';
import { RAYDOCS_API } from '../../shared/endpoints';
import { declareCalls, pathOf } from '../../shared/endpointRequests';
import { raydocsJson } from '../../shared/transport';
import { addUploadsToSession, uploadFile, type UploadedFile } from '../../shared/upload';
import { fileUrlFields, inputFileFromUrl } from '../../shared/urlInput';
import { outputForOutcome, readWaitOptions } from './waitForResult';
import { deploymentOf, waitForRuns } from '../../shared/waitForRuns';

const showOnlyForExtractDocument = { operation: ['extractDocument'], resource: ['extraction'] };

/**
 * The input item's files come along unless turned off, so no Merge node is needed. Offered only
 * where the files are the input: workspace documents and web addresses have none to keep.
 */
const keepInputFiles: INodeProperties = {
	displayName: 'Keep Input Files',
	name: 'keepInputBinary',
	type: 'boolean',
	default: true,
	displayOptions: { show: { '/inputSource': ['binary'] } },
	description:
		"Whether the output item carries the input item's binary files (e.g. the invoice PDF) next to the extracted data",
};

export const extractDocumentDescription: INodeProperties[] = [
	workspaceForListsLocator(showOnlyForExtractDocument, 'templates'),
	templateLocator(showOnlyForExtractDocument),
	{
		displayName: 'Input Source',
		name: 'inputSource',
		type: 'options',
		default: 'binary',
		displayOptions: { show: showOnlyForExtractDocument },
		options: [
			{
				name: 'Binary Files',
				value: 'binary',
				description: 'Upload the files of each input item',
			},
			{
				name: 'Workspace Documents',
				value: 'documentIds',
				description: 'Use documents already stored in the workspace',
			},
			{
				name: 'Workspace Document by Name',
				value: 'documentName',
				description: 'Find one document of the workspace by its file name (handy for AI agents)',
			},
			{
				name: 'File URL',
				value: 'fileUrl',
				description: 'Download a file from a web address and upload it (handy for AI agents)',
			},
		],
	},
	...binaryInputFields({ ...showOnlyForExtractDocument, inputSource: ['binary'] }),
	workspaceDocumentsLocator({ ...showOnlyForExtractDocument, inputSource: ['documentIds'] }),
	documentNameField({ ...showOnlyForExtractDocument, inputSource: ['documentName'] }),
	...fileUrlFields({ ...showOnlyForExtractDocument, inputSource: ['fileUrl'] }),
	...extractionOutputFields(showOnlyForExtractDocument),
	...waitOptions(showOnlyForExtractDocument, [
		keepInputFiles,
		{
			displayName: 'Session Name',
			name: 'sessionName',
			type: 'string',
			default: '',
			description: 'Name of the Raydocs session; by default the name of the first file',
		},
	]),
];

/** Whether an item's output keeps its input files (on unless the option turns it off). */
function keepsInputFiles(context: IExecuteFunctions, itemIndex: number): boolean {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return options.keepInputBinary !== false;
}

/** The workspace documents of one item, from the locator (list, IDs or a link). */
function chosenDocumentIds(context: IExecuteFunctions, itemIndex: number): string[] {
	const value = context.getNodeParameter('documents', itemIndex, '', { extractValue: true });
	return requireUuidList(context.getNode(), value, 'document', itemIndex);
}

interface StartedExtraction {
	sessionId: string;
	run: ExtractionRun;
	/** The names of the files uploaded for the run; none for workspace documents. */
	fileNames?: string[];
	templateId: string;
	/** When Raydocs answered the run's start (Date.now()). */
	startedAt: number;
}

interface Session {
	id: string;
}

/** Upload (or pick) the documents, create a session, attach them and start the run. */
async function startExtraction(context: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<StartedExtraction> {
	const node = context.getNode();
	const templateId = requireUuid(
		node,
		context.getNodeParameter('templateId', itemIndex, '', { extractValue: true }),
		'template',
		itemIndex,
	);
	const source = context.getNodeParameter('inputSource', itemIndex) as string;
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;

	let documentIds: string[] | undefined;
	const uploads: UploadedFile[] = [];
	let defaultName: string;
	if (source === 'documentIds' || source === 'documentName') {
		documentIds =
			source === 'documentName'
				? [await findWorkspaceDocumentByName(context, itemIndex, context.getNodeParameter('documentName', itemIndex))]
				: chosenDocumentIds(context, itemIndex);
		defaultName = `n8n extraction of ${documentIds.length} document${documentIds.length > 1 ? 's' : ''}`;
	} else {
		const files: InputFile[] =
			source === 'fileUrl'
				? [await inputFileFromUrl(context, itemIndex, context.getNodeParameter('fileUrl', itemIndex))]
				: inputFilesOf(context, item, itemIndex, {
						propertyNames: parsePropertyNames(context.getNodeParameter('binaryPropertyName', itemIndex, 'data')),
						allBinaries: context.getNodeParameter('allBinaries', itemIndex, false) as boolean,
					});
		for (const file of files) uploads.push(await uploadFile(context, itemIndex, file));
		defaultName = files[0].fileName;
	}

	const session = await raydocsJson<Session>(context, {
		method: 'POST',
		url: pathOf(RAYDOCS_API.createSession),
		body: { extraction_template_id: templateId, name: String(options.sessionName || defaultName) },
	});
	if (uploads.length) {
		await addUploadsToSession(context, session.id, uploads);
	} else {
		await raydocsJson(context, {
			method: 'POST',
			url: pathOf(RAYDOCS_API.attachSessionDocuments, { sessionId: session.id }),
			body: { document_ids: documentIds },
		});
	}
	const run = await raydocsJson<ExtractionRun>(context, {
		method: 'POST',
		url: pathOf(RAYDOCS_API.runExtraction, { sessionId: session.id }),
	});
	if (!run?.id) {
		throw new NodeOperationError(node, 'Raydocs started the extraction but returned no result ID', {
			itemIndex,
			description: `Session ${session.id} was created; look for its result in Raydocs.`,
		});
	}
	return {
		sessionId: session.id,
		run,
		fileNames: uploads.length ? uploads.map((upload) => upload.fileName) : undefined,
		templateId,
		startedAt: Date.now(),
	};
}

/**
 * Extract Document: all items are started first, then their runs are polled together, so N
 * documents take about as long as the slowest one rather than the sum. A run of a template whose
 * runs this process has seen finish is first read when half of those had finished.
 */
export async function executeExtractDocument(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results = new ItemResults(this);
	const started = new Map<number, StartedExtraction>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			started.set(itemIndex, await startExtraction(this, itemIndex, items[itemIndex]));
		} catch (error) {
			results.fail(itemIndex, error);
			if (!this.continueOnFail()) return results.collect(itemIndex + 1);
		}
	}
	if (started.size) {
		const settings = readWaitOptions(this, [...started.keys()][0]);
		const extractions = [...started.values()];
		const outcomes = await waitForRuns(
			this,
			extractions.map((extraction) => extraction.run.id),
			settings,
			new Map(extractions.map((extraction) => [extraction.run.id, extraction.run])),
			false,
			{
				baseUrl: await deploymentOf(this),
				runs: new Map(extractions.map(({ run, templateId, startedAt }) => [run.id, { templateId, startedAt }])),
			},
		);
		for (const [itemIndex, extraction] of started) {
			const outcome = outcomes.get(extraction.run.id)!;
			try {
				results.succeed(
					itemIndex,
					outputForOutcome(this, itemIndex, outcome, {
						sessionId: extraction.sessionId,
						resultId: extraction.run.id,
						fileNames: extraction.fileNames,
					}),
					keepsInputFiles(this, itemIndex) ? items[itemIndex].binary : undefined,
				);
			} catch (error) {
				results.fail(itemIndex, error);
			}
		}
	}
	return results.collect(items.length);
}

declareCalls(executeExtractDocument, [
	RAYDOCS_API.createSignedUploadUrl,
	RAYDOCS_API.listWorkspaceDocuments,
	RAYDOCS_API.createSession,
	RAYDOCS_API.addSessionDocument,
	RAYDOCS_API.addSessionDocumentsByKeys,
	RAYDOCS_API.attachSessionDocuments,
	RAYDOCS_API.runExtraction,
	RAYDOCS_API.getResult,
]);
