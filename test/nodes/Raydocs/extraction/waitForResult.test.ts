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

	/** A run still processing, as the pending item Extract Document outputs on timeout. */
	async function pendingRun(name: string): Promise<INodeExecutionData> {
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
				options: { checkInterval: 0.1, timeout: 1, onTimeout: 'pending' },
			},
			{ input: [fileItem(`%PDF ${name}`, `${name}.pdf`)] },
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'pending', result_id: expect.stringMatching(UUID) });
		return { json: items[0].json };
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
});
