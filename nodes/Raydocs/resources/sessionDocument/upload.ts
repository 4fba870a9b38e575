import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { binaryInputFields } from '../../shared/descriptions';
import { requireUuid } from '../../shared/ids';
import { ItemResults } from '../../shared/itemResults';
import { RAYDOCS_API } from '../../shared/endpoints';
import { declareCalls } from '../../shared/endpointRequests';
import { addUploadsToSession, uploadFile, type UploadedFile } from '../../shared/upload';
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
 * Upload: signed-URL upload of each file, then one named registration per file
 * (POST /extractions/sessions/{ID}/documents with {key, filename}, see addUploadsToSession), so that
 * each file keeps its name. Output: one item per attached document.
 */
export async function executeSessionDocumentUpload(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results = new ItemResults(this);
	for (const [itemIndex, item] of items.entries()) {
		try {
			const sessionId = requireUuid(this.getNode(), this.getNodeParameter('sessionId', itemIndex), 'session', itemIndex);
			const files = filesOfItem(this, itemIndex, item);
			const uploads: UploadedFile[] = [];
			for (const file of files) uploads.push(await uploadFile(this, itemIndex, file));
			results.succeed(itemIndex, await addUploadsToSession(this, sessionId, uploads));
		} catch (error) {
			results.fail(itemIndex, error);
			if (!this.continueOnFail()) break;
		}
	}
	return results.collect(items.length);
}

declareCalls(executeSessionDocumentUpload, [
	RAYDOCS_API.createSignedUploadUrl,
	RAYDOCS_API.addSessionDocument,
	RAYDOCS_API.addSessionDocumentsByKeys,
]);
