import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { validateUuidParameter } from './idValidation';

type ShowFor = NonNullable<IDisplayOptions['show']>;

export function resultIdField(showFor: ShowFor, description: string): INodeProperties {
	return {
		displayName: 'Result ID',
		name: 'resultId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 990e8400-e29b-41d4-a716-446655440000',
		description,
		displayOptions: { show: showFor },
		routing: { send: { preSend: [validateUuidParameter('resultId', 'result')] } },
	};
}

export function sessionIdField(showFor: ShowFor, description: string): INodeProperties {
	return {
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 770e8400-e29b-41d4-a716-446655440000',
		description,
		displayOptions: { show: showFor },
		routing: { send: { preSend: [validateUuidParameter('sessionId', 'session')] } },
	};
}
