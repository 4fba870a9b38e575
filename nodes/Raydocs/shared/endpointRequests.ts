import type { DeclarativeRestApiSettings } from 'n8n-workflow';

import type { RaydocsEndpoint } from './endpoints';

type RoutedRequest = DeclarativeRestApiSettings.HttpRequestOptions;

/**
 * Expressions that give a path parameter its value in a routed request, by parameter name. Without
 * one, `{name}` reads the node parameter of the same name, trimmed. Resource-locator parameters
 * pass LOCATOR_PATH_PARAMETERS (locators.ts), which reduce a pasted link to its ID.
 */
export type PathParameterExpressions = Record<string, string>;

const PATH_PARAMETER = /\{(\w+)\}/g;

// Which endpoint entries built a routed request object: the README table and the coverage test
// read it back from the node description instead of parsing URLs.
const routedEndpoints = new WeakMap<object, readonly RaydocsEndpoint[]>();
// Which endpoint entries a code operation calls, declared next to the operation.
const operationCalls = new WeakMap<object, readonly RaydocsEndpoint[]>();

function parameterExpression(name: string, expressions: PathParameterExpressions): string {
	return expressions[name] ?? `String($parameter.${name}).trim()`;
}

function recorded(request: RoutedRequest, endpoints: readonly RaydocsEndpoint[]): RoutedRequest {
	routedEndpoints.set(request, endpoints);
	return request;
}

/**
 * `routing.request` for an endpoint: its method, and its path with each `{name}` read from the
 * node's parameters (a plain path when it has none). `extra` adds request options (qs, encoding...).
 */
export function routedRequest(
	endpoint: RaydocsEndpoint,
	expressions: PathParameterExpressions = {},
	extra: Omit<RoutedRequest, 'method' | 'url'> = {},
): RoutedRequest {
	const url = endpoint.path.includes('{')
		? `=${endpoint.path.replace(PATH_PARAMETER, (_match, name: string) => `{{ ${parameterExpression(name, expressions)} }}`)}`
		: endpoint.path;
	return recorded({ method: endpoint.method, url, ...extra }, [endpoint]);
}

/** An endpoint's path as one JavaScript expression: its literal parts and parameter expressions joined. */
function pathExpression(endpoint: RaydocsEndpoint, expressions: PathParameterExpressions): string {
	return endpoint.path
		.split(/\{(\w+)\}/)
		.map((part, index) => (index % 2 ? parameterExpression(part, expressions) : JSON.stringify(part)))
		.filter((part) => part !== '""')
		.join(' + ');
}

/**
 * `routing.request` for an operation that calls one of two endpoints of the same method, chosen by
 * a node-parameter expression (`condition`): `whenTrue` when it holds, `whenFalse` otherwise.
 */
export function routedRequestEither(
	condition: string,
	whenTrue: RaydocsEndpoint,
	whenFalse: RaydocsEndpoint,
	expressions: PathParameterExpressions = {},
): RoutedRequest {
	if (whenTrue.method !== whenFalse.method) {
		throw new Error(`One routed request cannot send both ${whenTrue.method} and ${whenFalse.method}`);
	}
	const url = `={{ ${condition} ? ${pathExpression(whenTrue, expressions)} : ${pathExpression(whenFalse, expressions)} }}`;
	return recorded({ method: whenTrue.method, url }, [whenTrue, whenFalse]);
}

/** The endpoints a routed request object was built for (undefined when not built by this module). */
export function endpointsOfRoutedRequest(request: object): readonly RaydocsEndpoint[] | undefined {
	return routedEndpoints.get(request);
}

/**
 * A concrete path for code: `{name}` replaced by `values[name]` as given (callers encode what may
 * hold reserved characters, as each call site always has).
 */
export function pathOf(endpoint: RaydocsEndpoint, values: Record<string, string | number> = {}): string {
	return endpoint.path.replace(PATH_PARAMETER, (_match, name: string) => {
		const value = values[name];
		if (value === undefined) throw new Error(`No value for {${name}} in ${endpoint.method} ${endpoint.path}`);
		return String(value);
	});
}

/** Declares the endpoints a code operation calls (its own requests and those of the helpers it uses). */
export function declareCalls(operation: object, endpoints: readonly RaydocsEndpoint[]): void {
	operationCalls.set(operation, endpoints);
}

/** The endpoints declared for a code operation (undefined when none were declared). */
export function declaredCallsOf(operation: object): readonly RaydocsEndpoint[] | undefined {
	return operationCalls.get(operation);
}
