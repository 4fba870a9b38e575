import type { INodeProperties } from 'n8n-workflow';

import { documentIdsField, sessionIdField } from '../../shared/idFields';

const showOnlyForSessionDocumentAttach = { operation: ['attach'], resource: ['sessionDocument'] };

export const sessionDocumentAttachDescription: INodeProperties[] = [
	sessionIdField(showOnlyForSessionDocumentAttach, 'The session to attach the documents to'),
	documentIdsField(
		showOnlyForSessionDocumentAttach,
		". They must belong to the session's workspace.",
		'document_ids',
	),
];
