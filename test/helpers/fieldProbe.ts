import type { INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';

import type { FakeRaydocs, RequestLogEntry } from '../../tools/fake-raydocs/server';
import { runNode } from '../harness/engine';
import { credentialsFor } from './raydocs';

/**
 * What n8n's routing sends for description fields on their own: a node type holding only `fields`,
 * whose request goes to `POST <fake>/probe`, run through n8n's engine. For the direct tests of field
 * builders (resources/<resource>/<field>.ts), which the operations use at load.
 */
export async function requestSentFor(fake: FakeRaydocs, fields: INodeProperties[], parameters: INodeParameters): Promise<RequestLogEntry | undefined> {
	const probe: INodeType = {
		description: {
			displayName: 'Probe',
			name: 'probe',
			group: ['transform'],
			version: 1,
			description: 'Sends what its fields say',
			defaults: { name: 'Probe' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'raydocsApi', required: true }],
			requestDefaults: { baseURL: fake.url, headers: { Accept: 'application/json' } },
			properties: [
				{
					displayName: 'Operation',
					name: 'operation',
					type: 'hidden',
					default: 'probe',
					routing: { request: { method: 'POST', url: '/probe' } },
				},
				...fields,
			],
		},
	};
	const sentBefore = fake.log.length;
	await runNode({ nodeType: probe, parameters, credentials: credentialsFor(fake) });
	return fake.log.slice(sentBefore).find((entry) => entry.listener === 'api');
}
