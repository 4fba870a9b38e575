import type { IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { requireUpdateFields } from '../../../../nodes/Raydocs/shared/validation';

const node = { name: 'Raydocs' } as INode;
const context = { getNode: () => node, getItemIndex: () => 3 } as unknown as IExecuteSingleFunctions;

async function rejectionOf(requestOptions: IHttpRequestOptions): Promise<{ message: string; description?: string; context?: { itemIndex?: number } }> {
	try {
		await requireUpdateFields.call(context, requestOptions);
	} catch (error) {
		return error as { message: string; description?: string };
	}
	throw new Error('no error');
}

describe('requireUpdateFields: an update sends at least one field', () => {
	it('passes a request with a field through unchanged', async () => {
		const requestOptions: IHttpRequestOptions = { url: '/workspaces/1', method: 'PUT', body: { name: 'Renamed' } };
		await expect(requireUpdateFields.call(context, requestOptions)).resolves.toBe(requestOptions);
	});

	it('refuses an empty body, or none, naming the item and the fix', async () => {
		for (const body of [{}, undefined]) {
			const error = await rejectionOf({ url: '/workspaces/1', method: 'PUT', body });
			expect(error.message).toBe('Nothing to update: no field was added');
			expect(error.description).toBe('Add at least one field under "Update Fields".');
			expect(error.context?.itemIndex).toBe(3);
		}
	});
});
