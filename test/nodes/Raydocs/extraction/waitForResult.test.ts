import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { UUID, apiRequests, byId, fileItem, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

/** Extraction → Wait for Result (resources/extraction/waitForResult.ts). */
describe('Raydocs → Extraction → Wait for Result', () => {
	const fake = useFakeRaydocs();

	const waitForResult = (options: INodeParameters = { checkInterval: 0.1, timeout: 20 }) => ({
		resource: 'extraction',
		operation: 'waitForResult',
		resultId: '={{ $json.result_id }}',
		simplify: true,
		fieldLayout: 'flat',
		options,
	});

	/** Extract Document of one file, with the wait options given; its item as the workflow passes it on. */
	async function extracted(content: string, fileName: string, options: INodeParameters): Promise<INodeExecutionData> {
		const { items, error } = await runRaydocs(
			fake(),
			{
				resource: 'extraction',
				operation: 'extractDocument',
				templateId: byId(fake().state.seed!.templateId),
				inputSource: 'binary',
				allBinaries: false,
				binaryPropertyName: 'data',
				simplify: true,
				fieldLayout: 'flat',
				options,
			},
			{ input: [fileItem(content, fileName)] },
		);
		expect(error).toBeUndefined();
		return items[0];
	}

	/** A run still processing, as the pending item Extract Document outputs on timeout. */
	async function pendingRun(name: string): Promise<INodeExecutionData> {
		const item = await extracted(`%PDF ${name}`, `${name}.pdf`, { checkInterval: 0.1, timeout: 1, onTimeout: 'pending' });
		expect(item.json).toMatchObject({ status: 'pending', result_id: expect.stringMatching(UUID) });
		return { json: item.json };
	}

	it('resumes pending items and outputs each result, paired with its item', async () => {
		fake().setTiming({ runProcessingMs: 1500 });
		const input = [await pendingRun('first'), await pendingRun('second')];
		fake().clearLog();
		const { items, error } = await runRaydocs(fake(), waitForResult(), { input });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.status, item.json.result_id, item.pairedItem])).toEqual([
			['completed', input[0].json.result_id, { item: 0 }],
			['completed', input[1].json.result_id, { item: 1 }],
		]);
		expect(apiRequests(fake()).every((entry) => entry.endpoint === 'GET /extractions/results/{resultId}')).toBe(true);
	});

	it('stops at once on an invalid result ID without Continue On Fail: no request, no wait for the valid ones', async () => {
		// A run that would keep a waiting node busy far beyond the test's own timeout.
		fake().setTiming({ runProcessingMs: 600_000 });
		const input = [await pendingRun('slow'), { json: { result_id: 'not-a-result-id' } }];
		fake().clearLog();
		const { items, error } = await runRaydocs(fake(), waitForResult({ checkInterval: 1, timeout: 300 }), { input });
		expect(items).toHaveLength(0);
		expect(error?.message).toContain('not-a-result-id');
		expect(fake().log).toHaveLength(0);
	});

	it('with Continue On Fail, the invalid item becomes an error item and the others are waited for', async () => {
		fake().setTiming({ runProcessingMs: 1500 });
		const input = [await pendingRun('valid'), { json: { result_id: 'not-a-result-id' } }];
		fake().clearLog();
		const { items, error } = await runRaydocs(fake(), waitForResult(), { input, continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({ pairedItem: { item: 0 }, json: { status: 'completed', result_id: input[0].json.result_id } });
		expect(items[1]).toMatchObject({ pairedItem: { item: 1 }, json: { error: expect.stringContaining('not-a-result-id') } });
		expect(apiRequests(fake()).length).toBeGreaterThan(0);
		expect(apiRequests(fake()).every((entry) => entry.path === `/extractions/results/${input[0].json.result_id}`)).toBe(true);
	});

	it('with Continue On Fail and no valid result ID at all, outputs the error items without a request', async () => {
		const input = [{ json: { result_id: 'not-a-result-id' } }, { json: { result_id: '' } }];
		const { items, error } = await runRaydocs(fake(), waitForResult(), { input, continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, typeof item.json.error])).toEqual([
			[{ item: 0 }, 'string'],
			[{ item: 1 }, 'string'],
		]);
		expect(fake().log).toHaveLength(0);
	});

	/** A run that finished before the wait starts (Extract Document waited for it). */
	async function finishedRun(content: string): Promise<INodeExecutionData> {
		const item = await extracted(content, 'file.pdf', { checkInterval: 0.1, timeout: 20, onFailure: 'output' });
		return { json: { result_id: item.json.result_id } };
	}

	it('reads a result that has finished at once, not after a Check Interval', async () => {
		const input = [await finishedRun('%PDF done')];
		fake().clearLog();
		// A first read after the interval would outlast the test's own timeout.
		const { items, error } = await runRaydocs(fake(), waitForResult({ checkInterval: 60, timeout: 300 }), { input });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'completed', result_id: input[0].json.result_id });
		expect(apiRequests(fake()).map((entry) => entry.endpoint)).toEqual(['GET /extractions/results/{resultId}']);
	});

	it('with Continue On Fail, a failed extraction becomes an error item and the others are output', async () => {
		const input = [await finishedRun('%PDF %EXTRACTION_FAIL'), await finishedRun('%PDF fine')];
		const { items, error } = await runRaydocs(fake(), waitForResult(), { input, continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items[0]).toMatchObject({
			pairedItem: { item: 0 },
			json: { error: expect.stringMatching(/^Raydocs could not extract the document: /) },
		});
		expect(items[1]).toMatchObject({ pairedItem: { item: 1 }, json: { status: 'completed', result_id: input[1].json.result_id } });
	});

	it('outputs a pending item naming the result when On Timeout asks for it, timed by the first valid item', async () => {
		fake().setTiming({ runProcessingMs: 600_000 });
		const input = [{ json: { result_id: 'not-a-result-id' } }, { json: { ...(await pendingRun('slow')).json, timeout: 1 } }];
		// Read at another item, the Timeout expression would fail and leave the 300 s default.
		const { items, error } = await runRaydocs(
			fake(),
			waitForResult({ checkInterval: 0.1, timeout: '={{ $json.timeout }}', onTimeout: 'pending' }),
			{ input, continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items[1]).toMatchObject({
			pairedItem: { item: 1 },
			json: { status: 'pending', session_id: null, result_id: input[1].json.result_id },
		});
	});
});
