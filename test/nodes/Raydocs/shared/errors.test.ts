import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import {
	describeValidationErrors,
	explainFailure,
	explainNetworkCode,
	type FailedRequest,
	failureInBrief,
	failureOfResponse,
	type HttpFailure,
	isMissingRouteError,
	networkCodeNote,
	isUnknownRoute,
	mayRepeatAfterCode,
	MALFORMED_RESPONSE,
	raydocsApiError,
	readHttpFailure,
	redactSecrets,
	routeAnswer,
} from '../../../../nodes/Raydocs/shared/errors';

const node: INode = { id: '1', name: 'Raydocs', type: 'n8n-nodes-raydocs.raydocs', typeVersion: 1, position: [0, 0], parameters: {} };

describe('readHttpFailure', () => {
	it('reads status, headers and body from an axios-style cause (n8n 2.x)', () => {
		const failure = readHttpFailure({
			message: 'Request failed',
			cause: { response: { status: 429, headers: { 'retry-after': '3' }, data: { message: 'Too Many Attempts.' } } },
		});
		expect(failure).toMatchObject({ status: 429, headers: { 'retry-after': '3' }, body: { message: 'Too Many Attempts.' } });
	});

	it('falls back to httpCode and context.data when n8n 1.x dropped the cause', () => {
		const error = new NodeApiError(node, { message: 'Forbidden' } as JsonObject, { httpCode: '403' });
		error.context.data = { message: 'This action is unauthorized.' };
		const failure = readHttpFailure(error);
		expect(failure).toMatchObject({ status: 403, body: { message: 'This action is unauthorized.' } });
		expect(explainFailure(failure, { method: 'POST', path: '/workspaces/create', attempts: 1, retrySafe: false }).message).toContain(
			'"workspaces-write"',
		);
	});

	it('keeps network codes when there is no status', () => {
		const failure = readHttpFailure({ message: 'x', cause: { code: 'ECONNRESET' } });
		expect(failure.code).toBe('ECONNRESET');
		expect(failure.status).toBeUndefined();
	});

	it('reads the code back from the messages n8n 1.x rewords (its NodeApiError drops the cause)', () => {
		const reset = new NodeApiError(node, { message: 'socket hang up' } as JsonObject);
		reset.message =
			'The connection to the server was closed unexpectedly, perhaps it is offline. You can retry the request immediately or wait and retry later.';
		expect(readHttpFailure(reset).code).toBe('ECONNRESET');
		expect(readHttpFailure(reset).status).toBeUndefined();
		const worded = (message: string, messages: string[] = []) => readHttpFailure({ message, messages, httpCode: null }).code;
		expect(worded('The connection was aborted, perhaps the server is offline', ['timeout of 300000ms exceeded'])).toBe('ECONNABORTED');
		expect(worded("The connection timed out, consider setting the 'Retry on Fail' option in the node settings")).toBe('ETIMEDOUT');
		expect(worded('The service refused the connection - perhaps it is offline')).toBe('ECONNREFUSED');
		expect(worded('Something else went wrong')).toBeUndefined();
		// A status wins over any wording.
		const gateway = readHttpFailure({ message: 'The connection to the server was closed unexpectedly', httpCode: '502' });
		expect([gateway.status, gateway.code]).toEqual([502, undefined]);
	});

});

describe('explainFailure: 404', () => {
	const request = { method: 'GET', path: '/extractions/templates/550e8400-e29b-41d4-a716-446655440000', attempts: 1, retrySafe: true };

	it('names the missing record when Raydocs looked it up', () => {
		const { message } = explainFailure({ status: 404, headers: {}, body: { message: 'Template not found.' }, message: '' }, request);
		expect(message).toBe('Raydocs could not find template 550e8400-e29b-41d4-a716-446655440000 (HTTP 404)');
	});

	it('says the route is unknown, in the server\'s words, with a hint about the Base URL and API version', () => {
		const body = { message: 'The route v2/extractions/templates/550e8400-e29b-41d4-a716-446655440000 could not be found.' };
		const { message, description } = explainFailure({ status: 404, headers: {}, body, message: '' }, request);
		expect(message).toContain('The server has no route for GET /extractions/templates/550e8400-e29b-41d4-a716-446655440000 (HTTP 404)');
		expect(message).toContain(body.message);
		expect(message).not.toContain('could not find template');
		expect(description).toMatch(/Base URL.*API version/s);
	});

	it('treats a 404 without a Raydocs error body as a missing route, not a missing record', () => {
		const { message } = explainFailure({ status: 404, headers: {}, body: '<html>Not Found</html>', message: '' }, request);
		expect(message).toContain('no route');
		expect(message).toContain('not a Raydocs error');
	});
});

describe('explainFailure: 403', () => {
	const request = { method: 'GET', path: '/workspaces', attempts: 1, retrySafe: true };

	it('names the ability when Raydocs refused, and does not when something else did', () => {
		const fromRaydocs = explainFailure({ status: 403, headers: {}, body: { message: 'This action is unauthorized.' }, message: '' }, request);
		expect(fromRaydocs.message).toContain('"workspaces-read"');
		const fromProxy = explainFailure({ status: 403, headers: {}, body: '<html>Forbidden</html>', message: '' }, request);
		expect(fromProxy.message).toBe('Something other than the Raydocs API refused GET /workspaces (HTTP 403, no Raydocs error body)');
		expect(fromProxy.message).not.toContain('workspaces-read');
	});
});

/** A failure with only the fields a test cares about. */
const failureOf = (fields: Partial<HttpFailure>): HttpFailure => ({ headers: {}, message: '', ...fields });
const read = (path: string, extra: Partial<FailedRequest> = {}): FailedRequest => ({ method: 'GET', path, attempts: 1, retrySafe: true, ...extra });
const create = (path: string, extra: Partial<FailedRequest> = {}): FailedRequest => ({ method: 'POST', path, attempts: 1, retrySafe: false, ...extra });

describe('readHttpFailure: whatever shape the error has', () => {
	it('keeps the error\'s message, or its text when it has none', () => {
		expect(readHttpFailure(new Error('boom')).message).toBe('boom');
		expect(readHttpFailure('plain text')).toEqual({ headers: {}, message: 'plain text' });
		expect(readHttpFailure({ message: 42 }).message).toBe('[object Object]');
		expect(readHttpFailure(null)).toEqual({ headers: {}, message: 'null' });
		expect(readHttpFailure(undefined)).toEqual({ headers: {}, message: 'undefined' });
	});

	it('reads statusCode and body when the response names them so', () => {
		const failure = readHttpFailure({ message: 'x', response: { statusCode: 503, headers: { 'retry-after': '2' }, body: { message: 'Down' } } });
		expect(failure).toEqual({ status: 503, headers: { 'retry-after': '2' }, body: { message: 'Down' }, message: 'x' });
	});

	it('takes the outermost response with a real status and copies its headers', () => {
		const headers = { 'x-one': '1' };
		const failure = readHttpFailure({
			message: 'outer',
			response: { status: 0, headers: { ignored: true }, data: 'no status' },
			cause: { response: { status: 502, headers, data: 'gateway' }, cause: { response: { status: 404, data: 'inner' } } },
		});
		expect(failure).toMatchObject({ status: 502, headers: { 'x-one': '1' }, body: 'gateway' });
		expect(failure.headers).not.toBe(headers);
		expect(readHttpFailure({ response: { status: 'abc' } }).status).toBeUndefined();
		expect(readHttpFailure({ response: { status: 500, headers: 'not an object' } }).headers).toEqual({});
		expect(readHttpFailure({ response: { status: 500, data: null, body: 'from body' } }).body).toBe('from body');
	});

	it('follows cause and reason, and stops on a loop', () => {
		expect(readHttpFailure({ reason: { response: { status: 409 } } }).status).toBe(409);
		const looped: Record<string, unknown> = { message: 'loop' };
		looped.cause = { cause: looped };
		expect(readHttpFailure(looped)).toEqual({ headers: {}, message: 'loop', code: undefined });
	});

	it('keeps the first network code, and only network codes (or a malformed answer)', () => {
		expect(readHttpFailure({ code: 'ETIMEDOUT', cause: { code: 'ECONNRESET' } }).code).toBe('ETIMEDOUT');
		expect(readHttpFailure({ code: 'ERR_SOMETHING', cause: { code: 'EPIPE' } }).code).toBe('EPIPE');
		expect(readHttpFailure({ code: MALFORMED_RESPONSE }).code).toBe(MALFORMED_RESPONSE);
		expect(readHttpFailure({ code: 'ERR_INVALID_ARG', message: 'nothing network' }).code).toBeUndefined();
		expect(readHttpFailure({ code: 7, message: 'nothing network' }).code).toBeUndefined();
		for (const code of ['ECONNREFUSED', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'UND_ERR_SOCKET', 'ERR_BAD_RESPONSE']) {
			expect(readHttpFailure({ cause: { code } }).code).toBe(code);
		}
	});

	it('reads "socket hang up" anywhere in the chain as a dropped connection, unless a code was found', () => {
		expect(readHttpFailure({ message: 'request failed', cause: { message: 'Socket hang up' } }).code).toBe('ECONNRESET');
		expect(readHttpFailure({ message: 'socket hang up', code: 'ETIMEDOUT' }).code).toBe('ETIMEDOUT');
		expect(readHttpFailure({ message: 'socket hang up', response: { status: 502 } })).toMatchObject({ status: 502, code: 'ECONNRESET' });
	});

	it('uses n8n 1.x\'s httpCode only when it is a real status, with the body from context.data', () => {
		expect(readHttpFailure({ message: 'x', httpCode: '422', context: { data: { errors: {} } } })).toMatchObject({ status: 422, body: { errors: {} } });
		expect(readHttpFailure({ message: 'x', httpCode: '404', context: 'none' })).toEqual({ headers: {}, message: 'x', status: 404, body: undefined });
		expect(readHttpFailure({ message: 'x', httpCode: '100' }).status).toBe(100);
		expect(readHttpFailure({ message: 'x', httpCode: '99' }).status).toBeUndefined();
		expect(readHttpFailure({ message: 'x', httpCode: '404.5' }).status).toBeUndefined();
		expect(readHttpFailure({ message: 'x', httpCode: '401', response: { status: 503 } }).status).toBe(503);
	});

	it('reads the code from the wording of every network failure n8n 1.x rewords, first match first', () => {
		const worded = (message: unknown, messages?: unknown) => readHttpFailure({ message, messages }).code;
		expect(worded('read ECONNRESET')).toBe('ECONNRESET');
		expect(worded('The server closed the connection')).toBe('ECONNRESET');
		expect(worded('write EPIPE')).toBe('EPIPE');
		expect(worded('connect ECONNREFUSED 127.0.0.1:1')).toBe('ECONNREFUSED');
		expect(worded('connect ETIMEDOUT')).toBe('ETIMEDOUT');
		expect(worded('ESOCKETTIMEDOUT')).toBe('ETIMEDOUT');
		expect(worded('ECONNABORTED')).toBe('ECONNABORTED');
		expect(worded('timeout of 5ms exceeded')).toBe('ECONNABORTED');
		expect(worded('getaddrinfo EAI_AGAIN api.raydocs.com')).toBe('EAI_AGAIN');
		expect(worded('The DNS server returned an error, perhaps the server is offline')).toBe('EAI_AGAIN');
		expect(worded('getaddrinfo ENOTFOUND api.raydocs.com')).toBe('ENOTFOUND');
		expect(worded('The connection cannot be established, this usually occurs due to an incorrect host (domain) value')).toBe('ENOTFOUND');
		expect(worded('connect EHOSTUNREACH 10.0.0.1:443')).toBe('EHOSTUNREACH');
		expect(worded('The host is unreachable, perhaps the server is offline')).toBe('EHOSTUNREACH');
		// the original message (kept in messages) is read before the reworded one
		expect(worded('The connection was aborted', ['connect ECONNREFUSED 127.0.0.1:1'])).toBe('ECONNREFUSED');
		expect(worded('The connection was aborted', 'connect ECONNREFUSED')).toBe('ECONNABORTED');
		// whole codes only, and only text
		expect(worded('EPIPELINE_FAILED')).toBeUndefined();
		expect(worded('XECONNRESET')).toBeUndefined();
		expect(worded(undefined, [new Error('socket hang up')])).toBeUndefined();
		expect(worded(['socket hang up'])).toBeUndefined();
		expect(readHttpFailure({ message: 'connect ECONNREFUSED', code: 'ETIMEDOUT' }).code).toBe('ETIMEDOUT');
	});
});

describe('failureOfResponse: the status of an answer the transport reads itself', () => {
	it('is a failure from 400 on only, with the status, a copy of the headers and the body', () => {
		expect(failureOfResponse({ statusCode: 399, headers: {}, body: '' })).toBeUndefined();
		expect(failureOfResponse({ statusCode: 204, headers: {}, body: '' })).toBeUndefined();
		expect(failureOfResponse({ statusCode: undefined, body: '' })).toBeUndefined();
		expect(failureOfResponse({ statusCode: 400, headers: 'none', body: { message: 'Bad' } })).toEqual({
			status: 400,
			headers: {},
			body: { message: 'Bad' },
			message: 'HTTP 400',
		});
		const headers = { 'retry-after': '1' };
		const limited = failureOfResponse({ statusCode: 429, headers, body: '' });
		expect(limited?.headers).toEqual(headers);
		expect(limited?.headers).not.toBe(headers);
	});

	it('reads a JSON body from text, bytes or an ArrayBuffer, and keeps other text as it is', () => {
		const json = JSON.stringify({ message: 'Gone' });
		const bodyOf = (body: unknown) => failureOfResponse({ statusCode: 410, headers: {}, body })?.body;
		expect(bodyOf(json)).toEqual({ message: 'Gone' });
		expect(bodyOf(new TextEncoder().encode(json).buffer)).toEqual({ message: 'Gone' });
		expect(bodyOf(Buffer.from('<html>Bad Gateway</html>'))).toBe('<html>Bad Gateway</html>');
		expect(bodyOf(undefined)).toBeUndefined();
		// an answer already read as JSON stays as it is
		expect(bodyOf([7])).toEqual([7]);
		expect(bodyOf({ message: 'Bad' })).toEqual({ message: 'Bad' });
	});
});

describe('redactSecrets', () => {
	it('removes the known token, when it is long enough to be one', () => {
		expect(redactSecrets('token abcdefgh was used', ['abcdefgh'])).toBe('token [redacted token] was used');
		expect(redactSecrets('x abcdefgh y abcdefgh', ['abcdefgh'])).toBe('x [redacted token] y [redacted token]');
		expect(redactSecrets('the word General stays', ['General'])).toBe('the word General stays');
	});

	it('removes bearer tokens and Raydocs tokens by their look', () => {
		expect(redactSecrets('Authorization: bearer abc.def-123, next')).toBe('Authorization: Bearer [redacted], next');
		expect(redactSecrets('"Bearer  xyz"')).toBe('"Bearer [redacted]"');
		expect(redactSecrets('a rd_abc-DEF_123 b')).toBe('a [redacted token] b');
		expect(redactSecrets('rd_short and word_rd_abcdefgh')).toBe('rd_short and word_rd_abcdefgh');
	});
});

describe('the answer about a route', () => {
	it('tells an unknown route from a missing record', () => {
		expect(isUnknownRoute('<html>Not Found</html>')).toBe(true);
		expect(isUnknownRoute(undefined)).toBe(true);
		expect(isUnknownRoute({ message: ' The route api/v9/x could not be found. ' })).toBe(true);
		expect(isUnknownRoute({ message: 'the route x could not be found' })).toBe(true);
		expect(isUnknownRoute({ message: 'Error: the route x could not be found.' })).toBe(false);
		expect(isUnknownRoute({ message: 'The route x could not be found. Try again' })).toBe(false);
		expect(isUnknownRoute({ message: 'No query results for model [Template].' })).toBe(false);
		expect(isUnknownRoute({ error: 'Not Found' })).toBe(false);
	});

	it('reads 405 and unknown-route 404 as a missing route, other 404s as a missing record', () => {
		expect(routeAnswer(failureOf({ status: 405, body: { message: 'Method not allowed' } }))).toBe('missing route');
		expect(routeAnswer(failureOf({ status: 404, body: 'Not Found' }))).toBe('missing route');
		expect(routeAnswer(failureOf({ status: 404, body: { message: 'Template not found.' } }))).toBe('missing record');
		expect(routeAnswer(failureOf({ status: 500, body: 'Not Found' }))).toBe('other');
		expect(routeAnswer(failureOf({ code: 'ECONNRESET' }))).toBe('other');
	});
});

describe('describeValidationErrors', () => {
	it('lists each field with its messages', () => {
		expect(describeValidationErrors({ errors: { name: ['Required.', 'Too short.'], role: 'Invalid.' } })).toBe(
			'name: Required. Too short.; role: Invalid.',
		);
		expect(describeValidationErrors({ message: 'x', errors: { token: ['rd_abcdefghij is wrong'] } })).toBe('token: [redacted token] is wrong');
	});

	it('gives nothing when there are no field errors', () => {
		expect(describeValidationErrors({ errors: {} })).toBeUndefined();
		expect(describeValidationErrors({ errors: 'bad' })).toBeUndefined();
		expect(describeValidationErrors({ message: 'bad' })).toBeUndefined();
		expect(describeValidationErrors('errors')).toBeUndefined();
	});
});

describe('explainFailure: every kind of failure says what happened and what to change', () => {
	it('401: the token', () => {
		expect(explainFailure(failureOf({ status: 401, body: { message: 'Unauthenticated.' } }), read('/workspaces'))).toEqual({
			message: 'Raydocs rejected the access token: it is invalid, expired or revoked (HTTP 401)',
			description: "Create a new token in Raydocs (profile → Settings → Access Tokens) and paste it into the Raydocs credential's Access Token field.",
		});
	});

	it('403: the missing abilities (one, or several), with Raydocs\' words', () => {
		const one = explainFailure(failureOf({ status: 403, body: { message: ' This action is unauthorized. ' } }), create('/workspaces/create'));
		expect(one).toEqual({
			message: 'The Raydocs access token lacks the "workspaces-write" ability needed for POST /workspaces/create (HTTP 403)',
			description:
				'Edit the token in Raydocs (profile → Settings → Access Tokens) and grant "workspaces-write", or pick a credential whose token has it. If the token has it, the token\'s user may lack the workspace role this action needs. Raydocs said: "This action is unauthorized."',
		});
		const two = explainFailure(failureOf({ status: 403, body: {} }), read('/workspaces/12/documents/doc-1/url'));
		expect(two.message).toBe(
			'The Raydocs access token lacks the "workspaces-read" and "documents-read" abilities needed for GET /workspaces/{workspaceId}/documents/{documentId}/url (HTTP 403)',
		);
		expect(two.description).toContain('grant "workspaces-read" and "documents-read", or pick a credential whose token has them.');
		expect(two.description).not.toContain('Raydocs said');
		const three = explainFailure(failureOf({ status: 403, body: {} }), read('/workspaces/1/workflows/2/runs'));
		expect(three.message).toContain('"workspaces-read" and "workflows-read" abilities');
	});

	it('403 where no ability applies: the user\'s role', () => {
		const file = explainFailure(failureOf({ status: 403, body: { message: 'Not a member.' } }), read('/workspaces/1/workflows/2/runs/3/file'));
		expect(file).toEqual({
			message: "Raydocs refused GET /workspaces/1/workflows/2/runs/3/file for this token's user (HTTP 403)",
			description: 'The user may need a higher role in the workspace (admins manage members and invites). Raydocs said: "Not a member."',
		});
		const unknown = explainFailure(failureOf({ status: 403, body: {} }), read('/not-documented'));
		expect(unknown.message).toBe("Raydocs refused GET /not-documented for this token's user (HTTP 403)");
		expect(unknown.description).toBe('The user may need a higher role in the workspace (admins manage members and invites).');
	});

	it('404 of a record: names it and where it was looked for', () => {
		const nested = explainFailure(failureOf({ status: 404, body: { message: 'Document not found.' } }), read('/workspaces/12/documents/doc%201'));
		expect(nested).toEqual({
			message: 'Raydocs could not find document doc 1 in workspace 12 (HTTP 404)',
			description: "Check the ID. Raydocs also answers 404 when the token's user is not a member of the workspace that holds it.",
		});
		const runOutput = explainFailure(failureOf({ status: 404, body: {} }), read('/workspaces/1/workflows/w/runs/r/output'));
		expect(runOutput.message).toBe('Raydocs could not find workflow run r in workspace 1 in workflow w (HTTP 404)');
		const format = explainFailure(
			failureOf({ status: 404, body: { message: 'Unknown format.' } }),
			create('/extractions/templates/t1/sessions/batch/export/csv'),
		);
		expect(format.message).toBe('Raydocs could not find the object csv in template t1 (HTTP 404)');
	});

	it('404 for a path without IDs: names the thing the body names, in words, with its ID', () => {
		const template = '22222222-2222-4222-8222-222222222222';
		const session = create('/extractions/sessions', { body: { name: 'Q1', extraction_template_id: template } });
		expect(explainFailure(failureOf({ status: 404, body: { message: 'Template not found.' } }), session)).toEqual({
			message: `Raydocs has no template with the ID ${template} (HTTP 404)`,
			description: "Check the ID. Raydocs also answers 404 when the token's user has no access to it.",
		});
		// the only ID in the body, when Raydocs does not say
		expect(explainFailure(failureOf({ status: 404, body: {} }), create('/extractions/templates', { body: { workspace_id: 12 } })).message).toBe(
			'Raydocs has no workspace with the ID 12 (HTTP 404)',
		);
		// Raydocs' words pick among several IDs, and name a thing the body holds no single ID of
		const both = create('/extractions/sessions', { body: { workspace_id: 1, extraction_template_id: template } });
		expect(explainFailure(failureOf({ status: 404, body: { message: 'Workspace not found' } }), both).message).toBe(
			'Raydocs has no workspace with the ID 1 (HTTP 404)',
		);
		expect(explainFailure(failureOf({ status: 404, body: { message: 'Template not found.' } }), create('/extractions/sessions')).message).toBe(
			'Raydocs has no template with the ID given (HTTP 404)',
		);
		expect(explainFailure(failureOf({ status: 404, body: {} }), both).message).toBe(
			'Raydocs could not find something POST /extractions/sessions refers to (HTTP 404)',
		);
		expect(explainFailure(failureOf({ status: 404, body: { message: 'Template not found.' } }), both).message).toBe(
			`Raydocs has no template with the ID ${template} (HTTP 404)`,
		);
		// fields that are no IDs, and IDs that are no single value, name nothing
		const withName = (body: Record<string, unknown>) => explainFailure(failureOf({ status: 404, body: {} }), create('/extractions/sessions', { body })).message;
		expect(withName({ name: 'Q1', workspace_id: 12 })).toBe('Raydocs has no workspace with the ID 12 (HTTP 404)');
		expect(withName({ workspace_id: null })).toBe('Raydocs could not find something POST /extractions/sessions refers to (HTTP 404)');
		expect(withName({ workspace_id: { id: 1 } })).toBe('Raydocs could not find something POST /extractions/sessions refers to (HTTP 404)');
		// Raydocs' words name a thing only as a whole sentence
		expect(explainFailure(failureOf({ status: 404, body: { message: 'Template not found in your workspaces.' } }), both).message).toBe(
			'Raydocs could not find something POST /extractions/sessions refers to (HTTP 404): Template not found in your workspaces.',
		);
		// words that name nothing the node knows are quoted, not turned into a thing
		expect(explainFailure(failureOf({ status: 404, body: { message: 'Some files were not found.' } }), both).message).toBe(
			'Raydocs could not find something POST /extractions/sessions refers to (HTTP 404): Some files were not found.',
		);
	});

	it('404 for a path without IDs and nothing to name: only Raydocs\' words say what is missing', () => {
		expect(explainFailure(failureOf({ status: 404, body: { message: 'Nothing here.' } }), create('/extractions/sessions', { body: { document_ids: ['a'] } }))).toEqual({
			message: 'Raydocs could not find something POST /extractions/sessions refers to (HTTP 404): Nothing here.',
			description: "Check the IDs in the request. Raydocs also answers 404 when the token's user has no access to them.",
		});
		expect(explainFailure(failureOf({ status: 404, body: {} }), create('/extractions/sessions')).message).toBe(
			'Raydocs could not find something POST /extractions/sessions refers to (HTTP 404)',
		);
	});

	it('404 for a path no endpoint has: no route, whatever the body says', () => {
		const recordLike = explainFailure(failureOf({ status: 404, body: { message: 'Not found.' } }), read('/v2/workspaces'));
		expect(recordLike.message).toBe('The server has no route for GET /v2/workspaces (HTTP 404): "Not found."');
		const silent = explainFailure(failureOf({ status: 404, body: {} }), read('/v2/workspaces'));
		expect(silent.message).toBe('The server has no route for GET /v2/workspaces (HTTP 404)');
		expect(silent.description).toContain('Nothing was looked up');
		// a known path with another method: no route either
		const method = explainFailure(failureOf({ status: 405, body: { message: 'The GET method is not supported for route workspaces/1.' } }), read('/workspaces/1'));
		expect(method.message).toBe('The server has no route for GET /workspaces/1 (HTTP 405): "The GET method is not supported for route workspaces/1."');
	});

	it('422 and 400: the fields to fix, else Raydocs\' words, else a plain reason', () => {
		const both = explainFailure(
			failureOf({ status: 422, body: { message: 'The name field is required.', errors: { name: ['The name field is required.'] } } }),
			create('/workspaces/create'),
		);
		expect(both).toEqual({
			message: 'Raydocs rejected the request (HTTP 422): name: The name field is required.',
			description: 'Fix the fields named above and run the node again. Raydocs said: "The name field is required."',
		});
		const fieldsOnly = explainFailure(failureOf({ status: 422, body: { errors: { name: ['Required.'] } } }), create('/workspaces/create'));
		expect(fieldsOnly.description).toBe('Fix the fields named above and run the node again.');
		const saidOnly = explainFailure(failureOf({ status: 400, body: { message: 'Malformed filter.' } }), read('/workspaces'));
		expect(saidOnly).toEqual({
			message: 'Raydocs rejected the request (HTTP 400): Malformed filter.',
			description: 'Fix the fields named above and run the node again.',
		});
		expect(explainFailure(failureOf({ status: 400, body: '' }), read('/workspaces')).message).toBe(
			'Raydocs rejected the request (HTTP 400): the input is not valid',
		);
	});

	it('429: the limit in force and how many attempts were made', () => {
		const defaults = explainFailure(failureOf({ status: 429 }), read('/workspaces', { attempts: 4 }));
		expect(defaults.message).toBe('Raydocs rate limit reached (HTTP 429) after 4 attempts');
		expect(defaults.description).toMatch(/^Raydocs allows 100 requests per 60 seconds; /);
		const configured = explainFailure(failureOf({ status: 429 }), read('/workspaces', { rateLimit: { requests: 30, windowSeconds: 10 } }));
		expect(configured.message).toBe('Raydocs rate limit reached (HTTP 429)');
		expect(configured.description).toMatch(/^Raydocs allows 30 requests per 10 seconds; /);
	});

	it('a body that is not JSON: passing fault, or check before repeating a create', () => {
		const malformed = failureOf({ code: MALFORMED_RESPONSE });
		expect(explainFailure(malformed, read('/workspaces', { attempts: 3 }))).toEqual({
			message: 'Raydocs answered GET /workspaces with a body that is not valid JSON after 3 attempts',
			description: 'This is usually a passing fault of the API or a proxy in between. Run the node again later.',
		});
		const onCreate = explainFailure(malformed, create('/workspaces/create'));
		expect(onCreate.message).toBe('Raydocs answered POST /workspaces/create with a body that is not valid JSON');
		expect(onCreate.description).toMatch(/^The call was not repeated automatically because repeating it could create a duplicate/);
	});

	it('5xx: retried in vain, or not repeated because it could duplicate work', () => {
		expect(explainFailure(failureOf({ status: 500, body: { message: 'Server Error' } }), read('/workspaces', { attempts: 2 }))).toEqual({
			message: 'Raydocs had a server problem (HTTP 500) after 2 attempts',
			description: 'Raydocs did not recover while the node retried. Try again later. Raydocs said: "Server Error"',
		});
		const onCreate = explainFailure(failureOf({ status: 503 }), create('/workspaces/create'));
		expect(onCreate).toEqual({
			message: 'Raydocs had a server problem (HTTP 503)',
			description:
				'The call was not repeated automatically because repeating it could create a duplicate: check in Raydocs whether it took effect before running the node again.',
		});
	});

	it('a dropped connection or an unreachable host, with the network code in the description only', () => {
		for (const code of ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ERR_BAD_RESPONSE']) {
			const dropped = explainFailure(failureOf({ code }), create('/workspaces/create', { attempts: 1 }));
			expect(dropped).toEqual({
				message: 'The connection to Raydocs dropped before an answer arrived',
				description: `The call was not repeated automatically because Raydocs may already have processed it: check in Raydocs whether it took effect before running the node again. Network code ${explainNetworkCode(code)}.`,
			});
		}
		expect(explainFailure(failureOf({ code: 'ECONNRESET' }), read('/workspaces', { attempts: 3 }))).toEqual({
			message: 'The connection to Raydocs dropped before an answer arrived after 3 attempts',
			description:
				'Check the Base URL in the Raydocs credential and that this n8n instance can reach it. Network code ECONNRESET: the server or a proxy in between closed the connection.',
		});
		expect(explainFailure(failureOf({ code: 'ENOTFOUND' }), create('/workspaces/create'))).toEqual({
			message: 'Could not reach Raydocs',
			description:
				'Check the Base URL in the Raydocs credential and that this n8n instance can reach it. Network code ENOTFOUND: the host name does not resolve to an address (a typo in the host, or no DNS entry for it).',
		});
	});

	it('anything else: the request and what was said, without secrets', () => {
		expect(explainFailure(failureOf({ status: 409, body: { message: 'Already a member.' } }), create('/workspaces/1/users/add'))).toEqual({
			message: 'Raydocs request POST /workspaces/1/users/add failed: Already a member.',
			description: 'HTTP 409',
		});
		expect(explainFailure(failureOf({ status: 499, message: 'Client Closed Request' }), read('/workspaces')).description).toBe('HTTP 499');
		expect(explainFailure(failureOf({ message: 'sent Bearer rd_secret_value' }), read('/workspaces'))).toEqual({
			message: 'Raydocs request GET /workspaces failed: sent Bearer [redacted]',
			description: 'No HTTP status was received.',
		});
		expect(explainFailure(failureOf({ status: 418, body: { message: '   ' }, message: 'teapot' }), read('/workspaces')).message).toBe(
			'Raydocs request GET /workspaces failed: teapot',
		);
	});
});

describe('raydocsApiError: the error n8n shows and stores', () => {
	const token = 'tok"en-0123456789';

	it('carries message, description, status and item, with the token removed everywhere', () => {
		const failure = failureOf({
			status: 422,
			body: { message: `Token ${token} is not allowed`, errors: { name: [`bad ${token}`] }, nested: { echo: token } },
		});
		const error = raydocsApiError(node, failure, create('/workspaces/create', { secrets: [token] }), 4);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Raydocs rejected the request (HTTP 422): name: bad [redacted token]');
		expect(error.description).toBe('Fix the fields named above and run the node again. Raydocs said: "Token [redacted token] is not allowed"');
		expect(error.httpCode).toBe('422');
		expect(error.context.itemIndex).toBe(4);
		expect(error.errorResponse).toEqual({
			message: error.message,
			description: error.description,
			httpCode: '422',
			body: { message: 'Token [redacted token] is not allowed', errors: { name: ['bad [redacted token]'] }, nested: { echo: '[redacted token]' } },
			networkCode: null,
			routeMissing: false,
		});
		expect(JSON.stringify(error)).not.toContain('0123456789');
	});

	it('redacts the token from the message and description it explains', () => {
		const error = raydocsApiError(node, failureOf({ status: 418, message: `echo ${token}` }), read('/workspaces', { secrets: [token] }));
		expect(error.message).toBe('Raydocs request GET /workspaces failed: echo [redacted token]');
		const unredacted = raydocsApiError(node, failureOf({ status: 418, message: `echo ${token}` }), read('/workspaces'));
		expect(unredacted.message).toContain(token);
	});

	it('records a network failure without a status or body', () => {
		const error = raydocsApiError(node, failureOf({ code: 'ECONNRESET', body: 'text' }), read('/workspaces'));
		expect(error.errorResponse).toMatchObject({ httpCode: null, body: null, networkCode: 'ECONNRESET', routeMissing: false });
		expect(error.httpCode).toBeNull();
		expect(error.message).toBe('The connection to Raydocs dropped before an answer arrived');
		expect(error.context.itemIndex).toBeUndefined();
	});

	it('marks a missing route (405, unknown-route 404, undocumented path) so the other documented form can be tried', () => {
		const routeMissing = (failure: HttpFailure, request: FailedRequest) => isMissingRouteError(raydocsApiError(node, failure, request));
		expect(routeMissing(failureOf({ status: 405, body: {} }), read('/workspaces'))).toBe(true);
		expect(routeMissing(failureOf({ status: 404, body: 'Not Found' }), read('/workspaces/12/users'))).toBe(true);
		expect(routeMissing(failureOf({ status: 404, body: { message: 'Gone.' } }), read('/v2/workspaces'))).toBe(true);
		expect(routeMissing(failureOf({ status: 404, body: { message: 'Workspace not found.' } }), read('/workspaces/12/users'))).toBe(false);
		expect(routeMissing(failureOf({ status: 400, body: 'Not Found' }), read('/v2/workspaces'))).toBe(false);
	});

	it('isMissingRouteError reads only that mark', () => {
		expect(isMissingRouteError({ errorResponse: { routeMissing: true } })).toBe(true);
		expect(isMissingRouteError({ errorResponse: { routeMissing: 'true' } })).toBe(false);
		expect(isMissingRouteError({ errorResponse: 'routeMissing' })).toBe(false);
		expect(isMissingRouteError(new Error('The route x could not be found.'))).toBe(false);
		expect(isMissingRouteError(null)).toBe(false);
	});
});

describe("n8n's own refusal to send", () => {
	const blocked = (name: string) => Object.assign(new Error('The request was blocked'), { name });

	it('reads n8n 2.x SSRF errors, also inside another error, as REFUSED_BY_N8N, and nothing else as one', () => {
		expect(readHttpFailure(blocked('SsrfBlockedIpError')).code).toBe('REFUSED_BY_N8N');
		expect(readHttpFailure({ message: 'outer', cause: blocked('SsrfBlockedHostnameError') }).code).toBe('REFUSED_BY_N8N');
		expect(readHttpFailure(blocked('SsrfBlockedIpErrorX')).code).toBeUndefined();
		expect(readHttpFailure(blocked('MySsrfBlockedIpError')).code).toBeUndefined();
		expect(readHttpFailure(blocked('Error')).code).toBeUndefined();
		// a network code found first wins
		expect(readHttpFailure({ code: 'ECONNREFUSED', cause: blocked('SsrfBlockedIpError') }).code).toBe('ECONNREFUSED');
	});

	it('is told in brief as such, beside a status and no answer', () => {
		expect(failureInBrief({ code: 'REFUSED_BY_N8N' })).toBe('refused by n8n');
		expect(failureInBrief({ status: 403, code: 'REFUSED_BY_N8N' })).toBe('HTTP 403');
		expect(failureInBrief({ code: 'ECONNRESET' })).toBe('no answer');
		expect(failureInBrief({})).toBe('no answer');
	});

	it('is the only code after which no attempt is repeated', () => {
		expect(mayRepeatAfterCode('REFUSED_BY_N8N')).toBe(false);
		for (const code of ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'MALFORMED_RESPONSE']) expect(mayRepeatAfterCode(code)).toBe(true);
	});

	it('explains a refused Raydocs call by the Base URL', () => {
		const explained = explainFailure(readHttpFailure(blocked('SsrfBlockedIpError')), read('/workspaces'));
		expect(explained.message).toBe("n8n's SSRF protection refused to send the request to Raydocs");
		expect(explained.description).toMatch(/^The Base URL of the Raydocs credential points to an address n8n blocks\. Network code REFUSED_BY_N8N: /);
	});
});

describe('network codes in words', () => {
	it('names a network code with what it means, for a description, and nothing without one', () => {
		expect(networkCodeNote('ECONNREFUSED')).toBe(
			' Network code ECONNREFUSED: nothing accepts connections at that address and port (is the server running, is the port right?).',
		);
		expect(networkCodeNote('E_SOMETHING_NEW')).toBe(' Network code E_SOMETHING_NEW.');
		expect(networkCodeNote(undefined)).toBe('');
		expect(networkCodeNote('')).toBe('');
	});

	it('has a sentence for every code it recognises in an error, and none for words of the object prototype', () => {
		for (const code of ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ERR_BAD_RESPONSE', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'ECONNABORTED', 'EHOSTUNREACH']) {
			expect(readHttpFailure({ message: 'x', code }).code).toBe(code);
			expect(explainNetworkCode(code)).toMatch(new RegExp(`^${code}: [a-z].+[^.]$`));
		}
		expect(explainNetworkCode('toString')).toBe('toString');
		expect(explainNetworkCode('REFUSED_BY_N8N')).toMatch(/^REFUSED_BY_N8N: n8n's SSRF protection/);
		expect(readHttpFailure({ message: 'x', code: 'constructor' }).code).toBeUndefined();
	});
});
