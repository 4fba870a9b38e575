import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { extractionOutputFields, waitOptions } from '../../shared/descriptions';
import { RAYDOCS_API } from '../../shared/endpoints';
import { declareCalls } from '../../shared/endpointRequests';
import { failureReason, outputShapeOf, shapeExtractionRun } from '../../shared/extractionOutput';
import { requireUuid } from '../../shared/ids';
import { ItemResults } from '../../shared/itemResults';
import { waitForRuns, waitSettingsFor, type RunOutcome, type WaitSettings } from '../../shared/waitForRuns';

const showOnlyForWaitForResult = { operation: ['waitForResult'], resource: ['extraction'] };

export const waitForResultDescription: INodeProperties[] = [
	{
		displayName: 'Result ID',
		name: 'resultId',
		type: 'string',
		default: '={{ $json.result_id }}',
		required: true,
		placeholder: 'e.g. 990e8400-e29b-41d4-a716-446655440000',
		description:
			'The extraction result (run) to wait for. The default resumes a "pending" item from Extract Document.',
		displayOptions: { show: showOnlyForWaitForResult },
	},
	...extractionOutputFields(showOnlyForWaitForResult),
	...waitOptions(showOnlyForWaitForResult),
];

export function readWaitOptions(context: IExecuteFunctions, itemIndex: number): WaitSettings {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return waitSettingsFor(options);
}

/**
 * The output item for a finished wait, or the error that the item's options ask for. `fileNames`:
 * the files uploaded for the run, which its documents are named after (see shapeExtractionRun).
 */
export function outputForOutcome(
	context: IExecuteFunctions,
	itemIndex: number,
	outcome: RunOutcome,
	ids: { sessionId?: string; resultId: string; fileNames?: string[] },
): IDataObject {
	if (outcome.error) throw outcome.error;
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const shape = outputShapeOf((name, fallback) => context.getNodeParameter(name, itemIndex, fallback));
	const node = context.getNode();
	// A wait's outcome holds a run only once it settled (timedOut is true exactly while it has none).
	if (!outcome.run) {
		const where = `${ids.sessionId ? `session ${ids.sessionId}, ` : ''}result ${ids.resultId}`;
		if (options.onTimeout === 'pending') {
			return {
				status: 'pending',
				raydocs_status: outcome.lastStatus ?? null,
				session_id: ids.sessionId ?? null,
				result_id: ids.resultId,
				resume_with: 'Raydocs → Extraction → Wait for Result',
			};
		}
		throw new NodeOperationError(node, `Raydocs had not finished the extraction (${where}) when the wait timed out`, {
			itemIndex,
			description: `Last status: ${outcome.lastStatus ?? 'unknown'}. Raise "Timeout (Seconds)" under Options, or set "On Timeout" to "Output a Pending Item" and resume with Extraction → Wait for Result using result ID ${ids.resultId}.`,
		});
	}
	if (outcome.run.status === 'failed' && options.onFailure !== 'output') {
		throw new NodeOperationError(node, `Raydocs could not extract the document: ${failureReason(outcome.run)}`, {
			itemIndex,
			description: `Result ${ids.resultId}${ids.sessionId ? ` in session ${ids.sessionId}` : ''} failed. Check the file (is it readable, not password-protected?) or set "On Failed Extraction" to "Output the Failed Result".`,
		});
	}
	return shapeExtractionRun(outcome.run, shape, ids.fileNames);
}

export async function executeWaitForResult(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results = new ItemResults(this);
	const resultIds = new Map<number, string>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			resultIds.set(
				itemIndex,
				requireUuid(this.getNode(), this.getNodeParameter('resultId', itemIndex), 'result', itemIndex),
			);
		} catch (error) {
			results.fail(itemIndex, error);
			// Without Continue On Fail the node fails on this item: no request, no wait for the others.
			if (!this.continueOnFail()) return results.collect(items.length);
		}
	}
	if (resultIds.size) {
		const outcomes = await waitForRuns(this, [...new Set(resultIds.values())], readWaitOptions(this, [...resultIds.keys()][0]), new Map(), true);
		for (const [itemIndex, resultId] of resultIds) {
			try {
				results.succeed(itemIndex, outputForOutcome(this, itemIndex, outcomes.get(resultId)!, { resultId }));
			} catch (error) {
				results.fail(itemIndex, error);
			}
		}
	}
	return results.collect(items.length);
}

declareCalls(executeWaitForResult, [RAYDOCS_API.getResult]);
