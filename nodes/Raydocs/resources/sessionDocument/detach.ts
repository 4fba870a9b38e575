import type { INodeProperties } from 'n8n-workflow';

import { sessionIdField } from '../../shared/idFields';
import { validateUuidParameter } from '../../shared/ids';

const showOnlyForSessionDocumentDetach = { operation: ['detach'], resource: ['sessionDocument'] };

export const sessionDocumentDetachDescription: INodeProperties[] = [
	sessionIdField(showOnlyForSessionDocumentDetach, 'The session to detach the document from'),
	{
		displayName: 'Document ID',
		name: 'documentId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 880e8400-e29b-41d4-a716-446655440000',
		description: 'The document to detach; it stays in the workspace',
		displayOptions: { show: showOnlyForSessionDocumentDetach },
		routing: { send: { preSend: [validateUuidParameter('documentId', 'document')] } },
	},
];
