import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { BATCH_FILE_LIMIT } from './extract';

/** Raydocs refuses more than 50 files per batch call: say so before sending. */
export async function validateBatchKeys(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const files = ((requestOptions.body ?? {}) as IDataObject).files;
	const count = Array.isArray(files) ? files.length : 0;
	if (count === 0 || count > BATCH_FILE_LIMIT) {
		throw new NodeOperationError(
			this.getNode(),
			count ? `${count} upload keys is more than one batch takes (at most ${BATCH_FILE_LIMIT})` : 'No upload key was given',
			{
				itemIndex: this.getItemIndex(),
				description: count
					? 'Split the keys into groups of 50 (e.g. with the Loop Over Items node), or use Extraction Batch → Extract Many, which splits by itself.'
					: 'Map the "key" of File Upload → Upload items, e.g. {{ $json.key }}.',
			},
		);
	}
	return requestOptions;
}
