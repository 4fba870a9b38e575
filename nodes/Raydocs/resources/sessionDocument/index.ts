import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput } from '../../shared/descriptions';
import { splitListResponse } from '../../shared/listResponse';
import { sendRoutedListRequest } from '../../shared/transport';
import { sessionDocumentAddByKeyDescription } from './addByKey';
import { sessionDocumentAttachDescription } from './attach';
import { sessionDocumentDetachDescription } from './detach';
import { sessionDocumentGetManyDescription } from './getAll';
import { executeSessionDocumentUpload, sessionDocumentUploadDescription } from './upload';

const showOnlyForSessionDocuments = { resource: ['sessionDocument'] };

const sessionDocumentsUrl = '=/extractions/sessions/{{ String($parameter.sessionId).trim() }}/documents';

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
					'Register files already uploaded to Raydocs storage with a session (POST /extractions/sessions/{ID}/documents/upload, or the legacy POST /extractions/sessions/{ID}/documents)',
				routing: {
					request: {
						method: 'POST',
						url: `${sessionDocumentsUrl}{{ $parameter.uploadMode === "legacy" ? "" : "/upload" }}`,
					},
					output: { postReceive: [splitListResponse] },
				},
			},
			{
				name: 'Attach',
				value: 'attach',
				action: 'Attach workspace documents to a session',
				description:
					'Attach documents already in the workspace (POST /extractions/sessions/{ID}/documents/attach)',
				routing: {
					request: { method: 'POST', url: `${sessionDocumentsUrl}/attach` },
					output: { postReceive: [splitListResponse] },
				},
			},
			{
				name: 'Detach',
				value: 'detach',
				action: 'Detach a document from a session',
				description:
					'Remove a document from a session, keeping it in the workspace (DELETE /extractions/sessions/{ID}/documents/{documentId})',
				routing: {
					request: {
						method: 'DELETE',
						url: `${sessionDocumentsUrl}/{{ String($parameter.documentId).trim() }}`,
					},
					...deletedOutput,
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many documents of a session',
				description: 'List the documents of a session (GET /extractions/sessions/{ID}/documents)',
				routing: {
					request: { method: 'GET', url: sessionDocumentsUrl },
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload files to a session',
				description:
					'Upload binary files and add them to a session under their own names (signed URL, then POST /extractions/sessions/{ID}/documents per file)',
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
