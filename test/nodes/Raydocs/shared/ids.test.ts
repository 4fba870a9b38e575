import type { IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import {
	EXAMPLE_UUID,
	requireUuid,
	requireUuidList,
	requireWholeNumber,
	validateIntegerParameter,
	validateUuidListParameter,
	validateUuidParameter,
	validateWorkspaceId,
} from '../../../../nodes/Raydocs/shared/ids';

const node = { name: 'Raydocs' } as INode;

function errorOf(call: () => unknown): { message: string; description?: string } {
	try {
		call();
	} catch (error) {
		return error as { message: string; description?: string };
	}
	throw new Error('no error');
}

describe('ids: one rule and one wording for every Raydocs ID', () => {
	it('accepts UUIDs and whole numbers, trimmed', () => {
		expect(requireUuid(node, ` ${EXAMPLE_UUID.toUpperCase()} `, 'template', 0)).toBe(EXAMPLE_UUID.toUpperCase());
		expect(requireWholeNumber(node, 12, 'workspace', 0)).toBe('12');
		expect(requireWholeNumber(node, ' 7 ', 'invite', 0)).toBe('7');
	});

	it('says which ID, what it got and what Raydocs expects', () => {
		expect(errorOf(() => requireUuid(node, 'Invoices', 'template', 0)).message).toBe(
			'Template ID "Invoices" is not valid: Raydocs template IDs are UUIDs',
		);
		expect(errorOf(() => requireWholeNumber(node, '12a', 'workspace member', 0)).message).toBe(
			'Workspace member ID "12a" is not valid: Raydocs workspace member IDs are whole numbers',
		);
		expect(errorOf(() => requireUuid(node, undefined, 'session', 0)).message).toBe(
			'Session ID is empty: Raydocs session IDs are UUIDs',
		);
		expect(errorOf(() => requireWholeNumber(node, null, 'workspace', 0)).message).toBe(
			'Workspace ID is empty: Raydocs workspace IDs are whole numbers',
		);
		expect(errorOf(() => requireWholeNumber(node, '-1', 'workspace', 0)).message).toContain('whole numbers');
		expect(errorOf(() => requireWholeNumber(node, '1.5', 'workspace', 0)).message).toContain('whole numbers');
	});

	it('tells how to fix it, with the caller\'s own advice when there is one', () => {
		expect(errorOf(() => requireUuid(node, 'x', 'result', 0)).description).toContain(EXAMPLE_UUID);
		expect(errorOf(() => requireWholeNumber(node, 'x', 'invite', 0)).description).toContain('e.g. 12');
		expect(errorOf(() => requireUuid(node, 'x', 'session', 0, 'Use the id of Session → Create.')).description).toBe(
			'Use the id of Session → Create.',
		);
	});

	it('reads lists from arrays and from comma or space separated text, and refuses an empty one', () => {
		const other = '770e8400-e29b-41d4-a716-446655440001';
		expect(requireUuidList(node, [EXAMPLE_UUID, ` ${other}`], 'session', 0)).toEqual([EXAMPLE_UUID, other]);
		expect(requireUuidList(node, `${EXAMPLE_UUID}, ${other}\n`, 'session', 0)).toEqual([EXAMPLE_UUID, other]);
		expect(errorOf(() => requireUuidList(node, ' , ', 'document', 0)).message).toBe('No document ID was given');
		expect(errorOf(() => requireUuidList(node, `${EXAMPLE_UUID},nope`, 'document', 0)).message).toBe(
			'Document ID "nope" is not valid: Raydocs document IDs are UUIDs',
		);
	});
});

/** A preSend context whose parameters hold `values`; records how each parameter was read. */
function preSendContext(values: Record<string, unknown>) {
	const reads: Array<{ name: string; options: unknown }> = [];
	const context = {
		getNode: () => node,
		getItemIndex: () => 2,
		getNodeParameter: (name: string, fallback: unknown, options: unknown) => {
			reads.push({ name, options });
			return name in values ? values[name] : fallback;
		},
	} as unknown as IExecuteSingleFunctions;
	return { context, reads };
}

async function preSendErrorOf(promise: Promise<unknown>): Promise<{ message: string; description?: string; context?: { itemIndex?: number } }> {
	try {
		await promise;
	} catch (error) {
		return error as { message: string };
	}
	throw new Error('no error');
}

describe('ids: preSend checks of a parameter before the request goes out', () => {
	const requestOptions: IHttpRequestOptions = { url: '/x', method: 'GET' };

	it('passes the request through when the parameter holds a valid ID, reading the value a locator holds', async () => {
		const { context, reads } = preSendContext({ templateId: EXAMPLE_UUID, workspaceId: '12', documentIds: `${EXAMPLE_UUID}` });
		await expect(validateUuidParameter('templateId', 'template').call(context, requestOptions)).resolves.toBe(requestOptions);
		await expect(validateIntegerParameter('workspaceId', 'workspace').call(context, requestOptions)).resolves.toBe(requestOptions);
		await expect(validateUuidListParameter('documentIds', 'document').call(context, requestOptions)).resolves.toBe(requestOptions);
		expect(reads).toEqual([
			{ name: 'templateId', options: { extractValue: true } },
			{ name: 'workspaceId', options: { extractValue: true } },
			{ name: 'documentIds', options: { extractValue: true } },
		]);
	});

	it('stops the item with the ID\'s own wording and advice', async () => {
		const { context } = preSendContext({ templateId: 'Invoices', workspaceId: 'Acme', documentIds: '' });
		const template = await preSendErrorOf(validateUuidParameter('templateId', 'template', 'Pick a template.').call(context, requestOptions));
		expect(template.message).toBe('Template ID "Invoices" is not valid: Raydocs template IDs are UUIDs');
		expect(template.description).toBe('Pick a template.');
		expect(template.context?.itemIndex).toBe(2);
		const workspace = await preSendErrorOf(validateWorkspaceId.call(context, requestOptions));
		expect(workspace.message).toBe('Workspace ID "Acme" is not valid: Raydocs workspace IDs are whole numbers');
		expect(workspace.description).toBe('Pick the workspace from the list, or enter its number, e.g. 12.');
		const member = await preSendErrorOf(validateIntegerParameter('userId', 'workspace member').call(context, requestOptions));
		expect(member.message).toBe('Workspace member ID is empty: Raydocs workspace member IDs are whole numbers');
		const documents = await preSendErrorOf(validateUuidListParameter('documentIds', 'document').call(context, requestOptions));
		expect(documents.message).toBe('No document ID was given');
		expect(documents.context?.itemIndex).toBe(2);
	});
});

