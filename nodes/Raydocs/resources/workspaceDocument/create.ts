import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { binaryInputFields, uploadKeyField } from '../../shared/descriptions';
import { requireWholeNumber } from '../../shared/ids';
import { ItemResults } from '../../shared/itemResults';
import { RAYDOCS_API } from '../../shared/endpoints';
import { declareCalls, pathOf } from '../../shared/endpointRequests';
import { raydocsJson } from '../../shared/transport';
import { uploadFile } from '../../shared/upload';
import { filesOfItem } from '../file/upload';

const showOnlyForWorkspaceDocumentCreate = { operation: ['create'], resource: ['workspaceDocument'] };

export const workspaceDocumentCreateDescription: INodeProperties[] = [
	{
		displayName: 'Input Source',
		name: 'inputSource',
		type: 'options',
		default: 'binary',
		displayOptions: { show: showOnlyForWorkspaceDocumentCreate },
		options: [
			{ name: 'Binary Files', value: 'binary', description: 'Upload the files of each input item' },
			{
				name: 'Upload Key',
				value: 'key',
				description: 'Register a file already uploaded with File Upload → Upload',
			},
		],
	},
	...binaryInputFields({ ...showOnlyForWorkspaceDocumentCreate, inputSource: ['binary'] }),
	uploadKeyField({ ...showOnlyForWorkspaceDocumentCreate, inputSource: ['key'] }),
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '={{ $json.fileName }}',
		placeholder: 'e.g. invoice.pdf',
		description: 'Name to store the document under',
		displayOptions: { show: { ...showOnlyForWorkspaceDocumentCreate, inputSource: ['key'] } },
	},
];

/**
 * Create: one workspace document per file (Raydocs reuses an existing one with the same content:
 * see `dedup` in the output).
 */
export async function executeWorkspaceDocumentCreate(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results = new ItemResults(this);
	for (const [itemIndex, item] of items.entries()) {
		try {
			const workspaceId = requireWholeNumber(
				this.getNode(),
				this.getNodeParameter('workspaceId', itemIndex, '', { extractValue: true }),
				'workspace',
				itemIndex,
			);
			const registrations: IDataObject[] = [];
			if (this.getNodeParameter('inputSource', itemIndex) === 'key') {
				const key = String(this.getNodeParameter('key', itemIndex, '')).trim();
				if (!key) {
					throw new NodeOperationError(this.getNode(), 'No upload key was given', {
						itemIndex,
						description: 'Map the "key" of a File Upload → Upload item, e.g. {{ $json.key }}.',
					});
				}
				const fileName = String(this.getNodeParameter('fileName', itemIndex, '')).trim();
				registrations.push({ key, ...(fileName ? { filename: fileName } : {}) });
			} else {
				for (const file of filesOfItem(this, itemIndex, item)) {
					const uploaded = await uploadFile(this, itemIndex, file);
					registrations.push({ key: uploaded.key, filename: uploaded.fileName, mime: uploaded.mimeType });
				}
			}
			for (const body of registrations) {
				const created = await raydocsJson<IDataObject>(this, {
					method: 'POST',
					url: pathOf(RAYDOCS_API.createWorkspaceDocument, { workspaceId }),
					body,
				});
				results.succeed(itemIndex, created);
			}
		} catch (error) {
			results.fail(itemIndex, error);
			if (!this.continueOnFail()) break;
		}
	}
	return results.collect(items.length);
}

declareCalls(executeWorkspaceDocumentCreate, [RAYDOCS_API.createSignedUploadUrl, RAYDOCS_API.createWorkspaceDocument]);
