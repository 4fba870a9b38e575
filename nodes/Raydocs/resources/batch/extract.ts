import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	binaryInputFields,
	extractionOutputFields,
	waitOptions,
} from '../../shared/descriptions';
import { requireUuid } from '../../shared/ids';
import { ItemResults } from '../../shared/itemResults';
import { templateLocator, workspaceForListsLocator } from '../../shared/locators';
import { RAYDOCS_API } from '../../shared/endpoints';
import { declareCalls, pathOf } from '../../shared/endpointRequests';
import { raydocsJson } from '../../shared/transport';
import type { InputFile } from '../../shared/binaryInput';
import { uploadFile } from '../../shared/upload';
import { listItemsOf } from '../../shared/listResponse';
import { deploymentOf, waitForSessionRuns } from '../../shared/waitForRuns';
import { outputForOutcome, readWaitOptions } from '../extraction/waitForResult';
import { filesOfItem } from '../file/upload';

const showOnlyForBatchExtract = { operation: ['extract'], resource: ['batch'] };

/** Raydocs accepts at most 50 files per batch call. */
export const BATCH_FILE_LIMIT = 50;

export const batchExtractDescription: INodeProperties[] = [
	workspaceForListsLocator(showOnlyForBatchExtract, 'templates'),
	templateLocator(showOnlyForBatchExtract),
	...binaryInputFields(showOnlyForBatchExtract),
	{
		displayName: 'Wait for Results',
		name: 'waitForResults',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until every document is extracted and output its data, instead of outputting the created sessions at once',
		displayOptions: { show: showOnlyForBatchExtract },
	},
	...extractionOutputFields({ ...showOnlyForBatchExtract, waitForResults: [true] }, false),
	...waitOptions({ ...showOnlyForBatchExtract, waitForResults: [true] }),
];

interface BatchFile {
	itemIndex: number;
	templateId: string;
	fileName: string;
	key: string;
	sessionId?: string;
	/** When its batch call was answered (Date.now()): its run starts from there. */
	startedAt?: number;
}

interface BatchSession {
	id: string;
	name?: string;
}

/**
 * Extract Many: every file of every item is uploaded, and as soon as 50 files of one template are
 * up, a batch call creates their sessions with auto-extract, so that Raydocs processes them while
 * the next files upload; the rest go in a last batch per template. Then all sessions are awaited
 * together: reading none of them before every file is handed over (a result read early reaches the
 * next node no sooner, and the request it costs delays the uploads behind it), each when it has
 * likely finished. One output per file, paired with the item it came from.
 */
export async function executeBatchExtract(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results = new ItemResults(this);
	const files: BatchFile[] = [];
	/** Uploaded files of each template not yet in a batch. */
	const unbatched = new Map<string, BatchFile[]>();

	/** One batch call for `group`; false when the node must stop (the failure without Continue On Fail). */
	const createSessions = async (templateId: string, group: BatchFile[]): Promise<boolean> => {
		try {
			const body = await raydocsJson(this, {
				method: 'POST',
				url: pathOf(RAYDOCS_API.createBatchSessions, { templateId }),
				body: { files: group.map((file) => file.key), settings: { auto_extract: true } },
			});
			const startedAt = Date.now();
			const sessions = listItemsOf<BatchSession>(body);
			if (sessions.length !== group.length) {
				throw new NodeOperationError(
					this.getNode(),
					`Raydocs created ${sessions.length} sessions for ${group.length} files`,
					{ description: 'The batch answer cannot be matched to the files; check the sessions in Raydocs.' },
				);
			}
			// Raydocs answers with one session per file, in the order of `files`.
			group.forEach((file, index) => Object.assign(file, { sessionId: sessions[index].id, startedAt }));
		} catch (error) {
			for (const file of group) results.fail(file.itemIndex, error);
			return this.continueOnFail();
		}
		return true;
	};

	// Everything that can be checked without a request is checked first: a bad item stops the node
	// (without Continue On Fail) before any batch is created.
	const planned: Array<{ itemIndex: number; templateId: string; files: InputFile[] }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const templateId = requireUuid(
				this.getNode(),
				this.getNodeParameter('templateId', itemIndex, '', { extractValue: true }),
				'template',
				itemIndex,
			);
			planned.push({ itemIndex, templateId, files: filesOfItem(this, itemIndex, items[itemIndex]) });
		} catch (error) {
			results.fail(itemIndex, error);
			if (!this.continueOnFail()) return results.collect(itemIndex + 1);
		}
	}

	for (const { itemIndex, templateId, files: inputFiles } of planned) {
		const itemFiles: BatchFile[] = [];
		try {
			for (const file of inputFiles) {
				const uploaded = await uploadFile(this, itemIndex, file);
				itemFiles.push({ itemIndex, templateId, fileName: uploaded.fileName, key: uploaded.key });
			}
		} catch (error) {
			results.fail(itemIndex, error);
			if (!this.continueOnFail()) return results.collect(itemIndex + 1);
			continue;
		}
		files.push(...itemFiles);
		const waiting = [...(unbatched.get(templateId) ?? []), ...itemFiles];
		while (waiting.length >= BATCH_FILE_LIMIT) {
			if (!(await createSessions(templateId, waiting.splice(0, BATCH_FILE_LIMIT)))) return results.collect(items.length);
		}
		unbatched.set(templateId, waiting);
	}
	for (const [templateId, group] of unbatched) {
		if (group.length && !(await createSessions(templateId, group))) return results.collect(items.length);
	}

	const created = files.filter((file) => file.sessionId && !results.hasFailed(file.itemIndex));
	const wait = created.length > 0 && (this.getNodeParameter('waitForResults', created[0].itemIndex, true) as boolean);
	if (!wait) {
		for (const file of created) {
			results.succeed(file.itemIndex, { session_id: file.sessionId!, file_name: file.fileName, key: file.key, status: 'created' });
		}
		return results.collect(items.length);
	}

	const outcomes = await waitForSessionRuns(
		this,
		created.map((file) => file.sessionId!),
		readWaitOptions(this, created[0].itemIndex),
		{
			baseUrl: await deploymentOf(this),
			runs: new Map(created.map((file) => [file.sessionId!, { templateId: file.templateId, startedAt: file.startedAt! }])),
		},
	);
	for (const file of created) {
		if (results.hasFailed(file.itemIndex)) continue;
		const outcome = outcomes.get(file.sessionId!)!;
		try {
			const output: IDataObject = outputForOutcome(this, file.itemIndex, outcome, {
				sessionId: file.sessionId,
				resultId: outcome.runId ?? outcome.run?.id ?? '(not started yet)',
				fileNames: [file.fileName],
			});
			results.succeed(file.itemIndex, { file_name: file.fileName, session_id: file.sessionId!, ...output });
		} catch (error) {
			results.fail(file.itemIndex, error);
		}
	}
	return results.collect(items.length);
}

declareCalls(executeBatchExtract, [
	RAYDOCS_API.createSignedUploadUrl,
	RAYDOCS_API.createBatchSessions,
	RAYDOCS_API.getSession,
	RAYDOCS_API.listSessionResults,
	RAYDOCS_API.getResult,
]);
