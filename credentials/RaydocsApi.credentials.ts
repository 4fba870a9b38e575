import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION, DEFAULT_BASE_URL } from '../nodes/Raydocs/shared/baseUrl';
import { explainNetworkCode } from '../nodes/Raydocs/shared/errors';
import { grantAbilitiesFix, NEW_TOKEN_FIX, TOKENS_IN_RAYDOCS } from '../nodes/Raydocs/shared/tokenHelp';

/** n8n's credential test shows a network failure as its bare code: the Base URL's hint says what each means. */
const NETWORK_CODES_HINT = `When the test answers with a network code, n8n did not reach Raydocs at this address. ${['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ETIMEDOUT']
	.map(explainNetworkCode)
	.join('. ')}.`;

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
			description: `A Raydocs personal access token, made ${TOKENS_IN_RAYDOCS}. Give it the abilities the operations you use need: see the README.`,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Change only to reach a different Raydocs deployment or a local test server',
			hint: NETWORK_CODES_HINT,
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

	// Declarative, as n8n's community-package checks require: a test method would need the deprecated
	// `this.helpers.request`, the only HTTP helper n8n gives credential tests. n8n 2.x shows these
	// messages; n8n 1.x shows its own generic text for the same statuses (see the README).
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/workspaces',
			method: 'GET',
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: `Raydocs rejected the access token: it is invalid, expired or revoked. ${NEW_TOKEN_FIX}`,
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: `Access was refused (HTTP 403). From Raydocs this means the token lacks the "workspaces-read" ability. ${grantAbilitiesFix(['workspaces-read'])} plus the abilities your workflows need. If the token has it, something between n8n and Raydocs (a proxy or firewall) refused the request: check the Base URL and your network.`,
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Raydocs API answered at this base URL (HTTP 404 for /workspaces). Check the Base URL: it should be https://api.raydocs.com unless you use a different deployment.',
				},
			},
		],
	};
}
