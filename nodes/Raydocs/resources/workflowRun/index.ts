import type { INodeProperties } from 'n8n-workflow';

import { workspaceLocator } from '../../shared/descriptions';
import { EXAMPLE_UUID, validateUuidParameter } from '../../shared/ids';
import { validateWorkspaceId } from '../../shared/ids';
import { sendWorkflowRunsListRequest, workflowRunGetManyDescription } from './getAll';
import { workflowRunGetFileDescription } from './getFile';
import { workflowRunGetOutputDescription } from './getOutput';

const showOnlyForWorkflowRuns = { resource: ['workflowRun'] };

const runsUrl =
	'=/workspaces/{{ String($parameter.workspaceId).trim() }}/workflows/{{ String($parameter.workflowId).trim() }}/runs';
const runUrl = `${runsUrl}/{{ String($parameter.runId).trim() }}`;

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
				action: 'Get the runtime file of a workflow run',
				description:
					'Get the temporary runtime file of a run (GET /workspaces/{ID}/workflows/{workflowID}/runs/{runID}/file)',
				routing: { request: { method: 'GET', url: `${runUrl}/file` } },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many workflow runs',
				description:
					'List the runs of a workflow, or sync completed runs with a cursor (GET /workspaces/{ID}/workflows/{workflowID}/runs)',
				routing: {
					request: { method: 'GET', url: runsUrl },
					operations: { pagination: sendWorkflowRunsListRequest },
				},
			},
			{
				name: 'Get Output',
				value: 'getOutput',
				action: 'Get the output of a workflow run',
				description:
					'Get the public JSON output of a run (GET /workspaces/{ID}/workflows/{workflowID}/runs/{runID}/output)',
				routing: { request: { method: 'GET', url: `${runUrl}/output` } },
			},
		],
		default: 'getAll',
	},
	{
		...workspaceLocator(showOnlyForWorkflowRuns, 'The workspace that holds the workflow'),
		routing: { send: { preSend: [validateWorkspaceId] } },
	},
	{
		displayName: 'Workflow ID',
		name: 'workflowId',
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${EXAMPLE_UUID}`,
		description: 'ID of the Raydocs workflow (a UUID, shown in the workflow URL in Raydocs)',
		displayOptions: { show: showOnlyForWorkflowRuns },
		routing: {
			send: {
				preSend: [
					validateUuidParameter(
						'workflowId',
						'workflow',
						`Copy the workflow's ID from Raydocs, e.g. ${EXAMPLE_UUID}.`,
					),
				],
			},
		},
	},
	...workflowRunGetManyDescription,
	...workflowRunGetOutputDescription,
	...workflowRunGetFileDescription,
];
