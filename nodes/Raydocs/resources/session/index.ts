import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput } from '../../shared/descriptions';
import { sessionCreateDescription } from './create';
import { sessionDeleteDescription } from './delete';
import { sessionGetDescription } from './get';
import { sessionUpdateDescription } from './update';

const showOnlyForSessions = { resource: ['session'] };

const sessionUrl = '=/extractions/sessions/{{ String($parameter.sessionId).trim() }}';

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
				description: 'Open an extraction session for a template (POST /extractions/sessions)',
				routing: { request: { method: 'POST', url: '/extractions/sessions' } },
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a session',
				description: 'Delete a session and its results (DELETE /extractions/sessions/{ID})',
				routing: {
					request: { method: 'DELETE', url: sessionUrl },
					...deletedOutput,
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a session',
				description:
					'Get a session with its documents and results (GET /extractions/sessions/{ID})',
				routing: { request: { method: 'GET', url: sessionUrl } },
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a session',
				description: 'Rename a session (PUT /extractions/sessions/{ID})',
				routing: { request: { method: 'PUT', url: sessionUrl } },
			},
		],
		default: 'create',
	},
	...sessionCreateDescription,
	...sessionGetDescription,
	...sessionUpdateDescription,
	...sessionDeleteDescription,
];
