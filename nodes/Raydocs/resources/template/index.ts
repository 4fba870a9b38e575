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
				action: 'Create a template',
				description:
					'Create an extraction template in a workspace. Needs the workspace, a name and the schema JSON (groups of fields with their types and prompts); returns the template with its ID.',
				routing: { request: routedRequest(RAYDOCS_API.createTemplate) },
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a template',
				description:
					'Delete a template with all its sessions and results. Needs the template (pick it or give its UUID); returns deleted: true.',
				routing: {
					request: routedRequest(RAYDOCS_API.deleteTemplate, LOCATOR_PATH_PARAMETERS),
					...deletedOutput,
				},
			},
			{
				name: 'Duplicate',
				value: 'duplicate',
				action: 'Duplicate a template',
				description:
					'Copy a template. Needs the template (pick it or give its UUID); returns the copy with its new ID.',
				routing: { request: routedRequest(RAYDOCS_API.duplicateTemplate, LOCATOR_PATH_PARAMETERS) },
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a template',
				description:
					'Get a template with its schema and settings. Needs the template (pick it or give its UUID).',
				routing: { request: routedRequest(RAYDOCS_API.getTemplate, LOCATOR_PATH_PARAMETERS) },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many templates',
				description:
					'List the extraction templates of a workspace with their schemas. Needs the workspace (pick it or give its number).',
				routing: {
					request: routedRequest(RAYDOCS_API.listTemplates),
					operations: { pagination: sendRoutedListRequest },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a template',
				description:
					'Change the name, description, schema or settings of a template. Needs the template (pick it or give its UUID) and at least one field to change; returns the updated template.',
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
