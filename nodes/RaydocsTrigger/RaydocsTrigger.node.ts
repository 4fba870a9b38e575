import type {
	IPollFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { searchWorkspaces } from '../Raydocs/listSearch/searchWorkspaces';
import { extractionOutputFields, workspaceLocator } from '../Raydocs/shared/descriptions';
import { MAIN_CONNECTION } from '../Raydocs/shared/olderN8n';
import { pollExtractionCompleted } from './pollExtractionCompleted';
import { pollWorkflowRunCompleted } from './pollWorkflowRunCompleted';

const showForExtractions = { event: ['extractionCompleted'] };
const showForWorkflowRuns = { event: ['workflowRunCompleted'] };

export class RaydocsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Raydocs Trigger',
		name: 'raydocsTrigger',
		icon: { light: 'file:../../icons/raydocs.svg', dark: 'file:../../icons/raydocs.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] === "workflowRunCompleted" ? "Workflow run completed" : "Extraction completed" }}',
		description: 'Starts the workflow when Raydocs finishes an extraction or a workflow run',
		defaults: { name: 'Raydocs Trigger' },
		polling: true,
		inputs: [],
		outputs: [MAIN_CONNECTION],
		credentials: [{ name: 'raydocsApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'extractionCompleted',
				options: [
					{
						name: 'Extraction Completed',
						value: 'extractionCompleted',
						description: 'An extraction run in one of the watched sessions completed (or failed, if chosen)',
					},
					{
						name: 'Workflow Run Completed',
						value: 'workflowRunCompleted',
						description: 'A run of a Raydocs workflow completed (the documented cursor sync API)',
					},
				],
			},
			{
				displayName: 'Session IDs',
				name: 'sessionIds',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. 770e8400-e29b-41d4-a716-446655440000, 770e8400-e29b-41d4-a716-446655440001',
				description:
					'Sessions to watch, separated by commas, or an expression giving a list. Raydocs has no endpoint that lists sessions, so they must be named.',
				displayOptions: { show: showForExtractions },
			},
			workspaceLocator(showForWorkflowRuns, 'The workspace of the workflow'),
			{
				displayName: 'Workflow ID',
				name: 'workflowId',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. 9a0e8400-e29b-41d4-a716-446655440000',
				description: 'The Raydocs workflow whose completed runs start this workflow',
				displayOptions: { show: showForWorkflowRuns },
			},
			...extractionOutputFields(showForExtractions, false),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Emit Existing on First Poll',
						name: 'emitBacklog',
						type: 'boolean',
						default: false,
						description:
							'Whether the first poll after activation emits what finished before it (once); by default only what finishes afterwards is emitted',
					},
					{
						displayName: 'Include Documents',
						name: 'includeDocuments',
						type: 'boolean',
						default: false,
						description: "Whether to add the session's documents (file names, sizes, statuses) to each item",
						displayOptions: { show: { '/event': ['extractionCompleted'] } },
					},
					{
						displayName: 'Include Failed Extractions',
						name: 'includeFailed',
						type: 'boolean',
						default: false,
						description: 'Whether failed runs start the workflow too, with status "failed" and the reason',
						displayOptions: { show: { '/event': ['extractionCompleted'] } },
					},
					{
						displayName: 'Include Run Output',
						name: 'includeOutput',
						type: 'boolean',
						default: true,
						description: "Whether to fetch each run's public output (one more request per new run)",
						displayOptions: { show: { '/event': ['workflowRunCompleted'] } },
					},
					{
						displayName: 'Only Template ID',
						name: 'templateId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 550e8400-e29b-41d4-a716-446655440000',
						description: 'Emit only runs of sessions that use this template',
						displayOptions: { show: { '/event': ['extractionCompleted'] } },
					},
				],
			},
		],
	};

	methods = {
		listSearch: { searchWorkspaces },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const items =
			event === 'workflowRunCompleted'
				? await pollWorkflowRunCompleted.call(this)
				: await pollExtractionCompleted.call(this);
		return items.length ? [items] : null;
	}
}
