import type { INodeProperties } from 'n8n-workflow';

import { sessionIdField } from '../../shared/idFields';
import { validateUuidListParameter } from '../../shared/ids';

const showOnlyForSessionDocumentAttach = { operation: ['attach'], resource: ['sessionDocument'] };

export const sessionDocumentAttachDescription: INodeProperties[] = [
	sessionIdField(showOnlyForSessionDocumentAttach, 'The session to attach the documents to'),
	{
		displayName: 'Document IDs',
		name: 'documentIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 880e8400-e29b-41d4-a716-446655440000',
		description:
			'Workspace document UUIDs, separated by commas (or an expression giving an array). They must belong to the session\'s workspace.',
		displayOptions: { show: showOnlyForSessionDocumentAttach },
		routing: {
			send: {
				type: 'body',
				property: 'document_ids',
				value: '={{ (Array.isArray($value) ? $value : String($value).split(/[\\s,]+/)).map(String).map((id) => id.trim()).filter((id) => id) }}',
				preSend: [validateUuidListParameter('documentIds', 'document')],
			},
		},
	},
];
