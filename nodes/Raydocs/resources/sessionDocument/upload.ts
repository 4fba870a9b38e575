import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { binaryInputFields } from '../../shared/descriptions';
import { requireUuid } from '../../shared/ids';
import { ItemResults } from '../../shared/itemResults';
import { raydocsJson } from '../../shared/transport';
import { uploadFile } from '../../shared/upload';
import { listItemsOf } from '../../shared/listResponse';
import { filesOfItem } from '../file/upload';

const showOnlyForSessionDocumentUpload = { operation: ['upload'], resource: ['sessionDocument'] };

export const sessionDocumentUploadDescription: INodeProperties[] = [
	{
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 770e8400-e29b-41d4-a716-446655440000',
		description: 'The session to add the files to',
		displayOptions: { show: showOnlyForSessionDocumentUpload },
	},
	...binaryInputFields(showOnlyForSessionDocumentUpload),
];

/**
 * Upload: signed-URL upload of each file, then one registration call per item with all its keys
 * (POST /extractions/sessions/{ID}/documents/upload). Output: one item per attached document.
 */
export async function executeSessionDocumentUpload(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results = new ItemResults(this);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const sessionId = requireUuid(this.getNode(), this.getNodeParameter('sessionId', itemIndex), 'session', itemIndex);
			const files = filesOfItem(this, itemIndex, items[itemIndex]);
			const keys: string[] = [];
			for (const file of files) keys.push((await uploadFile(this, itemIndex, file)).key);
			const body = await raydocsJson(this, {
				method: 'POST',
				url: `/extractions/sessions/${sessionId}/documents/upload`,
				body: { keys },
			});
			results.succeed(itemIndex, listItemsOf<INodeExecutionData['json']>(body));
		} catch (error) {
			results.fail(itemIndex, error);
			if (!this.continueOnFail()) break;
		}
	}
	return results.collect(items.length);
}
