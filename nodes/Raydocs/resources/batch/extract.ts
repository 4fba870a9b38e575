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
import { uploadFile } from '../../shared/upload';
import { listItemsOf } from '../../shared/listResponse';
import { waitForSessionRuns } from '../../shared/waitForRuns';
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
}

interface BatchSession {
	id: string;
	name?: string;
}

function chunk<T>(values: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < values.length; start += size) chunks.push(values.slice(start, start + size));
	return chunks;
}

/**
 * Extract Many: every file of every item is uploaded, sessions are created by batch calls of up to
 * 50 files with auto-extract, then all sessions are awaited together. One output per file, paired
 * with the item it came from.
 */
export async function executeBatchExtract(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results = new ItemResults(this);
	const files: BatchFile[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const templateId = requireUuid(
				this.getNode(),
				this.getNodeParameter('templateId', itemIndex, '', { extractValue: true }),
				'template',
				itemIndex,
			);
			const itemFiles: BatchFile[] = [];
			for (const file of filesOfItem(this, itemIndex, items[itemIndex])) {
				const uploaded = await uploadFile(this, itemIndex, file);
				itemFiles.push({ itemIndex, templateId, fileName: uploaded.fileName, key: uploaded.key });
			}
			files.push(...itemFiles);
		} catch (error) {
			results.fail(itemIndex, error);
			if (!this.continueOnFail()) return results.collect(itemIndex + 1);
		}
	}

	const templates = [...new Set(files.map((file) => file.templateId))];
	for (const templateId of templates) {
		for (const group of chunk(files.filter((file) => file.templateId === templateId), BATCH_FILE_LIMIT)) {
			try {
				const body = await raydocsJson(this, {
					method: 'POST',
					url: pathOf(RAYDOCS_API.createBatchSessions, { templateId }),
					body: { files: group.map((file) => file.key), settings: { auto_extract: true } },
				});
				const sessions = listItemsOf<BatchSession>(body);
				if (sessions.length !== group.length) {
					throw new NodeOperationError(
						this.getNode(),
						`Raydocs created ${sessions.length} sessions for ${group.length} files`,
						{ description: 'The batch answer cannot be matched to the files; check the sessions in Raydocs.' },
					);
				}
				// Raydocs answers with one session per file, in the order of `files`.
				group.forEach((file, index) => (file.sessionId = sessions[index].id));
			} catch (error) {
				for (const file of group) results.fail(file.itemIndex, error);
				if (!this.continueOnFail()) return results.collect(items.length);
			}
		}
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
