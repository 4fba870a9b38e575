/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- checks the icon files exist; never shipped (package.json "files") */
import { existsSync } from 'fs';
import { join } from 'path';

import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeProperties } from 'n8n-workflow';

import { RaydocsApi } from '../../credentials/RaydocsApi.credentials';
import { explainNetworkCode } from '../../nodes/Raydocs/shared/errors';
import { useFakeRaydocs } from '../helpers/raydocs';
import { testCredential } from '../harness/engine';

const property = (name: string): INodeProperties => {
	const found = new RaydocsApi().properties.find((candidate) => candidate.name === name);
	if (!found) throw new Error(`no credential field ${name}`);
	return found;
};

describe('Raydocs API credential', () => {
	const fake = useFakeRaydocs();

	it('authenticates with a Bearer header and tests against GET /workspaces', async () => {
		const result = await testCredential({ accessToken: fake().token, baseUrl: fake().url });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(fake().log).toHaveLength(1);
		expect(fake().log[0]).toMatchObject({ method: 'GET', path: '/workspaces', hasAuthorization: true, tokenLabel: 'full' });
	});

	it('asks for JSON, so that a refused token comes back as a status rather than a login page', async () => {
		await testCredential({ accessToken: fake().token, baseUrl: fake().url });
		expect(fake().log[0].headers.accept).toBe('application/json');
	});

	it('says nothing answers at a base URL that is not the API', async () => {
		const result = await testCredential({ accessToken: fake().token, baseUrl: `${fake().url}/app` });
		expect(fake().log[0]).toMatchObject({ path: '/app/workspaces', status: 404 });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^No Raydocs API answered at this base URL \(HTTP 404 for \/workspaces\)/);
	});

	it('tolerates trailing slashes in the base URL', async () => {
		const result = await testCredential({ accessToken: fake().token, baseUrl: `${fake().url}//` });
		expect(result.status).toBe('OK');
		expect(fake().log[0].path).toBe('/workspaces');
	});

	it('says a wrong token is invalid or revoked', async () => {
		const result = await testCredential({ accessToken: 'rd_test_wrong', baseUrl: fake().url });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/invalid, expired or revoked/);
	});

	it('names workspaces-read when the token lacks it', async () => {
		const token = fake().createToken(['sessions-read'], 'sessions-only');
		const result = await testCredential({ accessToken: token, baseUrl: fake().url });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('the token lacks the "workspaces-read" ability');
		expect(result.message).toContain('and grant "workspaces-read" plus the abilities your workflows need');
	});

	it("says under Base URL what the network codes mean that n8n's credential test shows bare", () => {
		const hint = new RaydocsApi().properties.find((property) => property.name === 'baseUrl')?.hint;
		expect(hint).toBe(
			`When the test answers with a network code, n8n did not reach Raydocs at this address. ${explainNetworkCode('ENOTFOUND')}. ${explainNetworkCode('EAI_AGAIN')}. ${explainNetworkCode('ECONNREFUSED')}. ${explainNetworkCode('ETIMEDOUT')}.`,
		);
		expect(hint).toContain('ENOTFOUND: the host name does not resolve to an address');
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

	it('n8n flags a credential saved without an access token', () => {
		const credential = new RaydocsApi();
		const issuesFor = (accessToken: string) =>
			NodeHelpers.getNodeParametersIssues(
				credential.properties,
				{ parameters: { accessToken, baseUrl: 'https://api.raydocs.com' } } as unknown as INode,
				null,
			);
		expect(Object.keys(issuesFor('')?.parameters ?? {})).toEqual(['accessToken']);
		expect(issuesFor('rd_live_abc')).toBeNull();
	});

	it('a credential saved with the defaults reaches api.raydocs.com at Raydocs\' own pace (100 requests a minute)', () => {
		const saved = NodeHelpers.getNodeParameters(new RaydocsApi().properties, { accessToken: 'rd_live_abc' }, true, false, null, null);
		expect(saved).toMatchObject({
			accessToken: 'rd_live_abc',
			baseUrl: 'https://api.raydocs.com',
			rateLimitRequests: 100,
			rateLimitWindowSeconds: 60,
		});
	});

	it('warns about plain HTTP, except on this machine', () => {
		const notice = property('plainHttpNotice');
		const shownFor = (baseUrl: string) => NodeHelpers.displayParameter({ baseUrl }, notice, null, null);
		expect(['http://raydocs.example.com', 'http://10.0.0.5:8080'].map(shownFor)).toEqual([true, true]);
		expect(
			['https://api.raydocs.com', 'http://127.0.0.1:8080', 'http://localhost:3000', 'http://[::1]:8080'].map(shownFor),
		).toEqual([false, false, false, false]);
	});

	it('shows icons that exist in the package, light and dark', () => {
		const { icon } = new RaydocsApi();
		const files = Object.values(icon as Record<string, string>).map((path) => join(__dirname, '../../credentials', path.replace(/^file:/, '')));
		expect(files).toHaveLength(2);
		expect(files.every((file) => existsSync(file))).toBe(true);
	});
});
