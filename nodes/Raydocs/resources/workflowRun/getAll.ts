import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { sendCursorPaginatedRequest } from '../../shared/cursorPagination';
import { returnAllAndLimit } from '../../shared/descriptions';
import { sendRoutedListRequest } from '../../shared/transport';
import { sendCreatedAfter } from './createdAfter';

const showOnlyForWorkflowRunGetMany = { operation: ['getAll'], resource: ['workflowRun'] };
const showOnlyForCursorSync = { ...showOnlyForWorkflowRunGetMany, mode: ['cursor'] };

/** Page mode follows page numbers; cursor sync follows `meta.next_cursor`. */
export async function sendWorkflowRunsListRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const mode = this.getNodeParameter('mode', 'page') as string;
	return mode === 'cursor'
		? await sendCursorPaginatedRequest.call(this, requestData)
		: await sendRoutedListRequest.call(this, requestData);
}

export const workflowRunGetManyDescription: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		default: 'page',
		displayOptions: { show: showOnlyForWorkflowRunGetMany },
		options: [
			{
				name: 'All Runs (Newest First)',
				value: 'page',
				description: 'Every run of the workflow, newest first',
			},
			{
				name: 'Completed Since (Cursor Sync)',
				value: 'cursor',
				description:
					'Completed runs after a point in time, oldest first, with a cursor to continue from next time. Needs an admin token with workflows-read.',
				routing: { request: { qs: { pagination: 'cursor', status: 'completed' } } },
			},
		],
	},
	{
		displayName: 'Created After',
		name: 'createdAfter',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'Only runs after this moment (exclusive; sent as created_after). To continue a sync, use the server_time of the previous one.',
		displayOptions: { show: showOnlyForCursorSync },
		routing: { send: { preSend: [sendCreatedAfter] } },
	},
	...returnAllAndLimit(showOnlyForWorkflowRunGetMany),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForCursorSync },
		options: [
			{
				displayName: 'Cursor',
				name: 'cursor',
				type: 'string',
				default: '',
				placeholder: 'e.g. eyJjb21wbGV0ZWRfYXQiOi...',
				description:
					'Continue after this next_cursor from a previous sync; every output item carries the next one',
				routing: { send: { type: 'query', property: 'cursor', value: '={{ String($value).trim() }}' } },
			},
		],
	},
	{
		displayName:
			'Each run comes with next_cursor, has_more and server_time: store next_cursor (or server_time) to continue from there next time.',
		name: 'cursorSyncNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showOnlyForCursorSync },
	},
];
