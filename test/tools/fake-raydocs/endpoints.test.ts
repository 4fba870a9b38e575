import { RAYDOCS_ENDPOINTS, endpointKey } from '../../../tools/fake-raydocs/endpoints';
import { startFakeRaydocs } from '../../../tools/fake-raydocs/server';
import type { FakeRaydocs } from '../../../tools/fake-raydocs/server';
import { api, uploadFile } from './test-helpers';
import type { WireRun, WireSession } from './test-helpers';

interface Fixture {
	params: Record<string, string>;
	uploadKey: string;
	sessionId: string;
	documentId: string;
}

let fake: FakeRaydocs;

beforeAll(async () => {
	fake = await startFakeRaydocs({
		rateLimit: false,
		timing: { parseMs: 0, runQueuedMs: 0, runProcessingMs: 0, batchSessionStartMs: 0 },
	});
});
afterAll(async () => {
	await fake.close();
});

/** A fresh world in which every endpoint has something valid to act on. */
async function buildFixture(): Promise<Fixture> {
	fake.reset();
	const seed = fake.state.seed!;
	const colleague = fake.seedUser({ name: 'Grace Colleague', email: 'grace@example.com' });
	fake.addMember(seed.workspaceId, colleague.id, 'admin');
	const doc = fake.seedWorkspaceDocument(seed.workspaceId, { filename: 'seeded.pdf' });
	const session = await api<WireSession>(fake, 'POST', '/extractions/sessions', {
		body: { extraction_template_id: seed.templateId },
	});
	await api(fake, 'POST', `/extractions/sessions/${session.body.id}/documents/attach`, {
		body: { document_ids: [doc.id] },
	});
	const run = await api<WireRun>(fake, 'POST', `/extractions/sessions/${session.body.id}/results`);
	const invite = await api<{ invite_id: number }>(
		fake,
		'POST',
		`/workspaces/${seed.workspaceId}/users/add`,
		{
			body: { email: 'newcomer@example.com', role: 'user' },
		},
	);
	const workflow = fake.seedWorkflow(seed.workspaceId);
	const workflowRun = fake.seedWorkflowRun(seed.workspaceId, workflow.id, {
		createdAt: new Date(Date.now() - 5000),
	});
	const uploadKey = await uploadFile(fake, '%PDF-1.4 endpoint sweep', { filename: 'sweep.pdf' });
	fake.clearLog();
	return {
		uploadKey,
		sessionId: session.body.id,
		documentId: doc.id,
		params: {
			workspaceId: String(seed.workspaceId),
			userId: String(colleague.id),
			inviteId: String(invite.body.invite_id),
			templateId: seed.templateId,
			sessionId: session.body.id,
			documentId: doc.id,
			resultId: run.body.id,
			workflowId: workflow.id,
			runId: workflowRun.id,
		},
	};
}

function concretePath(template: string, params: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = params[name];
		if (value === undefined) throw new Error(`no fixture value for ${name}`);
		return value;
	});
}

/** Expected success status and a valid body for every documented endpoint. */
const HAPPY_PATHS: Record<string, { status: number; body?: (fixture: Fixture) => unknown }> = {
	'POST /vapor/signed-storage-url': {
		status: 200,
		body: () => ({ content_type: 'application/pdf' }),
	},
	'GET /workspaces': { status: 200 },
	'POST /workspaces/create': { status: 201, body: () => ({ name: 'Created' }) },
	'PUT /workspaces/{workspaceId}': { status: 200, body: () => ({ name: 'Renamed' }) },
	'DELETE /workspaces/{workspaceId}': { status: 204 },
	'GET /workspaces/{workspaceId}/users': { status: 200 },
	'POST /workspaces/{workspaceId}/users/add': {
		status: 200,
		body: () => ({ email: 'someone@example.com', role: 'readonly' }),
	},
	'PUT /workspaces/{workspaceId}/users/{userId}/update-role': {
		status: 200,
		body: () => ({ role: 'user' }),
	},
	'DELETE /workspaces/{workspaceId}/users/{userId}/remove': { status: 204 },
	'POST /workspaces/{workspaceId}/leave': { status: 200 },
	'GET /workspaces/{workspaceId}/invites': { status: 200 },
	'POST /workspaces/{workspaceId}/invites/{inviteId}/resend': { status: 200 },
	'GET /workspaces/{workspaceId}/invites/{inviteId}/link': { status: 200 },
	'DELETE /workspaces/{workspaceId}/invites/{inviteId}': { status: 204 },
	'GET /workspaces/{workspaceId}/extractions/templates': { status: 200 },
	'POST /extractions/templates': {
		status: 201,
		body: () => ({ name: 'New template', workspace_id: 1 }),
	},
	'GET /extractions/templates/{templateId}': { status: 200 },
	'PUT /extractions/templates/{templateId}': {
		status: 200,
		body: () => ({ name: 'Renamed template' }),
	},
	'DELETE /extractions/templates/{templateId}': { status: 204 },
	'POST /extractions/templates/{templateId}/duplicate': { status: 201 },
	'POST /extractions/sessions': {
		status: 201,
		body: (f) => ({ extraction_template_id: f.params.templateId }),
	},
	'GET /extractions/sessions/{sessionId}': { status: 200 },
	'PUT /extractions/sessions/{sessionId}': {
		status: 200,
		body: () => ({ name: 'Renamed session' }),
	},
	'DELETE /extractions/sessions/{sessionId}': { status: 204 },
	'GET /extractions/sessions/{sessionId}/documents': { status: 200 },
	'POST /extractions/sessions/{sessionId}/documents/upload': {
		status: 200,
		body: (f) => ({ keys: [f.uploadKey] }),
	},
	'POST /extractions/sessions/{sessionId}/documents/attach': {
		status: 200,
		body: (f) => ({ document_ids: [f.documentId] }),
	},
	'DELETE /extractions/sessions/{sessionId}/documents/{documentId}': { status: 204 },
	'POST /extractions/sessions/{sessionId}/documents': {
		status: 201,
		body: (f) => ({ key: f.uploadKey, filename: 'legacy.pdf' }),
	},
	'POST /extractions/templates/{templateId}/sessions/batch': {
		status: 201,
		body: (f) => ({ files: [f.uploadKey] }),
	},
	'POST /extractions/templates/{templateId}/sessions/batch/execute': {
		status: 200,
		body: (f) => ({ session_ids: [f.sessionId] }),
	},
	'POST /extractions/templates/{templateId}/sessions/batch/delete': {
		status: 204,
		body: (f) => ({ session_ids: [f.sessionId] }),
	},
	'POST /extractions/templates/{templateId}/sessions/batch/export': {
		status: 200,
		body: (f) => ({ session_ids: [f.sessionId] }),
	},
	'GET /extractions/documents/{documentId}': { status: 200 },
	'GET /extractions/documents/{documentId}/url': { status: 200 },
	'GET /extractions/documents/{documentId}/chunks': { status: 200 },
	'DELETE /extractions/documents/{documentId}': { status: 204 },
	'GET /workspaces/{workspaceId}/documents': { status: 200 },
	'POST /workspaces/{workspaceId}/documents': { status: 201, body: (f) => ({ key: f.uploadKey }) },
	'GET /workspaces/{workspaceId}/documents/{documentId}': { status: 200 },
	'GET /workspaces/{workspaceId}/documents/{documentId}/url': { status: 200 },
	'POST /workspaces/{workspaceId}/documents/{documentId}/reparse': {
		status: 202,
		body: () => ({ config_hash: 'a'.repeat(64) }),
	},
	'GET /extractions/sessions/{sessionId}/results': { status: 200 },
	'POST /extractions/sessions/{sessionId}/results': { status: 201 },
	'GET /extractions/results/{resultId}': { status: 200 },
	'DELETE /extractions/results/{resultId}': { status: 204 },
	'GET /extractions/results/{resultId}/export/excel': { status: 200 },
	'GET /workspaces/{workspaceId}/workflows/{workflowId}/runs': { status: 200 },
	'GET /workspaces/{workspaceId}/workflows/{workflowId}/runs/{runId}/output': { status: 200 },
	'GET /workspaces/{workspaceId}/workflows/{workflowId}/runs/{runId}/file': { status: 200 },
};

describe('RAYDOCS_ENDPOINTS', () => {
	it('lists the 50 documented endpoints once each, with abilities from the known set', () => {
		expect(RAYDOCS_ENDPOINTS).toHaveLength(50);
		const keys = RAYDOCS_ENDPOINTS.map(endpointKey);
		expect(new Set(keys).size).toBe(50);
		expect(keys[0]).toBe('POST /vapor/signed-storage-url');
		expect(keys[49]).toBe('GET /workspaces/{workspaceId}/workflows/{workflowId}/runs/{runId}/file');
		const known = new Set([
			'workspaces-read',
			'workspaces-write',
			'workspace-users-read',
			'workspace-users-write',
			'templates-read',
			'templates-write',
			'sessions-read',
			'sessions-write',
			'documents-read',
			'documents-write',
			'workflows-read',
			'workflow-runs-output-read',
		]);
		for (const endpoint of RAYDOCS_ENDPOINTS) {
			expect(endpoint.path.startsWith('/')).toBe(true);
			expect(endpoint.summary.length).toBeGreaterThan(10);
			for (const ability of endpoint.abilities) expect(known.has(ability)).toBe(true);
		}
		expect(
			RAYDOCS_ENDPOINTS.find(
				(e) => e.path === '/workspaces/{workspaceId}/documents/{documentId}/url',
			)?.abilities,
		).toEqual(['workspaces-read', 'documents-read']);
		expect(Object.keys(HAPPY_PATHS).sort()).toEqual([...keys].sort());
	});
});

describe('every endpoint', () => {
	it.each(RAYDOCS_ENDPOINTS.map((endpoint) => [endpointKey(endpoint), endpoint] as const))(
		'%s succeeds with the documented status',
		async (key, endpoint) => {
			const fixture = await buildFixture();
			const happy = HAPPY_PATHS[key];
			const response = await api(
				fake,
				endpoint.method,
				concretePath(endpoint.path, fixture.params),
				{ body: happy.body?.(fixture) },
			);
			expect({
				key,
				status: response.status,
				text: response.status === happy.status ? '' : response.text,
			}).toEqual({ key, status: happy.status, text: '' });
			if (happy.status === 204) expect(response.text).toBe('');
			const entry = fake.log[fake.log.length - 1];
			expect(entry).toMatchObject({
				listener: 'api',
				method: endpoint.method,
				endpoint: key,
				status: happy.status,
				tokenLabel: 'full',
			});
		},
	);

	it('answers 401 {"message":"Unauthenticated."} to every endpoint without a valid token', async () => {
		const fixture = await buildFixture();
		const revoked = fake.createToken('*', 'revoked');
		fake.revokeToken(revoked);
		for (const endpoint of RAYDOCS_ENDPOINTS) {
			const path = concretePath(endpoint.path, fixture.params);
			for (const token of [null, 'rd_test_not_a_real_token', revoked]) {
				const response = await api(fake, endpoint.method, path, {
					token,
					body: HAPPY_PATHS[endpointKey(endpoint)].body?.(fixture),
				});
				expect({
					endpoint: endpointKey(endpoint),
					status: response.status,
					body: response.body,
				}).toEqual({
					endpoint: endpointKey(endpoint),
					status: 401,
					body: { message: 'Unauthenticated.' },
				});
			}
		}
		// Nothing changed: the fixture session is still there.
		expect(fake.state.sessions.has(fixture.sessionId)).toBe(true);
	});

	it('answers 403 naming every missing ability, and lets ability-free endpoints through', async () => {
		const fixture = await buildFixture();
		const powerless = fake.createToken([], 'powerless');
		for (const endpoint of RAYDOCS_ENDPOINTS) {
			const response = await api(
				fake,
				endpoint.method,
				concretePath(endpoint.path, fixture.params),
				{
					token: powerless,
					body: HAPPY_PATHS[endpointKey(endpoint)].body?.(fixture),
				},
			);
			if (endpoint.abilities.length === 0) {
				expect({ endpoint: endpointKey(endpoint), status: response.status }).toEqual({
					endpoint: endpointKey(endpoint),
					status: 200,
				});
				continue;
			}
			expect({ endpoint: endpointKey(endpoint), status: response.status }).toEqual({
				endpoint: endpointKey(endpoint),
				status: 403,
			});
			for (const ability of endpoint.abilities)
				expect(response.body.message).toContain(`"${ability}"`);
			expect(response.body.message).toMatch(/^This action is unauthorized\. Your token lacks the /);
		}
	});

	it('names only the missing ability of a two-ability endpoint', async () => {
		const fixture = await buildFixture();
		const half = fake.createToken(['documents-read'], 'half');
		const response = await api(fake, 'GET', `/workspaces/1/documents/${fixture.documentId}/url`, {
			token: half,
		});
		expect(response.status).toBe(403);
		expect(response.body.message).toBe(
			'This action is unauthorized. Your token lacks the "workspaces-read" ability.',
		);
		const none = await api(fake, 'GET', `/workspaces/1/documents/${fixture.documentId}/url`, {
			token: fake.createToken([]),
		});
		expect(none.body.message).toBe(
			'This action is unauthorized. Your token lacks the "workspaces-read" and "documents-read" abilities.',
		);
		const exact = await api(fake, 'GET', `/workspaces/1/documents/${fixture.documentId}/url`, {
			token: fake.createToken(['workspaces-read', 'documents-read']),
		});
		expect(exact.status).toBe(200);
	});
});

describe('documented aliases', () => {
	it('cancels an invite with DELETE .../invites/{id}/cancel, logged under the canonical endpoint', async () => {
		const fixture = await buildFixture();
		const response = await api(
			fake,
			'DELETE',
			`/workspaces/1/invites/${fixture.params.inviteId}/cancel`,
		);
		expect(response.status).toBe(204);
		expect(fake.state.invites).toHaveLength(0);
		expect(fake.log[fake.log.length - 1]).toMatchObject({
			endpoint: 'DELETE /workspaces/{workspaceId}/invites/{inviteId}',
			route: 'DELETE /workspaces/{workspaceId}/invites/{inviteId}/cancel',
		});
	});

	it('deletes a batch with DELETE .../sessions/batch and exports with the format in the path', async () => {
		const fixture = await buildFixture();
		const csv = await api(
			fake,
			'POST',
			`/extractions/templates/${fixture.params.templateId}/sessions/batch/export/csv`,
			{
				body: { session_ids: [fixture.sessionId] },
			},
		);
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=UTF-8');
		expect(fake.log[fake.log.length - 1].endpoint).toBe(
			'POST /extractions/templates/{templateId}/sessions/batch/export',
		);
		const removed = await api(
			fake,
			'DELETE',
			`/extractions/templates/${fixture.params.templateId}/sessions/batch`,
			{
				body: { session_ids: [fixture.sessionId] },
			},
		);
		expect(removed.status).toBe(204);
		expect(fake.state.sessions.has(fixture.sessionId)).toBe(false);
		expect(fake.log[fake.log.length - 1]).toMatchObject({
			endpoint: 'POST /extractions/templates/{templateId}/sessions/batch/delete',
			route: 'DELETE /extractions/templates/{templateId}/sessions/batch',
		});
	});
});
