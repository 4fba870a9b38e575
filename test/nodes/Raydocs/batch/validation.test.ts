import type { IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { validateBatchKeys } from '../../../../nodes/Raydocs/resources/batch/validation';

const node = { name: 'Raydocs' } as INode;
const context = { getNode: () => node, getItemIndex: () => 4 } as unknown as IExecuteSingleFunctions;
const request = (body?: unknown): IHttpRequestOptions => ({ url: '/extractions/templates/1/sessions/batch', method: 'POST', body: body as IHttpRequestOptions['body'] });
const keys = (count: number) => Array.from({ length: count }, (_, index) => `tmp/key-${index}`);

async function rejectionOf(requestOptions: IHttpRequestOptions) {
	try {
		await validateBatchKeys.call(context, requestOptions);
	} catch (error) {
		return error as { message: string; description?: string; context?: { itemIndex?: number } };
	}
	throw new Error('no error');
}

describe('validateBatchKeys: one batch call takes 1 to 50 upload keys', () => {
	it('passes 1 and 50 keys through unchanged', async () => {
		for (const count of [1, 50]) {
			const requestOptions = request({ files: keys(count) });
			await expect(validateBatchKeys.call(context, requestOptions)).resolves.toBe(requestOptions);
		}
	});

	it('refuses 51 keys, naming the count, the limit and how to split', async () => {
		const error = await rejectionOf(request({ files: keys(51) }));
		expect(error.message).toBe('51 upload keys is more than one batch takes (at most 50)');
		expect(error.description).toMatch(/^Split the keys into groups of 50/);
		expect(error.context?.itemIndex).toBe(4);
	});

	it('refuses no keys (an empty list, no list, no body), pointing to File Upload', async () => {
		for (const body of [{ files: [] }, { files: 'tmp/key-0' }, {}, undefined]) {
			const error = await rejectionOf(request(body));
			expect(error.message).toBe('No upload key was given');
			expect(error.description).toContain('File Upload → Upload');
			expect(error.context?.itemIndex).toBe(4);
		}
	});
});
