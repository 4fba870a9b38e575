import {
	UUID,
	apiRequests,
	byId,
	extractDocumentParameters,
	fileItem,
	runRaydocs,
	useFakeRaydocs,
} from '../../../helpers/raydocs';
import type { FakeRaydocs } from '../../../../tools/fake-raydocs/server';

/** A completed run made through the node itself: the cheapest way to real fixtures. */
async function completedRun(fake: FakeRaydocs): Promise<{ sessionId: string; resultId: string }> {
	const { items } = await runRaydocs(fake, extractDocumentParameters(fake), { input: [fileItem('%PDF fixture')] });
	fake.clearLog();
	return { sessionId: String(items[0].json.session_id), resultId: String(items[0].json.result_id) };
}

describe('Raydocs → Extraction → Get / Get Many / Run / Delete / Export to Excel', () => {
	const fake = useFakeRaydocs();

	it('Get returns the simplified result of GET /extractions/results/{id}', async () => {
		const { resultId } = await completedRun(fake());
		const { items } = await runRaydocs(fake(), {
			resource: 'extraction',
			operation: 'get',
			resultId,
			simplify: true,
			fieldLayout: 'nested',
		});
		expect(items[0].json).toMatchObject({ result_id: resultId, status: 'completed' });
		expect(items[0].json.vendor).toEqual(expect.objectContaining({ name: expect.any(String) }));
		expect(apiRequests(fake()).map((entry) => `${entry.method} ${entry.path}`)).toEqual([
			`GET /extractions/results/${resultId}`,
		]);
	});

	it('Get without Simplify returns the raw object with audit_data', async () => {
		const { resultId } = await completedRun(fake());
		const { items } = await runRaydocs(fake(), {
			resource: 'extraction',
			operation: 'get',
			resultId,
			simplify: false,
		});
		expect(items[0].json).toMatchObject({ id: resultId, audit_data: expect.any(Object), data: expect.any(Object) });
	});

	it('Get says which result was not found, and rejects a malformed id before sending', async () => {
		const missing = '00000000-0000-4000-8000-000000000000';
		const notFound = await runRaydocs(fake(), { resource: 'extraction', operation: 'get', resultId: missing, simplify: true });
		expect(notFound.error?.message).toContain(`could not find extraction result ${missing}`);
		fake().clearLog();
		const malformed = await runRaydocs(fake(), { resource: 'extraction', operation: 'get', resultId: '42', simplify: true });
		expect(malformed.error?.message).toBe('Result ID "42" is not valid: Raydocs result IDs are UUIDs');
		expect(fake().log).toHaveLength(0);
	});

	it.each(['data', 'array'] as const)('Get Many lists the runs of a session (%s shape)', async (shape) => {
		const { sessionId, resultId } = await completedRun(fake());
		fake().setVariant('sessionResultsList', shape);
		const { items } = await runRaydocs(fake(), {
			resource: 'extraction',
			operation: 'getAll',
			sessionId,
			returnAll: true,
		});
		expect(items.map((item) => item.json.id)).toEqual([resultId]);
		expect(apiRequests(fake())[0]).toMatchObject({ method: 'GET', path: `/extractions/sessions/${sessionId}/results` });
	});

	it('Run starts a new run without waiting', async () => {
		const { sessionId, resultId } = await completedRun(fake());
		const { items } = await runRaydocs(fake(), { resource: 'extraction', operation: 'run', sessionId });
		expect(items[0].json.id).toMatch(UUID);
		expect(items[0].json.id).not.toBe(resultId);
		expect(['created', 'parsing_pending', 'processing']).toContain(items[0].json.status);
		expect(apiRequests(fake())).toHaveLength(1);
		expect(apiRequests(fake())[0]).toMatchObject({ method: 'POST', path: `/extractions/sessions/${sessionId}/results`, status: 201 });
	});

	it('Run shows the 422 of a session without documents', async () => {
		const session = await runRaydocs(fake(), {
			resource: 'session',
			operation: 'create',
			templateId: byId(fake().state.seed!.templateId),
			additionalFields: {},
		});
		const sessionId = String(session.items[0]?.json.id);
		const { error } = await runRaydocs(fake(), { resource: 'extraction', operation: 'run', sessionId });
		expect((error as { httpCode?: string }).httpCode).toBe('422');
		expect(error?.message).toMatch(/HTTP 422/);
	});

	it('Delete answers { deleted: true }', async () => {
		const { resultId } = await completedRun(fake());
		const { items } = await runRaydocs(fake(), { resource: 'extraction', operation: 'delete', resultId });
		expect(items[0].json).toEqual({ deleted: true });
		expect(fake().state.runs.has(resultId)).toBe(false);
	});

	it('Export to Excel returns an .xlsx binary named as Raydocs names it', async () => {
		const { resultId } = await completedRun(fake());
		const { items, error } = await runRaydocs(fake(), {
			resource: 'extraction',
			operation: 'exportExcel',
			resultId,
			binaryPropertyName: 'sheet',
		});
		expect(error).toBeUndefined();
		const binary = items[0].binary?.sheet;
		expect(binary).toMatchObject({
			fileName: 'extraction_result.xlsx',
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		});
		const bytes = Buffer.from(binary!.data, 'base64');
		expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
		expect(items[0].json).toMatchObject({ fileName: 'extraction_result.xlsx', bytes: bytes.length });
	});
});
