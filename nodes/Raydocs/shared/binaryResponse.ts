import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { fileNameFromContentDisposition, headerText } from './download';

type BinaryFileOutput = (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) => Promise<INodeExecutionData[]>;

/**
 * postReceive that turns a file download into one binary item, named as the server named it.
 * The binary field comes from the operation's "Put Output File in Field" parameter.
 */
export function binaryFileOutput(defaultFileName: string): BinaryFileOutput {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const headers = response.headers as IDataObject;
		const fileName = fileNameFromContentDisposition(headerText(headers, 'content-disposition')) ?? defaultFileName;
		const mimeType = String(headers['content-type'] ?? 'application/octet-stream').split(';')[0];
		const body = Buffer.isBuffer(response.body)
			? response.body
			: Buffer.from(response.body as ArrayBuffer);
		const property = String(this.getNodeParameter('binaryPropertyName', 'data'));
		const binary = await this.helpers.prepareBinaryData(body, fileName, mimeType);
		return [{ json: { fileName, mimeType, bytes: body.length }, binary: { [property]: binary } }];
	};
}
