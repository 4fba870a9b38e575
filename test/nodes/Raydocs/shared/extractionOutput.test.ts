import type { INodeParameters } from 'n8n-workflow';

import { extractDocumentParameters, fileItem, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

/** Values Only (shared/extractionOutput.ts): the compact result an AI agent gets. */
describe('Raydocs → extraction results with Values Only', () => {
	const fake = useFakeRaydocs();
	const wait = { pollInterval: 0.1, timeout: 20 };
	const extract = (extra: INodeParameters) => extractDocumentParameters(fake(), { fieldLayout: 'nested', ...extra });

	it('outputs only the status and the extracted values, in either layout', async () => {
		const nested = await runRaydocs(fake(), extract({ valuesOnly: true }), { input: [fileItem('%PDF compact')] });
		expect(nested.error).toBeUndefined();
		expect(Object.keys(nested.items[0].json).sort()).toEqual(['invoice_details', 'status', 'vendor']);
		expect(nested.items[0].json.invoice_details).toMatchObject({ invoice_number: expect.stringMatching(/^INV-/) });

		const flat = await runRaydocs(fake(), extract({ valuesOnly: true, fieldLayout: 'flat' }), { input: [fileItem('%PDF compact')] });
		expect(flat.items[0].json.status).toBe('completed');
		expect(Object.keys(flat.items[0].json).filter((key) => key !== 'status').every((key) => /^(invoice_details|vendor)\./.test(key))).toBe(true);
	});

	it('keeps the reason of a failure', async () => {
		const { items } = await runRaydocs(
			fake(),
			extract({ valuesOnly: true, options: { ...wait, onFailure: 'output' } }),
			{ input: [fileItem('%PDF %EXTRACTION_FAIL', 'broken.pdf')] },
		);
		expect(items[0].json).toEqual({ status: 'failed', error: expect.any(String) });
	});

	it('applies to Extraction → Get too, and is off by default', async () => {
		const started = await runRaydocs(fake(), extract({}), { input: [fileItem('%PDF get me')] });
		const resultId = String(started.items[0].json.result_id);
		expect(started.items[0].json).toMatchObject({ result_id: expect.any(String), session_id: expect.any(String), documents: ['invoice.pdf'] });
		const { items } = await runRaydocs(fake(), { resource: 'extraction', operation: 'get', resultId, simplify: true, fieldLayout: 'nested', valuesOnly: true });
		expect(Object.keys(items[0].json).sort()).toEqual(['invoice_details', 'status', 'vendor']);
	});
});
