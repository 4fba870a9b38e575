import type { INodeProperties } from 'n8n-workflow';

import { fileGetUploadUrlDescription } from './getUploadUrl';
import { executeFileUpload, fileUploadDescription } from './upload';

const showOnlyForFiles = { resource: ['file'] };

export const fileOperations = { upload: executeFileUpload };

export const fileDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForFiles },
		options: [
			{
				name: 'Get Upload URL',
				value: 'getUploadUrl',
				action: 'Get a signed upload URL',
				description: 'Get a pre-signed storage URL and key to upload a file yourself',
				routing: { request: { method: 'POST', url: '/vapor/signed-storage-url' } },
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload a file to raydocs storage',
				description:
					'Upload binary files through signed URLs and return their keys, for Session Document → Add by Key or Batch → Create',
			},
		],
		default: 'upload',
	},
	...fileUploadDescription,
	...fileGetUploadUrlDescription,
];
