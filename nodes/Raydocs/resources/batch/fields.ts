import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { uuidListField } from '../../shared/idFields';

type ShowFor = NonNullable<IDisplayOptions['show']>;

export function sessionIdsField(showFor: ShowFor, description: string): INodeProperties {
	return uuidListField(
		{
			displayName: 'Session IDs',
			name: 'sessionIds',
			label: 'session',
			placeholder: 'e.g. 770e8400-e29b-41d4-a716-446655440001, 770e8400-e29b-41d4-a716-446655440002',
			bodyProperty: 'session_ids',
		},
		showFor,
		description,
	);
}
