import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INode, INodeProperties, INodeType } from 'n8n-workflow';

import { RaydocsTrigger } from '../../../../nodes/RaydocsTrigger/RaydocsTrigger.node';
import { Raydocs } from '../../../../nodes/Raydocs/Raydocs.node';
import {
	CUSTOM_OPERATIONS_MIN_N8N,
	guardCustomOperations,
	hideHooksFromCloning,
	requireCustomOperations,
} from '../../../../nodes/Raydocs/shared/olderN8n';
import { runNode } from '../../../harness/engine';
import { apiRequests, byId, credentialsFor, fileItem, raydocsNode, useFakeRaydocs } from '../../../helpers/raydocs';

/** Paths of every function reachable through own properties, enumerable or not (what the engine reads). */
function hookPaths(value: unknown, path = 'description'): string[] {
	if (typeof value === 'function') return [path];
	if (value === null || typeof value !== 'object') return [];
	return Object.getOwnPropertyNames(value)
		.filter((key) => !(Array.isArray(value) && key === 'length'))
		.flatMap((key) => hookPaths((value as IDataObject)[key], `${path}.${key}`));
}

describe('older n8n: a description n8n 1.81/1.82 can structuredClone', () => {
	it('the Raydocs and trigger descriptions survive structuredClone (n8n 1.81/1.82 clone AI-tool nodes at start)', () => {
		expect(() => structuredClone(new Raydocs().description)).not.toThrow();
		expect(() => structuredClone(new RaydocsTrigger().description)).not.toThrow();
		// a second instance (the hooks live in shared module objects) is as clonable
		expect(() => structuredClone(new Raydocs().description)).not.toThrow();
	});

	it('the engine still finds every hook: the transport, list pagination, pre-send and post-receive', () => {
		const { description } = new Raydocs();
		// the transport, wrapped so that the AI-tool variant runs code operations (toolExecution.ts)
		expect(typeof description.requestOperations?.pagination).toBe('function');
		const paths = hookPaths(description);
		expect(paths.filter((path) => path.endsWith('.routing.operations.pagination')).length).toBeGreaterThanOrEqual(5);
		expect(paths.filter((path) => /\.routing\.send\.preSend\.\d+$/.test(path)).length).toBeGreaterThanOrEqual(20);
		expect(paths.filter((path) => /\.routing\.output\.postReceive\.\d+$/.test(path)).length).toBeGreaterThanOrEqual(5);
	});

	it('hides exactly the keys holding functions, so spreads and direct reads still see the hooks', () => {
		const hook = () => undefined;
		const description = {
			name: 'x',
			requestOperations: { pagination: hook },
			properties: [
				{ name: 'a', routing: { request: { url: '/a' }, send: { type: 'body', preSend: [hook] }, operations: { pagination: hook } } },
				{ name: 'b', routing: { output: { postReceive: [{ type: 'rootProperty' }, hook] } } },
			],
		};
		expect(() => structuredClone(description)).toThrow(/could not be cloned/);
		hideHooksFromCloning(description as unknown as IDataObject);

		expect(structuredClone(description)).toEqual({
			name: 'x',
			properties: [{ name: 'a', routing: { request: { url: '/a' }, send: { type: 'body' } } }, { name: 'b', routing: { output: {} } }],
		});
		// what n8n-core's RoutingNode does: spread the operations, read the arrays by name
		expect({ ...description.requestOperations }.pagination).toBe(hook);
		expect({ ...description.properties[0].routing.operations }.pagination).toBe(hook);
		expect(description.properties[0].routing.send?.preSend).toEqual([hook]);
		expect(description.properties[1].routing.output?.postReceive).toEqual([{ type: 'rootProperty' }, hook]);
	});

	it('skips empty (null) values and keeps a hidden key replaceable and removable like any other', () => {
		const hook = () => undefined;
		const description = {
			name: 'x',
			icon: null,
			defaults: { color: null },
			requestOperations: { pagination: hook },
		} as unknown as IDataObject & { requestOperations?: unknown };
		hideHooksFromCloning(description);
		expect(structuredClone(description)).toEqual({ name: 'x', icon: null, defaults: { color: null } });

		// code that sets up the description later (or a second node instance) can still replace it
		const replacement = { pagination: hook };
		description.requestOperations = replacement;
		expect(description.requestOperations).toBe(replacement);
		expect(delete description.requestOperations).toBe(true);
		expect('requestOperations' in description).toBe(false);
	});
});

describe('older n8n: custom operations on an engine without customOperations (n8n < 1.82)', () => {
	const fake = useFakeRaydocs();

	/** The same node as an engine before n8n-core 1.81 sees it: no customOperations, so RoutingNode runs every operation. */
	const withoutCustomOperations = (): INodeType =>
		Object.create(raydocsNode, { customOperations: { value: undefined } }) as INodeType;

	it('gives every custom operation, and only those, a pre-send hook', () => {
		const properties: INodeProperties[] = [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				displayOptions: { show: { resource: ['extraction'] } },
				options: [
					{ name: 'Extract Document', value: 'extractDocument' },
					{ name: 'Get', value: 'get', routing: { request: { method: 'GET', url: '/x' } } },
					{ name: 'Run', value: 'run' },
				],
				default: 'get',
			},
		];
		guardCustomOperations(properties, { extraction: { extractDocument: () => undefined } });
		const [extractDocument, get, run] = properties[0].options as Array<{ routing?: IDataObject }>;
		expect(extractDocument.routing).toEqual({ send: { preSend: [expect.any(Function)] } });
		expect(get.routing).toEqual({ request: { method: 'GET', url: '/x' } });
		expect(run.routing).toBeUndefined();
	});

	it('guards only options of an options-type property named operation, with a string value and no routing of their own', () => {
		const custom = { extraction: { extractDocument: () => undefined, '7': () => undefined }, batch: { extract: () => undefined } };
		const properties = [
			// not the operation list, although its option value is a custom operation
			{ displayName: 'Resource', name: 'resource', type: 'options', displayOptions: { show: { resource: ['extraction'] } }, options: [{ name: 'Extract Document', value: 'extractDocument' }], default: '' },
			// named operation, but not an options list
			{ displayName: 'Operation', name: 'operation', type: 'multiOptions', displayOptions: { show: { resource: ['extraction'] } }, options: [{ name: 'Extract Document', value: 'extractDocument' }], default: [] },
			// an operation list without options, and one shown for a resource without custom operations
			{ displayName: 'Operation', name: 'operation', type: 'options', displayOptions: { show: { resource: ['extraction'] } }, default: '' },
			{ displayName: 'Operation', name: 'operation', type: 'options', displayOptions: { show: { resource: ['template', 'batch'] } }, options: [{ name: 'Extract', value: 'extract' }, { name: 'Get', value: 'get' }], default: 'get' },
			// a number value and an entry without a value are not operations
			{ displayName: 'Operation', name: 'operation', type: 'options', displayOptions: { show: { resource: ['extraction'] } }, options: [{ name: 'Seven', value: 7 }, { displayName: 'Nested', name: 'nested', type: 'string', default: '' }], default: 7 },
		] as INodeProperties[];
		guardCustomOperations(properties, custom);

		const routingOf = (propertyIndex: number, optionIndex: number) =>
			(properties[propertyIndex].options![optionIndex] as { routing?: IDataObject }).routing;
		expect(routingOf(0, 0)).toBeUndefined();
		expect(routingOf(1, 0)).toBeUndefined();
		expect(properties[2].options).toBeUndefined();
		// "extract" is a custom operation of batch, one of the two resources the list is shown for
		expect(routingOf(3, 0)).toEqual({ send: { preSend: [expect.any(Function)] } });
		expect(routingOf(3, 1)).toBeUndefined();
		expect(routingOf(4, 0)).toBeUndefined();
		expect(routingOf(4, 1)).toBeUndefined();
	});

	it("the guard fails naming the operation and the version, except in the node's AI-tool variant", async () => {
		const requestOptions: IHttpRequestOptions = { method: 'POST', url: '/extractions/sessions' };
		const guardOn = (type: string) =>
			requireCustomOperations('Extract Document').call(
				{ getNode: () => ({ name: 'Raydocs', type }) as INode } as IExecuteSingleFunctions,
				requestOptions,
			);
		await expect(guardOn('n8n-nodes-raydocs.raydocsTool')).resolves.toBe(requestOptions);
		await expect(guardOn('n8n-nodes-raydocs.raydocs')).rejects.toMatchObject({
			message: `Extract Document needs n8n ${CUSTOM_OPERATIONS_MIN_N8N} or newer`,
			description: expect.stringContaining('nothing was sent to Raydocs'),
		});
		// only a type that ends in Tool is the tool variant
		await expect(guardOn('n8n-nodes-raydocsTools.raydocs')).rejects.toThrow('needs n8n');
	});

	it('every custom operation of the node is guarded', () => {
		const { description, customOperations } = new Raydocs();
		for (const [resource, operations] of Object.entries(customOperations)) {
			const operation = description.properties.find(
				(property) => property.name === 'operation' && (property.displayOptions?.show?.resource ?? []).includes(resource),
			);
			for (const value of Object.keys(operations)) {
				const option = (operation?.options ?? []).find((entry) => 'value' in entry && entry.value === value) as { routing?: IDataObject };
				expect({ resource, value, preSend: (option.routing?.send as IDataObject | undefined)?.preSend }).toEqual({
					resource,
					value,
					preSend: [expect.any(Function)],
				});
			}
		}
	});

	it.each([
		['Extract Document', { resource: 'extraction', operation: 'extractDocument', inputSource: 'binary', binaryPropertyName: 'data' }],
		['Extract Many', { resource: 'batch', operation: 'extract', binaryPropertyName: 'data' }],
	])('%s fails naming the n8n version it needs and sends nothing', async (name, parameters) => {
		const { items, error } = await runNode({
			nodeType: withoutCustomOperations(),
			parameters: { ...parameters, templateId: byId(fake().state.seed!.templateId) },
			credentials: credentialsFor(fake()),
			input: [fileItem('%PDF-1.4 one'), fileItem('%PDF-1.4 two')],
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe(`${name} needs n8n ${CUSTOM_OPERATIONS_MIN_N8N} or newer`);
		expect(error?.description).toMatch(/nothing was sent to Raydocs/);
		expect(apiRequests(fake())).toEqual([]);
		expect(fake().log).toEqual([]);
	});

	it('with Continue On Fail every item becomes an error item naming the version', async () => {
		const { items } = await runNode({
			nodeType: withoutCustomOperations(),
			parameters: { resource: 'extraction', operation: 'extractDocument', templateId: byId(fake().state.seed!.templateId) },
			credentials: credentialsFor(fake()),
			input: [fileItem('%PDF-1.4 one'), fileItem('%PDF-1.4 two')],
			continueOnFail: true,
		});
		expect(items).toHaveLength(2);
		for (const item of items) expect(item.json.error ?? item.error?.message).toMatch(`needs n8n ${CUSTOM_OPERATIONS_MIN_N8N} or newer`);
		expect(fake().log).toEqual([]);
	});

	it('a routed read still works on such an engine', async () => {
		const { items, error } = await runNode({
			nodeType: withoutCustomOperations(),
			parameters: { resource: 'template', operation: 'get', templateId: byId(fake().state.seed!.templateId) },
			credentials: credentialsFor(fake()),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual([fake().state.seed!.templateId]);
	});
});
