import {
	DOCUMENTED_ALTERNATE_FORMS,
	endpointMatcher,
	matchEndpoint,
	RAYDOCS_API,
	RAYDOCS_API_ENDPOINTS,
	type RaydocsEndpoint,
} from '../../../../nodes/Raydocs/shared/endpoints';

const entry = (method: RaydocsEndpoint['method'], path: string): RaydocsEndpoint => ({ method, path, abilities: [], retrySafe: method !== 'POST' });

describe('matchEndpoint: which documented endpoint a request goes to', () => {
	it('finds every endpoint from a concrete path, with its path parameters in order', () => {
		for (const endpoint of RAYDOCS_API_ENDPOINTS) {
			const names = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
			const path = endpoint.path.replace(/\{(\w+)\}/g, (_match, name: string) => `v-${name}`);
			expect(matchEndpoint(endpoint.method, path)).toEqual({ endpoint, parameters: names.map((name) => [name, `v-${name}`]) });
			expect(matchEndpoint(endpoint.method, path)?.endpoint).toBe(endpoint);
		}
	});

	it('reads the guides\' form of a call as the same endpoint', () => {
		expect(matchEndpoint('DELETE', '/workspaces/1/invites/5/cancel')).toEqual({
			endpoint: RAYDOCS_API.cancelWorkspaceInvite,
			parameters: [
				['workspaceId', '1'],
				['inviteId', '5'],
			],
		});
		expect(matchEndpoint('DELETE', '/extractions/templates/t1/sessions/batch')?.endpoint).toBe(RAYDOCS_API.deleteBatchSessions);
		expect(matchEndpoint('POST', '/extractions/templates/t1/sessions/batch')?.endpoint).toBe(RAYDOCS_API.createBatchSessions);
		expect(matchEndpoint('POST', '/extractions/templates/t1/sessions/batch/export/excel')).toEqual({
			endpoint: RAYDOCS_API.exportBatchSessions,
			parameters: [
				['templateId', 't1'],
				['format', 'excel'],
			],
		});
		expect(DOCUMENTED_ALTERNATE_FORMS).toHaveLength(3);
	});

	it('ignores the query and a trailing slash, decodes the IDs and reads the method in any case', () => {
		expect(matchEndpoint('get', '/workspaces/12/users/?page=2')).toEqual({
			endpoint: RAYDOCS_API.listWorkspaceMembers,
			parameters: [['workspaceId', '12']],
		});
		expect(matchEndpoint('GET', '/extractions/results/a%2Fb%20c')?.parameters).toEqual([['resultId', 'a/b c']]);
	});

	it('finds nothing for another method, a missing or empty segment, or more path around it', () => {
		expect(matchEndpoint('PATCH', '/workspaces/12')).toBeUndefined();
		expect(matchEndpoint('POST', '/workspaces/12')).toBeUndefined();
		expect(matchEndpoint('GET', '/workspaces//users')).toBeUndefined();
		expect(matchEndpoint('GET', '/workspaces/12/users/extra')).toBeUndefined();
		expect(matchEndpoint('GET', '/api/workspaces')).toBeUndefined();
		expect(matchEndpoint('GET', '/workspacesx')).toBeUndefined();
	});
});

describe('endpointMatcher: where two entries fit one path', () => {
	const byTemplate = entry('GET', '/things/{thingId}');
	const literal = entry('GET', '/things/new');

	it('lets the more literal path win, whatever the order', () => {
		for (const endpoints of [
			[byTemplate, literal],
			[literal, byTemplate],
		]) {
			const match = endpointMatcher(endpoints, []);
			expect(match('GET', '/things/new')).toEqual({ endpoint: literal, parameters: [] });
			expect(match('GET', '/things/7')).toEqual({ endpoint: byTemplate, parameters: [['thingId', '7']] });
		}
	});

	it('keeps the first listed between equally literal paths', () => {
		const first = entry('GET', '/a/{x}');
		const second = entry('GET', '/{y}/b');
		expect(endpointMatcher([first, second], [])('GET', '/a/b')?.endpoint).toBe(first);
		expect(endpointMatcher([second, first], [])('GET', '/a/b')?.endpoint).toBe(second);
	});

	it('adds another form only for an endpoint it knows, with that form\'s method', () => {
		const match = endpointMatcher(
			[byTemplate],
			[
				{ reference: 'GET /things/{thingId}', other: { method: 'POST', path: '/things/{thingId}/read' } },
				{ reference: 'GET /unknown', other: { method: 'GET', path: '/unknown/other' } },
			],
		);
		expect(match('POST', '/things/7/read')).toEqual({ endpoint: byTemplate, parameters: [['thingId', '7']] });
		expect(match('GET', '/things/7/read')).toBeUndefined();
		expect(match('GET', '/unknown/other')).toBeUndefined();
	});
});
