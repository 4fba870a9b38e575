import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IHttpRequestOptions, IDataObject } from 'n8n-workflow';

/** Fails before any request when a workspace ID is not a whole number. */
export async function validateWorkspaceId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const value = String(this.getNodeParameter('workspaceId', undefined, { extractValue: true }) ?? '');
	if (!/^\s*\d+\s*$/.test(value)) {
		throw new NodeOperationError(
			this.getNode(),
			`Workspace ID "${value}" is not valid: Raydocs workspace IDs are whole numbers`,
			{
				itemIndex: this.getItemIndex(),
				description: 'Pick the workspace from the list, or enter its number, e.g. 12.',
			},
		);
	}
	return requestOptions;
}

/** An update with no fields would send an empty body: say so instead. */
export async function requireUpdateFields(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: no field was added', {
			itemIndex: this.getItemIndex(),
			description: 'Add at least one field under "Update Fields".',
		});
	}
	return requestOptions;
}
