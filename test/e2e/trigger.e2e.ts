/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- drives a real n8n process in tests; never shipped */
/**
 * The Raydocs Trigger activated in a REAL n8n, per host line and, on n8n 2.x, under both of its poll
 * schedulers (the default one, and the durable scheduler with durable poll cursors), the two side by
 * side so that their minute polls overlap: n8n's scheduler polls the fake Raydocs server every
 * minute (the shortest interval n8n allows), one poll fails, n8n saves the trigger's state and is
 * restarted in the middle. What the trigger emitted is read back from n8n's executions, so a
 * duplicate or a loss anywhere (scheduler, cursor, static data, restart) shows up here. Beside it,
 * examples/trigger-extraction-to-postgres.json writes a row per completed run into a throwaway
 * PostgreSQL, read back at the end.
 */
import { readFileSync } from 'fs';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';

import {
	EXAMPLE_CREDENTIAL,
	loadExample,
	POSTGRES_CREDENTIAL,
	POSTGRES_TABLES_SQL,
	prepareExample,
	TRIGGER_EXAMPLE,
	TRIGGER_POSTGRES_EXAMPLE,
} from '../../scripts/n8n/examples';
import type { ExecutionRun, N8nHost, WorkflowJson } from '../../scripts/n8n/host';
import { linesFromEnv, N8N_HOSTS, type N8nLine } from '../../scripts/n8n/hosts';
import { pollSchedulers, type PollScheduler } from '../../scripts/n8n/pollSchedulers';
import { ThrowawayPostgres } from '../../scripts/n8n/postgres';
import { sleep } from '../../scripts/n8n/processes';
import type { FinishedExecution, N8nRest } from '../../scripts/n8n/rest';
import type { FakeRaydocs } from '../../tools/fake-raydocs/server';
import { useFakeAndN8nHosts } from '../helpers/realN8nSuite';
import { completedRun, sessionWithDocument } from '../helpers/trigger';
import { waitFor } from './waiting';

const FAKE_TIMING = { parseMs: 100, runQueuedMs: 100, runProcessingMs: 300 };

/** A minute-cron fires within 60 s; the margin covers n8n's start and a slow poll on 2 cores. */
const NEXT_POLL_MS = 100_000;

interface Emission {
	executionId: string;
	mode: string;
	status: string;
	resultIds: string[];
	/** What the IF node routed to "Needs Review". */
	needsReview: string[];
}

interface Outcome {
	runs: { finishedBefore: string; second: string; third: string; fourth: string; rowBefore: string; firstRow: string; secondRow: string };
	/** Executions of the routing example, oldest first. */
	emissions: Emission[];
	/** How many executions it had after the restart (before one more poll). */
	afterRestart: number;
	/** Executions of the PostgreSQL example. */
	rowEmissions: Emission[];
	rows: Array<Record<string, unknown>>;
	/** What n8n's own RSS Feed Trigger emitted: the item published after activation, or nothing. */
	rssEmitted: string[];
	pollsBeforeRestart: number;
	pollsAfterRestart: number;
}

function itemIds(run: ExecutionRun['data'], nodeName: string, output: number): string[] {
	const items = run?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[output] ?? [];
	return items.map((item) => String(item.json.result_id));
}

/** Everything a workflow's trigger started so far, oldest first, from n8n's execution history. */
async function emissions(rest: N8nRest, workflowId: string): Promise<Emission[] | undefined> {
	const found: Emission[] = [];
	for (const id of await rest.executionIds(workflowId)) {
		const execution: FinishedExecution | undefined = await rest.execution(id);
		if (!execution) return undefined; // still running: ask again
		const data = execution.data as ExecutionRun['data'];
		found.push({
			executionId: execution.id,
			mode: execution.mode,
			status: execution.status,
			resultIds: itemIds(data, 'Raydocs Trigger', 0),
			needsReview: itemIds(data, 'Completed?', 1),
		});
	}
	return found.sort((a, b) => Number(a.executionId) - Number(b.executionId));
}

const emitted = (found: Emission[]) => found.flatMap((emission) => emission.resultIds).sort();

interface FeedItem {
	title: string;
	published: Date;
}

/** RSS feeds on 127.0.0.1 for n8n's own RSS Feed Trigger, one per host: what n8n does with its own poller's state. */
class Feeds {
	private readonly items = new Map<string, FeedItem[]>();
	readonly requests = new Map<string, number>();
	private readonly server: Server = createServer((request, response) => {
		const name = (request.url ?? '').replace(/^\/|\.xml$/g, '');
		this.requests.set(name, (this.requests.get(name) ?? 0) + 1);
		const entries = (this.items.get(name) ?? []).map((item) => `<item><title>${item.title}</title><guid>${item.title}</guid><pubDate>${item.published.toUTCString()}</pubDate></item>`);
		response.writeHead(200, { 'content-type': 'application/rss+xml' });
		response.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>http://127.0.0.1/</link><description>test</description>${entries.join('')}</channel></rss>`);
	});

	static async start(): Promise<Feeds> {
		const feeds = new Feeds();
		await new Promise<void>((done) => feeds.server.listen(0, '127.0.0.1', done));
		return feeds;
	}

	url(name: string): string {
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/${name}.xml`;
	}

	publish(name: string, title: string, published = new Date()): void {
		this.items.set(name, [...(this.items.get(name) ?? []), { title, published }]);
	}

	async close(): Promise<void> {
		await new Promise((done) => this.server.close(done));
	}
}

function rssWorkflow(id: string, feedUrl: string): WorkflowJson {
	return {
		id,
		name: "n8n's RSS Feed Trigger",
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${id}-rss`,
				name: 'RSS Feed Trigger',
				type: 'n8n-nodes-base.rssFeedReadTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, feedUrl },
			},
		],
		connections: {},
	};
}

const lines = linesFromEnv();

describe.each(lines)('Raydocs Trigger activated in real n8n, line %s', (line: N8nLine) => {
	const spec = N8N_HOSTS[line];
	const schedulers = pollSchedulers(line);
	let fake: FakeRaydocs;
	let postgres: ThrowawayPostgres;
	let feeds: Feeds;
	const outcomes = new Map<string, Promise<{ outcome?: Outcome; error?: unknown }>>();

	beforeAll(async () => {
		postgres = await ThrowawayPostgres.start();
		feeds = await Feeds.start();
		for (const scheduler of schedulers) {
			await postgres.createDatabase(database(scheduler));
			await postgres.sql(database(scheduler), readFileSync(POSTGRES_TABLES_SQL, 'utf8'));
		}
	}, 5 * 60_000);

	afterAll(async () => {
		await postgres?.stop();
		await feeds?.close();
	});

	const pollsOf = (sessionId: string) => fake.log.filter((entry) => entry.listener === 'api' && entry.path === `/extractions/sessions/${sessionId}`).length;

	/** The whole story on one host; both hosts of a line run it at the same time. */
	async function story(host: N8nHost, scheduler: PollScheduler, database: string): Promise<Outcome> {
		const sessionId = await sessionWithDocument(fake);
		// the fake fails every run of a session whose document holds this marker
		const failingSessionId = await sessionWithDocument(fake, '%PDF %EXTRACTION_FAIL');
		const rowSessionId = await sessionWithDocument(fake);
		const finishedBefore = await completedRun(fake, sessionId);
		const rowBefore = await completedRun(fake, rowSessionId);
		const route = prepareExample(loadExample(TRIGGER_EXAMPLE), { filesDir: host.filesDir, sessionIds: `${sessionId}, ${failingSessionId}` });
		const toRows = prepareExample(loadExample(TRIGGER_POSTGRES_EXAMPLE), { filesDir: host.filesDir, sessionIds: rowSessionId });
		// n8n's own RSS Feed Trigger beside ours: an old item at activation, a new one right after
		const feed = `feed-${line}-${scheduler.label}`;
		feeds.publish(feed, 'old', new Date(Date.now() - 3_600_000));
		const rss = rssWorkflow(`rdE2eRss${line}${scheduler.label.slice(0, 3)}`, feeds.url(feed));
		await host.importWorkflows([route, toRows, rss]);
		for (const workflow of [route, toRows, rss]) await host.activate(workflow.id);

		// 1. Activation: the first polls take what already finished as the baseline and emit nothing.
		await host.start();
		let rest = await host.rest();
		const activated = async () => pollsOf(sessionId) > 0 && pollsOf(rowSessionId) > 0 && (feeds.requests.get(feed) ?? 0) > 0;
		await waitFor(`${scheduler.label}: the activation polls`, 60_000, async () => ((await activated()) ? true : undefined));
		expect(await emissions(rest, route.id)).toEqual([]);
		feeds.publish(feed, 'published after activation');

		// 2. Right after activation, before any scheduled poll, runs finish (durable cursors drop what
		// the activation poll staged: this is where completions were lost). The first scheduled poll
		// of the routing workflow emits its run; that of the row workflow fails (Raydocs answers 500),
		// so its run waits for a later poll: here one after the restart.
		fake.fault({ method: 'GET', path: `/extractions/sessions/${rowSessionId}`, kind: 'status', status: 500, count: 1 });
		const second = await completedRun(fake, sessionId);
		const firstRow = await completedRun(fake, rowSessionId);
		await waitFor(`${scheduler.label}: the poll that emits the second run, and the failed poll of the row workflow`, NEXT_POLL_MS, async () => {
			const found = await emissions(rest, route.id);
			const rows = await emissions(rest, toRows.id);
			return found?.some((emission) => emission.resultIds.length) && rows?.some((emission) => emission.status === 'error') ? found : undefined;
		});

		// 3. n8n stops; one run completes and one fails meanwhile, and one more in the row session.
		// The first polls after the restart emit them, from the state n8n kept.
		await host.stop();
		const third = await completedRun(fake, sessionId);
		const fourth = await completedRun(fake, failingSessionId);
		const secondRow = await completedRun(fake, rowSessionId);
		const pollsBeforeRestart = pollsOf(sessionId);
		await host.start();
		rest = await host.rest();
		const afterRestart = await waitFor(`${scheduler.label}: the polls after the restart`, NEXT_POLL_MS, async () => {
			const found = await emissions(rest, route.id);
			const rows = await emissions(rest, toRows.id);
			return found && rows && emitted(found).length >= 3 && emitted(rows).length >= 2 ? found : undefined;
		});

		// 4. One more scheduled poll finds nothing new.
		const pollsAfterRestart = pollsOf(sessionId);
		await waitFor(`${scheduler.label}: one more scheduled poll`, NEXT_POLL_MS, async () => (pollsOf(sessionId) > pollsAfterRestart ? true : undefined));
		await sleep(3000); // an execution it started would be saved by now
		return {
			runs: { finishedBefore, second, third, fourth, rowBefore, firstRow, secondRow },
			emissions: (await emissions(rest, route.id))!,
			afterRestart: afterRestart.length,
			rowEmissions: (await emissions(rest, toRows.id))!,
			rows: await postgres.rows(database, 'select result_id, session_id, status, invoice_number from raydocs_extractions order by result_id'),
			rssEmitted: await rssTitles(rest, rss.id),
			pollsBeforeRestart,
			pollsAfterRestart,
		};
	}

	async function rssTitles(rest: N8nRest, workflowId: string): Promise<string[]> {
		const titles: string[] = [];
		for (const id of await rest.executionIds(workflowId)) {
			const execution = await rest.execution(id);
			const data = execution?.data as ExecutionRun['data'];
			for (const item of data?.resultData?.runData?.['RSS Feed Trigger']?.[0]?.data?.main?.[0] ?? []) titles.push(String(item.json.title));
		}
		return titles;
	}

	const database = (scheduler: PollScheduler) => `trigger_${scheduler.label}`;

	useFakeAndN8nHosts(
		{
			line,
			purpose: 'e2e-trigger',
			announce: `[e2e] trigger in n8n ${spec.version}`,
			// No server rate limit: the test process (which starts runs and waits for them through the
			// API) and both n8n hosts share one client address, 127.0.0.1, and one budget.
			fake: { timing: FAKE_TIMING, rateLimit: false },
			credentials: [EXAMPLE_CREDENTIAL],
			hosts: schedulers.map((scheduler) => ({
				label: scheduler.label,
				env: scheduler.env,
				credentials: () => [{ ...POSTGRES_CREDENTIAL, type: 'postgres', data: postgres.credentialData(database(scheduler)) }],
				// each story starts as soon as its host is ready: the hosts' minute polls overlap
				ready: (host, started) => {
					fake = started;
					outcomes.set(
						scheduler.label,
						story(host, scheduler, database(scheduler)).then(
							(outcome) => ({ outcome }),
							(error: unknown) => {
								process.stderr.write(`\n[e2e trigger n8n ${spec.version}, ${scheduler.title}] failed; logs in ${host.logsDir}\n${host.logTail()}\n`);
								return { error };
							},
						),
					);
				},
			})),
		},
		() => undefined,
	);

	it.each(schedulers.map((scheduler) => [scheduler.title, scheduler.label]))(
		'%s: emits each finished run once, across minute polls, a failed poll and a restart of n8n; a PostgreSQL row per completed run',
		async (_title, label) => {
			const settled = await outcomes.get(label)!;
			if (settled.error) throw settled.error;
			const { runs, emissions: final, afterRestart, rowEmissions, rows, pollsBeforeRestart, pollsAfterRestart } = settled.outcome!;

			// nothing more after the restart's polls, every run once, the baseline run never
			expect(final).toHaveLength(afterRestart);
			expect(emitted(final)).toEqual([runs.second, runs.third, runs.fourth].sort());
			expect(emitted(final)).not.toContain(runs.finishedBefore);
			expect(final.every((emission) => emission.mode === 'trigger' && emission.status === 'success')).toBe(true);
			expect(pollsAfterRestart).toBeGreaterThan(pollsBeforeRestart);
			expect(final.flatMap((emission) => emission.needsReview)).toEqual([runs.fourth]);

			// the PostgreSQL example: its failed poll is one failed execution, before the run it delayed;
			// then a row per completed run, read back from the database
			const failed = rowEmissions.filter((emission) => emission.status === 'error');
			expect(failed.map((emission) => emission.resultIds)).toEqual([[]]);
			const firstRowAt = rowEmissions.findIndex((emission) => emission.resultIds.includes(runs.firstRow));
			expect(rowEmissions.indexOf(failed[0])).toBeLessThan(firstRowAt);
			expect(emitted(rowEmissions)).toEqual([runs.firstRow, runs.secondRow].sort());
			expect(rowEmissions.filter((emission) => emission !== failed[0]).every((emission) => emission.mode === 'trigger' && emission.status === 'success')).toBe(true);
			expect(rows.map((row) => row.result_id)).toEqual([runs.firstRow, runs.secondRow].sort());
			for (const row of rows) expect(row).toMatchObject({ status: 'completed', invoice_number: expect.stringMatching(/^INV-/) });
			expect(rows.map((row) => row.result_id)).not.toContain(runs.rowBefore);
		},
		12 * 60_000,
	);

	// n8n's own poller under the same settings (docs/design/trigger-state.md): with durable cursors,
	// n8n drops what its activation poll remembered, and its RSS Feed Trigger loses the item
	// published between activation and the first scheduled poll. Ours keeps it (above).
	it.each(schedulers.map((scheduler) => [scheduler.title, scheduler.label]))(
		"%s: n8n's own RSS Feed Trigger and an item published right after activation",
		async (_title, label) => {
			const settled = await outcomes.get(label)!;
			if (settled.error) throw settled.error;
			expect(settled.outcome!.rssEmitted).toEqual(label === 'durable' ? [] : ['published after activation']);
		},
		12 * 60_000,
	);
});
