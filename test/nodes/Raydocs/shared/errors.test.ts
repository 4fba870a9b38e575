import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { explainFailure, readHttpFailure } from '../../../../nodes/Raydocs/shared/errors';

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
});
