import type { INodeProperties } from 'n8n-workflow';

import { sessionIdField } from '../../shared/idFields';

const showOnlyForSessionDelete = { operation: ['delete'], resource: ['session'] };

export const sessionDeleteDescription: INodeProperties[] = [
	sessionIdField(
		showOnlyForSessionDelete,
		'The session to delete. Its results are deleted too; its documents stay in the workspace.',
	),
];
