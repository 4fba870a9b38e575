import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

type BinaryFileOutput = (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) => Promise<INodeExecutionData[]>;

/** `attachment; filename="x.xlsx"` (or RFC 5987 `filename*=`) → `x.xlsx`. */
export function fileNameFromDisposition(header: unknown): string | undefined {
	const text = Array.isArray(header) ? String(header[0]) : typeof header === 'string' ? header : '';
	const extended = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(text);
	if (extended) return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
	const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(text);
	return plain ? plain[1].trim() : undefined;
}

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
		const headers = response.headers as Record<string, unknown>;
		const fileName = fileNameFromDisposition(headers['content-disposition']) ?? defaultFileName;
		const mimeType = String(headers['content-type'] ?? 'application/octet-stream').split(';')[0];
		const body = Buffer.isBuffer(response.body)
			? response.body
			: Buffer.from(response.body as ArrayBuffer);
		const property = String(this.getNodeParameter('binaryPropertyName', 'data'));
		const binary = await this.helpers.prepareBinaryData(body, fileName, mimeType);
		return [{ json: { fileName, mimeType, bytes: body.length }, binary: { [property]: binary } }];
	};
}
