import type { DeclarativeRestApiSettings, IExecuteFunctions, IExecutePaginationFunctions, INodeExecutionData } from 'n8n-workflow';

import { withCustomOperations, type CustomOperations } from '../../../../nodes/Raydocs/shared/toolExecution';

/**
 * shared/toolExecution.ts on its own, with a recorded routing-engine context: which operations run
 * as code, and how the per-item context looks to them.
 */
function routingContext(parameters: Record<string, unknown>) {
	const calls: unknown[][] = [];
	const item: INodeExecutionData = { json: { name: 'invoice.pdf' } };
	const context = {
		getNodeParameter: (name: string, fallback?: unknown, options?: object) => {
			calls.push(['getNodeParameter', name, fallback, options]);
			return name in parameters ? parameters[name] : fallback;
		},
		getInputData: () => item,
		getCredentials: async (type: string) => {
			calls.push(['getCredentials', type]);
			return { accessToken: 'token' };
		},
		getNode: () => ({ name: 'Raydocs Tool' }),
		helpers: {
			getBinaryDataBuffer: async (propertyName: string) => {
				calls.push(['getBinaryDataBuffer', propertyName]);
				return Buffer.from('%PDF');
			},
			returnJsonArray: (json: object) => [{ json }],
		},
	} as unknown as IExecutePaginationFunctions;
	return { context, calls, item };
}

const requestData = { options: { method: 'GET', url: '/workspaces' } } as unknown as DeclarativeRestApiSettings.ResultOptions;

describe('withCustomOperations', () => {
	it('sends routed operations (and resources without code operations) as the engine prepared them', async () => {
		const sent: unknown[] = [];
		const send = jest.fn(async function (this: IExecutePaginationFunctions, data: DeclarativeRestApiSettings.ResultOptions) {
			sent.push([this, data]);
			return [{ json: { id: 1 } }];
		});
		const custom = jest.fn();
		const hook = withCustomOperations({ document: { extract: custom } }, send);
		for (const parameters of [{ resource: 'document', operation: 'get' }, { resource: 'workspace', operation: 'extract' }, {}]) {
			const { context } = routingContext(parameters);
			expect(await hook.call(context, requestData)).toEqual([{ json: { id: 1 } }]);
			expect(sent.pop()).toEqual([context, requestData]);
		}
		expect(custom).not.toHaveBeenCalled();
	});

	it("runs a code operation on the engine's one item instead of sending a request, and returns its first output", async () => {
		const send = jest.fn();
		const seen: unknown[] = [];
		const operations: CustomOperations = {
			document: {
				extract: async function (this: IExecuteFunctions) {
					seen.push(this.getInputData());
					seen.push(this.getNodeParameter('inputSource', 3, 'binary', { extractValue: true }));
					seen.push(await this.getCredentials('raydocsApi'));
					seen.push((await this.helpers.getBinaryDataBuffer(3, 'data')).toString());
					seen.push(this.helpers.returnJsonArray({ inherited: true }));
					seen.push(this.getNode().name);
					return [[{ json: { status: 'completed' } }], [{ json: { ignored: true } }]];
				},
			},
		};
		const { context, calls, item } = routingContext({ resource: 'document', operation: 'extract' });
		expect(await withCustomOperations(operations, send).call(context, requestData)).toEqual([{ json: { status: 'completed' } }]);
		expect(send).not.toHaveBeenCalled();
		expect(seen).toEqual([[item], 'binary', { accessToken: 'token' }, '%PDF', [{ json: { inherited: true } }], 'Raydocs Tool']);
		expect(calls).toContainEqual(['getNodeParameter', 'inputSource', 'binary', { extractValue: true }]);
		expect(calls).toContainEqual(['getCredentials', 'raydocsApi']);
		expect(calls).toContainEqual(['getBinaryDataBuffer', 'data']);
	});

	it('returns no items when the code operation returns no output', async () => {
		const { context } = routingContext({ resource: 'document', operation: 'extract' });
		const hook = withCustomOperations({ document: { extract: async () => [] } }, jest.fn());
		expect(await hook.call(context, requestData)).toEqual([]);
	});

	it("raises the code operation's error as the hook's error", async () => {
		const { context } = routingContext({ resource: 'document', operation: 'extract' });
		const hook = withCustomOperations(
			{
				document: {
					extract: async () => {
						throw new Error('No document matches');
					},
				},
			},
			jest.fn(),
		);
		await expect(hook.call(context, requestData)).rejects.toThrow('No document matches');
	});
});
