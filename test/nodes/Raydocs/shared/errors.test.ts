import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import {
	assertSuccessStatus,
	explainFailure,
	readHttpFailure,
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

	it('reads status, headers and a JSON body (also from bytes) of an answer the transport checked itself', () => {
		let thrown: unknown;
		try {
			assertSuccessStatus({
				statusCode: 429,
				headers: { 'retry-after': '7' },
				body: Buffer.from(JSON.stringify({ message: 'Too Many Attempts.' })),
			});
		} catch (error) {
			thrown = error;
		}
		expect(readHttpFailure(thrown)).toMatchObject({ status: 429, headers: { 'retry-after': '7' }, body: { message: 'Too Many Attempts.' } });
		expect(() => assertSuccessStatus({ statusCode: 204, headers: {}, body: '' })).not.toThrow();
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
