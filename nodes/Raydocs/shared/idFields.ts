import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { EXAMPLE_UUID, validateUuidParameter } from './ids';

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
