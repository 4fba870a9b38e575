import {
	declareCalls,
	declaredCallsOf,
	endpointsOfRoutedRequest,
	pathOf,
	routedRequest,
	routedRequestEither,
} from '../../../../nodes/Raydocs/shared/endpointRequests';
import { RAYDOCS_API, RAYDOCS_API_ENDPOINTS } from '../../../../nodes/Raydocs/shared/endpoints';
import { locatorUuidExpression } from '../../../../nodes/Raydocs/shared/locators';

/** Evaluates a `={{ … }}` url the way n8n would, for the parameters given. */
function evaluateUrl(url: string, parameters: Record<string, unknown>): string {
	const inner = /^=\{\{ (.*) \}\}$/.exec(url)![1];
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- evaluates the generated expression as n8n would; test only
	return new Function('$parameter', `return ${inner};`)(parameters) as string;
}

describe('endpointRequests: requests built from the endpoint table', () => {
	it('lists the named endpoints in RAYDOCS_API_ENDPOINTS, in order', () => {
		expect(RAYDOCS_API_ENDPOINTS).toEqual(Object.values(RAYDOCS_API));
		expect(RAYDOCS_API_ENDPOINTS).toHaveLength(50);
	});

	it('reads each path parameter from the node parameter of the same name, trimmed', () => {
		const request = routedRequest(RAYDOCS_API.cancelWorkspaceInvite);
		expect(request).toEqual({
			method: 'DELETE',
			url: '=/workspaces/{{ String($parameter.workspaceId).trim() }}/invites/{{ String($parameter.inviteId).trim() }}',
		});
		expect(endpointsOfRoutedRequest(request)).toEqual([RAYDOCS_API.cancelWorkspaceInvite]);
	});

	it('takes another expression for a parameter (resource locators)', () => {
		const templateId = locatorUuidExpression('$parameter.templateId', 'templates');
		expect(routedRequest(RAYDOCS_API.duplicateTemplate, { templateId }).url).toBe(
			`=/extractions/templates/{{ ${templateId} }}/duplicate`,
		);
	});

	it('keeps a path without parameters plain, and adds the extra request options after method and url', () => {
		const request = routedRequest(RAYDOCS_API.listWorkspaces, {}, { qs: { per_page: 50 } });
		expect(request).toEqual({ method: 'GET', url: '/workspaces', qs: { per_page: 50 } });
		expect(Object.keys(request)).toEqual(['method', 'url', 'qs']);
		expect(endpointsOfRoutedRequest(request)).toEqual([RAYDOCS_API.listWorkspaces]);
	});

	it('knows nothing of a request it did not build', () => {
		expect(endpointsOfRoutedRequest({ method: 'GET', url: '/workspaces' })).toBeUndefined();
	});

	it('chooses between two endpoints of one method with a condition, recording both', () => {
		const request = routedRequestEither(
			'$parameter.uploadMode !== "legacy"',
			RAYDOCS_API.addSessionDocumentsByKeys,
			RAYDOCS_API.addSessionDocument,
		);
		expect(request.method).toBe('POST');
		expect(evaluateUrl(String(request.url), { uploadMode: 'keys', sessionId: ' s-1 ' })).toBe(
			'/extractions/sessions/s-1/documents/upload',
		);
		expect(evaluateUrl(String(request.url), { uploadMode: 'legacy', sessionId: 's-1' })).toBe(
			'/extractions/sessions/s-1/documents',
		);
		expect(endpointsOfRoutedRequest(request)).toEqual([RAYDOCS_API.addSessionDocumentsByKeys, RAYDOCS_API.addSessionDocument]);
	});

	it('writes each choice as one expression of literal parts and parameter expressions', () => {
		const request = routedRequestEither('$parameter.kind === "session"', RAYDOCS_API.getSession, RAYDOCS_API.getTemplate);
		expect(request.url).toBe(
			'={{ $parameter.kind === "session" ? "/extractions/sessions/" + String($parameter.sessionId).trim() : "/extractions/templates/" + String($parameter.templateId).trim() }}',
		);
	});

	it('refuses two endpoints of different methods in one routed request', () => {
		expect(() => routedRequestEither('true', RAYDOCS_API.getSession, RAYDOCS_API.deleteSession)).toThrow(
			'One routed request cannot send both GET and DELETE',
		);
	});

	it('fills a concrete path with the values as given, leaving encoding to the caller', () => {
		expect(pathOf(RAYDOCS_API.listWorkspaces)).toBe('/workspaces');
		expect(pathOf(RAYDOCS_API.getWorkflowRunOutput, { workspaceId: 12, workflowId: 'w', runId: 'r' })).toBe(
			'/workspaces/12/workflows/w/runs/r/output',
		);
		expect(pathOf(RAYDOCS_API.getResult, { resultId: 'a b' })).toBe('/extractions/results/a b');
		expect(pathOf(RAYDOCS_API.getResult, { resultId: encodeURIComponent('a/b') })).toBe('/extractions/results/a%2Fb');
	});

	it('refuses a path with a parameter left unfilled', () => {
		expect(() => pathOf(RAYDOCS_API.getSession, {})).toThrow(
			'No value for {sessionId} in GET /extractions/sessions/{sessionId}',
		);
	});

	it('keeps the calls declared for a code operation', () => {
		const operation = async () => [];
		expect(declaredCallsOf(operation)).toBeUndefined();
		declareCalls(operation, [RAYDOCS_API.getResult]);
		expect(declaredCallsOf(operation)).toEqual([RAYDOCS_API.getResult]);
	});
});
