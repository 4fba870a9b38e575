import type {
	DeclarativeRestApiSettings,
	IDisplayOptions,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { WHOLE_NUMBER_PATTERN } from './ids';

type ShowFor = NonNullable<IDisplayOptions['show']>;

/** Return All + Limit for a Get Many operation; the list transport reads both. */
export function returnAllAndLimit(showFor: ShowFor): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show: showFor },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...showFor, returnAll: [false] } },
			routing: { output: { maxResults: '={{$value}}' } },
		},
	];
}

/** How many items a Get Many asked for: all of them (Infinity) or Limit. */
export function requestedItemCount(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): number {
	if (context.getNodeParameter('returnAll', false) as boolean) return Number.POSITIVE_INFINITY;
	return Number(requestData.maxResults ?? context.getNodeParameter('limit', 50));
}


export function workspaceLocator(showFor: ShowFor, description?: string): INodeProperties {
	return {
		displayName: 'Workspace',
		name: 'workspaceId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: description ?? 'The Raydocs workspace',
		displayOptions: { show: showFor },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a workspace...',
				typeOptions: { searchListMethod: 'searchWorkspaces', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: WHOLE_NUMBER_PATTERN,
							errorMessage: 'A workspace ID is a whole number, e.g. 12',
						},
					},
				],
			},
		],
	};
}

/** postReceive of deletes: they answer 204 with no body; n8n's convention is one `{ deleted: true }` item. */
export async function markDeleted(): Promise<INodeExecutionData[]> {
	return [{ json: { deleted: true } }];
}

export const deletedOutput: INodeProperties['routing'] = { output: { postReceive: [markDeleted] } };

/**
 * Simplify + Field Layout for operations that return extraction results, and Values Only where
 * the output is the result alone (the trigger and Extract Many add session ids and file names to
 * each item, so they leave it out).
 */
export function extractionOutputFields(showFor: ShowFor, withValuesOnly = true): INodeProperties[] {
	const valuesOnly: INodeProperties = {
		displayName: 'Values Only',
		name: 'valuesOnly',
		type: 'boolean',
		default: false,
		description:
			'Whether to output just the status and the extracted values (and the reason of a failure), without IDs, title, dates and file names: a compact answer, e.g. for an AI agent',
		displayOptions: { show: { ...showFor, simplify: [true] } },
	};
	return [
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description: 'Whether to return IDs, status, title and the extracted values only, instead of the raw result with its audit trail (reasoning and sources)',
			displayOptions: { show: showFor },
		},
		{
			displayName: 'Field Layout',
			name: 'fieldLayout',
			type: 'options',
			default: 'flat',
			description: 'How extracted values are laid out in the simplified output',
			displayOptions: { show: { ...showFor, simplify: [true] } },
			options: [
				{
					name: 'Flat (One Column per Field)',
					value: 'flat',
					description: 'One key per field named group.field, e.g. "invoice_details.total_amount": ideal for sheets',
				},
				{
					name: 'Nested (Group → Field)',
					value: 'nested',
					description: 'One object per template group, e.g. invoice_details.total_amount',
				},
			],
		},
		...(withValuesOnly ? [valuesOnly] : []),
	];
}

/** Where a downloaded or exported file goes in the output item. */
export function binaryOutputField(showFor: ShowFor): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show: showFor },
	};
}

/** A list parameter sent as an array: an array as it is, text split at commas and spaces, blanks dropped. */
export const SPLIT_LIST_VALUE =
	'={{ (Array.isArray($value) ? $value : String($value).split(/[\\s,]+/)).map(String).map((entry) => entry.trim()).filter((entry) => entry) }}';

/** The storage key of a file uploaded before (File Upload → Upload gives it as `key`). */
export function uploadKeyField(showFor: ShowFor): INodeProperties {
	return {
		displayName: 'Upload Key',
		name: 'key',
		type: 'string',
		default: '={{ $json.key }}',
		required: true,
		placeholder: 'e.g. tmp/abc123-def456',
		displayOptions: { show: showFor },
	};
}

/** Which binary fields of each input item hold the files. */
export function binaryInputFields(showFor: ShowFor): INodeProperties[] {
	return [
		{
			displayName: 'All Binary Fields',
			name: 'allBinaries',
			type: 'boolean',
			default: false,
			description: 'Whether to upload every file of the item (e.g. all email attachments)',
			displayOptions: { show: showFor },
		},
		{
			displayName: 'Input Binary Fields',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			placeholder: 'e.g. data, attachment_0',
			// One line of help, under the field (as n8n's own file nodes do), not repeated in a tooltip.
			hint: 'The name of the input binary field(s) holding the file(s), separated by commas',
			displayOptions: { show: { ...showFor, allBinaries: [false] } },
		},
	];
}

/** Status checks, timeout and what to do on timeout or failure, for operations that wait. */
export function waitOptions(showFor: ShowFor, extra: INodeProperties[] = []): INodeProperties[] {
	return [
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show: showFor },
			options: [
				...extra,
				{
					displayName: 'On Failed Extraction',
					name: 'onFailure',
					type: 'options',
					default: 'error',
					options: [
						{
							name: 'Raise an Error',
							value: 'error',
							description: 'The item fails (or becomes an error item with Continue On Fail)',
						},
						{
							name: 'Output the Failed Result',
							value: 'output',
							description: 'The item carries status "failed" and the reason Raydocs gave',
						},
					],
				},
				{
					displayName: 'On Timeout',
					name: 'onTimeout',
					type: 'options',
					default: 'error',
					options: [
						{
							name: 'Raise an Error',
							value: 'error',
							description: 'The message carries the session and result IDs to resume with',
						},
						{
							name: 'Output a Pending Item',
							value: 'pending',
							description:
								'Outputs status "pending" with session_id and result_id; resume later with Extraction → Wait for Result',
						},
					],
				},
				{
					displayName: 'Check Interval (Seconds)',
					name: 'checkInterval',
					type: 'number',
					typeOptions: { minValue: 0.1 },
					default: 5,
					description:
						'How often to check the status. After 24 checks each pause is 50% longer than the one before, up to 6 intervals. Many extractions are checked in turn rather than all every time.',
				},
				{
					displayName: 'Timeout (Seconds)',
					name: 'timeout',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 300,
					description: 'How long to wait for Raydocs to finish before giving up',
				},
			],
		},
	];
}
