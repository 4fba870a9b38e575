import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IHttpRequestOptions, IDataObject } from 'n8n-workflow';

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
