import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import {
	inviteIdField,
	resultIdField,
	sessionIdField,
	workflowRunIdField,
	workspaceMemberIdField,
} from '../../../../nodes/Raydocs/shared/idFields';
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
