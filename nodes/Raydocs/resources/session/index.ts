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
				action: 'Create session',
				description: 'Open an extraction session for a template; returns the session with its ID',
				routing: { request: routedRequest(RAYDOCS_API.createSession) },
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete session',
				description: 'Delete an extraction session and its results, by session ID',
				routing: {
					request: routedRequest(RAYDOCS_API.deleteSession),
					...deletedOutput,
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get session',
				description: 'Get an extraction session with its documents and results, by session ID',
				routing: { request: routedRequest(RAYDOCS_API.getSession) },
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update session',
				description: 'Rename an extraction session; returns the updated session',
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
