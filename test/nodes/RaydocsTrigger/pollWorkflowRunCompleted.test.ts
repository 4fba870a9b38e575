import { sleep } from 'n8n-workflow';

import { pollingTrigger } from '../../harness/engine';
import { apiRequests, credentialsFor, useFakeRaydocs } from '../../helpers/raydocs';
import { restarted, resultIds, triggerNode, workflowRunTrigger } from '../../helpers/trigger';
import type { FakeRaydocs } from '../../../tools/fake-raydocs/server';

/** Raydocs holds back runs completed in the current second; wait until it is over. */
const pastOpenSecond = async () => await sleep(1100 - (Date.now() % 1000));

describe('Raydocs Trigger → Workflow Run Completed', () => {
	const fake = useFakeRaydocs();
	const seedRun = (workflowId: string, init: Parameters<FakeRaydocs['seedWorkflowRun']>[2] = {}) =>
		fake().seedWorkflowRun(fake().state.seed!.workspaceId, workflowId, { status: 'completed', createdAt: new Date(), completedAt: new Date(), ...init });

	it('follows the cursor sync API: later runs once each, with their output, across a restart', async () => {
		const workflowId = fake().seedWorkflow(fake().state.seed!.workspaceId).id;
		seedRun(workflowId, { createdAt: new Date(Date.now() - 60_000), completedAt: new Date(Date.now() - 59_000) });
		const trigger = workflowRunTrigger(fake(), workflowId);
		expect(await trigger.poll()).toBeNull();
		const [first] = apiRequests(fake());
		expect(first.query).toMatchObject({ pagination: 'cursor', status: 'completed', per_page: '100' });
		expect(typeof first.query.created_after).toBe('string');

		await sleep(5);
		const together = [seedRun(workflowId, { output: { documents: [] } }), seedRun(workflowId)];
		await pastOpenSecond();
		fake().clearLog();
		const output = await trigger.poll();
		expect(resultIds(output).sort()).toEqual(together.map((run) => run.id).sort());
		expect(output![0][0].json.output).toBeDefined();
		expect(apiRequests(fake()).map((entry) => entry.path.endsWith('/output'))).toEqual([false, true, true]);
		const state = trigger.workflow.staticData['node:Raydocs Trigger'] as { workflowRuns: { cursor?: string; createdAfter: string } };
		expect(state.workflowRuns.cursor).toEqual(expect.any(String));

		fake().clearLog();
		expect(await trigger.poll()).toBeNull();
		expect(apiRequests(fake())).toHaveLength(1);
		expect(apiRequests(fake())[0].query.cursor).toBe(state.workflowRuns.cursor);

		const afterRestart = workflowRunTrigger(fake(), workflowId, {}, { workflow: restarted(trigger.workflow) });
		expect(await afterRestart.poll()).toBeNull();
		await sleep(5);
		const later = seedRun(workflowId);
		await pastOpenSecond();
		expect(resultIds(await afterRestart.poll())).toEqual([later.id]);
		expect(await afterRestart.poll()).toBeNull();
	});

	it('takes the workflow as a link from Raydocs', async () => {
		const workflowId = fake().seedWorkflow(fake().state.seed!.workspaceId).id;
		const trigger = workflowRunTrigger(fake(), {
			__rl: true,
			mode: 'url',
			value: `https://app.raydocs.com/workspaces/1/workflows/${workflowId}/runs`,
		});
		await trigger.poll();
		await pastOpenSecond();
		const run = seedRun(workflowId);
		await pastOpenSecond();
		expect(resultIds(await trigger.poll())).toEqual([run.id]);
		expect(apiRequests(fake()).every((entry) => entry.path.includes(`/workflows/${workflowId}/`))).toBe(true);
	});

	it('skips failed and debug runs, and emits the backlog once when asked', async () => {
		const workflowId = fake().seedWorkflow(fake().state.seed!.workspaceId).id;
		const old = seedRun(workflowId, { createdAt: new Date(Date.now() - 60_000), completedAt: new Date(Date.now() - 59_000) });
		seedRun(workflowId, { status: 'failed', createdAt: new Date(Date.now() - 50_000), completedAt: new Date(Date.now() - 49_000) });
		seedRun(workflowId, { debug: true, createdAt: new Date(Date.now() - 40_000), completedAt: new Date(Date.now() - 39_000) });
		const trigger = workflowRunTrigger(fake(), workflowId, { emitBacklog: true, includeOutput: false });
		expect(resultIds(await trigger.poll())).toEqual([old.id]);
		expect(await trigger.poll()).toBeNull();
	});

	it('Fetch Test Event returns the newest completed run, or says there is none', async () => {
		const workflowId = fake().seedWorkflow(fake().state.seed!.workspaceId).id;
		const empty = workflowRunTrigger(fake(), workflowId, {}, { mode: 'manual' });
		await expect(empty.poll()).rejects.toThrow('This workflow has no completed run yet');
		seedRun(workflowId, { createdAt: new Date(Date.now() - 60_000), completedAt: new Date(Date.now() - 59_000) });
		const newest = seedRun(workflowId, { createdAt: new Date(Date.now() - 30_000), completedAt: new Date(Date.now() - 29_000) });
		const manual = workflowRunTrigger(fake(), workflowId, {}, { mode: 'manual' });
		expect(resultIds(await manual.poll())).toEqual([newest.id]);
		expect(manual.workflow.staticData).toEqual({});
	});

	it('names the missing ability on 403', async () => {
		const workflowId = fake().seedWorkflow(fake().state.seed!.workspaceId).id;
		const token = fake().createToken(['workspaces-read'], 'no workflows');
		const trigger = pollingTrigger({
			nodeType: triggerNode,
			credentials: { ...credentialsFor(fake()), accessToken: token },
			parameters: {
				event: 'workflowRunCompleted',
				workspaceId: { __rl: true, mode: 'id', value: String(fake().state.seed!.workspaceId) },
				workflowId,
				options: {},
			},
		});
		await expect(trigger.poll()).rejects.toThrow(/lacks the "workspaces-read" and "workflows-read" abilities/);
	});
});
