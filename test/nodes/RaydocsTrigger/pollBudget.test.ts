import { sleep } from 'n8n-workflow';
import type { IPollFunctions } from 'n8n-workflow';

import { pollDeadline } from '../../../nodes/RaydocsTrigger/pollBudget';
import type { FakeRaydocs } from '../../../tools/fake-raydocs/server';
import { apiRequests, useFakeRaydocs } from '../../helpers/raydocs';
import { resultIds, workflowRunTrigger } from '../../helpers/trigger';

describe('pollDeadline', () => {
	const now = 1_000_000;
	beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(now));
	afterEach(() => jest.restoreAllMocks());
	const context = (budget?: number) =>
		(budget === undefined ? {} : { getPollBudgetMs: () => budget }) as unknown as IPollFunctions;

	it('stops fetching at 80% of the budget the host gives a poll', () => {
		expect(pollDeadline(context(10_000))).toBe(now + 8_000);
	});

	it("uses n8n's five minutes on hosts that do not say", () => {
		expect(pollDeadline(context())).toBe(now + 240_000);
	});

	it('leaves at least one second for the first page', () => {
		expect(pollDeadline(context(100))).toBe(now + 1_000);
	});
});

describe('Raydocs Trigger → Workflow Run Completed: bounded polls', () => {
	const fake = useFakeRaydocs({ rateLimit: false });

	const backlogTrigger = (instance: FakeRaydocs, workflowId: string, pollBudgetMs?: number) =>
		workflowRunTrigger(instance, workflowId, { emitBacklog: true, includeOutput: false }, { pollBudgetMs });

	function seedRuns(workflowId: string, count: number): string[] {
		const start = Date.now() - 3_600_000;
		return Array.from({ length: count }, (_, index) =>
			fake().seedWorkflowRun(fake().state.seed!.workspaceId, workflowId, {
				status: 'completed',
				createdAt: new Date(start + index * 1000),
				completedAt: new Date(start + index * 1000 + 500),
			}).id,
		);
	}

	it('a poll past its budget stops paging and the next poll goes on from the cursor, losing nothing', async () => {
		const workflowId = fake().seedWorkflow(fake().state.seed!.workspaceId).id;
		const runs = seedRuns(workflowId, 250);
		// The first page answers after the whole (minimum) budget of a second has gone.
		fake().fault({ kind: 'delay', delayMs: 1_100, method: 'GET', path: /\/runs$/, count: 1 });
		const trigger = backlogTrigger(fake(), workflowId, 0);
		const first = resultIds(await trigger.poll());
		expect(first).toHaveLength(100);
		expect(apiRequests(fake())).toHaveLength(1);
		const second = resultIds(await trigger.poll());
		expect(second).toHaveLength(150);
		expect([...first, ...second].sort()).toEqual([...runs].sort());
		expect(await trigger.poll()).toBeNull();
	});

	it('a Retry-After longer than the poll may take fails the poll at once; it keeps its state and the next poll emits', async () => {
		const workflowId = fake().seedWorkflow(fake().state.seed!.workspaceId).id;
		const runs = seedRuns(workflowId, 3);
		fake().fault({ kind: 'status', status: 429, retryAfterSeconds: 60, method: 'GET', path: /\/runs$/, count: 1 });
		// n8n's durable scheduler gives a poll 45 s: the node stops at 36 s, so it must not wait 60
		const trigger = backlogTrigger(fake(), workflowId, 45_000);
		const started = Date.now();
		await expect(trigger.poll()).rejects.toThrow('Raydocs rate limit reached (HTTP 429)');
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(trigger.workflow.staticData['node:Raydocs Trigger']).toEqual({});
		expect(resultIds(await trigger.poll()).sort()).toEqual([...runs].sort());
		expect(apiRequests(fake())).toHaveLength(2);
	});

	it('remembers at most the 500 newest run ids, and still emits each run once', async () => {
		const workflowId = fake().seedWorkflow(fake().state.seed!.workspaceId).id;
		const runs = seedRuns(workflowId, 620);
		const trigger = backlogTrigger(fake(), workflowId);
		const emitted = resultIds(await trigger.poll());
		expect(emitted.sort()).toEqual([...runs].sort());
		const state = trigger.workflow.staticData['node:Raydocs Trigger'] as { workflowRuns: { recentIds: string[] } };
		expect(state.workflowRuns.recentIds).toEqual(runs.slice(-500));
		expect(await trigger.poll()).toBeNull();
		await sleep(5);
		const later = fake().seedWorkflowRun(fake().state.seed!.workspaceId, workflowId, {
			status: 'completed',
			createdAt: new Date(),
			completedAt: new Date(),
		});
		// Raydocs holds back runs completed in the current second.
		await sleep(1100 - (Date.now() % 1000));
		expect(resultIds(await trigger.poll())).toEqual([later.id]);
	});
});
