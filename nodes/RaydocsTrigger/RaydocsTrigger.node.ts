import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IPollFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { searchTemplates } from '../Raydocs/listSearch/searchTemplates';
import { searchWorkspaces } from '../Raydocs/listSearch/searchWorkspaces';
import { extractionOutputFields, workspaceLocator } from '../Raydocs/shared/descriptions';
import { templateLocator, workflowLocator, workspaceForListsLocator } from '../Raydocs/shared/locators';
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
		// n8n shows one "Raydocs" entry for this trigger and the Raydocs node, with this description,
		// under both "What triggers this workflow?" and "What happens next?": it names both sides.
		description:
			'Extract structured data from documents with Raydocs, or start a workflow when an extraction or a Raydocs workflow run completes',
		defaults: { name: 'Raydocs Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
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
						description: 'A run of a Raydocs workflow completed',
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
				// n8n 2.x marks no required field of a node with an asterisk, and keeps Fetch Test Event
				// greyed out ("Complete required fields first") until they are filled: the hints say so.
				hint: 'Required: the session_id of each session to watch, separated by commas',
				description:
					'Raydocs has no endpoint that lists sessions, so they must be named; an expression giving a list works too. To have a test event, start a run on one of them with Extraction → Run.',
				displayOptions: { show: showForExtractions },
			},
			{ ...workspaceLocator(showForWorkflowRuns, 'The workspace of the workflow'), hint: 'Required' },
			workspaceForListsLocator(showForExtractions, 'templates', 'for Options → Only Template'),
			{
				...workflowLocator(
					showForWorkflowRuns,
					'The Raydocs workflow whose completed runs start this workflow: its UUID or its link from Raydocs',
				),
				hint: 'Required',
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
						...templateLocator(
							{ '/event': ['extractionCompleted'] },
							'Emit only runs of sessions that use this template. The list shows the templates of the workspace chosen above.',
						),
						displayName: 'Only Template',
						required: false,
					},
				],
			},
		],
	};

	methods = { listSearch: { searchTemplates, searchWorkspaces } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const items =
			event === 'workflowRunCompleted'
				? await pollWorkflowRunCompleted.call(this)
				: await pollExtractionCompleted.call(this);
		return items.length ? [items] : null;
	}
}
