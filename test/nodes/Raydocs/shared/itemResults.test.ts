import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { ItemResults } from '../../../../nodes/Raydocs/shared/itemResults';

const node: INode = {
	id: 'raydocs',
	name: 'Raydocs',
	type: 'n8n-nodes-raydocs.raydocs',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** The two things ItemResults asks of the execution: the node (for errors) and Continue On Fail. */
const executionContext = (continueOnFail: boolean) =>
	({ getNode: () => node, continueOnFail: () => continueOnFail }) as unknown as IExecuteFunctions;

const apiError = (itemIndex?: number) =>
	new NodeApiError(
		node,
		{ message: 'Not found' },
		{ message: 'The template was not found', description: 'Check the template ID', httpCode: '404', ...(itemIndex === undefined ? {} : { itemIndex }) },
	);

describe('itemResults: one output per input item, paired with it', () => {
	it('outputs the items of each input in input order, whatever order they finished in', () => {
		const results = new ItemResults(executionContext(false));
		results.succeed(2, { id: 'c' });
		results.succeed(0, [{ id: 'a1' }, { id: 'a2' }]);
		results.succeed(1, { id: 'b' }, { data: { data: 'JVBERg==', mimeType: 'application/pdf' } });
		results.succeed(0, { id: 'a3' });

		expect(results.collect(3)).toEqual([
			[
				{ json: { id: 'a1' }, binary: undefined, pairedItem: { item: 0 } },
				{ json: { id: 'a2' }, binary: undefined, pairedItem: { item: 0 } },
				{ json: { id: 'a3' }, binary: undefined, pairedItem: { item: 0 } },
				{ json: { id: 'b' }, binary: { data: { data: 'JVBERg==', mimeType: 'application/pdf' } }, pairedItem: { item: 1 } },
				{ json: { id: 'c' }, binary: undefined, pairedItem: { item: 2 } },
			],
		]);
	});

	it('outputs nothing for an item that neither succeeded nor failed, and only the items asked for', () => {
		const results = new ItemResults(executionContext(false));
		results.succeed(1, { id: 'b' });
		results.succeed(2, { id: 'beyond' });
		expect(results.collect(2)).toEqual([[{ json: { id: 'b' }, binary: undefined, pairedItem: { item: 1 } }]]);
	});

	it('without Continue On Fail throws the failure of the first failed item, in item order', () => {
		const results = new ItemResults(executionContext(false));
		const second = new Error('second item failed');
		const first = new Error('first item failed');
		results.succeed(0, { id: 'a' });
		results.fail(2, second);
		results.fail(1, first);
		expect(() => results.collect(3)).toThrow(first);
	});

	it('with Continue On Fail turns each failure into an error item paired with its input, keeping the others', () => {
		const results = new ItemResults(executionContext(true));
		results.succeed(0, { id: 'a' });
		results.fail(1, apiError());
		results.fail(2, new Error('upload refused'));
		results.succeed(3, { id: 'd' });

		expect(results.collect(4)).toEqual([
			[
				{ json: { id: 'a' }, binary: undefined, pairedItem: { item: 0 } },
				{
					json: { error: 'The template was not found', description: 'Check the template ID', httpCode: '404' },
					pairedItem: { item: 1 },
				},
				{ json: { error: 'upload refused' }, pairedItem: { item: 2 } },
				{ json: { id: 'd' }, binary: undefined, pairedItem: { item: 3 } },
			],
		]);
	});

	it('a failed item outputs its error item only, even if it had output before failing', () => {
		const results = new ItemResults(executionContext(true));
		results.succeed(0, { id: 'partial' });
		results.fail(0, new Error('second file failed'));
		expect(results.collect(1)).toEqual([[{ json: { error: 'second file failed' }, pairedItem: { item: 0 } }]]);
	});

	it('knows which items failed', () => {
		const results = new ItemResults(executionContext(true));
		results.succeed(0, { id: 'a' });
		results.fail(1, new Error('x'));
		expect([results.hasFailed(0), results.hasFailed(1), results.hasFailed(2)]).toEqual([false, true, false]);
	});

	it('names the item in a node error that does not name one yet, and keeps one that does', () => {
		const results = new ItemResults(executionContext(false));
		const unnamed = apiError();
		const named = apiError(0);
		results.fail(3, unnamed);
		results.fail(4, named);
		expect(unnamed.context.itemIndex).toBe(3);
		expect(named.context.itemIndex).toBe(0);
	});

	it('turns a thrown non-error into a node error naming the item', () => {
		const results = new ItemResults(executionContext(false));
		results.fail(1, 'the server closed the connection');
		let thrown: unknown;
		try {
			results.collect(2);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(NodeOperationError);
		expect(thrown).toMatchObject({ message: 'the server closed the connection', node, context: { itemIndex: 1 } });
	});

	it('leaves a plain error without node context as it is', () => {
		const results = new ItemResults(executionContext(false));
		const plain = new Error('plain');
		results.fail(0, plain);
		expect((plain as unknown as { context?: unknown }).context).toBeUndefined();
		expect(() => results.collect(1)).toThrow(plain);
	});
});
