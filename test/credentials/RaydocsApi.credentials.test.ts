import { RaydocsApi } from '../../credentials/RaydocsApi.credentials';
import { explainNetworkCode } from '../../nodes/Raydocs/shared/errors';
import { useFakeRaydocs } from '../helpers/raydocs';
import { testCredential } from '../harness/engine';

describe('Raydocs API credential', () => {
	const fake = useFakeRaydocs();

	it('authenticates with a Bearer header and tests against GET /workspaces', async () => {
		const result = await testCredential({ accessToken: fake().token, baseUrl: fake().url });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(fake().log).toHaveLength(1);
		expect(fake().log[0]).toMatchObject({ method: 'GET', path: '/workspaces', hasAuthorization: true, tokenLabel: 'full' });
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
		expect(result.message).toContain('"workspaces-read"');
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
});
