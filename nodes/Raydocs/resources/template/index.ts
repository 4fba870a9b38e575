import type { INodeProperties } from 'n8n-workflow';

import { deletedOutput } from '../../shared/descriptions';
import { sendRoutedListRequest } from '../../shared/transport';
import { templateCreateDescription } from './create';
import { templateDeleteDescription } from './delete';
import { templateDuplicateDescription } from './duplicate';
import { templateGetDescription } from './get';
import { templateGetManyDescription } from './getAll';
import { templateUpdateDescription } from './update';
import { RAYDOCS_API } from '../../shared/endpoints';
import { routedRequest } from '../../shared/endpointRequests';
import { LOCATOR_PATH_PARAMETERS } from '../../shared/locators';

const showOnlyForTemplates = { resource: ['template'] };

export const templateDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForTemplates },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create template',
				description: 'Create an extraction template in a workspace from a name and schema JSON',
				routing: { request: routedRequest(RAYDOCS_API.createTemplate) },
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete template',
				description: 'Delete a template with all its sessions and results',
				routing: {
					request: routedRequest(RAYDOCS_API.deleteTemplate, LOCATOR_PATH_PARAMETERS),
					...deletedOutput,
				},
			},
			{
				name: 'Duplicate',
				value: 'duplicate',
				action: 'Duplicate template',
				description: 'Copy a template; returns the copy with its new ID',
				routing: { request: routedRequest(RAYDOCS_API.duplicateTemplate, LOCATOR_PATH_PARAMETERS) },
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get template',
				description: 'Get a template with its schema and settings',
				routing: { request: routedRequest(RAYDOCS_API.getTemplate, LOCATOR_PATH_PARAMETERS) },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many templates',
				description: 'List the extraction templates of a workspace with their schemas',
				routing: {
					request: routedRequest(RAYDOCS_API.listTemplates),
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update template',
				description: 'Change the name, description, schema or settings of a template',
				routing: { request: routedRequest(RAYDOCS_API.updateTemplate, LOCATOR_PATH_PARAMETERS) },
			},
		],
		default: 'getAll',
	},
	...templateGetManyDescription,
	...templateCreateDescription,
	...templateGetDescription,
	...templateUpdateDescription,
	...templateDeleteDescription,
	...templateDuplicateDescription,
];
