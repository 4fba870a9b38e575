import { sleep } from 'n8n-workflow';

import { apiRequests, useFakeRaydocs } from '../../helpers/raydocs';
import { completedRun, extractionTrigger, resultIds, sessionWithDocument, workflowRunTrigger } from '../../helpers/trigger';

/** Raydocs holds back workflow runs completed in the current second; wait until it is over. */
const pastOpenSecond = async () => await sleep(1100 - (Date.now() % 1000));

describe('Raydocs Trigger: each poll follows the chosen event and emits only what is new', () => {
	const fake = useFakeRaydocs();

	it('Extraction Completed: the completed run once, then nothing, reading only the watched sessions', async () => {
		const sessionId = await sessionWithDocument(fake());
		const runId = await completedRun(fake(), sessionId);
		fake().clearLog();
		const trigger = extractionTrigger(fake(), [sessionId], { emitBacklog: true });
		expect(resultIds(await trigger.poll())).toEqual([runId]);
		expect(await trigger.poll()).toBeNull();
		expect(apiRequests(fake()).length).toBeGreaterThan(0);
		expect(apiRequests(fake()).every((entry) => entry.path.startsWith('/extractions/'))).toBe(true);
	});

	it('Workflow Run Completed: the completed run once, then nothing, reading only the workflow\'s runs', async () => {
		const workspaceId = fake().state.seed!.workspaceId;
		const workflowId = fake().seedWorkflow(workspaceId).id;
		const run = fake().seedWorkflowRun(workspaceId, workflowId, {
			status: 'completed',
			createdAt: new Date(Date.now() - 60_000),
			completedAt: new Date(Date.now() - 59_000),
		});
		await pastOpenSecond();
		const trigger = workflowRunTrigger(fake(), workflowId, { emitBacklog: true, includeOutput: false });
		expect(resultIds(await trigger.poll())).toEqual([run.id]);
		expect(await trigger.poll()).toBeNull();
		expect(apiRequests(fake()).map((entry) => entry.path)).toEqual([`/workspaces/${workspaceId}/workflows/${workflowId}/runs`, `/workspaces/${workspaceId}/workflows/${workflowId}/runs`]);
	});
});
