/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- drives real n8n processes in tests; never shipped */
/**
 * The package in n8n's queue mode, for real (n8n 2.x only: the current line): Redis, one main and
 * two workers (scripts/n8n/queueMode.ts), the package installed into every process's .n8n/nodes.
 * Manual runs are offloaded to the workers as teams do, files are read from disk into the binary
 * data mode n8n uses in queue mode (its database), and the Raydocs Trigger polls on main while its
 * executions run on workers, across a restart of a worker and of main, under n8n's default poll
 * scheduler and then, the cluster restarted, under the durable scheduler with durable cursors.
 * Which process ran an execution comes from the workers' own logs.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { EXAMPLE_CREDENTIAL, loadExample, manualExampleFiles, prepareExample, TRIGGER_EXAMPLE, writeExampleFiles } from '../../scripts/n8n/examples';
import type { ExecutionRun } from '../../scripts/n8n/host';
import { ensureInstalled, linesFromEnv } from '../../scripts/n8n/hosts';
import { pollSchedulers, type PollScheduler } from '../../scripts/n8n/pollSchedulers';
import { sleep } from '../../scripts/n8n/processes';
import { QueueModeN8n } from '../../scripts/n8n/queueMode';
import type { FinishedExecution, N8nRest } from '../../scripts/n8n/rest';
import { startFakeRaydocs, type FakeRaydocs } from '../../tools/fake-raydocs/server';
import { completedRun, sessionWithDocument } from '../helpers/trigger';
import { waitFor } from './waiting';

const FAKE_TIMING = { parseMs: 200, runQueuedMs: 100, runProcessingMs: 300, batchSessionStartMs: 50 };

/** A minute-cron fires within 60 s; the margin covers a slow poll on 2 cores. */
const NEXT_POLL_MS = 100_000;

type RunData = ExecutionRun['data'];

const runDataOf = (execution: FinishedExecution) => execution.data as RunData;

function outputOf(execution: FinishedExecution, nodeName: string) {
	return runDataOf(execution)?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? [];
}

// Queue mode is tested on the current line only; with N8N_LINE=1 the suite reports itself skipped.
const describeQueue = linesFromEnv().includes('2') ? describe : describe.skip;

describeQueue('Raydocs in n8n queue mode (Redis, main + 2 workers), n8n 2.x', () => {
	let fake: FakeRaydocs;
	let cluster: QueueModeN8n;
	let rest: N8nRest;
	let started = 0;

	const withLogs = async (body: () => Promise<void>) =>
		await (cluster ? cluster.main.withLogs('e2e queue', body) : body());

	beforeAll(async () => {
		started = Date.now();
		await ensureInstalled('2');
		fake = await startFakeRaydocs({ timing: FAKE_TIMING });
		// concurrency 2: three examples submitted at once cannot all land on one worker
		cluster = await QueueModeN8n.create({ line: '2', purpose: 'e2e-queue', workers: 2, workerConcurrency: 2, offloadManualExecutions: true });
		process.stdout.write(`[e2e queue] run folder ${cluster.main.runDir}; redis on 127.0.0.1:${cluster.redis.port}\n`);
		await cluster.installPackage();
		writeExampleFiles(cluster.main.filesDir);
		await cluster.main.importCredentials([
			{ ...EXAMPLE_CREDENTIAL, type: 'raydocsApi', data: { accessToken: fake.token, baseUrl: fake.url, rateLimitRequests: 100, rateLimitWindowSeconds: 60 } },
		]);
	}, 30 * 60_000);

	afterAll(async () => {
		await cluster?.dispose();
		await fake?.close();
		process.stdout.write(`[e2e queue] ${Math.round((Date.now() - started) / 1000)} s for the queue-mode suite\n`);
	});

	it('runs the example workflows on the workers (both get jobs), reading files from disk into database binary data', async () => {
		await withLogs(async () => {
			const context = { filesDir: cluster.main.filesDir, workspaceId: String(fake.state.seed!.workspaceId), templateId: fake.state.seed!.templateId };
			// the examples that need only Raydocs (the PostgreSQL one runs in raydocs.e2e.ts)
			const examples = manualExampleFiles()
				.filter((file) => !['extract-invoice-to-postgres.json', 'batch-folder-to-spreadsheet.json'].includes(file))
				.map((file) => prepareExample(loadExample(file), context));
			expect(examples.map((workflow) => workflow.id).sort()).toEqual(['rdExampleBatch01', 'rdExampleInvoice', 'rdExampleTmpl001']);
			await cluster.main.importWorkflows(examples);
			await cluster.start();
			rest = await cluster.main.rest();

			const executions = await Promise.all(examples.map(async (workflow) => await rest.runManually(workflow.id, 'Manual Trigger', 180_000)));
			for (const execution of executions) {
				expect({ id: execution.id, status: execution.status, error: runDataOf(execution)?.resultData?.error?.message }).toEqual({
					id: execution.id,
					status: 'success',
					error: undefined,
				});
			}
			const [batch, invoice] = executions;
			const ranOn = executions.map((execution) => cluster.workerOf(execution.id));
			expect(ranOn.every((worker) => worker !== undefined)).toBe(true);
			expect(new Set(ranOn)).toEqual(new Set(['worker1', 'worker2']));

			// Extract Many and Extract Document on a worker, from files that n8n kept in its database
			const folder = outputOf(batch, 'Read Folder');
			expect(folder).toHaveLength(3);
			expect(folder.every((item) => String(item.binary?.data?.id).startsWith('database:'))).toBe(true);
			const extracted = outputOf(batch, 'Extract Many');
			expect(extracted.map((item) => item.json.status)).toEqual(['completed', 'completed', 'completed']);
			expect(String(outputOf(invoice, 'Read Invoice Attachments')[0].binary?.data?.id)).toMatch(/^database:/);
			expect(outputOf(invoice, 'Sheet Row')[0].json).toMatchObject({ source_files: 'acme-invoice-2026-001.pdf', status: 'completed' });
			const uploads = fake.log.filter((entry) => entry.listener === 'storage' && entry.method === 'PUT');
			expect(uploads).toHaveLength(4);
			expect(uploads.every((entry) => !entry.hasAuthorization && entry.status === 200)).toBe(true);
		});
	}, 10 * 60_000);

	it.each(pollSchedulers('2').map((scheduler) => [scheduler.title, scheduler]))(
		'%s: polls on main, runs each trigger execution on a worker, and emits every finished run once across restarts',
		async (_title, scheduler: PollScheduler) => {
			await withLogs(async () => {
				const sessionId = await sessionWithDocument(fake);
				const finishedBefore = await completedRun(fake, sessionId);
				const example = loadExample(TRIGGER_EXAMPLE);
				// a workflow of its own per scheduler: the first stays active beside the second
				const workflow = prepareExample({ ...example, id: `${example.id.slice(0, 12)}${scheduler.label.slice(0, 4)}` }, { filesDir: cluster.main.filesDir, sessionIds: sessionId });
				const polls = () => fake.log.filter((entry) => entry.listener === 'api' && entry.path === `/extractions/sessions/${sessionId}`).length;
				async function emissions(): Promise<Array<{ id: string; mode: string; results: string[] }> | undefined> {
					const found = [];
					for (const id of await rest.executionIds(workflow.id)) {
						const execution = await rest.execution(id);
						if (!execution) return undefined;
						found.push({ id, mode: execution.mode, results: outputOf(execution, 'Raydocs Trigger').map((item) => String(item.json.result_id)) });
					}
					return found.reverse();
				}

				// Published with n8n's CLI while main is stopped (it picks it up when it starts), the whole
				// cluster on this scheduler's settings: main polls at once, and takes what already finished
				// as the baseline.
				if (scheduler.env) {
					for (const worker of cluster.workers) await cluster.stopWorker(worker);
					cluster.useEnvironment(scheduler.env);
				}
				await cluster.main.stop();
				await cluster.main.importWorkflows([workflow]);
				await cluster.main.activate(workflow.id);
				await cluster.start();
				rest = await cluster.main.rest();
				await waitFor('the activation poll', 30_000, async () => (polls() > 0 ? true : undefined));
				expect(await emissions()).toEqual([]);

				if (scheduler.env) {
					// Durable cursors: a run finishes right after activation, main restarts (perhaps before
					// its first scheduled poll), a run finishes while it is down; both come once, on workers.
					const first = await completedRun(fake, sessionId);
					await cluster.main.stop();
					const second = await completedRun(fake, sessionId);
					await cluster.main.start();
					rest = await cluster.main.rest();
					await waitFor('the polls after the main restart', NEXT_POLL_MS, async () => {
						const found = await emissions();
						return found && found.flatMap((emission) => emission.results).length >= 2 ? found : undefined;
					});
					await sleep(3000); // an execution started twice would be saved by now
					const final = (await emissions())!;
					expect(final.flatMap((emission) => emission.results).sort()).toEqual([first, second].sort());
					expect(final.every((emission) => emission.mode === 'trigger')).toBe(true);
					for (const emission of final) expect(cluster.workerOf(emission.id)).toMatch(/^worker[12]$/);
					return;
				}

				// worker1 restarts; meanwhile a run finishes and the next minute poll emits it
				const [worker1, worker2] = cluster.workers;
				await cluster.stopWorker(worker1);
				const first = await completedRun(fake, sessionId);
				const afterFirst = await waitFor('the minute poll that emits the first run', NEXT_POLL_MS, async () => {
					const found = await emissions();
					return found?.length ? found : undefined;
				});
				expect(afterFirst.map((emission) => emission.results)).toEqual([[first]]);
				expect(cluster.workerOf(afterFirst[0].id)).toBe(worker2.name);
				await cluster.startWorker(worker1);

				// main restarts; a run that finished while it was down comes with the first poll after it
				await cluster.main.stop();
				const second = await completedRun(fake, sessionId);
				await cluster.main.start();
				rest = await cluster.main.rest();
				const afterRestart = await waitFor('the poll after the main restart', NEXT_POLL_MS, async () => {
					const found = await emissions();
					return found && found.length >= 2 ? found : undefined;
				});
				await sleep(3000); // an execution started twice would be saved by now
				const final = (await emissions())!;
				expect(final).toEqual(afterRestart);
				expect(final.map((emission) => emission.results)).toEqual([[first], [second]]);
				expect(final.flatMap((emission) => emission.results)).not.toContain(finishedBefore);
				expect(final.every((emission) => emission.mode === 'trigger')).toBe(true);
				for (const emission of final) expect(cluster.workerOf(emission.id)).toMatch(/^worker[12]$/);
			});
		},
		10 * 60_000,
	);

	it('no process reached beyond 127.0.0.1, and no token appears in any log', () => {
		expect(cluster.main.networkAttempts()).toEqual([]);
		for (const name of readdirSync(cluster.main.logsDir)) {
			expect({ log: name, leaked: readFileSync(join(cluster.main.logsDir, name), 'utf8').includes(fake.token) }).toEqual({ log: name, leaked: false });
		}
	});
});
