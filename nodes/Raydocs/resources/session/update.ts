import type { INodeProperties } from 'n8n-workflow';

import { requireUpdateFields } from '../../shared/validation';
import { sessionIdField } from '../../shared/idFields';

const showOnlyForSessionUpdate = { operation: ['update'], resource: ['session'] };

export const sessionUpdateDescription: INodeProperties[] = [
	sessionIdField(showOnlyForSessionUpdate, 'The session to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForSessionUpdate },
		routing: { send: { preSend: [requireUpdateFields] } },
		options: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'New name of the session',
				routing: { send: { type: 'body', property: 'name' } },
			},
		],
	},
];
