// The extraction trigger one request at a time: Raydocs' answers are scripted (the transport is
// replaced), so each test says which sessions a poll reads, what it emits, in which order, and
// what it keeps for the next poll.
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { raydocsJson } from '../../../nodes/Raydocs/shared/transport';
import { pollExtractionCompleted } from '../../../nodes/RaydocsTrigger/pollExtractionCompleted';

jest.mock('../../../nodes/Raydocs/shared/transport', () => ({ raydocsJson: jest.fn() }));

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const S1 = uuid(1);
const S2 = uuid(2);
const S3 = uuid(3);
const TEMPLATE = uuid(100);
const OTHER_TEMPLATE = uuid(101);
const NOW = Date.parse('2026-11-29T12:00:00.000Z');

interface Request {
	method: string;
	url: string;
}

const sent: Request[] = [];
/** Sessions as Raydocs returns them (GET /extractions/sessions/{id}), and full runs by id. */
let sessions: Record<string, IDataObject>;
let fullRuns: Record<string, IDataObject>;
let failOn: string | undefined;

const run = (id: string, status: string, completedAt?: string, extra: IDataObject = {}) => ({
	id,
	status,
	...(completedAt ? { completed_at: completedAt } : {}),
	...extra,
});

function context(init: { options?: IDataObject; sessionIds?: string[]; mode?: 'trigger' | 'manual'; staticData?: IDataObject; budgetMs?: number; simplify?: boolean; globalStaticData?: IDataObject } = {}) {
	const staticData = init.staticData ?? {};
	const globalStaticData = init.globalStaticData ?? {};
	const options = init.options ?? {};
	const parameters: Record<string, unknown> = {
		sessionIds: (init.sessionIds ?? [S1]).join(','),
		options,
		simplify: init.simplify ?? false,
	};
	const pollContext = {
		getNode: () => ({ id: 'trigger-node-id', name: 'Raydocs Trigger', type: 'n8n-nodes-raydocs.raydocsTrigger', typeVersion: 1 }),
		getNodeParameter: (name: string, fallback?: unknown, settings?: { extractValue?: boolean }) => {
			const value = name.startsWith('options.') ? options[name.slice('options.'.length)] : parameters[name];
			if (settings?.extractValue && value && typeof value === 'object') return (value as IDataObject).value;
			return value ?? fallback;
		},
		getMode: () => init.mode ?? 'trigger',
		getWorkflowStaticData: (type: string) => (type === 'global' ? globalStaticData : staticData),
		...(init.budgetMs === undefined ? {} : { getPollBudgetMs: () => init.budgetMs }),
	} as unknown as IPollFunctions;
	return { pollContext, staticData, globalStaticData };
}

const poll = async (pollContext: IPollFunctions) => await pollExtractionCompleted.call(pollContext);
const emittedIds = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.id);
const urls = () => sent.map((request) => request.url);

/** The deadline each request of the main mock was sent with (a wait past it is not waited: see transport.ts). */
const deadlines: Array<number | undefined> = [];

beforeEach(() => {
	sent.length = 0;
	deadlines.length = 0;
	failOn = undefined;
	sessions = { [S1]: { id: S1, name: 'Invoices', extraction_template_id: TEMPLATE, results: [] } };
	fullRuns = {};
	// A frozen clock: nothing here waits.
	jest.useFakeTimers({ now: NOW });
	jest.mocked(raydocsJson).mockImplementation(async (_context, request) => {
		const { method, url, deadline } = request as Request & { deadline?: number };
		sent.push({ method, url });
		deadlines.push(deadline);
		if (failOn && url.endsWith(failOn)) throw new Error('Raydocs is down');
		const [, , kind, id, rest] = url.split('/');
		if (kind === 'sessions' && rest === 'results') return { data: sessions[id].listedResults };
		if (kind === 'sessions') return JSON.parse(JSON.stringify(sessions[id])) as IDataObject;
		return fullRuns[id];
	});
});

afterEach(() => {
	jest.restoreAllMocks();
	jest.useRealTimers();
});

describe('pollExtractionCompleted: watching sessions', () => {
	it('first takes stock without emitting: one request per session, its finished runs remembered', async () => {
		sessions[S1].results = [run('r1', 'completed', 't1', { data: {} }), run('r2', 'processing')];
		const { pollContext, staticData } = context();
		expect(await poll(pollContext)).toEqual([]);
		expect(sent).toEqual([{ method: 'GET', url: `/extractions/sessions/${S1}` }]);
		expect(staticData).toEqual({
			sessions: { [S1]: { seen: ['r1'], since: new Date(NOW).toISOString() } },
			nextSessionIndex: 0,
		});
	});

	it("sends every request of a poll with the poll's deadline, 80% of n8n's budget; the test event has none", async () => {
		sessions[S1].results = [run('r1', 'completed', 't1')];
		fullRuns.r1 = run('r1', 'completed', 't1', { data: {} });
		await poll(context({ budgetMs: 45_000, staticData: { sessions: { [S1]: { seen: [], since: new Date(NOW - 1000).toISOString() } } } }).pollContext);
		expect(urls()).toEqual([`/extractions/sessions/${S1}`, '/extractions/results/r1']);
		expect(deadlines).toEqual([NOW + 36_000, NOW + 36_000]);
		deadlines.length = 0;
		await poll(context({ mode: 'manual', budgetMs: 45_000 }).pollContext);
		expect(deadlines.length).toBeGreaterThan(0);
		expect(deadlines.every((deadline) => deadline === undefined)).toBe(true);
	});

	it('keeps its first state in the global static data too, by node id, as a copy', async () => {
		sessions[S1].results = [run('r1', 'completed', 't1', { data: {} })];
		const { pollContext, staticData, globalStaticData } = context({ globalStaticData: { other: 1 } });
		await poll(pollContext);
		expect(globalStaticData).toEqual({ other: 1, raydocsTriggerFirstPoll: { 'trigger-node-id': staticData } });
		(staticData.sessions as Record<string, { seen: string[] }>)[S1].seen.push('changed');
		expect(globalStaticData.raydocsTriggerFirstPoll).toEqual({
			'trigger-node-id': { sessions: { [S1]: { seen: ['r1'], since: new Date(NOW).toISOString() } }, nextSessionIndex: 0 },
		});
	});

	it('starts from the kept first state when it has none of its own (n8n dropped the activation poll\'s), and keeps it as it was', async () => {
		const first = { sessions: { [S1]: { seen: ['r1'], since: 'activation' } }, nextSessionIndex: 0 };
		const globalStaticData = { raydocsTriggerFirstPoll: { 'trigger-node-id': first, 'another-node': { sessions: {} } } };
		const kept = JSON.parse(JSON.stringify(globalStaticData)) as IDataObject;
		sessions[S1].results = [run('r1', 'completed', 't1', { data: {} }), run('r2', 'completed', 't2', { data: {} })];
		const { pollContext, staticData } = context({ globalStaticData });
		expect(emittedIds(await poll(pollContext))).toEqual(['r2']);
		expect(staticData.sessions).toEqual({ [S1]: { seen: ['r1', 'r2'], since: 'activation' } });
		expect(globalStaticData).toEqual(kept);
	});

	it('ignores the kept first state once it has a state of its own', async () => {
		const globalStaticData = { raydocsTriggerFirstPoll: { 'trigger-node-id': { sessions: { [S1]: { seen: [], since: 'activation' } } } } };
		sessions[S1].results = [run('r1', 'completed', 't1', { data: {} })];
		const { pollContext } = context({ globalStaticData, staticData: { sessions: { [S1]: { seen: ['r1'], since: 'later' } } } });
		expect(await poll(pollContext)).toEqual([]);
	});

	it('emits a run once it finishes, with its session, reading the whole run when the session embeds only a summary', async () => {
		const { pollContext, staticData } = context();
		sessions[S1].results = [run('r1', 'processing')];
		await poll(pollContext);
		sessions[S1].results = [run('r1', 'completed', 't1')];
		fullRuns.r1 = run('r1', 'completed', 't1', { data: { total: 12 } });
		sent.length = 0;
		const items = await poll(pollContext);
		expect(urls()).toEqual([`/extractions/sessions/${S1}`, '/extractions/results/r1']);
		expect(items.map((item) => item.json)).toEqual([
			{ result_id: 'r1', ...fullRuns.r1, session_id: S1, session_name: 'Invoices', template_id: TEMPLATE },
		]);
		sent.length = 0;
		expect(await poll(pollContext)).toEqual([]);
		expect(urls()).toEqual([`/extractions/sessions/${S1}`]);
		expect((staticData.sessions as IDataObject)[S1]).toMatchObject({ seen: ['r1'] });
	});

	it('does not read a run again when the session already carries its data, nor a failed run', async () => {
		const { pollContext } = context({ options: { includeFailed: true } });
		await poll(pollContext);
		sessions[S1].results = [run('r1', 'completed', 't1', { data: { total: 1 } }), run('r2', 'failed', 't2', { error: 'bad scan' })];
		sent.length = 0;
		expect(emittedIds(await poll(pollContext))).toEqual(['r1', 'r2']);
		expect(urls()).toEqual([`/extractions/sessions/${S1}`]);
	});

	it('reads the results list when the session answer has no runs in it', async () => {
		sessions[S1] = { id: S1, listedResults: [run('r1', 'completed', 't1', { data: {} })] };
		const { pollContext, staticData } = context();
		await poll(pollContext);
		expect(urls()).toEqual([`/extractions/sessions/${S1}`, `/extractions/sessions/${S1}/results`]);
		expect((staticData.sessions as IDataObject)[S1]).toMatchObject({ seen: ['r1'] });
	});

	it('treats a session without runs as empty', async () => {
		sessions[S1] = { id: S1, results: null as unknown as IDataObject[], listedResults: [] };
		const { pollContext, staticData } = context();
		await poll(pollContext);
		expect((staticData.sessions as IDataObject)[S1]).toMatchObject({ seen: [] });
	});

	it('emits the runs of all sessions oldest first, by completion, update or creation time', async () => {
		sessions[S2] = { id: S2, results: [] };
		const { pollContext } = context({ sessionIds: [S1, S2] });
		await poll(pollContext);
		sessions[S1].results = [
			run('late', 'completed', '2026-11-29T11:00:03Z', { data: {} }),
			run('updated', 'completed', undefined, { data: {}, updated_at: '2026-11-29T11:00:01Z' }),
		];
		sessions[S2].results = [
			run('created', 'completed', undefined, { data: {}, created_at: '2026-11-29T11:00:02Z' }),
			run('early', 'completed', '2026-11-29T11:00:00Z', { data: {} }),
		];
		expect(emittedIds(await poll(pollContext))).toEqual(['early', 'updated', 'created', 'late']);
	});

	it('reads a session listed twice once', async () => {
		const { pollContext } = context({ sessionIds: [S1, S1] });
		await poll(pollContext);
		expect(sent).toHaveLength(1);
	});

	it('leaves the stored state as it was when a poll fails, so that the poll is repeated whole', async () => {
		const { pollContext, staticData } = context();
		await poll(pollContext);
		const before = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		sessions[S1].results = [run('r1', 'completed', 't1')];
		failOn = '/extractions/results/r1';
		await expect(poll(pollContext)).rejects.toThrow('Raydocs is down');
		expect(staticData).toEqual(before);
		failOn = undefined;
		fullRuns.r1 = run('r1', 'completed', 't1', { data: {} });
		expect(emittedIds(await poll(pollContext))).toEqual(['r1']);
	});
});

describe('pollExtractionCompleted: output', () => {
	it('simplifies the run as Extraction → Get does, and adds the session keys', async () => {
		const { pollContext } = context({ simplify: true });
		await poll(pollContext);
		sessions[S1].results = [run('r1', 'completed', 't1', { data: { total: 12 }, title: 'March' })];
		const [item] = await poll(pollContext);
		expect(item.json).toMatchObject({ result_id: 'r1', status: 'completed', title: 'March', total: 12, session_id: S1 });
	});

	it('names no session or template it does not know', async () => {
		sessions[S1] = { id: S1, results: [] };
		const { pollContext } = context();
		await poll(pollContext);
		sessions[S1].results = [run('r1', 'completed', 't1', { data: {} })];
		const [item] = await poll(pollContext);
		expect(item.json).toEqual({ result_id: 'r1', ...run('r1', 'completed', 't1', { data: {} }), session_id: S1, session_name: null, template_id: null });
	});

	it("adds the session's documents when asked, an empty list when it has none", async () => {
		sessions[S2] = { id: S2, results: [], documents: [{ id: 'd1' }] };
		const { pollContext } = context({ sessionIds: [S1, S2], options: { includeDocuments: true } });
		await poll(pollContext);
		sessions[S1].results = [run('r1', 'completed', 't1', { data: {} })];
		sessions[S2].results = [run('r2', 'completed', 't2', { data: {} })];
		const items = await poll(pollContext);
		expect(items.map((item) => item.json.session_documents)).toEqual([[], [{ id: 'd1' }]]);
	});

	it('leaves the documents out by default', async () => {
		const { pollContext } = context();
		await poll(pollContext);
		sessions[S1].results = [run('r1', 'completed', 't1', { data: {} })];
		const [item] = await poll(pollContext);
		expect(item.json).not.toHaveProperty('session_documents');
	});
});

describe('pollExtractionCompleted: template filter', () => {
	it("emits only sessions of the chosen template, yet remembers the others' runs", async () => {
		sessions[S2] = { id: S2, extraction_template_id: OTHER_TEMPLATE, results: [] };
		const options = { templateId: { __rl: true, mode: 'id', value: TEMPLATE } };
		const { pollContext, staticData } = context({ sessionIds: [S1, S2], options });
		await poll(pollContext);
		sessions[S1].results = [run('r1', 'completed', 't1', { data: {} })];
		sessions[S2].results = [run('r2', 'completed', 't2', { data: {} })];
		expect(emittedIds(await poll(pollContext))).toEqual(['r1']);
		expect((staticData.sessions as IDataObject)[S2]).toMatchObject({ seen: ['r2'] });
	});

	it('filters nothing when the template ID is only spaces', async () => {
		sessions[S2] = { id: S2, extraction_template_id: OTHER_TEMPLATE, results: [] };
		const { pollContext } = context({ sessionIds: [S1, S2], options: { templateId: '   ' } });
		await poll(pollContext);
		sessions[S1].results = [run('r1', 'completed', 't1', { data: {} })];
		sessions[S2].results = [run('r2', 'completed', 't2', { data: {} })];
		expect(emittedIds(await poll(pollContext))).toEqual(['r1', 'r2']);
	});

	it('takes a template ID saved as plain text before the picker', async () => {
		sessions[S2] = { id: S2, extraction_template_id: OTHER_TEMPLATE, results: [] };
		const { pollContext } = context({ sessionIds: [S1, S2], options: { templateId: ` ${OTHER_TEMPLATE} ` } });
		await poll(pollContext);
		sessions[S1].results = [run('r1', 'completed', 't1', { data: {} })];
		sessions[S2].results = [run('r2', 'completed', 't2', { data: {} })];
		expect(emittedIds(await poll(pollContext))).toEqual(['r2']);
	});
});

describe('pollExtractionCompleted: poll budget', () => {
	/** Three watched sessions, each read taking `ms` on the clock the poll budget reads. */
	const threeSessionsTaking = (ms: number) => {
		sessions[S2] = { id: S2, results: [] };
		sessions[S3] = { id: S3, results: [] };
		let clock = NOW;
		jest.spyOn(Date, 'now').mockImplementation(() => clock);
		jest.mocked(raydocsJson).mockImplementation(async (_context, request) => {
			const { url } = request as Request;
			sent.push({ method: 'GET', url });
			clock += ms;
			return sessions[url.split('/')[3]];
		});
	};

	it('always reads the first session, then stops once the budget is spent and goes on there next time', async () => {
		threeSessionsTaking(10_000);
		const staticData: IDataObject = { sessions: { [S3]: { seen: ['old'], since: 'then' } }, nextSessionIndex: 1 };
		// A 10 s budget: fetching stops once 8 s have passed, after the first session of the poll.
		const { pollContext } = context({ sessionIds: [S1, S2, S3], staticData, budgetMs: 10_000 });
		await poll(pollContext);
		expect(urls()).toEqual([`/extractions/sessions/${S2}`]);
		expect(staticData.nextSessionIndex).toBe(2);
		expect(Object.keys(staticData.sessions as IDataObject).sort()).toEqual([S2, S3]);
		expect((staticData.sessions as IDataObject)[S3]).toEqual({ seen: ['old'], since: 'then' });

		sent.length = 0;
		await poll(pollContext);
		expect(urls()).toEqual([`/extractions/sessions/${S3}`]);
		expect(staticData.nextSessionIndex).toBe(0);
	});

	it('reads the whole runs of a backlog only until the deadline, and emits the rest, once, next time', async () => {
		let clock = NOW;
		jest.spyOn(Date, 'now').mockImplementation(() => clock);
		jest.mocked(raydocsJson).mockImplementation(async (_context, request) => {
			const { url } = request as Request;
			sent.push({ method: 'GET', url });
			const [, , kind, id] = url.split('/');
			if (kind === 'sessions') return JSON.parse(JSON.stringify(sessions[id])) as IDataObject;
			clock += 3_000; // each whole run takes 3 s
			return fullRuns[id];
		});
		const ids = ['r1', 'r2', 'r3', 'r4'];
		sessions[S1].results = ids.map((id, index) => run(id, 'completed', `t${index}`));
		for (const id of ids) fullRuns[id] = run(id, 'completed', 'whole', { data: { id } });
		// a 10 s budget: reading stops once 8 s have passed
		const { pollContext, staticData } = context({ staticData: { sessions: { [S1]: { seen: [], since: 'then' } } }, budgetMs: 10_000 });
		expect(emittedIds(await poll(pollContext))).toEqual(['r1', 'r2', 'r3']);
		expect((staticData.sessions as Record<string, { seen: string[] }>)[S1].seen).toEqual(['r1', 'r2', 'r3']);
		expect(emittedIds(await poll(pollContext))).toEqual(['r4']);
		expect(await poll(pollContext)).toEqual([]);
	});

	/** Session S1 with completed runs r1 to r`count`, each whole run taking `ms` to read on the poll's clock. */
	const backlogTaking = (count: number, ms: number) => {
		let clock = NOW;
		jest.spyOn(Date, 'now').mockImplementation(() => clock);
		jest.mocked(raydocsJson).mockImplementation(async (_context, request) => {
			const [, , kind, id] = (request as Request).url.split('/');
			if (kind === 'sessions') return JSON.parse(JSON.stringify(sessions[id])) as IDataObject;
			clock += ms;
			return fullRuns[id];
		});
		const ids = Array.from({ length: count }, (_, index) => `r${index + 1}`);
		sessions[S1].results = ids.map((id, index) => run(id, 'completed', `t${index}`));
		for (const id of ids) fullRuns[id] = run(id, 'completed', 'whole', { data: { id } });
		return { setClock: (at: number) => (clock = at) };
	};

	it('reads at least one whole run even when the deadline has passed before it (a slow host)', async () => {
		const { setClock } = backlogTaking(2, 0);
		const staticData: IDataObject = { sessions: { [S1]: { seen: [], since: 'then' } } };
		const { pollContext } = context({ staticData, budgetMs: 1_000 });
		// the session's own read took longer than the whole budget
		jest.mocked(raydocsJson).mockImplementationOnce(async () => {
			setClock(NOW + 5_000);
			return JSON.parse(JSON.stringify(sessions[S1])) as IDataObject;
		});
		expect(emittedIds(await poll(pollContext))).toEqual(['r1']);
		expect(emittedIds(await poll(pollContext))).toEqual(['r2']);
	});

	it('reads whole runs on while exactly at the deadline', async () => {
		// a 10 s budget: the deadline is 8 s in; the third run is read at exactly 8 s
		backlogTaking(3, 4_000);
		const { pollContext } = context({ staticData: { sessions: { [S1]: { seen: [], since: 'then' } } }, budgetMs: 10_000 });
		expect(emittedIds(await poll(pollContext))).toEqual(['r1', 'r2', 'r3']);
	});

	it('reads at least one session even when the budget is spent before the first request (a slow host)', async () => {
		let clock = NOW;
		jest.spyOn(Date, 'now').mockImplementation(() => (clock += 5_000));
		const { pollContext, staticData } = context({ budgetMs: 1_000 });
		await poll(pollContext);
		expect(urls()).toEqual([`/extractions/sessions/${S1}`]);
		expect(Object.keys(staticData.sessions as IDataObject)).toEqual([S1]);
	});

	it('reads on while exactly at the deadline', async () => {
		threeSessionsTaking(4_000);
		const { pollContext, staticData } = context({ sessionIds: [S1, S2, S3], budgetMs: 10_000 });
		await poll(pollContext);
		expect(sent).toHaveLength(3);
		expect(staticData.nextSessionIndex).toBe(0);
	});

	it('starts at the first session when the stored index is past the end of a shorter list', async () => {
		sessions[S2] = { id: S2, results: [] };
		const { pollContext } = context({ sessionIds: [S1, S2], staticData: { sessions: {}, nextSessionIndex: 3 } });
		await poll(pollContext);
		expect(urls()).toEqual([`/extractions/sessions/${S2}`, `/extractions/sessions/${S1}`]);
	});

	it('forgets sessions that are no longer watched', async () => {
		const staticData: IDataObject = { sessions: { [S2]: { seen: ['x'], since: 'then' } } };
		const { pollContext } = context({ staticData });
		await poll(pollContext);
		expect(Object.keys(staticData.sessions as IDataObject)).toEqual([S1]);
	});
});

describe('pollExtractionCompleted: Fetch Test Event', () => {
	it('returns the newest finished run of the watched sessions, whole, and keeps no state', async () => {
		sessions[S2] = {
			id: S2,
			extraction_template_id: TEMPLATE,
			results: [run('mid', 'completed', '2026-11-29T11:00:02Z'), run('busy', 'processing')],
		};
		sessions[S1].results = [
			run('old', 'completed', '2026-11-29T11:00:01Z'),
			run('newest-failed', 'failed', '2026-11-29T11:00:09Z'),
		];
		fullRuns.mid = run('mid', 'completed', '2026-11-29T11:00:02Z', { data: { total: 3 } });
		const { pollContext, staticData } = context({ sessionIds: [S1, S2], mode: 'manual' });
		const items = await poll(pollContext);
		expect(urls()).toEqual([`/extractions/sessions/${S1}`, `/extractions/sessions/${S2}`, '/extractions/results/mid']);
		expect(items.map((item) => item.json)).toEqual([
			{ result_id: 'mid', ...fullRuns.mid, session_id: S2, session_name: null, template_id: TEMPLATE },
		]);
		expect(staticData).toEqual({});
	});

	it('keeps the first of two runs finished at the same time', async () => {
		sessions[S1].results = [run('a', 'completed', 't5', { data: {} }), run('b', 'completed', 't5', { data: {} })];
		const { pollContext } = context({ mode: 'manual' });
		expect(emittedIds(await poll(pollContext))).toEqual(['a']);
	});

	it('includes failed runs when asked, and skips sessions of another template', async () => {
		sessions[S2] = { id: S2, extraction_template_id: OTHER_TEMPLATE, results: [run('other', 'completed', 't9', { data: {} })] };
		sessions[S1].results = [run('f', 'failed', 't1', { error: 'bad scan' })];
		const options = { includeFailed: true, templateId: { __rl: true, mode: 'id', value: TEMPLATE } };
		const { pollContext } = context({ sessionIds: [S1, S2], mode: 'manual', options });
		expect(emittedIds(await poll(pollContext))).toEqual(['f']);
	});

	it('says what to do when no watched session has a finished run', async () => {
		sessions[S1].results = [run('busy', 'processing')];
		const { pollContext } = context({ mode: 'manual' });
		const error = await poll(pollContext).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error).toMatchObject({
			message: 'No finished extraction yet in the watched sessions',
			description: expect.stringContaining('then fetch the test event again'),
		});
		// the operation that runs in a watched session; Extract Document makes a session of its own
		expect((error as NodeOperationError).description).toMatch(/^Start a run on one of them with the Raydocs node \(Extraction → Run, with that session ID\)/);
	});
});
