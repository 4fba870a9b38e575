import { startFakeRaydocs } from '../../../tools/fake-raydocs/server';
import type { FakeRaydocs, WorkflowRun } from '../../../tools/fake-raydocs/server';
import { ManualClock, api, readStoredZip } from './test-helpers';
import type { WirePage } from './test-helpers';

interface WireWorkflowRun {
	id: string;
	workflow_id: string;
	workspace_id: number;
	status: string;
	created_at: string;
	completed_at: string | null;
	trigger: string;
}

interface CursorPage {
	data: WireWorkflowRun[];
	meta: { next_cursor: string; has_more: boolean; server_time: string; per_page: number };
}

/** Half-way through a second, so "the current open second" is [T-500ms, T+500ms). */
const T = Date.parse('2026-03-04T10:00:00.500Z');
const clock = new ManualClock(T);
let fake: FakeRaydocs;
let workflowId: string;
let runs: Record<string, WorkflowRun>;

beforeAll(async () => {
	fake = await startFakeRaydocs({ rateLimit: false, clock: clock.now });
});
beforeEach(() => {
	fake.reset();
	clock.time = T;
	workflowId = fake.seedWorkflow(1).id;
	const at = (offsetMs: number): Date => new Date(T + offsetMs);
	runs = {
		old: fake.seedWorkflowRun(1, workflowId, {
			createdAt: at(-120_000),
			completedAt: at(-110_000),
		}),
		r1: fake.seedWorkflowRun(1, workflowId, { createdAt: at(-60_000), completedAt: at(-50_000) }),
		r2: fake.seedWorkflowRun(1, workflowId, { createdAt: at(-40_000), completedAt: at(-30_000) }),
		r3: fake.seedWorkflowRun(1, workflowId, { createdAt: at(-39_000), completedAt: at(-30_000) }),
		debug: fake.seedWorkflowRun(1, workflowId, {
			createdAt: at(-20_000),
			completedAt: at(-15_000),
			debug: true,
		}),
		failed: fake.seedWorkflowRun(1, workflowId, {
			createdAt: at(-20_000),
			completedAt: at(-19_000),
			status: 'failed',
		}),
		running: fake.seedWorkflowRun(1, workflowId, { createdAt: at(-10_000), status: 'running' }),
		recent: fake.seedWorkflowRun(1, workflowId, { createdAt: at(-400), completedAt: at(-100) }),
	};
});
afterAll(async () => {
	await fake.close();
});

function cursorUrl(query: Record<string, string>): string {
	return `/workspaces/1/workflows/${workflowId}/runs?${new URLSearchParams({ pagination: 'cursor', status: 'completed', ...query }).toString()}`;
}

const createdAfter = new Date(T - 90_000).toISOString();

describe('page mode', () => {
	it('lists every run newest first with the run item shape', async () => {
		const response = await api<WirePage<WireWorkflowRun>>(
			fake,
			'GET',
			`/workspaces/1/workflows/${workflowId}/runs?per_page=3`,
		);
		expect(response.status).toBe(200);
		expect(response.body.meta).toEqual({
			current_page: 1,
			last_page: 3,
			per_page: 3,
			total: 8,
			from: 1,
			to: 3,
		});
		expect(response.body.data.map((run) => run.id)).toEqual([
			runs.recent.id,
			runs.running.id,
			expect.any(String),
		]);
		expect(response.body.data[0]).toEqual({
			id: runs.recent.id,
			workflow_id: workflowId,
			workspace_id: 1,
			status: 'completed',
			created_at: '2026-03-04T10:00:00.100000Z',
			completed_at: '2026-03-04T10:00:00.400000Z',
			trigger: 'api',
		});
		expect(response.body.data[1].completed_at).toBeNull();
		const failedOnly = await api<WirePage<WireWorkflowRun>>(
			fake,
			'GET',
			`/workspaces/1/workflows/${workflowId}/runs?status=failed`,
		);
		expect(failedOnly.body.data.map((run) => run.id)).toEqual([runs.failed.id]);
	});

	it('404s unknown workflows and workflows of other workspaces', async () => {
		const other = fake.seedWorkspace('Other');
		const foreign = fake.seedWorkflow(other.id);
		expect((await api(fake, 'GET', `/workspaces/1/workflows/${foreign.id}/runs`)).status).toBe(404);
		expect(
			(await api(fake, 'GET', '/workspaces/1/workflows/00000000-0000-4000-8000-000000000000/runs'))
				.status,
		).toBe(404);
	});
});

describe('cursor mode', () => {
	it('returns completed, non-debug runs after created_after in (completed_at, id) order, holding back the open second', async () => {
		const [second, third] = [runs.r2, runs.r3].sort((a, b) => (a.id < b.id ? -1 : 1));
		const first = await api<CursorPage>(
			fake,
			'GET',
			cursorUrl({ created_after: createdAfter, per_page: '2' }),
		);
		expect(first.status).toBe(200);
		expect(first.body.data.map((run) => run.id)).toEqual([runs.r1.id, second.id]);
		expect(first.body.meta).toMatchObject({
			has_more: true,
			per_page: 2,
			server_time: '2026-03-04T10:00:00.500000Z',
		});

		const next = await api<CursorPage>(
			fake,
			'GET',
			cursorUrl({
				created_after: createdAfter,
				per_page: '2',
				cursor: first.body.meta.next_cursor,
			}),
		);
		expect(next.body.data.map((run) => run.id)).toEqual([third.id]);
		expect(next.body.meta.has_more).toBe(false);
		const durable = next.body.meta.next_cursor;
		expect(durable).not.toBe(first.body.meta.next_cursor);

		const caughtUp = await api<CursorPage>(
			fake,
			'GET',
			cursorUrl({ created_after: createdAfter, cursor: durable }),
		);
		expect(caughtUp.body.data).toEqual([]);
		expect(caughtUp.body.meta).toMatchObject({
			next_cursor: durable,
			has_more: false,
			per_page: 100,
		});

		// Once its second has closed, the held-back run appears after the same cursor.
		clock.time = T + 500;
		const later = await api<CursorPage>(
			fake,
			'GET',
			cursorUrl({ created_after: createdAfter, cursor: durable }),
		);
		expect(later.body.data.map((run) => run.id)).toEqual([runs.recent.id]);
	});

	it('treats created_after as strictly greater and returns a cursor at created_after when nothing matches', async () => {
		const exactly = new Date(runs.r1.createdAt).toISOString();
		const strict = await api<CursorPage>(fake, 'GET', cursorUrl({ created_after: exactly }));
		expect(strict.body.data.map((run) => run.id)).not.toContain(runs.r1.id);
		expect(strict.body.data).toHaveLength(2);
		const future = await api<CursorPage>(
			fake,
			'GET',
			cursorUrl({ created_after: '2030-01-01T00:00:00+00:00' }),
		);
		expect(future.body.data).toEqual([]);
		expect(typeof future.body.meta.next_cursor).toBe('string');
		const reused = await api<CursorPage>(
			fake,
			'GET',
			cursorUrl({ created_after: '2030-01-01T00:00:00Z', cursor: future.body.meta.next_cursor }),
		);
		expect(reused.status).toBe(200);
		expect(reused.body.meta.next_cursor).toBe(future.body.meta.next_cursor);
		const micro = await api<CursorPage>(
			fake,
			'GET',
			cursorUrl({ created_after: '2026-03-04T09:58:30.000000Z' }),
		);
		expect(micro.status).toBe(200);
	});

	it('validates status, created_after, per_page and cursor (422)', async () => {
		const cases: Array<[Record<string, string>, string]> = [
			[{ status: '', created_after: createdAfter }, 'status'],
			[{ status: 'failed', created_after: createdAfter }, 'status'],
			[{}, 'created_after'],
			[{ created_after: 'yesterday' }, 'created_after'],
			[{ created_after: '2026-03-04 10:00:00' }, 'created_after'],
			[{ created_after: createdAfter, per_page: '0' }, 'per_page'],
			[{ created_after: createdAfter, per_page: '101' }, 'per_page'],
			[{ created_after: createdAfter, cursor: 'not-a-cursor' }, 'cursor'],
		];
		for (const [query, field] of cases) {
			const response = await api(fake, 'GET', cursorUrl(query));
			expect({
				query,
				status: response.status,
				fields: Object.keys(response.body.errors ?? {}),
			}).toEqual({ query, status: 422, fields: [field] });
		}
		const noStatus = await api(
			fake,
			'GET',
			`/workspaces/1/workflows/${workflowId}/runs?pagination=cursor&created_after=${encodeURIComponent(createdAfter)}`,
		);
		expect(noStatus.body.errors?.status).toEqual([
			'The status field is required when pagination is cursor.',
		]);
		expect(
			(await api(fake, 'GET', `/workspaces/1/workflows/${workflowId}/runs?pagination=sideways`))
				.status,
		).toBe(422);
	});

	it('needs an admin and both abilities', async () => {
		const user = fake.seedUser();
		fake.addMember(1, user.id, 'user');
		const memberToken = fake.createToken('*', 'member', user.id);
		expect(
			(await api(fake, 'GET', cursorUrl({ created_after: createdAfter }), { token: memberToken }))
				.status,
		).toBe(403);
		expect(
			(await api(fake, 'GET', `/workspaces/1/workflows/${workflowId}/runs`, { token: memberToken }))
				.status,
		).toBe(200);
		const readOnlyAbility = fake.createToken(['workflows-read']);
		const denied = await api(fake, 'GET', cursorUrl({ created_after: createdAfter }), {
			token: readOnlyAbility,
		});
		expect(denied.status).toBe(403);
		expect(denied.body.message).toContain('"workspaces-read"');
	});
});

describe('run output and file', () => {
	it('returns the documented {documents:[documentRef]} output for a completed run, downloadable as a workspace document', async () => {
		const response = await api<{ documents: Array<Record<string, unknown>> }>(
			fake,
			'GET',
			`/workspaces/1/workflows/${workflowId}/runs/${runs.r1.id}/output`,
		);
		expect(response.status).toBe(200);
		expect(response.body.documents).toEqual([
			{
				type: 'documentRef',
				documentId: expect.any(String),
				workspaceId: 1,
				filename: 'export.zip',
				mime: 'application/zip',
				size: expect.any(Number),
				sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
				source: { type: 'workflow_file', url: null },
				createdAt: '2026-03-04T09:59:10.500000Z',
			},
		]);
		fake.setVariant('workspaceIdInDocuments', 'string');
		const asString = await api<{ documents: Array<{ workspaceId: unknown; documentId: string }> }>(
			fake,
			'GET',
			`/workspaces/1/workflows/${workflowId}/runs/${runs.r1.id}/output`,
		);
		expect(asString.body.documents[0].workspaceId).toBe('1');
		const link = await api<{ url: string }>(
			fake,
			'GET',
			`/workspaces/1/documents/${asString.body.documents[0].documentId}/url`,
		);
		const file = await fetch(link.body.url);
		expect(file.headers.get('content-type')).toBe('application/zip');
		const entries = readStoredZip(Buffer.from(await file.arrayBuffer()));
		expect(JSON.parse(entries.get('result.json')!.toString())).toMatchObject({
			run_id: runs.r1.id,
		});
	});

	it('returns an explicit output as-is, 404s runs without output, and requires admin + ability', async () => {
		const custom = fake.seedWorkflowRun(1, workflowId, {
			createdAt: new Date(T - 5000),
			output: { answer: 42 },
		});
		expect(
			(await api(fake, 'GET', `/workspaces/1/workflows/${workflowId}/runs/${custom.id}/output`))
				.body,
		).toEqual({ answer: 42 });
		expect(
			(
				await api(
					fake,
					'GET',
					`/workspaces/1/workflows/${workflowId}/runs/${runs.running.id}/output`,
				)
			).status,
		).toBe(404);
		const noAbility = await api(
			fake,
			'GET',
			`/workspaces/1/workflows/${workflowId}/runs/${custom.id}/output`,
			{ token: fake.createToken(['workflows-read']) },
		);
		expect(noAbility.status).toBe(403);
		expect(noAbility.body.message).toContain('"workflow-runs-output-read"');
		const user = fake.seedUser();
		fake.addMember(1, user.id, 'user');
		expect(
			(
				await api(fake, 'GET', `/workspaces/1/workflows/${workflowId}/runs/${custom.id}/output`, {
					token: fake.createToken('*', 'u', user.id),
				})
			).status,
		).toBe(403);
	});

	it('gives a temporary storage URL for the runtime file', async () => {
		const response = await api<{ url: string; expires_at: string; filename: string }>(
			fake,
			'GET',
			`/workspaces/1/workflows/${workflowId}/runs/${runs.r2.id}/file`,
		);
		expect(response.status).toBe(200);
		expect(response.body.url.startsWith(`${fake.storageUrl}/workflow-runs/${runs.r2.id}/`)).toBe(
			true,
		);
		expect(response.body.expires_at).toBe('2026-03-04T10:10:00.500000Z');
		const file = await fetch(response.body.url);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-disposition')).toContain(response.body.filename);
		expect(JSON.parse(await file.text())).toMatchObject({
			run_id: runs.r2.id,
			status: 'completed',
		});
		expect(
			(await api(fake, 'GET', `/workspaces/1/workflows/${workflowId}/runs/${runs.running.id}/file`))
				.status,
		).toBe(404);
	});
});
