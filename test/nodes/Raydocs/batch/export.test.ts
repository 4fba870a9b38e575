import type { IExecuteSingleFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import { batchExportOutput } from '../../../../nodes/Raydocs/resources/batch/export';
import { apiRequests, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { batchParameters, batchPath, seedBatchSessions } from './batches';

describe('Raydocs → Extraction Batch → Export', () => {
	const fake = useFakeRaydocs();

	it('JSON: one item per session, in the order asked', async () => {
		const sessionIds = await seedBatchSessions(fake(), 2);
		const { items, error } = await runRaydocs(fake(), batchParameters(fake(), 'export', { sessionIds, format: 'json' }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.session_id)).toEqual(sessionIds);
		expect(items.every((item) => item.binary === undefined)).toBe(true);
		expect(apiRequests(fake())[0]).toMatchObject({ method: 'POST', path: `${batchPath(fake())}/export`, body: { session_ids: sessionIds, format: 'json' } });
	});

	it('Excel: one binary item in the chosen field, named as Raydocs names it', async () => {
		const sessionIds = await seedBatchSessions(fake(), 2);
		const { items } = await runRaydocs(
			fake(),
			batchParameters(fake(), 'export', { sessionIds, format: 'excel', binaryPropertyName: 'sheet' }),
		);
		expect(items).toHaveLength(1);
		expect(items[0].binary?.sheet).toMatchObject({ fileName: 'batch_export.xlsx' });
		expect(Buffer.from(items[0].binary!.sheet.data, 'base64').subarray(0, 2).toString()).toBe('PK');
		expect(apiRequests(fake())[0].body).toEqual({ session_ids: sessionIds, format: 'excel' });
	});

	it('CSV: one binary item with the rows as text', async () => {
		const sessionIds = await seedBatchSessions(fake(), 2);
		const { items } = await runRaydocs(fake(), batchParameters(fake(), 'export', { sessionIds, format: 'csv', binaryPropertyName: 'data' }));
		expect(items).toHaveLength(1);
		expect(items[0].binary?.data).toMatchObject({ fileName: 'batch_export.csv', mimeType: 'text/csv' });
		const text = Buffer.from(items[0].binary!.data.data, 'base64').toString('utf8');
		for (const id of sessionIds) expect(text).toContain(id);
	});

	it('JSON already parsed (a body that is not a buffer) gives the same items', async () => {
		const context = { getNodeParameter: () => 'json' } as unknown as IExecuteSingleFunctions;
		const response = { body: { data: [{ session_id: 'a' }, { session_id: 'b' }] }, headers: {}, statusCode: 200 } as IN8nHttpFullResponse;
		const items = await batchExportOutput.call(context, [], response);
		expect(items).toEqual([{ json: { session_id: 'a' } }, { json: { session_id: 'b' } }]);
	});
});
