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
				action: 'Add uploaded files to a session by key',
				description:
					'Add files already uploaded to Raydocs storage to a session. Needs the session UUID and the upload keys from File Upload → Upload; returns the added documents.',
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
				action: 'Attach workspace documents to a session',
				description:
					'Add documents already stored in the workspace to a session. Needs the session UUID and the workspace document UUIDs (from Workspace Document → Get Many); returns the attached documents.',
				routing: {
					request: routedRequest(RAYDOCS_API.attachSessionDocuments),
					output: { postReceive: [splitListResponse] },
				},
			},
			{
				name: 'Detach',
				value: 'detach',
				action: 'Detach a document from a session',
				description:
					'Remove a document from a session; it stays in the workspace. Needs the session UUID and the document UUID; returns deleted: true.',
				routing: {
					request: routedRequest(RAYDOCS_API.detachSessionDocument),
					...deletedOutput,
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many documents of a session',
				description:
					'List the documents of an extraction session. Needs the session UUID (session_id from Extract Document, or the ID from Session → Create).',
				routing: {
					request: routedRequest(RAYDOCS_API.listSessionDocuments),
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload files to a session',
				description:
					'Upload the files of each input item and add them to a session, each under its own file name. Needs the session UUID and the binary fields holding the files; returns the added documents.',
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
