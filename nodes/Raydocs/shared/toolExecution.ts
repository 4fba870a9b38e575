import type {
	DeclarativeRestApiSettings,
	IExecuteFunctions,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

type CustomOperation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

export type CustomOperations = Record<string, Record<string, CustomOperation>>;

type RoutedRequest = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/**
 * The per-item context of n8n's routing engine, seen as the all-items context a custom operation
 * expects: one item, the one the engine is working on.
 */
function asExecuteFunctions(single: IExecutePaginationFunctions): IExecuteFunctions {
	const helpers = Object.create(single.helpers, {
		getBinaryDataBuffer: {
			value: async (_itemIndex: number, propertyName: string) => await single.helpers.getBinaryDataBuffer(propertyName),
		},
	}) as IExecuteFunctions['helpers'];
	return Object.create(single, {
		getInputData: { value: () => [single.getInputData()] },
		getNodeParameter: {
			value: (name: string, _itemIndex: number, fallback?: unknown, options?: object) =>
				single.getNodeParameter(name, fallback, options),
		},
		getCredentials: { value: async (type: string) => await single.getCredentials(type) },
		helpers: { value: helpers },
	}) as IExecuteFunctions;
}

/**
 * The node's pagination function, extended so that custom operations also run where n8n executes
 * the node through its routing engine alone. n8n does that for a declarative node used as an AI
 * tool (the `…Tool` variant, under an AI Agent or an MCP Server Trigger; n8n 1.85 to 2.41): the
 * execute method n8n gives the node runs the RoutingNode and never looks at `customOperations`, so
 * Extract Document would send a bare `GET /`. Every routed request comes through this function (the
 * node paginates all of them), so it runs the custom operation for the item instead. In ordinary
 * workflows n8n runs custom operations itself and this path is never taken.
 */
export function withCustomOperations(customOperations: CustomOperations, send: RoutedRequest): RoutedRequest {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const resource = String(this.getNodeParameter('resource', ''));
		const operation = String(this.getNodeParameter('operation', ''));
		const custom = customOperations[resource]?.[operation];
		if (!custom) return await send.call(this, requestData);
		const [items = []] = await custom.call(asExecuteFunctions(this));
		return items;
	};
}
