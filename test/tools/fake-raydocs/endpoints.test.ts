import referenceData from '../../../docs/raydocs-api/endpoints.json';
import { API_HANDLERS } from '../../../tools/fake-raydocs/apiHandlers';
import {
	API_REFERENCE,
	RAYDOCS_ENDPOINTS,
	endpointKey,
	readApiReference,
	type RaydocsEndpoint,
} from '../../../tools/fake-raydocs/endpoints';
import { Router } from '../../../tools/fake-raydocs/router';
import { startFakeRaydocs } from '../../../tools/fake-raydocs/server';
import type { FakeRaydocs, Variants } from '../../../tools/fake-raydocs/server';
import { isRecord } from '../../../tools/fake-raydocs/util';
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
			format: 'json',
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

/**
 * A valid body for every documented endpoint (null: it takes none). The status it must answer is
 * the reference's `success`.
 */
const HAPPY_BODIES: Record<string, ((fixture: Fixture) => unknown) | null> = {
	'POST /vapor/signed-storage-url': () => ({ content_type: 'application/pdf' }),
	'GET /workspaces': null,
	'POST /workspaces/create': () => ({ name: 'Created' }),
	'PUT /workspaces/{workspaceId}': () => ({ name: 'Renamed' }),
	'DELETE /workspaces/{workspaceId}': null,
	'GET /workspaces/{workspaceId}/users': null,
	'POST /workspaces/{workspaceId}/users/add': () => ({
		email: 'someone@example.com',
		role: 'readonly',
	}),
	'PUT /workspaces/{workspaceId}/users/{userId}/update-role': () => ({ role: 'user' }),
	'DELETE /workspaces/{workspaceId}/users/{userId}/remove': null,
	'POST /workspaces/{workspaceId}/leave': null,
	'GET /workspaces/{workspaceId}/invites': null,
	'POST /workspaces/{workspaceId}/invites/{inviteId}/resend': null,
	'GET /workspaces/{workspaceId}/invites/{inviteId}/link': null,
	'DELETE /workspaces/{workspaceId}/invites/{inviteId}': null,
	'GET /workspaces/{workspaceId}/extractions/templates': null,
	'POST /extractions/templates': () => ({ name: 'New template', workspace_id: 1 }),
	'GET /extractions/templates/{templateId}': null,
	'PUT /extractions/templates/{templateId}': () => ({ name: 'Renamed template' }),
	'DELETE /extractions/templates/{templateId}': null,
	'POST /extractions/templates/{templateId}/duplicate': null,
	'POST /extractions/sessions': (f) => ({ extraction_template_id: f.params.templateId }),
	'GET /extractions/sessions/{sessionId}': null,
	'PUT /extractions/sessions/{sessionId}': () => ({ name: 'Renamed session' }),
	'DELETE /extractions/sessions/{sessionId}': null,
	'GET /extractions/sessions/{sessionId}/documents': null,
	'POST /extractions/sessions/{sessionId}/documents/upload': (f) => ({ keys: [f.uploadKey] }),
	'POST /extractions/sessions/{sessionId}/documents/attach': (f) => ({
		document_ids: [f.documentId],
	}),
	'DELETE /extractions/sessions/{sessionId}/documents/{documentId}': null,
	'POST /extractions/sessions/{sessionId}/documents': (f) => ({
		key: f.uploadKey,
		filename: 'legacy.pdf',
	}),
	'POST /extractions/templates/{templateId}/sessions/batch': (f) => ({ files: [f.uploadKey] }),
	'POST /extractions/templates/{templateId}/sessions/batch/execute': (f) => ({
		session_ids: [f.sessionId],
	}),
	'POST /extractions/templates/{templateId}/sessions/batch/delete': (f) => ({
		session_ids: [f.sessionId],
	}),
	'POST /extractions/templates/{templateId}/sessions/batch/export': (f) => ({
		session_ids: [f.sessionId],
	}),
	'GET /extractions/documents/{documentId}': null,
	'GET /extractions/documents/{documentId}/url': null,
	'GET /extractions/documents/{documentId}/chunks': null,
	'DELETE /extractions/documents/{documentId}': null,
	'GET /workspaces/{workspaceId}/documents': null,
	'POST /workspaces/{workspaceId}/documents': (f) => ({ key: f.uploadKey }),
	'GET /workspaces/{workspaceId}/documents/{documentId}': null,
	'GET /workspaces/{workspaceId}/documents/{documentId}/url': null,
	'POST /workspaces/{workspaceId}/documents/{documentId}/reparse': () => ({
		config_hash: 'a'.repeat(64),
	}),
	'GET /extractions/sessions/{sessionId}/results': null,
	'POST /extractions/sessions/{sessionId}/results': null,
	'GET /extractions/results/{resultId}': null,
	'DELETE /extractions/results/{resultId}': null,
	'GET /extractions/results/{resultId}/export/excel': null,
	'GET /workspaces/{workspaceId}/workflows/{workflowId}/runs': null,
	'GET /workspaces/{workspaceId}/workflows/{workflowId}/runs/{runId}/output': null,
	'GET /workspaces/{workspaceId}/workflows/{workflowId}/runs/{runId}/file': null,
};

describe('the API reference the fake serves (docs/raydocs-api/endpoints.json)', () => {
	it("lists the 50 documented endpoints once each, in the documentation's order", () => {
		const keys = RAYDOCS_ENDPOINTS.map(endpointKey);
		expect(keys).toHaveLength(50);
		expect(new Set(keys).size).toBe(50);
		expect(keys[0]).toBe('POST /vapor/signed-storage-url');
		expect(keys[49]).toBe('GET /workspaces/{workspaceId}/workflows/{workflowId}/runs/{runId}/file');
		expect(Object.keys(HAPPY_BODIES)).toEqual(keys);
	});

	it('documents exactly the abilities the endpoints need', () => {
		const needed = new Set(RAYDOCS_ENDPOINTS.flatMap((endpoint) => endpoint.abilities));
		expect([...needed].sort()).toEqual(Object.keys(API_REFERENCE.abilities).sort());
	});

	type Reference = typeof referenceData;
	const broken = (change: (data: Reference) => void) => {
		const copy = structuredClone(referenceData);
		change(copy);
		return () => readApiReference(copy);
	};

	it.each<[string, (data: Reference) => void, string]>([
		[
			'an unknown method',
			(data) => (data.endpoints[1].method = 'PATCH'),
			'PATCH /workspaces: method "PATCH"',
		],
		[
			'a path not from the root',
			(data) => (data.endpoints[1].path = 'workspaces'),
			'GET workspaces: path "workspaces" does not start with /',
		],
		[
			'an untyped path parameter',
			(data) => (data.endpoints[3].path = '/workspaces/{workspace}'),
			'PUT /workspaces/{workspace}: path parameter {workspace} is not in "pathParameters"',
		],
		[
			'an undocumented ability',
			(data) => (data.endpoints[1].abilities = ['workspace-read']),
			'GET /workspaces: ability "workspace-read" is not documented in "abilities"',
		],
		[
			'an unknown retry reason',
			(data) => (data.endpoints[1].retry = 'maybe'),
			'GET /workspaces: retry reason "maybe" is not in "retry"',
		],
		[
			'retrySafe against its reason',
			(data) => (data.endpoints[1].retrySafe = false),
			'GET /workspaces: retrySafe false contradicts retry reason "reads"',
		],
		[
			'a success status that is no success',
			(data) => (data.endpoints[1].success = 500),
			'GET /workspaces: success status 500',
		],
		[
			'an unknown response shape',
			(data) => (data.endpoints[1].responseForms![0].shape = 'page'),
			'GET /workspaces: response shape "page" is not in "shapes"',
		],
		[
			'an alternate form that is another endpoint',
			(data) => (data.endpoints[13].alternateForms![0].path = '/workspaces/{workspaceId}'),
			'DELETE /workspaces/{workspaceId} is given twice',
		],
		[
			'no endpoint list',
			(data) => delete (data as Partial<Reference>).endpoints,
			'no "endpoints" list',
		],
	])('readApiReference refuses %s', (_case, change, message) => {
		expect(broken(change)).toThrow(`docs/raydocs-api/endpoints.json: ${message}`);
	});

	it('reads the data as it stands', () => {
		expect(broken(() => undefined)()).toEqual(API_REFERENCE);
	});
});

describe("the fake's routes against the reference", () => {
	const served = (forms: Variants['routeForms']) => new Router(API_HANDLERS).served(forms);
	const routeOf = (
		endpoint: RaydocsEndpoint,
		form: { method: string; path: string } = endpoint,
	) => ({
		route: endpointKey(form),
		endpoint: endpointKey(endpoint),
		abilities: endpoint.abilities,
	});
	const documented = RAYDOCS_ENDPOINTS.map((endpoint) => routeOf(endpoint));
	const alternates = RAYDOCS_ENDPOINTS.flatMap((endpoint) =>
		(endpoint.alternateForms ?? []).map((form) => routeOf(endpoint, form)),
	);
	const sorted = (routes: Array<{ route: string }>) =>
		[...routes].sort((a, b) => a.route.localeCompare(b.route));

	it('has a handler for every documented endpoint and for nothing else', () => {
		expect(Object.keys(API_HANDLERS).sort()).toEqual(RAYDOCS_ENDPOINTS.map(endpointKey).sort());
	});

	it("serves every endpoint and every alternate form with the endpoint's abilities, and no other route", () => {
		expect(alternates).toHaveLength(3);
		expect(sorted(served('both'))).toEqual(sorted([...documented, ...alternates]));
	});

	it('serves one form of each call documented in two when routeForms says so', () => {
		const twoForms = new Set(alternates.map((alternate) => alternate.endpoint));
		expect(sorted(served('reference'))).toEqual(sorted(documented));
		expect(sorted(served('prose'))).toEqual(
			sorted([...documented.filter((route) => !twoForms.has(route.endpoint)), ...alternates]),
		);
	});

	it.each(
		RAYDOCS_ENDPOINTS.flatMap((endpoint) =>
			(endpoint.alternateForms ?? []).map((form) => [endpointKey(form), endpoint, form] as const),
		),
	)(
		'answers %s like the endpoint it is a form of, unless routeForms leaves it out',
		async (route, endpoint, form) => {
			const send = async (
				call: { method: string; path: string },
				forms: Variants['routeForms'],
			) => {
				const fixture = await buildFixture();
				fake.setVariant('routeForms', forms);
				const body = HAPPY_BODIES[endpointKey(endpoint)]?.(fixture);
				return (await api(fake, call.method, concretePath(call.path, fixture.params), { body }))
					.status;
			};
			expect(await send(form, 'both')).toBe(endpoint.success);
			expect(fake.log[fake.log.length - 1]).toMatchObject({
				endpoint: endpointKey(endpoint),
				route,
			});
			expect(await send(form, 'prose')).toBe(endpoint.success);
			// Not served: Laravel's 404 for an unknown path, 405 for a known path with another method.
			expect([404, 405]).toContain(await send(form, 'reference'));
			expect([404, 405]).toContain(await send(endpoint, 'prose'));
			expect(await send(endpoint, 'reference')).toBe(endpoint.success);
		},
	);
});

/** The variants with which the fake answers in each documented response form, in the reference's order. */
const RESPONSE_FORM_VARIANTS: Record<string, Array<Partial<Variants>>> = {
	'POST /vapor/signed-storage-url': [{ signedUrl: 'reference' }, { signedUrl: 'guide' }],
	'GET /workspaces': [{ workspacesList: 'data' }, { workspacesList: 'array' }],
	'GET /extractions/documents/{documentId}/chunks': [
		{ chunksList: 'data' },
		{ chunksList: 'array' },
	],
	'GET /extractions/sessions/{sessionId}/results': [
		{ sessionResultsList: 'data' },
		{ sessionResultsList: 'array' },
	],
};

function shapeOf(body: unknown): { shape: string; fields?: string[] } {
	if (Array.isArray(body)) return { shape: 'list' };
	if (isRecord(body) && Array.isArray(body.data) && Object.keys(body).length === 1)
		return { shape: 'data-list' };
	return { shape: 'object', fields: Object.keys(body as object).sort() };
}

describe('documented response forms', () => {
	it('has a variant for each form the reference documents, and none for others', () => {
		const variantCounts = Object.entries(RESPONSE_FORM_VARIANTS).map(([key, variants]) => [
			key,
			variants.length,
		]);
		const documentedCounts = RAYDOCS_ENDPOINTS.filter((endpoint) => endpoint.responseForms).map(
			(endpoint) => [endpointKey(endpoint), endpoint.responseForms!.length],
		);
		expect(variantCounts).toEqual(documentedCounts);
	});

	it.each(
		RAYDOCS_ENDPOINTS.flatMap((endpoint) =>
			(endpoint.responseForms ?? []).map(
				(form, index) => [endpointKey(endpoint), form.documentedBy, endpoint, index] as const,
			),
		),
	)('%s answers in the form of %s', async (key, _documentedBy, endpoint, index) => {
		const fixture = await buildFixture();
		for (const [name, value] of Object.entries(RESPONSE_FORM_VARIANTS[key][index]))
			fake.setVariant(name as keyof Variants, value as never);
		const response = await api<unknown>(
			fake,
			endpoint.method,
			concretePath(endpoint.path, fixture.params),
			{ body: HAPPY_BODIES[key]?.(fixture) },
		);
		expect(response.status).toBe(endpoint.success);
		const form = endpoint.responseForms![index];
		expect(shapeOf(response.body)).toEqual(
			form.fields ? { shape: form.shape, fields: [...form.fields].sort() } : { shape: form.shape },
		);
	});
});

describe('every endpoint', () => {
	it.each(RAYDOCS_ENDPOINTS.map((endpoint) => [endpointKey(endpoint), endpoint] as const))(
		'%s succeeds with the documented status',
		async (key, endpoint) => {
			const fixture = await buildFixture();
			const response = await api(
				fake,
				endpoint.method,
				concretePath(endpoint.path, fixture.params),
				{ body: HAPPY_BODIES[key]?.(fixture) },
			);
			expect({
				key,
				status: response.status,
				text: response.status === endpoint.success ? '' : response.text,
			}).toEqual({ key, status: endpoint.success, text: '' });
			if (endpoint.success === 204) expect(response.text).toBe('');
			const entry = fake.log[fake.log.length - 1];
			expect(entry).toMatchObject({
				listener: 'api',
				method: endpoint.method,
				endpoint: key,
				status: endpoint.success,
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
					body: HAPPY_BODIES[endpointKey(endpoint)]?.(fixture),
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
					body: HAPPY_BODIES[endpointKey(endpoint)]?.(fixture),
				},
			);
			if (endpoint.abilities.length === 0) {
				expect({ endpoint: endpointKey(endpoint), status: response.status }).toEqual({
					endpoint: endpointKey(endpoint),
					status: endpoint.success,
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

describe("what the guides' forms do (their routes are checked against the reference above)", () => {
	it('cancels an invite with DELETE .../invites/{id}/cancel', async () => {
		const fixture = await buildFixture();
		const response = await api(
			fake,
			'DELETE',
			`/workspaces/1/invites/${fixture.params.inviteId}/cancel`,
		);
		expect(response.status).toBe(204);
		expect(fake.state.invites).toHaveLength(0);
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
	});
});
