import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

/**
 * Raydocs' two kinds of IDs: UUIDs (templates, sessions, documents, results, workflows, runs) and
 * whole numbers (workspaces, members, invites). Every ID is checked here before it goes into a URL,
 * so a typo or a wrong expression reads as such instead of as a 404, in one wording everywhere.
 */
export const UUID_PATTERN =
	'^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$';
export const WHOLE_NUMBER_PATTERN = '^\\s*\\d+\\s*$';
export const EXAMPLE_UUID = '550e8400-e29b-41d4-a716-446655440000';

type IdKind = 'uuid' | 'wholeNumber';

const RULES: Record<IdKind, { regex: RegExp; noun: string; fix: (label: string) => string }> = {
	uuid: {
		regex: new RegExp(UUID_PATTERN),
		noun: 'UUIDs',
		fix: (label) =>
			`Enter or map the ${label}'s ID, a UUID such as ${EXAMPLE_UUID}, or pick it from the list where the field offers one.`,
	},
	wholeNumber: {
		regex: new RegExp(WHOLE_NUMBER_PATTERN),
		noun: 'whole numbers',
		fix: (label) =>
			`Enter or map the ${label}'s number, e.g. 12 (the "id" that Get Many returns), or pick it from the list where the field offers one.`,
	},
};

type PreSend = (
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
) => Promise<IHttpRequestOptions>;

function textOf(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/**
 * The ID, trimmed, or an error such as `Session ID "x" is not valid: Raydocs session IDs are UUIDs`.
 * `label` names the object in lower case ("session", "workspace member").
 */
function requireId(kind: IdKind, node: INode, value: unknown, label: string, itemIndex: number, fix?: string): string {
	const text = textOf(value);
	const rule = RULES[kind];
	if (rule.regex.test(text)) return text;
	const name = `${label.charAt(0).toUpperCase()}${label.slice(1)} ID`;
	const why = `Raydocs ${label} IDs are ${rule.noun}`;
	return fail(node, text ? `${name} "${text}" is not valid: ${why}` : `${name} is empty: ${why}`, itemIndex, fix ?? rule.fix(label));
}

function fail(node: INode, message: string, itemIndex: number, description: string): never {
	throw new NodeOperationError(node, message, { itemIndex, description });
}

export function requireUuid(node: INode, value: unknown, label: string, itemIndex: number, fix?: string): string {
	return requireId('uuid', node, value, label, itemIndex, fix);
}

export function requireWholeNumber(node: INode, value: unknown, label: string, itemIndex: number, fix?: string): string {
	return requireId('wholeNumber', node, value, label, itemIndex, fix);
}

/** A list of UUIDs from an array or a comma/space separated string; at least one. */
export function requireUuidList(node: INode, value: unknown, label: string, itemIndex: number): string[] {
	const values = Array.isArray(value) ? value : String(value ?? '').split(/[\s,]/);
	const ids = values.map(textOf).filter(Boolean);
	if (!ids.length) {
		fail(
			node,
			`No ${label} ID was given`,
			itemIndex,
			`Enter one or more ${label} UUIDs separated by commas, or an expression that gives an array of them.`,
		);
	}
	return ids.map((id) => requireUuid(node, id, label, itemIndex));
}

function validateParameter(check: (context: IExecuteSingleFunctions, value: unknown) => unknown, parameterName: string): PreSend {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		check(this, this.getNodeParameter(parameterName, '', { extractValue: true }));
		return requestOptions;
	};
}

/** preSend: the (resource locator) parameter holds a UUID. */
export function validateUuidParameter(parameterName: string, label: string, fix?: string): PreSend {
	return validateParameter(
		(context, value) => requireUuid(context.getNode(), value, label, context.getItemIndex(), fix),
		parameterName,
	);
}

/** preSend: the (resource locator) parameter holds a whole number. */
export function validateIntegerParameter(parameterName: string, label: string, fix?: string): PreSend {
	return validateParameter(
		(context, value) => requireWholeNumber(context.getNode(), value, label, context.getItemIndex(), fix),
		parameterName,
	);
}

/** preSend: the parameter holds one or more UUIDs (an array or a comma-separated string). */
export function validateUuidListParameter(parameterName: string, label: string): PreSend {
	return validateParameter(
		(context, value) => requireUuidList(context.getNode(), value, label, context.getItemIndex()),
		parameterName,
	);
}

export const validateWorkspaceId = validateIntegerParameter(
	'workspaceId',
	'workspace',
	'Pick the workspace from the list, or enter its number, e.g. 12.',
);
