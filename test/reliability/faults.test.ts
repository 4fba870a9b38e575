import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { retryPolicy } from '../../nodes/Raydocs/shared/retries';
import type { FakeRaydocs, FaultSpec, RequestLogEntry } from '../../tools/fake-raydocs/server';
import { byId, fileItem, runRaydocs, useFakeRaydocs } from '../helpers/raydocs';
import { completedRun, extractionTrigger, resultIds, sessionWithDocument } from '../helpers/trigger';

/**
 * The fault suite: every operation class against every kind of fault the fake can inject. Whatever
 * happens, each input item ends as exactly one output item or one error item, and no call that
 * creates something reaches Raydocs twice.
 */

type Fault = Omit<FaultSpec, 'method' | 'path' | 'listener'>;

const FAULTS: Array<[string, Fault]> = [
	['a 429 burst with Retry-After', { kind: 'status', status: 429, retryAfterSeconds: 1, count: 2 }],
	['500', { kind: 'status', status: 500, count: 1 }],
	['502', { kind: 'status', status: 502, count: 1 }],
	['503 twice', { kind: 'status', status: 503, count: 2 }],
	['a dropped socket', { kind: 'drop', count: 1 }],
	['a delay beyond the timeout', { kind: 'delay', delayMs: 1500, count: 1 }],
	['malformed JSON', { kind: 'malformed', count: 1 }],
];

/** Calls that create something: Raydocs must see each at most once per item. */
const CREATING = /^POST \/(workspaces\/create|extractions\/sessions|extractions\/sessions\/[^/]+\/(results|documents\/upload)|extractions\/templates\/[^/]+\/sessions\/batch|extractions\/templates)$/;

function handled(entry: RequestLogEntry): boolean {
	// the request reached Raydocs' logic: not refused by a fault (a delay still runs) or the limiter
	return entry.listener === 'api' && !entry.rateLimited && (entry.fault === undefined || entry.fault === 'delay');
}

function creatingCalls(fake: FakeRaydocs): Map<string, number> {
	const counts = new Map<string, number>();
	for (const entry of fake.log.filter(handled)) {
		const line = `${entry.method} ${entry.path}`;
		if (!CREATING.test(line)) continue;
		const key = `${line} ${JSON.stringify(entry.body)}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return counts;
}

function expectOneResultPerItem(items: INodeExecutionData[], inputCount: number): void {
	expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
		Array.from({ length: inputCount }, (_, index) => index),
	);
	for (const item of items) {
		const isError = typeof item.json.error === 'string';
		expect(isError || Object.keys(item.json).length > 0).toBe(true);
	}
}

interface OperationClass {
	name: string;
	/** The faulted call may be sent again (reads, signed URLs): transient faults must not reach the user. */
	retrySafe: boolean;
	/** Where the fault is injected. */
	target: { method: string; path: string | RegExp; listener?: 'api' | 'storage' };
	run(fake: FakeRaydocs): Promise<{ items: INodeExecutionData[]; inputs: number }>;
}

const three = (make: (index: number) => INodeExecutionData) => [0, 1, 2].map(make);

const CLASSES: OperationClass[] = [
	{
		name: 'a routed create (Workspace → Create)',
		retrySafe: false,
		target: { method: 'POST', path: '/workspaces/create' },
		async run(fake) {
			const input = three((index) => ({ json: { name: `Fault ${index}` } }));
			const { items } = await runRaydocs(fake, { resource: 'workspace', operation: 'create', name: '={{ $json.name }}', additionalFields: {} }, { input, continueOnFail: true });
			return { items, inputs: input.length };
		},
	},
	{
		name: 'a routed read (Template → Get)',
		retrySafe: true,
		target: { method: 'GET', path: /^\/extractions\/templates\// },
		async run(fake) {
			const input = three(() => ({ json: {} }));
			const { items } = await runRaydocs(fake, { resource: 'template', operation: 'get', templateId: byId(fake.state.seed!.templateId) }, { input, continueOnFail: true });
			return { items, inputs: input.length };
		},
	},
	{
		name: 'a paginated list (Template → Get Many, Return All)',
		retrySafe: true,
		target: { method: 'GET', path: /\/extractions\/templates$/ },
		async run(fake) {
			for (let index = 0; index < 40; index++) fake.seedTemplate(fake.state.seed!.workspaceId, { name: `T${index}` });
			const { items } = await runRaydocs(fake, { resource: 'template', operation: 'getAll', workspaceId: byId(fake.state.seed!.workspaceId), returnAll: true }, { continueOnFail: true });
			// one input item: either the whole list (41 templates, none twice) or one error item
			if (!items[0].json.error) {
				expect(new Set(items.map((item) => item.json.id)).size).toBe(41);
				return { items: [items[0]], inputs: 1 };
			}
			return { items, inputs: 1 };
		},
	},
	{
		name: 'upload (File Upload → Upload)',
		retrySafe: true,
		target: { method: 'POST', path: '/vapor/signed-storage-url' },
		async run(fake) {
			const input = three((index) => fileItem(`%PDF upload ${index}`, `u${index}.pdf`));
			const { items } = await runRaydocs(fake, { resource: 'file', operation: 'upload', allBinaries: false, binaryPropertyName: 'data' }, { input, continueOnFail: true });
			return { items, inputs: input.length };
		},
	},
	{
		name: 'extract and wait (Extraction → Extract Document), fault on the run',
		retrySafe: false,
		target: { method: 'POST', path: /^\/extractions\/sessions\/[^/]+\/results$/ },
		async run(fake) {
			const input = three((index) => fileItem(`%PDF extract ${index}`, `e${index}.pdf`));
			const { items } = await runRaydocs(fake, extractDocument(fake), { input, continueOnFail: true });
			return { items, inputs: input.length };
		},
	},
	{
		name: 'extract and wait (Extraction → Extract Document), fault on the status polls',
		retrySafe: true,
		target: { method: 'GET', path: /^\/extractions\/results\// },
		async run(fake) {
			const input = three((index) => fileItem(`%PDF poll ${index}`, `p${index}.pdf`));
			const { items } = await runRaydocs(fake, extractDocument(fake), { input, continueOnFail: true });
			return { items, inputs: input.length };
		},
	},
	{
		name: 'batch (Extraction Batch → Extract Many), fault on the batch create',
		retrySafe: false,
		target: { method: 'POST', path: /\/sessions\/batch$/ },
		async run(fake) {
			const input = three((index) => fileItem(`%PDF batch ${index}`, `b${index}.pdf`));
			const { items } = await runRaydocs(fake, { resource: 'batch', operation: 'extract', templateId: byId(fake.state.seed!.templateId), allBinaries: false, binaryPropertyName: 'data', waitForResults: true, simplify: true, fieldLayout: 'flat', options: { checkInterval: 0.1, timeout: 20 } }, { input, continueOnFail: true });
			return { items, inputs: input.length };
		},
	},
];

/** Faults that a retry may cure: overload answers, dropped connections, timeouts, unparsable bodies. */
function isTransient(fault: Fault): boolean {
	return fault.kind !== 'status' || fault.status === 502 || fault.status === 503;
}

function errorCount(items: INodeExecutionData[]): number {
	return items.filter((item) => typeof item.json.error === 'string').length;
}

function extractDocument(fake: FakeRaydocs): INodeParameters {
	return { resource: 'extraction', operation: 'extractDocument', templateId: byId(fake.state.seed!.templateId), inputSource: 'binary', allBinaries: false, binaryPropertyName: 'data', simplify: true, fieldLayout: 'flat', options: { checkInterval: 0.1, timeout: 20 } };
}

describe('Fault suite', () => {
	const fake = useFakeRaydocs();
	beforeEach(() => {
		retryPolicy.requestTimeoutMs = 1000;
	});
	afterAll(() => {
		retryPolicy.requestTimeoutMs = 300_000;
	});

	for (const operation of CLASSES) {
		describe(operation.name, () => {
			it.each(FAULTS)('with %s: one result per item, nothing created twice', async (_name, fault) => {
				fake().fault({ ...fault, ...operation.target });
				const { items, inputs } = await operation.run(fake());
				expectOneResultPerItem(items, inputs);
				for (const [call, count] of creatingCalls(fake())) expect([call, count]).toEqual([call, 1]);
				// Retried where that is safe (429s always: Raydocs did not process them), surfaced where not.
				const faulted = fake().log.filter((entry) => entry.fault !== undefined).length;
				if (fault.status === 429 || (operation.retrySafe && isTransient(fault))) {
					expect(errorCount(items)).toBe(0);
					expect(faulted).toBe(fault.count);
				} else {
					expect(errorCount(items)).toBeGreaterThan(0);
					expect(faulted).toBeGreaterThan(0);
				}
			});
		});
	}

	it('an expired signed URL is signed again and the file still uploads once', async () => {
		fake().fault({ listener: 'storage', method: 'PUT', kind: 'status', status: 403, count: 1 });
		const { items } = await runRaydocs(fake(), extractDocument(fake()), { input: [fileItem('%PDF expired', 'x.pdf')] });
		expect(items[0].json.status).toBe('completed');
		expect(fake().log.filter((entry) => entry.listener === 'storage' && entry.status === 200)).toHaveLength(1);
	});

	describe('the trigger', () => {
		it.each(FAULTS)('with %s on a poll: each run is emitted exactly once over the following polls', async (_name, fault) => {
			const sessionId = await sessionWithDocument(fake());
			const trigger = extractionTrigger(fake(), [sessionId]);
			await trigger.poll();
			const runs = [await completedRun(fake(), sessionId), await completedRun(fake(), sessionId)];
			fake().fault({ ...fault, method: 'GET', path: `/extractions/sessions/${sessionId}` });
			const emitted: string[] = [];
			for (let poll = 0; poll < 4; poll++) {
				emitted.push(...resultIds(await trigger.poll().catch(() => null)));
			}
			expect(emitted.sort()).toEqual([...runs].sort());
		});
	});
});
