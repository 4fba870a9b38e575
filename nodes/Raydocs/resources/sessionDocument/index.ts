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
					'Add files already uploaded to Raydocs storage to a session. Needs the session UUID and the upload keys from File Upload → Upload; returns the added documents.',
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
					'Add documents already stored in the workspace to a session. Needs the session UUID and the workspace document UUIDs (from Workspace Document → Get Many); returns the attached documents.',
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
					'Remove a document from a session; it stays in the workspace. Needs the session UUID and the document UUID; returns deleted: true.',
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
				description:
					'List the documents of an extraction session. Needs the session UUID (session_id from Extract Document, or the ID from Session → Create).',
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
