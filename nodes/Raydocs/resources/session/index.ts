import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput } from '../../shared/descriptions';
import { RAYDOCS_API } from '../../shared/endpoints';
import { routedRequest } from '../../shared/endpointRequests';
import { sessionCreateDescription } from './create';
import { sessionDeleteDescription } from './delete';
import { sessionGetDescription } from './get';
import { sessionUpdateDescription } from './update';

const showOnlyForSessions = { resource: ['session'] };

export const sessionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForSessions },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a session',
				description:
					'Open an extraction session: one template applied to a set of documents. Needs the template (pick it or give its UUID); returns the session with its ID.',
				routing: { request: routedRequest(RAYDOCS_API.createSession) },
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a session',
				description:
					'Delete an extraction session and its results. Needs the session UUID (session_id from Extract Document, or the ID from Session → Create); returns deleted: true.',
				routing: {
					request: routedRequest(RAYDOCS_API.deleteSession),
					...deletedOutput,
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a session',
				description:
					'Get an extraction session with its documents and results. Needs the session UUID (session_id from Extract Document, or the ID from Session → Create).',
				routing: { request: routedRequest(RAYDOCS_API.getSession) },
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a session',
				description:
					'Rename an extraction session. Needs the session UUID and the new name; returns the updated session.',
				routing: { request: routedRequest(RAYDOCS_API.updateSession) },
			},
		],
		default: 'create',
	},
	...sessionCreateDescription,
	...sessionGetDescription,
	...sessionUpdateDescription,
	...sessionDeleteDescription,
];
