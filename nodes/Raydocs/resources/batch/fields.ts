import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { validateUuidListParameter } from '../../shared/ids';

type ShowFor = NonNullable<IDisplayOptions['show']>;

export const SPLIT_LIST_VALUE =
	'={{ (Array.isArray($value) ? $value : String($value).split(/[\\s,]+/)).map(String).map((entry) => entry.trim()).filter((entry) => entry) }}';

export function sessionIdsField(showFor: ShowFor, description: string): INodeProperties {
	return {
		displayName: 'Session IDs',
		name: 'sessionIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 770e8400-e29b-41d4-a716-446655440001, 770e8400-e29b-41d4-a716-446655440002',
		description: `${description}, separated by commas (or an expression giving an array)`,
		displayOptions: { show: showFor },
		routing: {
			send: {
				type: 'body',
				property: 'session_ids',
				value: SPLIT_LIST_VALUE,
				preSend: [validateUuidListParameter('sessionIds', 'session')],
			},
		},
	};
}
