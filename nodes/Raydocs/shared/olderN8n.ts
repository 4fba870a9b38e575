import { NodeOperationError } from 'n8n-workflow';
import type {
	NodeConnectionTypes,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';

/**
 * The first n8n release whose engine runs a declarative node's `customOperations` (n8n-core 1.81,
 * shipped with n8n 1.82.0). Older engines route those operations like plain requests.
 */
export const CUSTOM_OPERATIONS_MIN_N8N = '1.82.0';

/**
 * The main connection, typed as NodeConnectionTypes.Main but without using that value at run time:
 * n8n-workflow exports it only from 1.83 on (n8n 1.85), and the package would not load in older n8n.
 */
export const MAIN_CONNECTION: typeof NodeConnectionTypes.Main = 'main';

/**
 * Makes the description usable by n8n releases older than the ones the package is built against:
 * - n8n 1.81/1.82 `structuredClone` the description of every node usable as an AI tool when they
 *   start, which throws on the functions (transport, pre-send and post-receive hooks) it holds;
 * - engines without `customOperations` would send a stray request for Extract Document, Extract
 *   Many, uploads and waits: they get a pre-send hook that fails, naming the version needed.
 * Runs once per description object; a second call finds nothing left to do.
 */
export function prepareForOlderN8n(
	description: INodeTypeDescription,
	customOperations: Record<string, Record<string, unknown>>,
): void {
	guardCustomOperations(description.properties, customOperations);
	hideHooksFromCloning(description as unknown as IDataObject);
}

/**
 * The pre-send hook of a custom operation. n8n routes a custom operation in two cases: an engine
 * without customOperations (then this fails, naming the version needed), and the node's AI-tool
 * variant (`…raydocsTool`), which n8n always runs through routing alone: there the transport hook
 * runs the operation (see withCustomOperations), so the hook lets it through.
 */
export function requireCustomOperations(operationName: string) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		if (/Tool$/.test(this.getNode().type)) return requestOptions;
		throw new NodeOperationError(
			this.getNode(),
			`${operationName} needs n8n ${CUSTOM_OPERATIONS_MIN_N8N} or newer`,
			{
				description: `This n8n is older than ${CUSTOM_OPERATIONS_MIN_N8N} and cannot run the Raydocs operations that upload files or wait for results; nothing was sent to Raydocs. Update n8n, or use the other Raydocs operations, which work here.`,
			},
		);
	};
}

/** Gives every option of an `operation` property that is a custom operation the failing pre-send hook. */
export function guardCustomOperations(
	properties: INodeProperties[],
	customOperations: Record<string, Record<string, unknown>>,
): void {
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		const resources = (property.displayOptions?.show?.resource ?? []) as string[];
		// An options list holds options; an entry without a string value is not an operation.
		for (const option of (property.options ?? []) as INodePropertyOptions[]) {
			const value = option.value;
			if (typeof value !== 'string' || option.routing) continue;
			if (!resources.some((resource) => customOperations[resource]?.[value])) continue;
			option.routing = { send: { preSend: [requireCustomOperations(option.name)] } };
		}
	}
}

/**
 * Turns every key whose value holds a function (`requestOperations`, `routing.operations`,
 * `preSend`, `postReceive`) into a non-enumerable property. The engine reads those keys by name,
 * so it still finds them; `structuredClone`, JSON and spread copies skip them, which is what the
 * editor's copies need (it never calls the hooks). The whole key is hidden, not the function in
 * it, because n8n spreads `requestOperations` and `routing.operations` before calling them.
 */
export function hideHooksFromCloning(node: IDataObject | IDataObject[]): void {
	for (const [key, value] of Object.entries(node)) {
		if (value === null || typeof value !== 'object') continue;
		if (holdsFunction(value as IDataObject)) {
			Object.defineProperty(node, key, { value, enumerable: false, writable: true, configurable: true });
		} else {
			hideHooksFromCloning(value as IDataObject);
		}
	}
}

function holdsFunction(value: IDataObject | IDataObject[]): boolean {
	return Object.values(value).some((entry) => typeof entry === 'function');
}
