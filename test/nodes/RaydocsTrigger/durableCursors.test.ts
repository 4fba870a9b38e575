/**
 * The trigger under n8n 2.41's durable poll cursors, simulated with n8n-core's real PollContext the
 * way n8n's factory stages the node's static data (test/harness/engine.ts, durablePollingTrigger):
 * the activation poll's staged state is dropped, scheduled polls start from the committed cursor.
 * Real n8n runs the same story in test/e2e/trigger.e2e.ts.
 */
import { sleep } from 'n8n-workflow';

import { durablePollingTrigger } from '../../harness/engine';
import { credentialsFor, useFakeRaydocs } from '../../helpers/raydocs';
import { completedRun, resultIds, sessionWithDocument, triggerNode } from '../../helpers/trigger';

/** Raydocs holds back workflow runs completed in the current second; wait until it is over. */
const pastOpenSecond = async () => await sleep(1100 - (Date.now() % 1000));

describe('Raydocs Trigger under durable poll cursors (n8n 2.41)', () => {
	const fake = useFakeRaydocs();
	const extractionTrigger = (sessionId: string) =>
		durablePollingTrigger({
			nodeType: triggerNode,
			credentials: credentialsFor(fake()),
			parameters: { event: 'extractionCompleted', sessionIds: sessionId, simplify: true, fieldLayout: 'flat', options: {} },
		});

	it('Extraction Completed: a run that finishes between activation and the first scheduled poll is emitted, once', async () => {
		const sessionId = await sessionWithDocument(fake());
		const before = await completedRun(fake(), sessionId);
		const trigger = extractionTrigger(sessionId);
		expect(await trigger.activate()).toBeNull();
		// n8n dropped what the activation poll staged
		expect(trigger.committedCursor()).toEqual({});

		const between = await completedRun(fake(), sessionId);
		expect(resultIds(await trigger.poll())).toEqual([between]);
		expect(await trigger.poll()).toBeNull();
		const later = await completedRun(fake(), sessionId);
		expect(resultIds(await trigger.poll())).toEqual([later]);
		expect(await trigger.poll()).toBeNull();
		const cursor = trigger.committedCursor() as { sessions: Record<string, { seen: string[] }> };
		expect(cursor.sessions[sessionId].seen.sort()).toEqual([before, between, later].sort());
	});

	it('Extraction Completed: nothing new after activation emits nothing, and the committed cursor carries the baseline', async () => {
		const sessionId = await sessionWithDocument(fake());
		const before = await completedRun(fake(), sessionId);
		const trigger = extractionTrigger(sessionId);
		expect(await trigger.activate()).toBeNull();
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
		expect(trigger.committedCursor()).toMatchObject({ sessions: { [sessionId]: { seen: [before] } } });
	});

	it('Workflow Run Completed: a run completed between activation and the first scheduled poll is emitted, once', async () => {
		const workspaceId = fake().state.seed!.workspaceId;
		const workflowId = fake().seedWorkflow(workspaceId).id;
		const seedRun = () => fake().seedWorkflowRun(workspaceId, workflowId, { status: 'completed', createdAt: new Date(), completedAt: new Date() });
		const trigger = durablePollingTrigger({
			nodeType: triggerNode,
			credentials: credentialsFor(fake()),
			parameters: {
				event: 'workflowRunCompleted',
				workspaceId: { __rl: true, mode: 'id', value: String(workspaceId) },
				workflowId,
				options: { includeOutput: false },
			},
		});
		expect(await trigger.activate()).toBeNull();
		expect(trigger.committedCursor()).toEqual({});

		await sleep(5);
		const between = seedRun();
		await pastOpenSecond();
		expect(resultIds(await trigger.poll())).toEqual([between.id]);
		expect(await trigger.poll()).toBeNull();
		await sleep(5);
		const later = seedRun();
		await pastOpenSecond();
		expect(resultIds(await trigger.poll())).toEqual([later.id]);
		expect(await trigger.poll()).toBeNull();
	});
});
