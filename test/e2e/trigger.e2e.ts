/* eslint-disable @n8n/community-nodes/no-restricted-globals -- drives a real n8n process in tests; never shipped */
/**
 * The Raydocs Trigger activated in a REAL n8n, per host line: n8n's own scheduler polls the fake
 * Raydocs server every minute (the shortest interval n8n allows), n8n saves the trigger's state,
 * and n8n is restarted in the middle. What the trigger emitted is read back from n8n's executions,
 * so a duplicate anywhere (scheduler, static data, restart) shows up here.
 */
import { EXAMPLE_CREDENTIAL, loadExample, prepareExample, TRIGGER_EXAMPLE } from '../../scripts/n8n/examples';
import type { ExecutionRun, N8nHost } from '../../scripts/n8n/host';
import { linesFromEnv, N8N_HOSTS, type N8nLine } from '../../scripts/n8n/hosts';
import { sleep } from '../../scripts/n8n/processes';
import type { FinishedExecution, N8nRest } from '../../scripts/n8n/rest';
import type { FakeRaydocs } from '../../tools/fake-raydocs/server';
import { useFakeAndN8n } from '../helpers/realN8nSuite';
import { completedRun, sessionWithDocument } from '../helpers/trigger';
import { waitFor } from './waiting';

const FAKE_TIMING = { parseMs: 100, runQueuedMs: 100, runProcessingMs: 300 };

/** A minute-cron fires within 60 s; the margin covers n8n's start and a slow poll on 2 cores. */
const NEXT_POLL_MS = 100_000;

interface Emission {
	executionId: string;
	mode: string;
	resultIds: string[];
	/** What the IF node routed to "Needs Review". */
	needsReview: string[];
}

function itemIds(run: ExecutionRun['data'], nodeName: string, output: number): string[] {
	const items = run?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[output] ?? [];
	return items.map((item) => String(item.json.result_id));
}

const lines = linesFromEnv();

describe.each(lines)('Raydocs Trigger activated in real n8n, line %s', (line: N8nLine) => {
	const spec = N8N_HOSTS[line];
	let fake: FakeRaydocs;
	let host: N8nHost;

	const suite = {
		line,
		purpose: 'e2e-trigger',
		announce: `[e2e] trigger in n8n ${spec.version}`,
		fake: { timing: FAKE_TIMING },
		credentials: [EXAMPLE_CREDENTIAL],
	};
	useFakeAndN8n(suite, (started) => {
		({ fake, host } = started);
	});

	/** Everything the trigger started so far, read from n8n's execution history. */
	async function emissions(rest: N8nRest, workflowId: string): Promise<Emission[] | undefined> {
		const found: Emission[] = [];
		for (const id of await rest.executionIds(workflowId)) {
			const execution: FinishedExecution | undefined = await rest.execution(id);
			if (!execution) return undefined; // still running: ask again
			const data = execution.data as ExecutionRun['data'];
			found.push({
				executionId: execution.id,
				mode: execution.mode,
				resultIds: itemIds(data, 'Raydocs Trigger', 0),
				needsReview: itemIds(data, 'Completed?', 1),
			});
		}
		return found;
	}

	const pollsOf = (sessionId: string) => fake.log.filter((entry) => entry.listener === 'api' && entry.path === `/extractions/sessions/${sessionId}`).length;

	it('emits each finished run once, across minute polls and a restart of n8n', async () => {
		let passed = false;
		try {
			const sessionId = await sessionWithDocument(fake);
			// the fake fails every run of a session whose document holds this marker
			const failingSessionId = await sessionWithDocument(fake, '%PDF %EXTRACTION_FAIL');
			const finishedBefore = await completedRun(fake, sessionId);
			const workflow = prepareExample(loadExample(TRIGGER_EXAMPLE), {
				filesDir: host.filesDir,
				sessionIds: `${sessionId}, ${failingSessionId}`,
			});
			await host.importWorkflows([workflow]);
			await host.activate(workflow.id);

			// 1. Activation: the first poll takes what already finished as the baseline and emits nothing.
			await host.start();
			let rest = await host.rest();
			await waitFor('the activation poll', 30_000, async () => (pollsOf(sessionId) > 0 ? true : undefined));
			expect(await emissions(rest, workflow.id)).toEqual([]);

			// 2. A run finishes while n8n runs: the next minute poll emits it.
			const second = await completedRun(fake, sessionId);
			const afterSecond = await waitFor('the poll that emits the second run', NEXT_POLL_MS, async () => {
				const found = await emissions(rest, workflow.id);
				return found?.length ? found : undefined;
			});
			expect(afterSecond.map((emission) => emission.resultIds)).toEqual([[second]]);

			// 3. n8n stops; one run completes and one fails meanwhile. The activation poll after the
			// restart emits both, from the state n8n saved with the earlier emission.
			await host.stop();
			const third = await completedRun(fake, sessionId);
			const fourth = await completedRun(fake, failingSessionId);
			const pollsBeforeRestart = pollsOf(sessionId);
			await host.start();
			rest = await host.rest();
			const afterRestart = await waitFor('the poll after the restart', NEXT_POLL_MS, async () => {
				const found = await emissions(rest, workflow.id);
				return found && found.length >= 2 ? found : undefined;
			});

			// 4. One more scheduled poll finds nothing new.
			const pollsAfterRestart = pollsOf(sessionId);
			await waitFor('one more scheduled poll', NEXT_POLL_MS, async () => (pollsOf(sessionId) > pollsAfterRestart ? true : undefined));
			await sleep(3000); // an execution it started would be saved by now
			const final = (await emissions(rest, workflow.id))!;

			expect(final).toHaveLength(afterRestart.length);
			const emitted = final.flatMap((emission) => emission.resultIds).sort();
			expect(emitted).toEqual([second, third, fourth].sort());
			expect(emitted).not.toContain(finishedBefore);
			expect(final.every((emission) => emission.mode === 'trigger')).toBe(true);
			expect(pollsAfterRestart).toBeGreaterThan(pollsBeforeRestart);
			expect(final.flatMap((emission) => emission.needsReview)).toEqual([fourth]);
			passed = true;
		} finally {
			if (!passed) process.stderr.write(`\n[e2e trigger n8n ${spec.version}] failed; logs in ${host?.logsDir}\n${host?.logTail() ?? ''}\n`);
		}
	}, 8 * 60_000);
});
