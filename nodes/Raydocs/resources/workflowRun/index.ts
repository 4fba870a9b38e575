import type { INodeProperties } from 'n8n-workflow';

import { workspaceLocator } from '../../shared/descriptions';
import { EXAMPLE_UUID, validateUuidParameter, validateWorkspaceId } from '../../shared/ids';
import { LOCATOR_PATH_PARAMETERS, workflowLocator } from '../../shared/locators';
import { RAYDOCS_API } from '../../shared/endpoints';
import { routedRequest } from '../../shared/endpointRequests';
import { sendWorkflowRunsListRequest, workflowRunGetManyDescription } from './getAll';
import { workflowRunGetFileDescription } from './getFile';
import { workflowRunGetOutputDescription } from './getOutput';

const showOnlyForWorkflowRuns = { resource: ['workflowRun'] };

export const workflowRunDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForWorkflowRuns },
		options: [
			{
				name: 'Get File',
				value: 'getFile',
				action: 'Get runtime file of workflow run',
				description: 'Get a temporary link to the runtime file of a Raydocs workflow run',
				routing: { request: routedRequest(RAYDOCS_API.getWorkflowRunFile, LOCATOR_PATH_PARAMETERS) },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many workflow runs',
				description: 'List the runs of a Raydocs workflow, newest first, or those completed since a moment',
				routing: {
					request: routedRequest(RAYDOCS_API.listWorkflowRuns, LOCATOR_PATH_PARAMETERS),
					operations: { pagination: sendWorkflowRunsListRequest },
				},
			},
			{
				name: 'Get Output',
				value: 'getOutput',
				action: 'Get output of workflow run',
				description: 'Get the public JSON output of a Raydocs workflow run',
				routing: { request: routedRequest(RAYDOCS_API.getWorkflowRunOutput, LOCATOR_PATH_PARAMETERS) },
			},
		],
		default: 'getAll',
	},
	{
		...workspaceLocator(showOnlyForWorkflowRuns, 'The workspace that holds the workflow'),
		routing: { send: { preSend: [validateWorkspaceId] } },
	},
	{
		...workflowLocator(
			showOnlyForWorkflowRuns,
			"The Raydocs workflow: its UUID, or its link from Raydocs (Raydocs has no endpoint that lists workflows, so there is no list to pick from)",
		),
		routing: {
			send: {
				preSend: [
					validateUuidParameter(
						'workflowId',
						'workflow',
						`Copy the workflow's ID or link from Raydocs, e.g. ${EXAMPLE_UUID}.`,
					),
				],
			},
		},
	},
	...workflowRunGetManyDescription,
	...workflowRunGetOutputDescription,
	...workflowRunGetFileDescription,
];
