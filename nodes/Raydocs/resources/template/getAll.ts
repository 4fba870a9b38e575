import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, workspaceLocator } from '../../shared/descriptions';
import { validateWorkspaceId } from '../../shared/ids';
import { includeSchemaField } from './includeSchema';

const showOnlyForTemplateGetMany = { operation: ['getAll'], resource: ['template'] };

export const templateGetManyDescription: INodeProperties[] = [
	{
		...workspaceLocator(showOnlyForTemplateGetMany, 'The workspace whose templates to list'),
		routing: { send: { preSend: [validateWorkspaceId] } },
	},
	...returnAllAndLimit(showOnlyForTemplateGetMany),
	includeSchemaField(showOnlyForTemplateGetMany),
];
