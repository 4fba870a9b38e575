import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput } from '../../shared/descriptions';
import { splitListResponse } from '../../shared/listResponse';
import { RAYDOCS_API } from '../../shared/endpoints';
import { routedRequest, routedRequestEither } from '../../shared/endpointRequests';
import { sendRoutedListRequest } from '../../shared/transport';
import { sessionDocumentAddByKeyDescription } from './addByKey';
import { sessionDocumentAttachDescription } from './attach';
import { sessionDocumentDetachDescription } from './detach';
import { sessionDocumentGetManyDescription } from './getAll';
import { executeSessionDocumentUpload, sessionDocumentUploadDescription } from './upload';

const showOnlyForSessionDocuments = { resource: ['sessionDocument'] };

export const sessionDocumentOperations = { upload: executeSessionDocumentUpload };

export const sessionDocumentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForSessionDocuments },
		options: [
			{
				name: 'Add by Upload Key',
				value: 'addByKey',
				action: 'Add uploaded files to session by key',
				description: 'Add files already in Raydocs storage to a session, by their upload keys',
				routing: {
					// Upload Mode picks the endpoint: several keys, or (legacy) one key with its file name.
					request: routedRequestEither(
						'$parameter.uploadMode !== "legacy"',
						RAYDOCS_API.addSessionDocumentsByKeys,
						RAYDOCS_API.addSessionDocument,
					),
					output: { postReceive: [splitListResponse] },
				},
			},
			{
				name: 'Attach',
				value: 'attach',
				action: 'Attach workspace documents to session',
				description: 'Add documents already stored in the workspace to a session, by their IDs',
				routing: {
					request: routedRequest(RAYDOCS_API.attachSessionDocuments),
					output: { postReceive: [splitListResponse] },
				},
			},
			{
				name: 'Detach',
				value: 'detach',
				action: 'Detach document from session',
				description: 'Remove a document from a session; it stays in the workspace',
				routing: {
					request: routedRequest(RAYDOCS_API.detachSessionDocument),
					...deletedOutput,
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many session documents',
				description: 'List the documents of an extraction session, by session ID',
				routing: {
					request: routedRequest(RAYDOCS_API.listSessionDocuments),
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload files to session',
				description: 'Upload the files of each input item and add them to a session, each under its name',
			},
		],
		default: 'upload',
	},
	...sessionDocumentUploadDescription,
	...sessionDocumentAddByKeyDescription,
	...sessionDocumentAttachDescription,
	...sessionDocumentDetachDescription,
	...sessionDocumentGetManyDescription,
];
