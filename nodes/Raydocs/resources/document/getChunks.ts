import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { listItemsOf } from '../../shared/listResponse';
import { documentByIdFields } from './documentId';

const showOnlyForDocumentGetChunks = { operation: ['getChunks'], resource: ['document'] };

/** Raydocs versions answer `{data: [...]}` or a bare array: either way, one item per chunk. */
export async function chunkItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return listItemsOf<INodeExecutionData['json']>(response.body).map((json) => ({ json }));
}

export const documentGetChunksDescription: INodeProperties[] = [
	...documentByIdFields(
		showOnlyForDocumentGetChunks,
		'The document whose parsed chunks to get. Chunks exist once the document is parsed.',
	),
];
