/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a stand-in proxy server for tests, not node code */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { RaydocsApi } from '../../credentials/RaydocsApi.credentials';
import { judgeCredentialTestAnswer } from '../../nodes/Raydocs/shared/credentialTest';
import { RaydocsTrigger } from '../../nodes/RaydocsTrigger/RaydocsTrigger.node';
import { testCredential } from '../harness/engine';
import { apiRequests, useFakeRaydocs } from '../helpers/raydocs';

/** A server that is not Raydocs (a proxy, a firewall) answering every request with one status. */
async function withForeignServer<T>(
	status: number,
	body: string,
	contentType: string,
	use: (url: string, hits: () => number) => Promise<T>,
): Promise<T> {
	let hits = 0;
	const server = createServer((_request, response) => {
		hits++;
		response.writeHead(status, { 'Content-Type': contentType });
		response.end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, () => hits);
	} finally {
		await new Promise((resolve) => server.close(resolve));
	}
}

describe('Raydocs API credential', () => {
	const fake = useFakeRaydocs();

	it('authenticates with a Bearer header and tests against GET /workspaces', async () => {
		const result = await testCredential({ accessToken: fake().token, baseUrl: fake().url });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(fake().log).toHaveLength(1);
		expect(fake().log[0]).toMatchObject({ method: 'GET', path: '/workspaces', hasAuthorization: true, tokenLabel: 'full' });
	});

	it('is tested by both nodes, with the same test', async () => {
		const result = await testCredential({ accessToken: fake().token, baseUrl: fake().url }, new RaydocsTrigger());
		expect(result.status).toBe('OK');
		expect((new RaydocsApi() as { test?: unknown }).test).toBeUndefined();
	});

	it('tolerates trailing slashes in the base URL', async () => {
		const result = await testCredential({ accessToken: fake().token, baseUrl: `${fake().url}//` });
		expect(result.status).toBe('OK');
		expect(fake().log[0].path).toBe('/workspaces');
	});

	it('says a wrong token is invalid or revoked, after one request', async () => {
		const result = await testCredential({ accessToken: 'rd_test_wrong', baseUrl: fake().url });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/invalid, expired or revoked/);
		expect(apiRequests(fake()).map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
			'GET /workspaces 401',
		]);
	});

	it('names workspaces-read when the token lacks it, after one request', async () => {
		const token = fake().createToken(['sessions-read'], 'sessions-only');
		const result = await testCredential({ accessToken: token, baseUrl: fake().url });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('"workspaces-read"');
		expect(apiRequests(fake())).toHaveLength(1);
	});

	it('does not blame the token for a 403 that did not come from Raydocs', async () => {
		await withForeignServer(403, '<html><body>Access denied by proxy</body></html>', 'text/html', async (url, hits) => {
			const result = await testCredential({ accessToken: 'rd_test_wrong', baseUrl: url });
			expect(result.status).toBe('Error');
			expect(result.message).not.toContain('workspaces-read');
			expect(result.message).toContain('did not come from the Raydocs API');
			expect(hits()).toBe(1);
		});
	});

	it('says no Raydocs API answers when the route is unknown (a Base URL with a path)', async () => {
		const result = await testCredential({ accessToken: fake().token, baseUrl: `${fake().url}/api/v2` });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('No Raydocs API answered at this base URL');
		expect(result.message).toContain('could not be found');
	});

	it('reports an unreachable base URL without the token', async () => {
		const result = await testCredential({ accessToken: 'rd_test_secret_token', baseUrl: 'http://127.0.0.1:1' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Could not reach http:\/\/127\.0\.0\.1:1 \(network code ECONNREFUSED\)/);
		expect(result.message).not.toContain('rd_test_secret_token');
	});

	it('judges answers by status and by who sent them', () => {
		const json = { 'content-type': 'application/json' };
		const judge = (statusCode: number, body: unknown, headers: Record<string, unknown> = json) =>
			judgeCredentialTestAnswer({ statusCode, headers, body }, 'https://api.raydocs.com');
		expect(judge(200, { data: [] }).status).toBe('OK');
		expect(judge(200, [])).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(judge(200, '<html></html>', { 'content-type': 'text/html' }).message).toContain('not with a Raydocs workspace list');
		expect(judge(401, { message: 'Unauthenticated.' }).message).toMatch(/invalid, expired or revoked/);
		expect(judge(401, 'Unauthorized', { 'content-type': 'text/plain' }).message).toContain('did not come from the Raydocs API');
		expect(judge(403, { message: 'Invalid ability provided.' }).message).toContain('Raydocs said: "Invalid ability provided."');
		expect(judge(404, { message: 'Not found.' }).message).toMatch(/^Raydocs answered HTTP 404/);
		expect(judge(429, { message: 'Too Many Attempts.' }, { ...json, 'retry-after': '42' }).message).toContain('Try again in 42 s.');
		expect(judge(503, { message: 'Service Unavailable' }).message).toContain('server problem (HTTP 503)');
	});

	it('keeps the token in a password field and sends it only as a Bearer header', () => {
		const credential = new RaydocsApi();
		const token = credential.properties.find((property) => property.name === 'accessToken');
		expect(token?.typeOptions?.password).toBe(true);
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
		});
		expect(credential.properties.find((property) => property.name === 'baseUrl')?.default).toBe(
			'https://api.raydocs.com',
		);
	});
});
