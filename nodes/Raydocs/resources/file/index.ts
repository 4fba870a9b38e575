import type { INodeProperties } from 'n8n-workflow';

import { RAYDOCS_API } from '../../shared/endpoints';
import { routedRequest } from '../../shared/endpointRequests';
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
				action: 'Get signed upload URL',
				description: 'Get a signed URL to put a file into Raydocs storage yourself, with its upload key',
				routing: { request: routedRequest(RAYDOCS_API.createSignedUploadUrl) },
			},
			{
				name: 'Upload',
				value: 'upload',
				// Sentence case is n8n's rule for actions (its community-package checks enforce it).
				action: 'Upload file to storage',
				description: 'Upload the files of each input item to Raydocs storage; returns their upload keys',
			},
		],
		default: 'upload',
	},
	...fileUploadDescription,
	...fileGetUploadUrlDescription,
];
