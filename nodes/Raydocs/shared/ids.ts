import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { EXAMPLE_UUID, UUID_PATTERN } from './idValidation';

const UUID_REGEX = new RegExp(UUID_PATTERN);

/** Checks a Raydocs UUID (templates, sessions, documents, results) before it goes into a URL. */
export function requireUuid(node: INode, value: unknown, label: string, itemIndex: number): string {
	const text = String(value ?? '').trim();
	if (!UUID_REGEX.test(text)) {
		throw new NodeOperationError(
			node,
			text ? `${label} "${text}" is not valid: Raydocs uses UUIDs here` : `${label} is empty`,
			{
				itemIndex,
				description: `Enter the UUID, e.g. ${EXAMPLE_UUID}, or map it from an earlier node.`,
			},
		);
	}
	return text;
}

/** A list of UUIDs from an array or a comma/space separated string. */
export function requireUuidList(node: INode, value: unknown, label: string, itemIndex: number): string[] {
	const values = Array.isArray(value) ? value : String(value ?? '').split(/[\s,]+/);
	const ids = values.map((entry) => String(entry).trim()).filter(Boolean);
	if (!ids.length) {
		throw new NodeOperationError(node, `No ${label.toLowerCase()} ID was given`, {
			itemIndex,
			description: `Enter one or more ${label.toLowerCase()} UUIDs separated by commas, or an expression that gives an array of them.`,
		});
	}
	return ids.map((id) => requireUuid(node, id, `${label} ID`, itemIndex));
}

/** preSend: the parameter must hold one or more UUIDs (array or comma-separated). */
export function validateUuidListParameter(parameterName: string, label: string) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requireUuidList(this.getNode(), this.getNodeParameter(parameterName), label, this.getItemIndex());
		return requestOptions;
	};
}
