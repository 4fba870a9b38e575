// The workflow-run trigger's side of Raydocs' sync contract, one request at a time: Raydocs'
// answers are scripted (the transport is replaced), so each test says exactly which pages the
// trigger reads, what it emits and what it keeps.
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { raydocsJson } from '../../../nodes/Raydocs/shared/transport';
import { pollWorkflowRunCompleted } from '../../../nodes/RaydocsTrigger/pollWorkflowRunCompleted';

jest.mock('../../../nodes/Raydocs/shared/transport', () => ({ raydocsJson: jest.fn() }));

const WORKFLOW_ID = '0b6a3d5e-2f41-4c8e-9a57-1d2c3b4a5f60';
const RUNS_PATH = `/workspaces/7/workflows/${WORKFLOW_ID}/runs`;
const NOW = Date.parse('2026-11-29T12:00:00.000Z');

interface Request {
	method: string;
	url: string;
	qs?: IDataObject;
}

const sent: Request[] = [];
/** The deadline each request was sent with (a wait past it is not waited: see transport.ts). */
const deadlines: Array<number | undefined> = [];
let answer: (request: Request) => unknown;

function page(ids: string[], meta: IDataObject = {}): IDataObject {
	return { data: ids.map((id) => ({ id, status: 'completed' })), meta: { has_more: false, ...meta } };
}

function context(init: { options?: IDataObject; mode?: 'trigger' | 'manual'; staticData?: IDataObject; budgetMs?: number; globalStaticData?: IDataObject } = {}) {
	const staticData = init.staticData ?? {};
	const globalStaticData = init.globalStaticData ?? {};
	const parameters: Record<string, unknown> = { workspaceId: '7', workflowId: WORKFLOW_ID, options: init.options ?? {} };
	const pollContext = {
		getNode: () => ({ id: 'trigger-node-id', name: 'Raydocs Trigger', type: 'n8n-nodes-raydocs.raydocsTrigger', typeVersion: 1 }),
		getNodeParameter: (name: string, fallback?: unknown) => parameters[name] ?? fallback,
		getMode: () => init.mode ?? 'trigger',
		getWorkflowStaticData: (type: string) => (type === 'global' ? globalStaticData : staticData),
		...(init.budgetMs === undefined ? {} : { getPollBudgetMs: () => init.budgetMs }),
	} as unknown as IPollFunctions;
	return { pollContext, staticData, globalStaticData };
}

const poll = async (pollContext: IPollFunctions) => await pollWorkflowRunCompleted.call(pollContext);
const emittedIds = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.id);
const runsState = (staticData: IDataObject) => staticData.workflowRuns as IDataObject;

beforeEach(() => {
	sent.length = 0;
	deadlines.length = 0;
	answer = () => page([]);
	// A frozen clock: nothing here waits, and the activation boundary is known.
	jest.useFakeTimers({ now: NOW });
	jest.mocked(raydocsJson).mockImplementation(async (_context, request) => {
		const { deadline, ...copy } = request as Request & { deadline?: number };
		sent.push(copy);
		deadlines.push(deadline);
		return answer(copy);
	});
});

afterEach(() => {
	jest.restoreAllMocks();
	jest.useRealTimers();
});

describe('pollWorkflowRunCompleted: reading the runs', () => {
	it('asks for completed runs created after activation, 100 per page, with no cursor on the first poll', async () => {
		const { pollContext } = context();
		await poll(pollContext);
		expect(sent).toEqual([
			{
				method: 'GET',
				url: RUNS_PATH,
				qs: { pagination: 'cursor', status: 'completed', created_after: new Date(NOW).toISOString(), per_page: 100 },
			},
		]);
	});

	it("sends every request of a poll with the poll's deadline, 80% of n8n's budget; the test event has none", async () => {
		answer = (request) => (request.url.endsWith('/output') ? { values: 1 } : page(['r1', 'r2']));
		await poll(context({ budgetMs: 45_000 }).pollContext);
		expect(sent.map((request) => request.url)).toEqual([RUNS_PATH, `${RUNS_PATH}/r1/output`, `${RUNS_PATH}/r2/output`]);
		expect(deadlines).toEqual([NOW + 36_000, NOW + 36_000, NOW + 36_000]);
		deadlines.length = 0;
		answer = () => page(['r3']);
		await poll(context({ mode: 'manual', budgetMs: 45_000 }).pollContext);
		expect(deadlines.every((deadline) => deadline === undefined)).toBe(true);
	});

	it('keeps its first state in the global static data too, by node id', async () => {
		const { pollContext, staticData, globalStaticData } = context();
		await poll(pollContext);
		expect(globalStaticData).toEqual({ raydocsTriggerFirstPoll: { 'trigger-node-id': { workflowRuns: staticData.workflowRuns } } });
		expect(runsState(staticData).createdAfter).toBe(new Date(NOW).toISOString());
	});

	it('starts from the kept first state when it has none of its own: the activation boundary and cursor', async () => {
		const first = { createdAfter: '2026-11-29T11:00:00.000Z', cursor: 'c-activation', recentIds: ['old'] };
		const globalStaticData = { raydocsTriggerFirstPoll: { 'trigger-node-id': { workflowRuns: first } } };
		answer = () => page(['old', 'new']);
		const { pollContext, staticData } = context({ globalStaticData });
		expect(emittedIds(await poll(pollContext))).toEqual(['new']);
		expect(sent[0].qs).toMatchObject({ created_after: first.createdAfter, cursor: 'c-activation' });
		expect(runsState(staticData)).toMatchObject({ createdAfter: first.createdAfter, recentIds: ['old', 'new'] });
		expect(globalStaticData.raydocsTriggerFirstPoll['trigger-node-id'].workflowRuns).toEqual(first);
	});

	it('ignores the kept first state once it has a state of its own', async () => {
		const globalStaticData = { raydocsTriggerFirstPoll: { 'trigger-node-id': { workflowRuns: { createdAfter: 'first' } } } };
		const { pollContext } = context({ globalStaticData, staticData: { workflowRuns: { createdAfter: 'own' } } });
		await poll(pollContext);
		expect(sent[0].qs).toMatchObject({ created_after: 'own' });
	});

	it('starts from the beginning of time when the backlog is wanted', async () => {
		const { pollContext } = context({ options: { emitBacklog: true } });
		await poll(pollContext);
		expect(sent[0].qs?.created_after).toBe('1970-01-01T00:00:00Z');
	});

	it('keeps the activation boundary and sends the stored cursor on later polls', async () => {
		const staticData: IDataObject = { workflowRuns: { createdAfter: '2026-01-01T00:00:00Z', cursor: 'c-7' } };
		const { pollContext } = context({ staticData, options: { emitBacklog: true } });
		await poll(pollContext);
		expect(sent[0].qs).toMatchObject({ created_after: '2026-01-01T00:00:00Z', cursor: 'c-7' });
	});

	it('follows has_more page by page, each with the cursor of the last', async () => {
		const pages: Record<string, IDataObject> = {
			first: page(['r1', 'r2'], { has_more: true, next_cursor: 'c-1' }),
			'c-1': page(['r3'], { has_more: true, next_cursor: 'c-2' }),
			'c-2': page(['r4'], { next_cursor: 'c-3', server_time: '2026-11-29T11:59:59Z' }),
		};
		answer = (request) => (request.url.endsWith('/output') ? {} : pages[String(request.qs?.cursor ?? 'first')]);
		const { pollContext, staticData } = context({ options: { includeOutput: false } });
		expect(emittedIds(await poll(pollContext))).toEqual(['r1', 'r2', 'r3', 'r4']);
		expect(sent.map((request) => request.qs?.cursor)).toEqual([undefined, 'c-1', 'c-2']);
		expect(runsState(staticData)).toMatchObject({
			cursor: 'c-3',
			serverTime: '2026-11-29T11:59:59Z',
			recentIds: ['r1', 'r2', 'r3', 'r4'],
		});
	});

	it('keeps the last cursor and server time when a page carries none', async () => {
		answer = () => ({ data: [{ id: 'r1', status: 'completed' }] });
		const staticData: IDataObject = { workflowRuns: { createdAfter: 'x', cursor: 'c-5', serverTime: 't-5' } };
		const { pollContext } = context({ staticData, options: { includeOutput: false } });
		expect(emittedIds(await poll(pollContext))).toEqual(['r1']);
		expect(sent).toHaveLength(1);
		expect(runsState(staticData)).toMatchObject({ cursor: 'c-5', serverTime: 't-5' });
	});

	it('reads a page without data as no runs', async () => {
		answer = () => ({ meta: { has_more: false, next_cursor: 'c-1' } });
		const { pollContext, staticData } = context();
		expect(await poll(pollContext)).toEqual([]);
		expect(runsState(staticData).cursor).toBe('c-1');
	});

	it('stops paging once the poll budget is spent and goes on from the cursor next time', async () => {
		let clock = NOW;
		jest.spyOn(Date, 'now').mockImplementation(() => clock);
		answer = (request) => {
			clock += 5_000;
			return page([`r-${String(request.qs?.cursor ?? 0)}`], { has_more: true, next_cursor: `${sent.length}` });
		};
		// A 10 s budget: fetching stops once 8 s have passed.
		const { pollContext, staticData } = context({ budgetMs: 10_000, options: { includeOutput: false } });
		expect(emittedIds(await poll(pollContext))).toEqual(['r-0', 'r-1']);
		expect(runsState(staticData).cursor).toBe('2');
	});

	it('reads a page more when the budget ends exactly on time', async () => {
		let clock = NOW;
		jest.spyOn(Date, 'now').mockImplementation(() => clock);
		answer = () => {
			clock += 4_000;
			return page([`r${sent.length}`], { has_more: sent.length < 5, next_cursor: `${sent.length}` });
		};
		const { pollContext } = context({ budgetMs: 10_000, options: { includeOutput: false } });
		// 8 s after the start is still within the budget; 12 s is past it.
		expect(emittedIds(await poll(pollContext))).toEqual(['r1', 'r2', 'r3']);
	});

	it('reads at most 51 pages in one poll, however many Raydocs says there are', async () => {
		answer = () => page([`r${sent.length}`], { has_more: true, next_cursor: `${sent.length}` });
		const { pollContext, staticData } = context({ options: { includeOutput: false } });
		const items = await poll(pollContext);
		expect(sent).toHaveLength(51);
		expect(items).toHaveLength(51);
		expect(runsState(staticData).cursor).toBe('51');
	});
});

describe('pollWorkflowRunCompleted: each run once', () => {
	it('skips a run it emitted in an earlier poll, or on an earlier page of this one', async () => {
		answer = (request) =>
			request.qs?.cursor ? page(['r2', 'r3']) : page(['r1', 'r2'], { has_more: true, next_cursor: 'c-1' });
		const staticData: IDataObject = { workflowRuns: { createdAfter: 'x', recentIds: ['r1'] } };
		const { pollContext } = context({ staticData, options: { includeOutput: false } });
		expect(emittedIds(await poll(pollContext))).toEqual(['r2', 'r3']);
		expect(runsState(staticData).recentIds).toEqual(['r1', 'r2', 'r3']);
	});

	it('keeps the 500 newest ids only', async () => {
		const older = Array.from({ length: 500 }, (_, index) => `old-${index}`);
		answer = () => page(['new-1', 'new-2']);
		const staticData: IDataObject = { workflowRuns: { createdAfter: 'x', recentIds: older } };
		const { pollContext } = context({ staticData, options: { includeOutput: false } });
		await poll(pollContext);
		const kept = runsState(staticData).recentIds as string[];
		expect(kept).toHaveLength(500);
		expect(kept.slice(0, 2)).toEqual(['old-2', 'old-3']);
		expect(kept.slice(-2)).toEqual(['new-1', 'new-2']);
	});

	it('leaves the stored state as it was when a poll fails, so that the poll is repeated whole', async () => {
		answer = (request) => {
			if (request.url.endsWith('/output')) throw new Error('Raydocs is down');
			return page(['r1'], { next_cursor: 'c-9' });
		};
		const previous = { createdAfter: 'x', cursor: 'c-1', recentIds: ['r0'] };
		const staticData: IDataObject = { workflowRuns: previous };
		const { pollContext } = context({ staticData });
		await expect(poll(pollContext)).rejects.toThrow('Raydocs is down');
		expect(staticData.workflowRuns).toEqual({ createdAfter: 'x', cursor: 'c-1', recentIds: ['r0'] });
	});
});

describe('pollWorkflowRunCompleted: output of each run', () => {
	it('adds the output of each new run by default, one request each', async () => {
		answer = (request) => (request.url.endsWith('/output') ? { documents: [request.url] } : page(['r1', 'r2']));
		const { pollContext } = context();
		const items = await poll(pollContext);
		expect(sent.slice(1)).toEqual([
			{ method: 'GET', url: `${RUNS_PATH}/r1/output` },
			{ method: 'GET', url: `${RUNS_PATH}/r2/output` },
		]);
		expect(items.map((item) => item.json)).toEqual([
			{ id: 'r1', status: 'completed', output: { documents: [`${RUNS_PATH}/r1/output`] } },
			{ id: 'r2', status: 'completed', output: { documents: [`${RUNS_PATH}/r2/output`] } },
		]);
	});

	it('emits the runs alone when Include Output is off', async () => {
		answer = () => page(['r1']);
		const { pollContext } = context({ options: { includeOutput: false } });
		expect((await poll(pollContext)).map((item) => item.json)).toEqual([{ id: 'r1', status: 'completed' }]);
		expect(sent).toHaveLength(1);
	});
});

describe('pollWorkflowRunCompleted: Fetch Test Event', () => {
	it('returns the newest completed run of the first page with its output, and keeps no state', async () => {
		answer = (request) =>
			request.url.endsWith('/output')
				? { documents: [] }
				: { data: [{ id: 'r3', status: 'running' }, { id: 'r2', status: 'completed' }, { id: 'r1', status: 'completed' }] };
		const { pollContext, staticData } = context({ mode: 'manual' });
		const items = await poll(pollContext);
		expect(sent).toEqual([
			{ method: 'GET', url: RUNS_PATH, qs: { page: 1 } },
			{ method: 'GET', url: `${RUNS_PATH}/r2/output` },
		]);
		expect(items.map((item) => item.json)).toEqual([{ id: 'r2', status: 'completed', output: { documents: [] } }]);
		expect(staticData).toEqual({});
	});

	it('says what to do when the workflow has no completed run yet', async () => {
		answer = () => ({ data: [{ id: 'r3', status: 'running' }] });
		const { pollContext } = context({ mode: 'manual' });
		const error = await poll(pollContext).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error).toMatchObject({
			message: 'This workflow has no completed run yet',
			description: 'Run the workflow in Raydocs, then fetch the test event again.',
		});
	});
});
