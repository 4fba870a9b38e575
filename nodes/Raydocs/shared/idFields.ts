import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { EXAMPLE_UUID, validateIntegerParameter, validateUuidParameter } from './ids';

type ShowFor = NonNullable<IDisplayOptions['show']>;

/** A UUID typed or mapped by the user, checked before it goes into a URL. */
function uuidField(
	field: { displayName: string; name: string; label: string; fix: string },
	showFor: ShowFor,
	description: string,
): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		default: '',
		required: true,
		placeholder: `e.g. ${EXAMPLE_UUID}`,
		description,
		displayOptions: { show: showFor },
		routing: { send: { preSend: [validateUuidParameter(field.name, field.label, field.fix)] } },
	};
}

export function resultIdField(showFor: ShowFor, description: string): INodeProperties {
	return uuidField(
		{
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
	return uuidField(
		{
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
	return uuidField(
		{
			displayName: 'Run ID',
			name: 'runId',
			label: 'workflow run',
			fix: `Use the "id" of a run from Workflow Run → Get Many, e.g. ${EXAMPLE_UUID}.`,
		},
		showFor,
		description,
	);
}

/** A number Raydocs gives members and invites (they have no picker: Get Many lists them). */
function wholeNumberField(
	field: { displayName: string; name: string; label: string; example: number },
	showFor: ShowFor,
	description: string,
): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${field.example}`,
		description,
		displayOptions: { show: showFor },
		routing: { send: { preSend: [validateIntegerParameter(field.name, field.label)] } },
	};
}

export function inviteIdField(showFor: ShowFor, description: string): INodeProperties {
	return wholeNumberField({ displayName: 'Invite ID', name: 'inviteId', label: 'invite', example: 5 }, showFor, description);
}

export function workspaceMemberIdField(showFor: ShowFor, description: string): INodeProperties {
	return wholeNumberField(
		{ displayName: 'User ID', name: 'userId', label: 'workspace member', example: 42 },
		showFor,
		description,
	);
}
