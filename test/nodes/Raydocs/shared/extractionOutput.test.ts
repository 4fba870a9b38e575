import type { IExecuteSingleFunctions, INodeParameters } from 'n8n-workflow';

import {
	TERMINAL_RUN_STATUSES,
	failureReason,
	flattenExtractedData,
	outputShapeOf,
	shapeExtractionRun,
	shapeExtractionRunResponse,
} from '../../../../nodes/Raydocs/shared/extractionOutput';
import type { ExtractionRun, OutputShape } from '../../../../nodes/Raydocs/shared/extractionOutput';
import { extractDocumentParameters, fileItem, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

const invoiceDetails = { invoice_number: 'INV-1', total: { amount: 12.5, currency: 'EUR' } };

/** A completed run as Raydocs returns it, audit trail included. */
const completedRun: ExtractionRun = {
	id: 'r-1',
	extraction_session_id: 's-1',
	status: 'completed',
	title: 'Invoice ACME',
	completed_at: '2026-01-02T03:04:05Z',
	document_refs: [{ filename: 'invoice.pdf' }, { id: 'no-name' }, 'bare', { filename: 42 }, { filename: 'page2.pdf' }],
	data: { invoice_details: invoiceDetails, vendor: 'ACME', lines: [{ qty: 1 }] },
	audit: { reasoning: 'because' },
};

const shape = (overrides: Partial<OutputShape> = {}): OutputShape => ({ simplify: true, layout: 'flat', ...overrides });

describe('extractionOutput: the shape of an extraction result', () => {
	it('flattens groups into group.field columns at any depth, keeping arrays, empty groups and scalars as values', () => {
		expect(
			flattenExtractedData({ a: { b: { c: 1 }, d: [1, { e: 2 }] }, empty: {}, none: null, text: 'x' }),
		).toEqual({ 'a.b.c': 1, 'a.d': [1, { e: 2 }], empty: {}, none: null, text: 'x' });
		expect(flattenExtractedData({ b: 2 }, 'group')).toEqual({ 'group.b': 2 });
	});

	it('simplified and flat: ids, status, title, completion date, file names and one column per field', () => {
		expect(shapeExtractionRun(completedRun, shape())).toEqual({
			result_id: 'r-1',
			session_id: 's-1',
			status: 'completed',
			title: 'Invoice ACME',
			completed_at: '2026-01-02T03:04:05Z',
			documents: ['invoice.pdf', 'page2.pdf'],
			'invoice_details.invoice_number': 'INV-1',
			'invoice_details.total.amount': 12.5,
			'invoice_details.total.currency': 'EUR',
			vendor: 'ACME',
			lines: [{ qty: 1 }],
		});
	});

	it("names the files the node uploaded, where given, instead of the names Raydocs stored their content under", () => {
		const given = ['acme-invoice-2026-001.pdf'];
		expect(shapeExtractionRun(completedRun, shape(), given).documents).toEqual(given);
		expect(shapeExtractionRun(completedRun, shape({ layout: 'nested' }), given).documents).toEqual(given);
		// Values Only has no file names; raw stays as Raydocs answered
		expect(shapeExtractionRun(completedRun, shape({ valuesOnly: true }), given)).not.toHaveProperty('documents');
		expect(shapeExtractionRun(completedRun, shape({ simplify: false }), given)).toEqual({ result_id: 'r-1', session_id: 's-1', ...completedRun });
	});

	it('simplified and nested: the groups as Raydocs returned them', () => {
		const nested = shapeExtractionRun(completedRun, shape({ layout: 'nested' }));
		expect(nested.invoice_details).toEqual(invoiceDetails);
		expect(nested).toMatchObject({ result_id: 'r-1', vendor: 'ACME', lines: [{ qty: 1 }] });
		expect(nested).not.toHaveProperty('audit');
	});

	it('fills what a run in progress does not have yet with null or nothing', () => {
		const running = { id: 'r-2', status: 'processing', document_refs: 'not-a-list', data: ['not', 'groups'] } as ExtractionRun;
		expect(shapeExtractionRun(running, shape())).toEqual({
			result_id: 'r-2',
			session_id: null,
			status: 'processing',
			title: null,
			completed_at: null,
			documents: [],
		});
	});

	it('Values Only: the status and the values, and the reason of a failure', () => {
		expect(shapeExtractionRun(completedRun, shape({ valuesOnly: true, layout: 'nested' }))).toEqual({
			status: 'completed',
			invoice_details: invoiceDetails,
			vendor: 'ACME',
			lines: [{ qty: 1 }],
		});
		expect(shapeExtractionRun({ id: 'r-3', status: 'failed', error: 'Unreadable PDF' }, shape({ valuesOnly: true }))).toEqual({
			status: 'failed',
			error: 'Unreadable PDF',
		});
	});

	it('raw: the API object as is, with the simplified id keys in front', () => {
		expect(Object.keys(shapeExtractionRun(completedRun, shape({ simplify: false })))).toEqual([
			'result_id',
			'session_id',
			...Object.keys(completedRun),
		]);
		expect(shapeExtractionRun(completedRun, shape({ simplify: false, layout: 'nested' }))).toEqual({
			result_id: 'r-1',
			session_id: 's-1',
			...completedRun,
		});
		expect(shapeExtractionRun({ id: 'r-2', status: 'queued' }, shape({ simplify: false }))).toEqual({
			result_id: 'r-2',
			session_id: null,
			id: 'r-2',
			status: 'queued',
		});
		// the API's own keys win over the added ones
		expect(shapeExtractionRun({ ...completedRun, result_id: 'api' }, shape({ simplify: false })).result_id).toBe('api');
	});

	it("a failed run carries the first reason Raydocs gave, or says it gave none", () => {
		const failed = (extra: Record<string, unknown>) => ({ id: 'r', status: 'failed', ...extra }) as ExtractionRun;
		expect(failureReason(failed({ error: 'e', message: 'm', failure_reason: 'f', reason: 'r' }))).toBe('e');
		expect(failureReason(failed({ error: '', message: 'm', reason: 'r' }))).toBe('m');
		expect(failureReason(failed({ error: { code: 1 }, failure_reason: 'f', reason: 'r' }))).toBe('f');
		expect(failureReason(failed({ reason: 'r' }))).toBe('r');
		expect(failureReason(failed({}))).toBe('Raydocs reported the extraction as failed without a reason');
		expect(shapeExtractionRun(failed({ message: 'Template has no fields' }), shape())).toMatchObject({
			status: 'failed',
			error: 'Template has no fields',
		});
		expect(shapeExtractionRun(completedRun, shape())).not.toHaveProperty('error');
	});

	it('only completed and failed runs are finished', () => {
		expect([...TERMINAL_RUN_STATUSES].sort()).toEqual(['completed', 'failed']);
	});

	it('reads Simplify, Field Layout and Values Only with their defaults', () => {
		const defaults = (name: string, fallback: unknown) => fallback;
		expect(outputShapeOf(defaults)).toEqual({ simplify: true, layout: 'flat', valuesOnly: false });

		const set = (values: Record<string, unknown>) => (name: string) => values[name];
		expect(outputShapeOf(set({ simplify: false, fieldLayout: 'nested', valuesOnly: true }))).toEqual({
			simplify: false,
			layout: 'nested',
			valuesOnly: true,
		});
		// anything but an explicit false / "nested" / true keeps the default
		expect(outputShapeOf(set({ simplify: 'no', fieldLayout: 'tree', valuesOnly: 'yes' }))).toEqual({
			simplify: true,
			layout: 'flat',
			valuesOnly: false,
		});
	});

	it('Extraction → Get shapes each item from its own parameters', async () => {
		const parameters: Record<string, unknown> = { simplify: true, fieldLayout: 'nested', valuesOnly: true };
		const context = {
			getNodeParameter: (name: string, fallback: unknown) => parameters[name] ?? fallback,
		} as unknown as IExecuteSingleFunctions;
		const items = [{ json: completedRun, pairedItem: { item: 0 } }];
		expect(await shapeExtractionRunResponse.call(context, items)).toEqual([
			{ json: { status: 'completed', invoice_details: invoiceDetails, vendor: 'ACME', lines: [{ qty: 1 }] }, pairedItem: { item: 0 } },
		]);
		parameters.simplify = false;
		expect((await shapeExtractionRunResponse.call(context, items))[0].json).toEqual({ result_id: 'r-1', session_id: 's-1', ...completedRun });
	});
});

/** Values Only (shared/extractionOutput.ts): the compact result an AI agent gets. */
describe('Raydocs → extraction results with Values Only', () => {
	const fake = useFakeRaydocs();
	const wait = { checkInterval: 0.1, timeout: 20 };
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
