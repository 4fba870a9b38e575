import type { IN8nHttpFullResponse } from 'n8n-workflow';

import { binaryFileOutput } from '../../../../nodes/Raydocs/shared/binaryResponse';
import { fileContext } from '../../../helpers/fileContext';

/** binaryFileOutput: the postReceive of file downloads answered by Raydocs itself (exports). */
describe('binaryFileOutput', () => {
	const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

	it('keeps the name and type the server gives, in the chosen binary field', async () => {
		const { context, prepared } = fileContext({ parameters: { binaryPropertyName: 'export' } });
		const body = Buffer.from('PK export bytes');
		const response: IN8nHttpFullResponse = {
			statusCode: 200,
			headers: { 'content-disposition': 'attachment; filename="run-42.xlsx"', 'content-type': `${xlsx}; charset=binary` },
			body,
		};
		const items = await binaryFileOutput('results.xlsx').call(context, [{ json: {} }], response);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ fileName: 'run-42.xlsx', mimeType: xlsx, bytes: body.length });
		expect(Object.keys(items[0].binary!)).toEqual(['export']);
		expect(items[0].binary!.export).toMatchObject({ fileName: 'run-42.xlsx', mimeType: xlsx });
		expect(prepared).toEqual([{ content: body, fileName: 'run-42.xlsx', mimeType: xlsx }]);
	});

	it('falls back to the default name and a generic type, and reads an ArrayBuffer body', async () => {
		const { context, prepared } = fileContext();
		const bytes = new Uint8Array([1, 2, 3, 4]);
		const response: IN8nHttpFullResponse = { statusCode: 200, headers: {}, body: bytes.buffer };
		const items = await binaryFileOutput('results.xlsx').call(context, [], response);
		expect(items[0].json).toEqual({ fileName: 'results.xlsx', mimeType: 'application/octet-stream', bytes: 4 });
		expect(Object.keys(items[0].binary!)).toEqual(['data']);
		expect(prepared[0].content).toEqual(Buffer.from(bytes));
	});
});
