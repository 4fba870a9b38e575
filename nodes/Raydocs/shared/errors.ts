import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { matchEndpoint, PATH_PARAMETER_LABELS, type MatchedEndpoint } from './endpoints';
import { grantAbilitiesFix, NEW_TOKEN_FIX, quotedList } from './tokenHelp';

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

/** n8n itself refused to send the request (its SSRF protection): nothing went out, a repeat is refused again. */
export const REFUSED_BY_N8N = 'REFUSED_BY_N8N';

/**
 * The network failures the node recognises, each with what it means in words. `dropped`: the
 * connection broke after the request went out, so the server may have processed it. `final`: no
 * request went out and another attempt gets the same answer.
 */
const NETWORK_FAILURES: Record<string, { meaning: string; dropped?: true; final?: true }> = {
	ECONNRESET: { meaning: 'the server or a proxy in between closed the connection', dropped: true },
	EPIPE: { meaning: 'the connection closed while the request was still being sent', dropped: true },
	UND_ERR_SOCKET: { meaning: 'the connection closed before the whole answer arrived', dropped: true },
	ERR_BAD_RESPONSE: { meaning: 'the answer could not be read', dropped: true },
	ECONNREFUSED: { meaning: 'nothing accepts connections at that address and port (is the server running, is the port right?)' },
	ENOTFOUND: { meaning: 'the host name does not resolve to an address (a typo in the host, or no DNS entry for it)' },
	EAI_AGAIN: { meaning: 'the DNS lookup of the host name failed for now (the DNS server did not answer)' },
	ETIMEDOUT: { meaning: 'the host did not respond in time (a firewall may be dropping the connection)' },
	ESOCKETTIMEDOUT: { meaning: 'the connection stayed silent for too long' },
	ERR_SOCKET_CONNECTION_TIMEOUT: { meaning: 'the connection could not be opened in time' },
	ECONNABORTED: { meaning: 'no answer arrived within the request timeout' },
	EHOSTUNREACH: { meaning: 'no network route leads to the host' },
	[REFUSED_BY_N8N]: {
		meaning:
			"n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED) refused the address before sending anything; an n8n administrator can allow it with N8N_SSRF_ALLOWED_IP_RANGES or N8N_SSRF_ALLOWED_HOSTNAMES",
		final: true,
	},
};

/** Whether another attempt could get through: false for a refusal made before anything was sent. */
export function mayRepeatAfterCode(code: string): boolean {
	return NETWORK_FAILURES[code]?.final !== true;
}

/** A failure in two or three words for a message: "HTTP 403", "refused by n8n" or "no answer". */
export function failureInBrief(failure: Pick<HttpFailure, 'status' | 'code'>): string {
	if (failure.status !== undefined) return `HTTP ${failure.status}`;
	return failure.code === REFUSED_BY_N8N ? 'refused by n8n' : 'no answer';
}

/** n8n 2.x's SSRF protection throws SsrfBlockedIpError or SsrfBlockedHostnameError (@n8n/backend-network). */
const isSsrfRefusal = (error: Record<string, unknown>): boolean => typeof error.name === 'string' && /^Ssrf\w*Error$/.test(error.name);

const isFailureCode = (code: unknown): code is string =>
	code === MALFORMED_RESPONSE || Object.prototype.hasOwnProperty.call(NETWORK_FAILURES, code as PropertyKey);

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
 * The failure a full response stands for, or undefined for a success. The transport sends with
 * `ignoreHttpStatusErrors` and reads the status here: n8n 1.x's helpers drop the response headers
 * (Retry-After) from the errors they throw.
 */
export function failureOfResponse(response: { statusCode?: number; headers?: unknown; body?: unknown }): HttpFailure | undefined {
	const status = Number(response.statusCode);
	if (!Number.isFinite(status) || status < 400) return undefined;
	return {
		status,
		headers: isObject(response.headers) ? { ...response.headers } : {},
		body: decodeBody(response.body),
		message: `HTTP ${status}`,
	};
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
		if (!failure.code && isSsrfRefusal(current)) failure.code = REFUSED_BY_N8N;
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

/** Laravel validation errors as "field: message" lines. */
export function describeValidationErrors(body: unknown): string | undefined {
	if (!isObject(body) || !isObject(body.errors)) return undefined;
	const lines = Object.entries(body.errors).map(([field, messages]) => {
		const text = Array.isArray(messages) ? messages.map(String).join(' ') : String(messages);
		return `${field}: ${text}`;
	});
	return lines.length ? redactSecrets(lines.join('; ')) : undefined;
}

export interface FailedRequest {
	method: string;
	/** Path relative to the base URL, e.g. `/workspaces/12`. */
	path: string;
	/** The body sent, read for the IDs a 404 may be about (e.g. `extraction_template_id`). */
	body?: unknown;
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

/** What a network code means, in words ("ENOTFOUND: the host name does not resolve ..."). */
export function explainNetworkCode(code: string): string {
	const meaning = Object.prototype.hasOwnProperty.call(NETWORK_FAILURES, code) ? NETWORK_FAILURES[code].meaning : undefined;
	return meaning ? `${code}: ${meaning}` : code;
}

/**
 * A network code for an error's description, with what it means. Codes stay out of messages: n8n
 * replaces a message that contains one with its own generic text.
 */
export function networkCodeNote(code: string | undefined): string {
	return code ? ` Network code ${explainNetworkCode(code)}.` : '';
}

/** What is known when a failure is explained. */
interface FailureFacts {
	failure: HttpFailure;
	request: FailedRequest;
	/** The documented endpoint the request went to. */
	matched?: MatchedEndpoint;
	/** Raydocs' own words (the `message` of its error body), without secrets. */
	said?: string;
	/** " after N attempts" when the call was sent more than once. */
	retried: string;
}

/** One kind of failure: which answers it covers, what the message says and what the fix is. */
interface FailureKind {
	kind: string;
	fits(facts: FailureFacts): boolean;
	message(facts: FailureFacts): string;
	fix(facts: FailureFacts): string;
}

const saidSuffix = ({ said }: FailureFacts) => (said ? ` Raydocs said: "${said}"` : '');
const call = ({ request }: FailureFacts) => `${request.method} ${request.path}`;
const NOT_REPEATED =
	'The call was not repeated automatically because repeating it could create a duplicate: check in Raydocs whether it took effect before running the node again.';
const REACH_BASE_URL = 'Check the Base URL in the Raydocs credential and that this n8n instance can reach it.';

/** Whether the server has no route for the call at all (so it processed nothing). */
function isRouteMissing({ failure, matched }: FailureFacts): boolean {
	return routeAnswer(failure) === 'missing route' || (failure.status === 404 && !matched);
}

/** `extraction_template_id` → template: the body field names the path parameters' things. */
function labelOfBodyField(name: string): string | undefined {
	return Object.entries(PATH_PARAMETER_LABELS).find(([parameter]) =>
		name.endsWith(parameter.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)),
	)?.[1];
}

/**
 * What a 404 of a request without IDs in its path is about: the body's ID field that Raydocs' words
 * name ("Template not found."), or its only ID field; the thing Raydocs names, when it is one the
 * node knows, if no field holds it.
 */
function missingFromBody({ request, said }: FailureFacts): { label: string; id?: string } | undefined {
	const fields = Object.entries(isObject(request.body) ? request.body : {}).flatMap(([name, value]) => {
		const label = labelOfBodyField(name);
		return label && (typeof value === 'string' || typeof value === 'number') ? [{ label, id: String(value) }] : [];
	});
	const named = Object.values(PATH_PARAMETER_LABELS).find((label) => new RegExp(`^${label} not found\\.?$`, 'i').test(said ?? ''));
	if (named) return fields.find((field) => field.label === named) ?? { label: named };
	return fields.length === 1 ? fields[0] : undefined;
}

function missingRecordMessage(facts: FailureFacts): string {
	// a 404 without a documented endpoint is a missing route
	const parameters = facts.matched!.parameters;
	if (parameters.length) {
		const [subjectName, subjectId] = parameters[parameters.length - 1];
		const context = parameters
			.slice(0, -1)
			.map(([name, id]) => ` in ${PATH_PARAMETER_LABELS[name] ?? name} ${id}`)
			.join('');
		return `Raydocs could not find ${PATH_PARAMETER_LABELS[subjectName] ?? 'the object'} ${subjectId}${context} (HTTP 404)`;
	}
	const missing = missingFromBody(facts);
	if (missing) return `Raydocs has no ${missing.label} with ${missing.id ? `the ID ${missing.id}` : 'the ID given'} (HTTP 404)`;
	return `Raydocs could not find something ${call(facts)} refers to (HTTP 404)${facts.said ? `: ${facts.said}` : ''}`;
}

/** Every kind of failure, most specific first: the first that fits explains a failure. */
const FAILURE_KINDS: readonly FailureKind[] = [
	{
		kind: 'token rejected',
		fits: ({ failure }) => failure.status === 401,
		message: () => 'Raydocs rejected the access token: it is invalid, expired or revoked (HTTP 401)',
		fix: () => NEW_TOKEN_FIX,
	},
	{
		// Raydocs words every refusal as JSON; a bare 403 comes from a proxy, firewall or wrong host.
		kind: 'refused before Raydocs',
		fits: ({ failure }) => failure.status === 403 && !isObject(failure.body),
		message: (facts) => `Something other than the Raydocs API refused ${call(facts)} (HTTP 403, no Raydocs error body)`,
		fix: () =>
			'The token was not judged by Raydocs. Check the Base URL of the Raydocs credential and any proxy or firewall between n8n and Raydocs.',
	},
	{
		kind: 'ability missing',
		fits: ({ failure, matched }) => failure.status === 403 && Boolean(matched?.endpoint.abilities.length),
		message: (facts) => {
			const { abilities, path } = facts.matched!.endpoint;
			const noun = abilities.length > 1 ? 'abilities' : 'ability';
			return `The Raydocs access token lacks the ${quotedList(abilities)} ${noun} needed for ${facts.request.method} ${path} (HTTP 403)`;
		},
		fix: (facts) => {
			const { abilities } = facts.matched!.endpoint;
			return `${grantAbilitiesFix(abilities)}, or pick a credential whose token has ${abilities.length > 1 ? 'them' : 'it'}. If the token has it, the token's user may lack the workspace role this action needs.${saidSuffix(facts)}`;
		},
	},
	{
		kind: 'role missing',
		fits: ({ failure }) => failure.status === 403,
		message: (facts) => `Raydocs refused ${call(facts)} for this token's user (HTTP 403)`,
		fix: (facts) => `The user may need a higher role in the workspace (admins manage members and invites).${saidSuffix(facts)}`,
	},
	{
		kind: 'route missing',
		fits: isRouteMissing,
		message: (facts) => {
			const words = facts.said ? `: "${facts.said}"` : isObject(facts.failure.body) ? '' : ' (the answer was not a Raydocs error)';
			return `The server has no route for ${call(facts)} (HTTP ${facts.failure.status})${words}`;
		},
		fix: () =>
			'Nothing was looked up, so this does not mean a record is missing. Check the Base URL of the Raydocs credential: it must be the API root without a path or version, e.g. https://api.raydocs.com. If it is, this Raydocs deployment runs an API version without this endpoint.',
	},
	{
		kind: 'record missing',
		fits: ({ failure }) => failure.status === 404,
		message: missingRecordMessage,
		fix: (facts) =>
			facts.matched!.parameters.length
				? "Check the ID. Raydocs also answers 404 when the token's user is not a member of the workspace that holds it."
				: missingFromBody(facts)
					? "Check the ID. Raydocs also answers 404 when the token's user has no access to it."
					: "Check the IDs in the request. Raydocs also answers 404 when the token's user has no access to them.",
	},
	{
		kind: 'input rejected',
		fits: ({ failure }) => failure.status === 422 || failure.status === 400,
		message: (facts) =>
			`Raydocs rejected the request (HTTP ${facts.failure.status}): ${describeValidationErrors(facts.failure.body) ?? facts.said ?? 'the input is not valid'}`,
		fix: (facts) =>
			`Fix the fields named above and run the node again.${describeValidationErrors(facts.failure.body) ? saidSuffix(facts) : ''}`,
	},
	{
		kind: 'rate limited',
		fits: ({ failure }) => failure.status === 429,
		message: (facts) => `Raydocs rate limit reached (HTTP 429)${facts.retried}`,
		fix: ({ request }) => {
			const limit = request.rateLimit ?? { requests: 100, windowSeconds: 60 };
			return `Raydocs allows ${limit.requests} requests per ${limit.windowSeconds} seconds; the node waited as Raydocs asked and retried. Process fewer items per execution, lower "Rate Limit (Requests)" in the credential if other tools share this limit, or run the workflow later.`;
		},
	},
	{
		kind: 'not JSON',
		fits: ({ failure }) => failure.code === MALFORMED_RESPONSE,
		message: (facts) => `Raydocs answered ${call(facts)} with a body that is not valid JSON${facts.retried}`,
		fix: ({ request }) =>
			request.retrySafe ? 'This is usually a passing fault of the API or a proxy in between. Run the node again later.' : NOT_REPEATED,
	},
	{
		kind: 'server fault',
		fits: ({ failure }) => (failure.status ?? 0) >= 500,
		message: (facts) => `Raydocs had a server problem (HTTP ${facts.failure.status})${facts.retried}`,
		fix: (facts) =>
			`${facts.request.retrySafe ? 'Raydocs did not recover while the node retried. Try again later.' : NOT_REPEATED}${saidSuffix(facts)}`,
	},
	{
		kind: 'connection dropped',
		fits: ({ failure }) => NETWORK_FAILURES[failure.code ?? '']?.dropped === true,
		message: (facts) => `The connection to Raydocs dropped before an answer arrived${facts.retried}`,
		fix: ({ request, failure }) =>
			`${request.retrySafe ? REACH_BASE_URL : 'The call was not repeated automatically because Raydocs may already have processed it: check in Raydocs whether it took effect before running the node again.'}${networkCodeNote(failure.code)}`,
	},
	{
		kind: 'refused by n8n',
		fits: ({ failure }) => failure.code === REFUSED_BY_N8N,
		message: () => "n8n's SSRF protection refused to send the request to Raydocs",
		fix: ({ failure }) => `The Base URL of the Raydocs credential points to an address n8n blocks.${networkCodeNote(failure.code)}`,
	},
	{
		kind: 'unreachable',
		fits: ({ failure }) => failure.code !== undefined,
		message: (facts) => `Could not reach Raydocs${facts.retried}`,
		fix: ({ failure }) => `${REACH_BASE_URL}${networkCodeNote(failure.code)}`,
	},
	{
		kind: 'other',
		fits: () => true,
		message: (facts) => redactSecrets(`Raydocs request ${call(facts)} failed: ${facts.said ?? facts.failure.message}`),
		fix: ({ failure }) => (failure.status ? `HTTP ${failure.status}` : 'No HTTP status was received.'),
	},
];

function kindOf(facts: FailureFacts): FailureKind {
	// The last kind fits every failure.
	return FAILURE_KINDS.find((candidate) => candidate.fits(facts))!;
}

function factsOf(failure: HttpFailure, request: FailedRequest): FailureFacts {
	return {
		failure,
		request,
		matched: matchEndpoint(request.method, request.path),
		said: serverMessage(failure.body),
		retried: request.attempts > 1 ? ` after ${request.attempts} attempts` : '',
	};
}

/** Turns a failure into a message that says what happened and a description of what to change. */
export function explainFailure(failure: HttpFailure, request: FailedRequest): { message: string; description: string } {
	const facts = factsOf(failure, request);
	const kind = kindOf(facts);
	return { message: kind.message(facts), description: kind.fix(facts) };
}

export function raydocsApiError(
	node: INode,
	failure: HttpFailure,
	request: FailedRequest,
	itemIndex?: number,
): NodeApiError {
	const secrets = request.secrets;
	const facts = factsOf(failure, request);
	const kind = kindOf(facts);
	const message = redactSecrets(kind.message(facts), secrets);
	const description = redactSecrets(kind.fix(facts), secrets);
	// Built from a plain object so that neither the request config (with its Authorization header)
	// nor an earlier wrapped error ends up inside the error n8n stores with the execution.
	const errorResponse: JsonObject = {
		message,
		description,
		httpCode: failure.status !== undefined ? String(failure.status) : null,
		body: isObject(failure.body) ? redactJson(failure.body, secrets) : null,
		// Not `code`: NodeApiError would swap our message for its generic one for network codes.
		networkCode: failure.code ?? null,
		routeMissing: kind.kind === 'route missing',
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
