import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { inputFilesOf, parsePropertyNames } from '../../shared/binaryInput';
import { binaryInputFields } from '../../shared/descriptions';
import { RAYDOCS_API } from '../../shared/endpoints';
import { declareCalls } from '../../shared/endpointRequests';
import { ItemResults } from '../../shared/itemResults';
import { uploadFile } from '../../shared/upload';

const showOnlyForFileUpload = { operation: ['upload'], resource: ['file'] };

export const fileUploadDescription: INodeProperties[] = [...binaryInputFields(showOnlyForFileUpload)];

/** Reads the binary-input parameters of an item into the files to upload. */
export function filesOfItem(context: IExecuteFunctions, itemIndex: number, item: INodeExecutionData) {
	return inputFilesOf(context, item, itemIndex, {
		propertyNames: parsePropertyNames(context.getNodeParameter('binaryPropertyName', itemIndex, 'data')),
		allBinaries: context.getNodeParameter('allBinaries', itemIndex, false) as boolean,
	});
}

/** Upload: one output item per file with the storage key to register it with later. */
export async function executeFileUpload(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results = new ItemResults(this);
	for (const [itemIndex, item] of items.entries()) {
		try {
			for (const file of filesOfItem(this, itemIndex, item)) {
				const uploaded = await uploadFile(this, itemIndex, file);
				results.succeed(itemIndex, {
					key: uploaded.key,
					fileName: uploaded.fileName,
					mimeType: uploaded.mimeType,
					bytes: uploaded.bytes,
					binaryField: uploaded.propertyName,
				});
			}
		} catch (error) {
			results.fail(itemIndex, error);
			if (!this.continueOnFail()) break;
		}
	}
	return results.collect(items.length);
}

declareCalls(executeFileUpload, [RAYDOCS_API.createSignedUploadUrl]);
