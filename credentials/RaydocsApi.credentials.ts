import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { DEFAULT_BASE_URL } from '../nodes/Raydocs/shared/baseUrl';

export class RaydocsApi implements ICredentialType {
	name = 'raydocsApi';

	displayName = 'Raydocs API';

	icon: Icon = { light: 'file:../icons/raydocs.svg', dark: 'file:../icons/raydocs.dark.svg' };

	documentationUrl = 'https://github.com/raydocs/n8n-nodes-raydocs#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'e.g. rd_live_abc123',
			description:
				'A Raydocs personal access token (Raydocs → profile → Settings → Access Tokens). Give it the abilities the operations you use need: see the README.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Change only to reach a different Raydocs deployment or a local test server',
		},
		{
			displayName:
				'This base URL uses plain HTTP: the access token would travel unencrypted. Use HTTPS unless the server runs on this machine.',
			name: 'plainHttpNotice',
			type: 'notice',
			default: '',
			displayOptions: {
				show: {
					baseUrl: [{ _cnd: { startsWith: 'http://' } }],
				},
				hide: {
					baseUrl: [
						{ _cnd: { startsWith: 'http://127.' } },
						{ _cnd: { startsWith: 'http://localhost' } },
						{ _cnd: { startsWith: 'http://[::1]' } },
					],
				},
			},
		},
		{
			displayName: 'Rate Limit (Requests)',
			name: 'rateLimitRequests',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 100,
			description:
				'How many requests the nodes may send per window to this Base URL. Raydocs allows 100 per minute per IP address; the nodes also count what other n8n processes and tools on that address spend, as Raydocs reports it.',
		},
		{
			displayName: 'Rate Limit Window (Seconds)',
			name: 'rateLimitWindowSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description: 'Length of the rate-limit window. Raydocs uses 60 seconds.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	// Tested by the nodes (`testedBy: 'raydocsApiTest'`, nodes/Raydocs/shared/credentialTest.ts): a
	// declarative `test` shows n8n 1.x's generic texts instead of these messages and sends GET
	// /workspaces twice after a 401.
}
