import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { matchEndpoint, PATH_PARAMETER_LABELS, type MatchedEndpoint } from './endpoints';

/** What we could learn about a failed HTTP exchange, whatever shape the HTTP client threw. */
export interface HttpFailure {
	status?: number;
	headers: Record<string, unknown>;
	body?: unknown;
	/** Network error code such as ECONNRESET, or MALFORMED_RESPONSE for unparsable JSON. */
	code?: string;
	message: string;
}

export const MALFORMED_RESPONSE = 'MALFORMED_RESPONSE';

/** Codes read from an error chain: network failures, and ours for an answer that is not JSON. */
const FAILURE_CODES: ReadonlySet<unknown> = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'EPIPE',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
	'ERR_BAD_RESPONSE',
	MALFORMED_RESPONSE,
]);

const isFailureCode = (code: unknown): code is string => FAILURE_CODES.has(code);

/**
 * n8n 1.x wraps network errors in a NodeApiError that drops the original error (and its `code`) and
 * rewords the message (its COMMON_ERRORS table); the original message survives only in `messages`.
 * These patterns read a code back from either wording.
 */
const NETWORK_MESSAGE_CODES: Array<[RegExp, string]> = [
	[/\bECONNRESET\b|socket hang up|closed unexpectedly|server closed the connection/i, 'ECONNRESET'],
	[/\bEPIPE\b/, 'EPIPE'],
	[/\bECONNREFUSED\b|refused the connection/i, 'ECONNREFUSED'],
	[/\bETIMEDOUT\b|ESOCKETTIMEDOUT|connection timed out/i, 'ETIMEDOUT'],
	[/\bECONNABORTED\b|timeout of \d+ms exceeded|connection was aborted/i, 'ECONNABORTED'],
	[/\bEAI_AGAIN\b|DNS server returned an error/i, 'EAI_AGAIN'],
	[/\bENOTFOUND\b|connection cannot be established/i, 'ENOTFOUND'],
	[/\bEHOSTUNREACH\b|host is unreachable/i, 'EHOSTUNREACH'],
];

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

function networkCodeFromMessages(messages: unknown[]): string | undefined {
	for (const message of messages) {
		if (typeof message !== 'string') continue;
		const found = NETWORK_MESSAGE_CODES.find(([pattern]) => pattern.test(message));
		if (found) return found[1];
	}
	return undefined;
}

/** A response body as JSON when it is JSON (bodies of binary requests arrive as bytes). */
function decodeBody(body: unknown): unknown {
	let text: string | undefined;
	if (Buffer.isBuffer(body)) text = body.toString('utf8');
	else if (body instanceof ArrayBuffer) text = Buffer.from(body).toString('utf8');
	else if (typeof body === 'string') text = body;
	if (text === undefined) return body;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * Thrown by the transport for an HTTP error status it read itself: requests are sent with
 * `ignoreHttpStatusErrors`, because n8n 1.x's helpers drop the response headers (Retry-After) from
 * the errors they throw, and both lines retry a 401 once on their own.
 */
export class HttpStatusError extends Error {
	readonly response: { status: number; headers: Record<string, unknown>; data: unknown };

	constructor(status: number, headers: Record<string, unknown>, body: unknown) {
		super(`HTTP ${status}`);
		this.response = { status, headers, data: decodeBody(body) };
	}
}

/** Raises an HttpStatusError for a full response whose status is an error (>= 400). */
export function assertSuccessStatus(response: {
	statusCode?: number;
	headers?: unknown;
	body?: unknown;
}): void {
	const status = Number(response.statusCode);
	if (Number.isFinite(status) && status >= 400) {
		throw new HttpStatusError(status, isObject(response.headers) ? { ...response.headers } : {}, response.body);
	}
}

/** Digs the status, headers, body and network code out of n8n's and axios' nested errors. */
export function readHttpFailure(error: unknown): HttpFailure {
	const failure: HttpFailure = {
		headers: {},
		message: isObject(error) && typeof error.message === 'string' ? error.message : String(error),
	};
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (isObject(current) && !seen.has(current)) {
		seen.add(current);
		const response = current.response;
		if (isObject(response) && failure.status === undefined) {
			const status = Number(response.status ?? response.statusCode);
			if (Number.isFinite(status) && status > 0) {
				failure.status = status;
				failure.headers = isObject(response.headers) ? { ...response.headers } : {};
				failure.body = response.data ?? response.body;
			}
		}
		if (!failure.code && isFailureCode(current.code)) failure.code = current.code;
		if (!failure.code && typeof current.message === 'string' && /socket hang up/i.test(current.message)) {
			failure.code = 'ECONNRESET';
		}
		current = current.cause ?? current.reason;
	}
	if (failure.status === undefined && isObject(error)) {
		// n8n 1.x's NodeApiError drops `cause`: the status survives as httpCode, the body in context.data
		const status = Number(error.httpCode);
		if (Number.isInteger(status) && status >= 100) {
			failure.status = status;
			const context = isObject(error.context) ? error.context : {};
			failure.body = context.data;
		}
	}
	if (failure.status === undefined && !failure.code && isObject(error)) {
		// n8n 1.x keeps the original wording in `messages`, read before its own `message`.
		failure.code = networkCodeFromMessages(Array.isArray(error.messages) ? [...error.messages, error.message] : [error.message]);
	}
	return failure;
}

/** Retry-After in milliseconds (seconds or an HTTP date), if Raydocs sent one. */
export function retryAfterMs(failure: HttpFailure, now = Date.now()): number | undefined {
	const text = String(failure.headers['retry-after'] ?? failure.headers['Retry-After'] ?? '');
	if (text === '') return undefined;
	const seconds = Number(text);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(text);
	return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * Removes the credential's own token (when the caller knows it) and anything that looks like a
 * bearer token or a Raydocs token from text we show or keep.
 */
export function redactSecrets(text: string, secrets?: readonly string[]): string {
	// Short values would cut ordinary words out of messages; tokens are long.
	const redacted =
		secrets
			?.filter((secret) => secret.length >= 8)
			.reduce((result, secret) => result.split(secret).join('[redacted token]'), text) ?? text;
	return redacted
		.replace(/Bearer\s+[^\s"',]+/gi, 'Bearer [redacted]')
		.replace(/\brd_[A-Za-z0-9_-]{6,}/g, '[redacted token]');
}

function serverMessage(body: unknown): string | undefined {
	if (isObject(body) && typeof body.message === 'string' && body.message.trim()) {
		return redactSecrets(body.message.trim());
	}
	return undefined;
}

/**
 * A 404 that says the path itself is unknown (Laravel: "The route api/x could not be found."), or
 * that does not come from Raydocs at all (no JSON error body), as opposed to a missing record
 * (Laravel: "No query results for model …", Raydocs: "Template not found.").
 */
export function isUnknownRoute(body: unknown): boolean {
	if (!isObject(body)) return true;
	return typeof body.message === 'string' && /^the route .* could not be found\.?$/i.test(body.message.trim());
}

/**
 * What a failed answer says about the route it was sent to: 405 (a known path with another method)
 * and an unknown-route 404 mean the server has no such route, so it processed nothing; any other 404
 * is about a record.
 */
export function routeAnswer(failure: HttpFailure): 'missing route' | 'missing record' | 'other' {
	if (failure.status === 405) return 'missing route';
	if (failure.status !== 404) return 'other';
	return isUnknownRoute(failure.body) ? 'missing route' : 'missing record';
}

/**
 * Whether the server has no route for the call at all (so it processed nothing): a 405, an
 * unknown-route 404, or a 404 for a path that is no documented Raydocs endpoint.
 */
function isRouteMissing(failure: HttpFailure, matched: MatchedEndpoint | undefined): boolean {
	return routeAnswer(failure) === 'missing route' || (failure.status === 404 && !matched);
}

/** Laravel validation errors as "field: message" lines. */
export function describeValidationErrors(body: unknown): string | undefined {
	if (!isObject(body) || !isObject(body.errors)) return undefined;
	const lines = Object.entries(body.errors).map(([field, messages]) => {
		const text = Array.isArray(messages) ? messages.map(String).join(' ') : String(messages);
		return `${field}: ${text}`;
	});
	return lines.length ? redactSecrets(lines.join('; ')) : undefined;
}

function list(words: string[]): string {
	const quoted = words.map((word) => `"${word}"`);
	const last = quoted.pop();
	return quoted.length ? `${quoted.join(', ')} and ${last}` : `${last}`;
}

export interface FailedRequest {
	method: string;
	/** Path relative to the base URL, e.g. `/workspaces/12`. */
	path: string;
	/** How many times the request was sent. */
	attempts: number;
	/** Whether repeating the call was safe (so retries were allowed). */
	retrySafe: boolean;
	/** The rate-limit settings in force, for the 429 advice. */
	rateLimit?: { requests: number; windowSeconds: number };
	/** Values that must not appear in the error (the access token), whatever the server echoed. */
	secrets?: readonly string[];
}

/** The same JSON value with secrets removed from every string in it. */
function redactJson(value: Record<string, unknown>, secrets?: readonly string[]): JsonObject {
	return JSON.parse(redactSecrets(JSON.stringify(value), secrets?.map((secret) => JSON.stringify(secret).slice(1, -1)))) as JsonObject;
}

interface ExplainedFailure {
	message: string;
	description: string;
}

/** Turns a failure into a message that says what happened and what to change. */
export function explainFailure(failure: HttpFailure, request: FailedRequest): ExplainedFailure {
	const matched = matchEndpoint(request.method, request.path);
	const said = serverMessage(failure.body);
	const saidSuffix = said ? ` Raydocs said: "${said}"` : '';
	const status = failure.status;
	const retried = request.attempts > 1 ? ` after ${request.attempts} attempts` : '';

	if (status === 401) {
		return {
			message: 'Raydocs rejected the access token: it is invalid, expired or revoked (HTTP 401)',
			description:
				'Create a new token in Raydocs (profile → Settings → Access Tokens) and update the Raydocs credential.',
		};
	}
	if (status === 403 && !isObject(failure.body)) {
		// Raydocs words every refusal as JSON; a bare 403 comes from a proxy, firewall or wrong host.
		return {
			message: `Something other than the Raydocs API refused ${request.method} ${request.path} (HTTP 403, no Raydocs error body)`,
			description:
				'The token was not judged by Raydocs. Check the Base URL of the Raydocs credential and any proxy or firewall between n8n and Raydocs.',
		};
	}
	if (status === 403) {
		if (matched?.endpoint.abilities.length) {
			const { abilities, path } = matched.endpoint;
			const noun = abilities.length > 1 ? 'abilities' : 'ability';
			return {
				message: `The Raydocs access token lacks the ${list(abilities)} ${noun} needed for ${request.method} ${path} (HTTP 403)`,
				description: `Edit the token in Raydocs (Settings → Access Tokens) and grant ${list(abilities)}, or pick a credential whose token has ${abilities.length > 1 ? 'them' : 'it'}. If the token has it, the token's user may lack the workspace role this action needs.${saidSuffix}`,
			};
		}
		return {
			message: `Raydocs refused ${request.method} ${request.path} for this token's user (HTTP 403)`,
			description: `The user may need a higher role in the workspace (admins manage members and invites).${saidSuffix}`,
		};
	}
	if (status === 404) {
		if (!matched || isRouteMissing(failure, matched)) {
			const words = said ? `: "${said}"` : isObject(failure.body) ? '' : ' (the answer was not a Raydocs error)';
			return {
				message: `The server has no route for ${request.method} ${request.path} (HTTP 404)${words}`,
				description:
					'Nothing was looked up, so this does not mean a record is missing. Check the Base URL of the Raydocs credential: it must be the API root without a path or version, e.g. https://api.raydocs.com. If it is, this Raydocs deployment runs an API version without this endpoint.',
			};
		}
		const parameters = matched.parameters;
		if (!parameters.length) {
			// e.g. a create whose body names a template that does not exist: only Raydocs' words say which
			return {
				message: `Raydocs could not find something ${request.method} ${request.path} refers to (HTTP 404)${said ? `: ${said}` : ''}`,
				description: "Check the IDs in the request. Raydocs also answers 404 when the token's user has no access to them.",
			};
		}
		const [subjectName, subjectId] = parameters[parameters.length - 1];
		const context = parameters
			.slice(0, -1)
			.map(([name, id]) => ` in ${PATH_PARAMETER_LABELS[name] ?? name} ${id}`)
			.join('');
		return {
			message: `Raydocs could not find ${PATH_PARAMETER_LABELS[subjectName] ?? 'the object'} ${subjectId}${context} (HTTP 404)`,
			description:
				"Check the ID. Raydocs also answers 404 when the token's user is not a member of the workspace that holds it.",
		};
	}
	if (status === 422 || status === 400) {
		const fields = describeValidationErrors(failure.body);
		return {
			message: `Raydocs rejected the request (HTTP ${status}): ${fields ?? said ?? 'the input is not valid'}`,
			description: `Fix the fields named above and run the node again.${fields && said ? ` Raydocs said: "${said}"` : ''}`,
		};
	}
	if (status === 429) {
		const limit = request.rateLimit ?? { requests: 100, windowSeconds: 60 };
		return {
			message: `Raydocs rate limit reached (HTTP 429)${retried}`,
			description: `Raydocs allows ${limit.requests} requests per ${limit.windowSeconds} seconds; the node waited as Raydocs asked and retried. Process fewer items per execution, lower "Rate Limit (Requests)" in the credential if other tools share this limit, or run the workflow later.`,
		};
	}
	if (failure.code === MALFORMED_RESPONSE) {
		return {
			message: `Raydocs answered ${request.method} ${request.path} with a body that is not valid JSON${retried}`,
			description: request.retrySafe
				? 'This is usually a passing fault of the API or a proxy in between. Run the node again later.'
				: 'The call was not repeated automatically because repeating it could create a duplicate: check in Raydocs whether it took effect before running the node again.',
		};
	}
	if ((status ?? 0) >= 500) {
		return {
			message: `Raydocs had a server problem (HTTP ${status})${retried}`,
			description: request.retrySafe
				? `Raydocs did not recover while the node retried. Try again later.${saidSuffix}`
				: `The call was not repeated automatically because repeating it could create a duplicate: check in Raydocs whether it took effect before running the node again.${saidSuffix}`,
		};
	}
	if (failure.code) {
		const dropped = ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ERR_BAD_RESPONSE'].includes(failure.code);
		const code = networkCodeNote(failure.code);
		return {
			message: dropped
				? `The connection to Raydocs dropped before an answer arrived${retried}`
				: `Could not reach Raydocs${retried}`,
			description:
				dropped && !request.retrySafe
					? `The call was not repeated automatically because Raydocs may already have processed it: check in Raydocs whether it took effect before running the node again.${code}`
					: `Check the Base URL in the Raydocs credential and that this n8n instance can reach it.${code}`,
		};
	}
	return {
		message: redactSecrets(`Raydocs request ${request.method} ${request.path} failed: ${said ?? failure.message}`),
		description: status ? `HTTP ${status}` : 'No HTTP status was received.',
	};
}

export function raydocsApiError(
	node: INode,
	failure: HttpFailure,
	request: FailedRequest,
	itemIndex?: number,
): NodeApiError {
	const secrets = request.secrets;
	const explained = explainFailure(failure, request);
	const message = redactSecrets(explained.message, secrets);
	const description = redactSecrets(explained.description, secrets);
	const routeMissing = isRouteMissing(failure, matchEndpoint(request.method, request.path));
	// Built from a plain object so that neither the request config (with its Authorization header)
	// nor an earlier wrapped error ends up inside the error n8n stores with the execution.
	const errorResponse: JsonObject = {
		message,
		description,
		httpCode: failure.status !== undefined ? String(failure.status) : null,
		body: isObject(failure.body) ? redactJson(failure.body, secrets) : null,
		// Not `code`: NodeApiError would swap our message for its generic one for network codes.
		networkCode: failure.code ?? null,
		routeMissing,
	};
	// NodeApiError takes its httpCode from errorResponse.
	return new NodeApiError(node, errorResponse, { message, description, itemIndex });
}

/**
 * Whether an error of raydocsApiError says the server does not have the route at all (404 for an
 * unknown route, or 405), so the call was not processed and another form of it may be tried.
 */
export function isMissingRouteError(error: unknown): boolean {
	return isObject(error) && isObject(error.errorResponse) && error.errorResponse.routeMissing === true;
}

/**
 * A network error code (ECONNRESET...) for an error's description. Codes stay out of messages: n8n
 * replaces a message that contains one with its own generic text.
 */
export function networkCodeNote(code: string | undefined): string {
	return code ? ` Network code: ${code}.` : '';
}
