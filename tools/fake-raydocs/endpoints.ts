/**
 * The Raydocs API reference as the fake serves it, read from the project's reference data
 * (docs/raydocs-api/endpoints.json, the one place the 50 documented endpoints are written down).
 * `readApiReference` refuses data that is not what the rest of the fake relies on, so a slip in
 * the JSON fails when the fake is loaded rather than as a wrong route later.
 */
import referenceData from '../../docs/raydocs-api/endpoints.json';
import { isRecord } from './util';

export type RaydocsHttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Another documented form of a call (a CONFLICT between documentation generations). */
export interface AlternateForm {
	method: RaydocsHttpMethod;
	path: string;
	documentedBy: string;
	/** Body fields this form carries as path segments instead, with the value when the body has none. */
	bodyFieldsInPath?: Record<string, string>;
}

export type ResponseShape = 'list' | 'data-list' | 'object';

/** One documented shape of a call's success body, where the documentation gives several. */
export interface ResponseForm {
	documentedBy: string;
	shape: ResponseShape;
	/** For 'object': exactly the top-level fields of that form. */
	fields?: string[];
}

export interface RaydocsEndpoint {
	method: RaydocsHttpMethod;
	/** Path template exactly as documented, e.g. '/workspaces/{workspaceId}/users'. */
	path: string;
	summary: string;
	/** Under the reference's `docsPageBase`. */
	docsPage: string;
	/** Token abilities required; all of them must be present. Empty when any valid token will do. */
	abilities: string[];
	/** The documented success status. */
	success: number;
	successAlso?: Array<{ status: number; when: string }>;
	/** Why the call is, or is not, safe to repeat: a key of the reference's `retry`. */
	retry: string;
	retrySafe: boolean;
	/** Facts of this entry that are inferred rather than read in the documentation. */
	inferred?: string[];
	/** The guides' forms of the call; the entry's own method and path are the API reference's form. */
	alternateForms?: AlternateForm[];
	/** The documented success-body shapes, the API reference page's first. */
	responseForms?: ResponseForm[];
	/** Body fields the documentation generations disagree on, by form. */
	requestForms?: Array<{
		documentedBy: string;
		bodyFields: Record<string, 'required' | 'optional'>;
	}>;
	notes?: string;
}

export interface ApiReference {
	baseUrl: string;
	docsPageBase: string;
	/** Every path parameter by name: what it names and the type of its value. */
	pathParameters: Record<string, { type: 'integer' | 'uuid' | 'text'; names: string }>;
	/** The documented token abilities and what each grants. */
	abilities: Record<string, string>;
	retry: Record<string, { safe: boolean; means: string }>;
	shapes: Record<ResponseShape, string>;
	/** Disagreements between documentation generations that concern values rather than one call. */
	disagreements: string[];
	endpoints: RaydocsEndpoint[];
}

const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'DELETE'];
const PARAMETER_TYPES: readonly string[] = ['integer', 'uuid', 'text'];

export function endpointKey(endpoint: { method: string; path: string }): string {
	return `${endpoint.method} ${endpoint.path}`;
}

function pathParameterNames(path: string): string[] {
	return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

/**
 * The reference, checked: known methods, paths from the root with typed parameters, documented
 * abilities, a retry reason that agrees with `retrySafe`, known response shapes, and no call
 * (endpoint or alternate form) given twice.
 */
export function readApiReference(data: unknown): ApiReference {
	const fail = (message: string): never => {
		throw new Error(`docs/raydocs-api/endpoints.json: ${message}`);
	};
	if (!isRecord(data) || !Array.isArray(data.endpoints)) return fail('no "endpoints" list');
	const reference = data as unknown as ApiReference;
	for (const [name, parameter] of Object.entries(reference.pathParameters ?? {}))
		if (!PARAMETER_TYPES.includes(parameter.type))
			fail(`path parameter ${name} has type "${parameter.type}"`);
	const seen = new Set<string>();
	const checkCall = (owner: string, call: { method: string; path: string }) => {
		const key = endpointKey(call);
		if (!METHODS.includes(call.method)) fail(`${owner}: method "${call.method}"`);
		if (!/^\/\S+$/.test(call.path)) fail(`${owner}: path "${call.path}" does not start with /`);
		for (const name of pathParameterNames(call.path))
			if (!reference.pathParameters?.[name])
				fail(`${owner}: path parameter {${name}} is not in "pathParameters"`);
		if (seen.has(key)) fail(`${key} is given twice`);
		seen.add(key);
	};
	for (const endpoint of reference.endpoints) {
		const key = endpointKey(endpoint);
		checkCall(key, endpoint);
		for (const form of endpoint.alternateForms ?? []) checkCall(`${key}, alternate form`, form);
		for (const ability of endpoint.abilities)
			if (!reference.abilities?.[ability])
				fail(`${key}: ability "${ability}" is not documented in "abilities"`);
		const retry = reference.retry?.[endpoint.retry];
		if (!retry) fail(`${key}: retry reason "${endpoint.retry}" is not in "retry"`);
		else if (retry.safe !== endpoint.retrySafe)
			fail(`${key}: retrySafe ${endpoint.retrySafe} contradicts retry reason "${endpoint.retry}"`);
		if (!Number.isInteger(endpoint.success) || endpoint.success < 200 || endpoint.success > 299)
			fail(`${key}: success status ${endpoint.success}`);
		for (const form of endpoint.responseForms ?? [])
			if (!reference.shapes?.[form.shape])
				fail(`${key}: response shape "${form.shape}" is not in "shapes"`);
	}
	return reference;
}

export const API_REFERENCE: ApiReference = readApiReference(referenceData);

/** The documented endpoints, in the reference's order. */
export const RAYDOCS_ENDPOINTS: ReadonlyArray<RaydocsEndpoint> = API_REFERENCE.endpoints;

/**
 * The guides' forms the fake also accepts, each mapped to the endpoint it is a form of (same
 * abilities, same handler); the request log reports the endpoint in `endpoint` and the form in `route`.
 */
export const RAYDOCS_ENDPOINT_ALIASES: ReadonlyArray<{
	method: RaydocsHttpMethod;
	path: string;
	canonical: string;
}> = RAYDOCS_ENDPOINTS.flatMap((endpoint) =>
	(endpoint.alternateForms ?? []).map((form) => ({
		method: form.method,
		path: form.path,
		canonical: endpointKey(endpoint),
	})),
);
