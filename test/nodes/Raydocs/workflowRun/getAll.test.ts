import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

const HOUR = 3600 * 1000;

describe('Raydocs → Workflow Run → Get Many', () => {
	const fake = useFakeRaydocs();
	let workflowId: string;

	beforeEach(() => {
		workflowId = fake().seedWorkflow(1).id;
	});

	const getMany = (extra: Record<string, unknown>) => ({
		resource: 'workflowRun',
		operation: 'getAll',
		workspaceId: byId(1),
		workflowId,
		...extra,
	});

	describe('All Runs (page mode)', () => {
		it('follows the pages for Return All, newest first', async () => {
			const base = Date.now() - 100 * HOUR;
			for (let index = 0; index < 20; index++) {
				fake().seedWorkflowRun(1, workflowId, { createdAt: new Date(base + index * HOUR), output: { index } });
			}
			const { items, error } = await runRaydocs(fake(), getMany({ mode: 'page', returnAll: true }));
			expect(error).toBeUndefined();
			expect(items).toHaveLength(20);
			const created = items.map((item) => Date.parse(String(item.json.created_at)));
			expect(created).toEqual([...created].sort((a, b) => b - a));
			expect(items[0].json).toMatchObject({ workflow_id: workflowId, status: 'completed' });
			expect(apiRequests(fake()).map((request) => [request.path, request.query])).toEqual([
				[`/workspaces/1/workflows/${workflowId}/runs`, {}],
				[`/workspaces/1/workflows/${workflowId}/runs`, { page: '2' }],
			]);
		});

		it('takes the workflow by ID or as a link from Raydocs, and refuses a link without one', async () => {
			fake().seedWorkflowRun(1, workflowId, { output: {} });
			for (const workflow of [
				{ __rl: true, mode: 'id', value: workflowId },
				{ __rl: true, mode: 'url', value: `https://app.raydocs.com/workspaces/1/workflows/${workflowId}` },
			]) {
				const { items, error } = await runRaydocs(fake(), getMany({ mode: 'page', workflowId: workflow }));
				expect(error).toBeUndefined();
				expect(items).toHaveLength(1);
			}
			expect(apiRequests(fake()).map((request) => request.path)).toEqual([
				`/workspaces/1/workflows/${workflowId}/runs`,
				`/workspaces/1/workflows/${workflowId}/runs`,
			]);
			await expect(
				runRaydocs(
					fake(),
					getMany({ mode: 'page', workflowId: { __rl: true, mode: 'url', value: 'https://app.raydocs.com/workspaces/1' } }),
				),
			).rejects.toThrow('Paste a Raydocs link that contains /workflows/ and the workflow ID, or the ID alone');
			expect(apiRequests(fake())).toHaveLength(2);
		});

		it('stops at Limit', async () => {
			for (let index = 0; index < 20; index++) fake().seedWorkflowRun(1, workflowId, { output: {} });
			const { items } = await runRaydocs(fake(), getMany({ mode: 'page', returnAll: false, limit: 4 }));
			expect(items).toHaveLength(4);
			expect(apiRequests(fake())).toHaveLength(1);
		});

		it('names both abilities on 403', async () => {
			const token = fake().createToken(['workspaces-read'], 'no-workflows');
			const { error } = await runRaydocs(fake(), getMany({ mode: 'page', returnAll: true }), { token });
			expect(error?.message).toContain('"workspaces-read" and "workflows-read" abilities');
		});

		it('says which workflow was not found on 404', async () => {
			const missing = 'abcdefab-cdef-4abc-8def-abcdefabcdef';
			const { error } = await runRaydocs(fake(), { ...getMany({ mode: 'page', returnAll: true }), workflowId: missing });
			expect(error?.message).toContain(`could not find workflow ${missing} in workspace 1`);
		});

		it('rejects a workflow ID that is not a UUID before sending anything', async () => {
			const { error } = await runRaydocs(fake(), {
				...getMany({ mode: 'page', returnAll: true }),
				workflowId: 'Nightly export',
			});
			expect(error?.message).toBe('Workflow ID "Nightly export" is not valid: Raydocs workflow IDs are UUIDs');
			expect(apiRequests(fake())).toHaveLength(0);
		});
	});

	describe('Completed Since (cursor sync)', () => {
		const since = new Date(Date.now() - 500 * HOUR);

		/** Completed runs created after `since`, one per hour, plus runs the feed must leave out. */
		function seedRuns(count: number): void {
			for (let index = 0; index < count; index++) {
				const createdAt = new Date(since.getTime() + (index + 1) * HOUR);
				fake().seedWorkflowRun(1, workflowId, { createdAt, completedAt: new Date(createdAt.getTime() + 1000), output: { index } });
			}
			fake().seedWorkflowRun(1, workflowId, { status: 'failed', createdAt: new Date(since.getTime() + HOUR / 2) });
			fake().seedWorkflowRun(1, workflowId, { debug: true, createdAt: new Date(since.getTime() + HOUR / 2), output: {} });
			fake().seedWorkflowRun(1, workflowId, { createdAt: new Date(since.getTime() - HOUR), output: {} });
		}

		const cursorSync = (extra: Record<string, unknown>) =>
			getMany({ mode: 'cursor', createdAfter: since.toISOString(), options: {}, ...extra });

		it('follows next_cursor while has_more, keeping the sync parameters on every page', async () => {
			seedRuns(130);
			const { items, error } = await runRaydocs(fake(), cursorSync({ returnAll: true }));
			expect(error).toBeUndefined();
			expect(items).toHaveLength(130);
			expect(items.map((item) => (item.json as { status: string }).status).every((status) => status === 'completed')).toBe(true);
			const completed = items.map((item) => Date.parse(String(item.json.completed_at)));
			expect(completed).toEqual([...completed].sort((a, b) => a - b));

			const requests = apiRequests(fake());
			expect(requests).toHaveLength(2);
			const sync = { pagination: 'cursor', status: 'completed', created_after: since.toISOString(), per_page: '100' };
			expect(requests[0].query).toEqual(sync);
			expect(requests[1].query).toEqual({ ...sync, cursor: expect.any(String) });

			const last = items[items.length - 1].json;
			expect(last).toMatchObject({ has_more: false, next_cursor: expect.any(String), server_time: expect.any(String) });
			// Every item carries the state to store, so any item will do.
			expect(new Set(items.map((item) => item.json.next_cursor)).size).toBe(1);
		});

		it('asks for no more than Limit, and its cursor continues right after the last item', async () => {
			seedRuns(8);
			const first = await runRaydocs(fake(), cursorSync({ returnAll: false, limit: 3 }));
			expect(first.items).toHaveLength(3);
			expect(first.items[0].json).toMatchObject({ has_more: true });
			expect(apiRequests(fake())).toHaveLength(1);
			expect(apiRequests(fake())[0].query).toMatchObject({ per_page: '3' });

			fake().clearLog();
			const cursor = String(first.items[0].json.next_cursor);
			const second = await runRaydocs(fake(), cursorSync({ returnAll: true, options: { cursor } }));
			expect(apiRequests(fake())[0].query).toMatchObject({ cursor, created_after: since.toISOString() });
			const outputs = [...first.items, ...second.items].map((item) => item.json.id);
			expect(outputs).toHaveLength(8);
			expect(new Set(outputs).size).toBe(8);
			expect(second.items[0].json).toMatchObject({ has_more: false });
		});

		it('returns nothing when no run completed since', async () => {
			const { items, error } = await runRaydocs(fake(), cursorSync({ returnAll: true }));
			expect(error).toBeUndefined();
			expect(items).toEqual([]);
		});

		it('refuses a Created After that is not a date before sending anything', async () => {
			const { error } = await runRaydocs(
				fake(),
				cursorSync({ returnAll: true, createdAfter: '={{ $json.since }}' }),
				{ input: [{ json: { since: 'last tuesday' } }] },
			);
			expect(error?.message).toBe('Created After "last tuesday" is not a date and time Raydocs understands');
			expect(apiRequests(fake())).toHaveLength(0);
		});

		it('passes on the 403 for a token whose user is not a workspace admin', async () => {
			const member = fake().seedUser();
			fake().addMember(1, member.id, 'user');
			const token = fake().createToken('*', 'member', member.id);
			const { error } = await runRaydocs(fake(), cursorSync({ returnAll: true }), { token });
			expect((error as { httpCode?: string }).httpCode).toBe('403');
			expect((error as { description?: string }).description).toContain('Only workspace admins');
		});
	});
});
