import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import {
	documentIdsField,
	inviteIdField,
	resultIdField,
	sessionIdField,
	workflowRunIdField,
	uuidListField,
	workspaceMemberIdField,
} from '../../../../nodes/Raydocs/shared/idFields';
import { SPLIT_LIST_VALUE } from '../../../../nodes/Raydocs/shared/descriptions';
import { EXAMPLE_UUID } from '../../../../nodes/Raydocs/shared/ids';

const showFor = { resource: ['extraction'], operation: ['get'] };
const request: IHttpRequestOptions = { method: 'GET', url: '/extractions/results/x' };

/** Runs the field's pre-send check with the node parameters given; returns what it read and its outcome. */
async function checkBeforeSending(field: INodeProperties, parameters: Record<string, unknown>) {
	const read: string[] = [];
	const context = {
		getNodeParameter: (name: string) => {
			read.push(name);
			return parameters[name];
		},
		getNode: () => ({ name: 'Raydocs' }),
		getItemIndex: () => 2,
	} as unknown as IExecuteSingleFunctions;
	const [preSend] = field.routing!.send!.preSend!;
	try {
		return { read, sent: await preSend.call(context, request) };
	} catch (error) {
		return { read, error: error as { message: string; description?: string; context?: { itemIndex?: number } } };
	}
}

describe('idFields: IDs typed or mapped by the user, checked before they go into a URL', () => {
	it('a result ID: a required text field with a UUID example, shown where asked', () => {
		expect(resultIdField(showFor, 'The result to get')).toEqual({
			displayName: 'Result ID',
			name: 'resultId',
			type: 'string',
			default: '',
			required: true,
			placeholder: `e.g. ${EXAMPLE_UUID}`,
			description: 'The result to get',
			displayOptions: { show: showFor },
			routing: { send: { preSend: [expect.any(Function)] } },
		});
	});

	it.each([
		['Result ID', resultIdField, 'resultId', 'result', 'Use the "result_id" (or "id") of an extraction result'],
		['Session ID', sessionIdField, 'sessionId', 'session', 'Use the "id" that Session → Create returned'],
		['Run ID', workflowRunIdField, 'runId', 'workflow run', 'Use the "id" of a run from Workflow Run → Get Many'],
	])('%s sends a UUID and stops anything else, saying how to fix it', async (displayName, build, name, label, fix) => {
		const field = build(showFor, 'x');
		expect(field).toMatchObject({ name, displayName, placeholder: `e.g. ${EXAMPLE_UUID}` });

		const ok = await checkBeforeSending(field, { [name]: ` ${EXAMPLE_UUID} ` });
		expect(ok).toEqual({ read: [name], sent: request });

		const { error } = await checkBeforeSending(field, { [name]: '42' });
		const capitalised = `${label.charAt(0).toUpperCase()}${label.slice(1)} ID`;
		expect(error?.message).toBe(`${capitalised} "42" is not valid: Raydocs ${label} IDs are UUIDs`);
		expect(error?.description).toBe(`${fix}, e.g. ${EXAMPLE_UUID}.`);
		expect(error?.context?.itemIndex).toBe(2);
	});

	it.each([
		['Invite ID', inviteIdField, 'inviteId', 'invite', 5],
		['User ID', workspaceMemberIdField, 'userId', 'workspace member', 42],
	])('%s sends a whole number and stops anything else', async (displayName, build, name, label, example) => {
		const field = build(showFor, 'the one');
		expect(field).toMatchObject({ name, displayName, placeholder: `e.g. ${example}`, description: 'the one', required: true });

		expect(await checkBeforeSending(field, { [name]: ` ${example} ` })).toEqual({ read: [name], sent: request });
		const { error } = await checkBeforeSending(field, { [name]: EXAMPLE_UUID });
		expect(error?.message).toBe(`${label.charAt(0).toUpperCase()}${label.slice(1)} ID "${EXAMPLE_UUID}" is not valid: Raydocs ${label} IDs are whole numbers`);
		expect(error?.description).toMatch(/^Enter or map the .*'s number, e\.g\. 12/);
	});
});

describe('idFields: lists of UUIDs', () => {
	const sessions = { displayName: 'Session IDs', name: 'sessionIds', label: 'session', placeholder: 'e.g. a, b' };

	it('a list a code operation reads itself: a required text field, no routing', () => {
		expect(uuidListField(sessions, showFor, 'Sessions to run')).toEqual({
			displayName: 'Session IDs',
			name: 'sessionIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. a, b',
			description: 'Sessions to run, separated by commas (or an expression giving an array)',
			displayOptions: { show: showFor },
		});
	});

	it('a list sent in the body: split into an array, each UUID checked before sending', async () => {
		const field = uuidListField({ ...sessions, bodyProperty: 'session_ids' }, showFor, 'Sessions to run', '. At most 100.');
		expect(field.description).toBe('Sessions to run, separated by commas (or an expression giving an array). At most 100.');
		expect(field.routing!.send).toMatchObject({ type: 'body', property: 'session_ids', value: SPLIT_LIST_VALUE });
		const accepted = await checkBeforeSending(field, { sessionIds: `${EXAMPLE_UUID}, ${EXAMPLE_UUID}` });
		expect(accepted).toEqual({ read: ['sessionIds'], sent: request });
		const refused = await checkBeforeSending(field, { sessionIds: `${EXAMPLE_UUID}, 12` });
		expect(refused.error?.message).toContain('session');
	});

	it('workspace document IDs, in the body when asked', () => {
		const typed = documentIdsField(showFor);
		expect(typed).toMatchObject({
			displayName: 'Document IDs',
			name: 'documentIds',
			placeholder: 'e.g. 880e8400-e29b-41d4-a716-446655440000',
			description: 'Workspace document UUIDs, separated by commas (or an expression giving an array)',
		});
		expect(typed.routing).toBeUndefined();
		const sent = documentIdsField(showFor, ". They must belong to the session's workspace.", 'document_ids');
		expect(sent.description).toBe(
			"Workspace document UUIDs, separated by commas (or an expression giving an array). They must belong to the session's workspace.",
		);
		expect(sent.routing!.send).toMatchObject({ type: 'body', property: 'document_ids', value: SPLIT_LIST_VALUE });
	});
});
