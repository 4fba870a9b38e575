import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { SPLIT_LIST_VALUE } from './descriptions';
import { EXAMPLE_UUID, validateIntegerParameter, validateUuidListParameter, validateUuidParameter } from './ids';

type ShowFor = NonNullable<IDisplayOptions['show']>;

/** A required text field for IDs, shown where `showFor` says. */
function requiredIdText(
	field: { displayName: string; name: string; placeholder: string },
	showFor: ShowFor,
	description: string,
): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		default: '',
		required: true,
		placeholder: field.placeholder,
		description,
		displayOptions: { show: showFor },
	};
}

/**
 * An ID typed or mapped by the user (sessions, results and runs have no list to pick from; members
 * and invites are listed by Get Many), checked before it goes into a URL.
 */
function idField(
	field: { displayName: string; name: string; label: string; kind: 'uuid' | 'wholeNumber'; fix?: string; example?: number },
	showFor: ShowFor,
	description: string,
): INodeProperties {
	const uuid = field.kind === 'uuid';
	const validate = uuid ? validateUuidParameter : validateIntegerParameter;
	return {
		...requiredIdText({ ...field, placeholder: `e.g. ${uuid ? EXAMPLE_UUID : field.example}` }, showFor, description),
		routing: { send: { preSend: [validate(field.name, field.label, field.fix)] } },
	};
}

export function resultIdField(showFor: ShowFor, description: string): INodeProperties {
	return idField(
		{
			kind: 'uuid',
			displayName: 'Result ID',
			name: 'resultId',
			label: 'result',
			fix: `Use the "result_id" (or "id") of an extraction result, e.g. ${EXAMPLE_UUID}.`,
		},
		showFor,
		description,
	);
}

/** Raydocs has no endpoint that lists sessions, so a session is given by its ID. */
export function sessionIdField(showFor: ShowFor, description: string): INodeProperties {
	return idField(
		{
			kind: 'uuid',
			displayName: 'Session ID',
			name: 'sessionId',
			label: 'session',
			fix: `Use the "id" that Session → Create returned, e.g. ${EXAMPLE_UUID}.`,
		},
		showFor,
		description,
	);
}

export function workflowRunIdField(showFor: ShowFor, description: string): INodeProperties {
	return idField(
		{
			kind: 'uuid',
			displayName: 'Run ID',
			name: 'runId',
			label: 'workflow run',
			fix: `Use the "id" of a run from Workflow Run → Get Many, e.g. ${EXAMPLE_UUID}.`,
		},
		showFor,
		description,
	);
}

export function inviteIdField(showFor: ShowFor, description: string): INodeProperties {
	return idField(
		{ displayName: 'Invite ID', name: 'inviteId', label: 'invite', kind: 'wholeNumber', example: 5 },
		showFor,
		description,
	);
}

export function workspaceMemberIdField(showFor: ShowFor, description: string): INodeProperties {
	return idField(
		{ displayName: 'User ID', name: 'userId', label: 'workspace member', kind: 'wholeNumber', example: 42 },
		showFor,
		description,
	);
}

/**
 * UUIDs typed (separated by commas) or mapped as an array. With `bodyProperty` the routed request
 * sends them there as an array, checked first; code operations read the parameter themselves.
 */
export function uuidListField(
	field: { displayName: string; name: string; label: string; placeholder: string; bodyProperty?: string },
	showFor: ShowFor,
	description: string,
	note = '',
): INodeProperties {
	return {
		...requiredIdText(field, showFor, `${description}, separated by commas (or an expression giving an array)${note}`),
		...(field.bodyProperty
			? {
					routing: {
						send: {
							type: 'body' as const,
							property: field.bodyProperty,
							value: SPLIT_LIST_VALUE,
							preSend: [validateUuidListParameter(field.name, field.label)],
						},
					},
				}
			: {}),
	};
}

/** Workspace documents by UUID (Extract Document v1, Session Document → Attach). */
export function documentIdsField(showFor: ShowFor, note = '', bodyProperty?: string): INodeProperties {
	return uuidListField(
		{
			displayName: 'Document IDs',
			name: 'documentIds',
			label: 'document',
			placeholder: 'e.g. 880e8400-e29b-41d4-a716-446655440000',
			bodyProperty,
		},
		showFor,
		'Workspace document UUIDs',
		note,
	);
}
