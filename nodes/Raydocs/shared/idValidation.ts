import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

type PreSend = (
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
) => Promise<IHttpRequestOptions>;

export const UUID_PATTERN =
	'^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$';
const UUID_REGEX = new RegExp(UUID_PATTERN);
const INTEGER_REGEX = /^\s*\d+\s*$/;

export const EXAMPLE_UUID = '550e8400-e29b-41d4-a716-446655440000';

function capitalized(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The trimmed text of a (possibly resource locator) parameter. */
function parameterText(context: IExecuteSingleFunctions, parameterName: string): string {
	const value = context.getNodeParameter(parameterName, '', { extractValue: true });
	return value === undefined || value === null ? '' : String(value).trim();
}

function invalidIdError(
	context: IExecuteSingleFunctions,
	label: string,
	value: string,
	rule: string,
	fix: string,
): NodeOperationError {
	const message = value
		? `${capitalized(label)} ID "${value}" is not valid: ${rule}`
		: `${capitalized(label)} ID is empty: ${rule}`;
	return new NodeOperationError(context.getNode(), message, {
		itemIndex: context.getItemIndex(),
		description: fix,
	});
}

/**
 * Fails before any request when an ID that Raydocs expects as a UUID is something else, so a typo
 * or a wrong expression reads as such instead of as a 404 from Raydocs.
 */
export function validateUuidParameter(
	parameterName: string,
	label: string,
	fix = `Pick the ${label} from the list, or paste its ID, e.g. ${EXAMPLE_UUID}.`,
): PreSend {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const value = parameterText(this, parameterName);
		if (!UUID_REGEX.test(value)) {
			throw invalidIdError(this, label, value, `Raydocs ${label} IDs are UUIDs`, fix);
		}
		return requestOptions;
	};
}

/** Same as validateUuidParameter, for the IDs Raydocs numbers (workspaces, members, invites). */
export function validateIntegerParameter(
	parameterName: string,
	label: string,
	fix = `Enter the ${label}'s number, e.g. 12: the "id" field that Get Many returns.`,
): PreSend {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const value = parameterText(this, parameterName);
		if (!INTEGER_REGEX.test(value)) {
			throw invalidIdError(this, label, value, `Raydocs ${label} IDs are whole numbers`, fix);
		}
		return requestOptions;
	};
}
