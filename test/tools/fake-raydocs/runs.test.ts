import { createHash } from 'node:crypto';

import type { FakeRaydocs } from '../../../tools/fake-raydocs/server';
import { onManualClock, useFake } from './setup';
import { ManualClock, api, readWorkbook, uploadFile } from './test-helpers';
import type { WireChunk, WireDocument, WireRun, WireSession } from './test-helpers';

const clock = new ManualClock();
let fake: FakeRaydocs;

useFake(onManualClock(clock), (started) => (fake = started));

/** A session holding one uploaded (not yet parsed) file. */
async function sessionWithUpload(
	content: string | Buffer,
	filename = 'invoice.pdf',
	templateId = fake.state.seed!.templateId,
): Promise<{ session: string; doc: WireDocument }> {
	const session = await api<WireSession>(fake, 'POST', '/extractions/sessions', {
		body: { extraction_template_id: templateId },
	});
	const key = await uploadFile(fake, content, { filename });
	const docs = await api<{ data: WireDocument[] }>(
		fake,
		'POST',
		`/extractions/sessions/${session.body.id}/documents/upload`,
		{ body: { keys: [key] } },
	);
	return { session: session.body.id, doc: docs.body.data[0] };
}

async function getRun(id: string): Promise<WireRun> {
	return (await api<WireRun>(fake, 'GET', `/extractions/results/${id}`)).body;
}

async function status(path: string): Promise<string> {
	return (await api<{ status: string }>(fake, 'GET', path)).body.status;
}

function iso(ms: number): string {
	return new Date(ms).toISOString().replace('Z', '000Z');
}

describe('run progression', () => {
	it('waits for parsing (parsing_pending), queues (created), processes, then completes with data', async () => {
		const { session, doc } = await sessionWithUpload('%PDF-1.4 invoice A');
		expect(doc.status).toBe('uploaded');
		const t0 = clock.time;
		const created = await api<WireRun>(fake, 'POST', `/extractions/sessions/${session}/results`);
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			status: 'parsing_pending',
			extraction_session_id: session,
			title: null,
			data: null,
			completed_at: null,
			created_at: iso(t0),
		});
		expect(created.body.config_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(created.body.document_refs).toEqual([
			{
				kind: 'documentRef',
				documentId: doc.id,
				workspaceId: 1,
				sha256: doc.sha256,
				filename: 'invoice.pdf',
			},
		]);
		const runId = created.body.id;
		const docPath = `/extractions/documents/${doc.id}`;
		const sessionPath = `/extractions/sessions/${session}`;

		expect([
			await status(docPath),
			(await getRun(runId)).status,
			await status(sessionPath),
		]).toEqual(['queued', 'parsing_pending', 'pending']);
		clock.time = t0 + 25;
		expect([await status(docPath), (await getRun(runId)).status]).toEqual([
			'parsing',
			'parsing_pending',
		]);
		clock.time = t0 + 100;
		expect([
			await status(docPath),
			(await getRun(runId)).status,
			await status(sessionPath),
		]).toEqual(['parsed', 'created', 'pending']);
		clock.time = t0 + 140;
		expect([(await getRun(runId)).status, await status(sessionPath)]).toEqual([
			'processing',
			'processing',
		]);
		clock.time = t0 + 150;
		expect(await status(docPath)).toBe('processed');
		clock.time = t0 + 199;
		expect((await getRun(runId)).data).toBeNull();
		clock.time = t0 + 5000;
		const done = await getRun(runId);
		expect(done.status).toBe('completed');
		expect(done.completed_at).toBe(iso(t0 + 200));
		expect(await status(sessionPath)).toBe('completed');

		const sha = createHash('sha256').update('%PDF-1.4 invoice A').digest('hex');
		const invoiceNumber = `INV-${sha.slice(0, 6).toUpperCase()}`;
		expect(done.title).toBe(`Invoice #${invoiceNumber}`);
		expect(done.data).toEqual({
			invoice_details: {
				invoice_number: invoiceNumber,
				invoice_date: expect.stringMatching(/^2024-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/),
				total_amount: expect.any(Number),
				currency: expect.stringMatching(/^(EUR|USD|GBP|CHF)$/),
			},
			vendor: {
				name: expect.stringMatching(/^Vendor [0-9A-F]{4}$/),
				address: expect.stringMatching(/Market Street/),
			},
		});
		expect(done.error).toBeNull();
		const chunks = await api<{ data: WireChunk[] }>(
			fake,
			'GET',
			`/extractions/documents/${doc.id}/chunks`,
		);
		const chunkIds = chunks.body.data.map((chunk) => chunk.id);
		const audit = done.audit_data!;
		expect(Object.keys(audit)).toEqual(['invoice_details', 'vendor']);
		expect(Object.keys(audit.invoice_details)).toEqual([
			'invoice_number',
			'invoice_date',
			'total_amount',
			'currency',
		]);
		const numberAudit = audit.invoice_details.invoice_number;
		expect(numberAudit.reasoning).toMatch(/invoice\.pdf/);
		expect(numberAudit.sources).toHaveLength(1);
		expect(chunkIds).toContain(numberAudit.sources[0].chunk_id);
		expect(numberAudit.sources[0].text).toBe(`Invoice Number: ${invoiceNumber}`);
	});

	it('starts at created when the documents are already parsed, and is deterministic per file', async () => {
		const doc = fake.seedWorkspaceDocument(1, { content: '%PDF-1.4 same content' });
		const runs: WireRun[] = [];
		for (let i = 0; i < 2; i++) {
			const session = await api<WireSession>(fake, 'POST', '/extractions/sessions', {
				body: { extraction_template_id: fake.state.seed!.templateId },
			});
			await api(fake, 'POST', `/extractions/sessions/${session.body.id}/documents/attach`, {
				body: { document_ids: [doc.id] },
			});
			const t0 = clock.time;
			const created = await api<WireRun>(
				fake,
				'POST',
				`/extractions/sessions/${session.body.id}/results`,
			);
			expect(created.body.status).toBe('created');
			clock.time = t0 + 40;
			expect((await getRun(created.body.id)).status).toBe('processing');
			clock.time = t0 + 100;
			runs.push(await getRun(created.body.id));
		}
		expect(runs[0].status).toBe('completed');
		expect(runs[1].data).toEqual(runs[0].data);
		expect(runs[1].audit_data).toEqual(runs[0].audit_data);
	});

	it('fails the run when parsing fails (%FAIL prefix or empty file), with an error', async () => {
		for (const content of ['%FAIL this is broken', '']) {
			const { session, doc } = await sessionWithUpload(content, 'broken.pdf');
			const t0 = clock.time;
			const created = await api<WireRun>(fake, 'POST', `/extractions/sessions/${session}/results`);
			expect(created.body.status).toBe('parsing_pending');
			clock.time = t0 + 100;
			const failed = await getRun(created.body.id);
			expect(failed).toMatchObject({
				status: 'failed',
				error: 'Document parsing failed: broken.pdf',
				data: null,
				completed_at: iso(t0 + 100),
			});
			expect(await status(`/extractions/documents/${doc.id}`)).toBe('failed');
			expect(await status(`/extractions/sessions/${session}`)).toBe('failed');
			expect(
				(await api<{ data: WireChunk[] }>(fake, 'GET', `/extractions/documents/${doc.id}/chunks`))
					.body.data,
			).toEqual([]);
			// A later run on the same failed document fails at once.
			const retry = await api<WireRun>(fake, 'POST', `/extractions/sessions/${session}/results`);
			expect(retry.body).toMatchObject({
				status: 'failed',
				error: 'Document parsing failed: broken.pdf',
			});
		}
	});

	it('fails after processing when the bytes contain %EXTRACTION_FAIL', async () => {
		const { session, doc } = await sessionWithUpload('%PDF-1.4 %EXTRACTION_FAIL', 'odd.pdf');
		const t0 = clock.time;
		const created = await api<WireRun>(fake, 'POST', `/extractions/sessions/${session}/results`);
		clock.time = t0 + 199;
		expect((await getRun(created.body.id)).status).toBe('processing');
		clock.time = t0 + 200;
		const failed = await getRun(created.body.id);
		expect(failed.status).toBe('failed');
		expect(failed.error).toBe('Extraction failed: no extractable content in odd.pdf');
		expect(await status(`/extractions/documents/${doc.id}`)).toBe('processed');
	});

	it('answers 422 when the session has no documents', async () => {
		const session = await api<WireSession>(fake, 'POST', '/extractions/sessions', {
			body: { extraction_template_id: fake.state.seed!.templateId },
		});
		const response = await api(fake, 'POST', `/extractions/sessions/${session.body.id}/results`);
		expect(response.status).toBe(422);
		expect(response.body).toEqual({
			message: 'The session has no documents.',
			errors: { documents: ['The session has no documents.'] },
		});
		expect(fake.state.runs).toHaveLength(0);
	});

	it('uses the timing in force when the run started', async () => {
		const { session } = await sessionWithUpload('%PDF timing');
		const t0 = clock.time;
		const first = await api<WireRun>(fake, 'POST', `/extractions/sessions/${session}/results`);
		fake.setTiming({ parseMs: 1000, runQueuedMs: 1000, runProcessingMs: 1000 });
		clock.time = t0 + 200;
		expect((await getRun(first.body.id)).status).toBe('completed');
		const { session: later } = await sessionWithUpload('%PDF timing 2');
		const second = await api<WireRun>(fake, 'POST', `/extractions/sessions/${later}/results`);
		clock.time += 2999;
		expect((await getRun(second.body.id)).status).toBe('processing');
		clock.time += 1;
		expect((await getRun(second.body.id)).status).toBe('completed');
	});
	it('adds seeded jitter to processing: durations spread over the range and repeat after a reset', async () => {
		const durations = async () => {
			fake.reset();
			fake.setTiming({ runProcessingJitterMs: 1000 });
			const spans: number[] = [];
			for (let index = 0; index < 6; index++) {
				const { session } = await sessionWithUpload(`%PDF jitter ${index}`);
				await api<WireRun>(fake, 'POST', `/extractions/sessions/${session}/results`);
			}
			for (const run of fake.state.runs.values()) spans.push(run.timeline.terminalAt - run.createdAt);
			return spans;
		};
		const first = await durations();
		// parse 100 + queued 40 + processing 60, then 0-1000 ms more
		expect(first.every((span) => span >= 200 && span < 1200)).toBe(true);
		expect(new Set(first).size).toBeGreaterThan(3);
		expect(Math.max(...first) - Math.min(...first)).toBeGreaterThan(300);
		expect(await durations()).toEqual(first);
	});
});

describe('run variants', () => {
	it('gen A: pending instead of created/parsing_pending, reasoning instead of audit_data, job_id', async () => {
		fake.setVariant('legacyRunStatuses', true);
		const { session } = await sessionWithUpload('%PDF legacy');
		const t0 = clock.time;
		const created = await api<WireRun>(fake, 'POST', `/extractions/sessions/${session}/results`);
		expect(created.body).toMatchObject({
			status: 'pending',
			job_id: created.body.id,
			message: 'Extraction started',
		});
		clock.time = t0 + 100;
		expect((await getRun(created.body.id)).status).toBe('pending');
		clock.time = t0 + 200;
		const done = await getRun(created.body.id);
		expect(done.audit_data).toBeUndefined();
		expect(Object.keys(done.reasoning ?? {})).toEqual(['invoice_details', 'vendor']);
	});

	it('runInitialStatus forces created (gen B) or parsing_pending for the waiting phases', async () => {
		fake.setVariant('runInitialStatus', 'created');
		const { session } = await sessionWithUpload('%PDF variant');
		const created = await api<WireRun>(fake, 'POST', `/extractions/sessions/${session}/results`);
		expect(created.body.status).toBe('created');
		fake.setVariant('runInitialStatus', 'parsing_pending');
		const doc = fake.seedWorkspaceDocument(1);
		const other = await api<WireSession>(fake, 'POST', '/extractions/sessions', {
			body: { extraction_template_id: fake.state.seed!.templateId },
		});
		await api(fake, 'POST', `/extractions/sessions/${other.body.id}/documents/attach`, {
			body: { document_ids: [doc.id] },
		});
		const pending = await api<WireRun>(
			fake,
			'POST',
			`/extractions/sessions/${other.body.id}/results`,
		);
		expect(pending.body.status).toBe('parsing_pending');
		expect(fake.state.runs.get(pending.body.id)?.status).toBe('created');
	});

	it('lists a session’s runs newest first, as {data} or a bare array, and deletes one', async () => {
		const { session } = await sessionWithUpload('%PDF list');
		const first = await api<WireRun>(fake, 'POST', `/extractions/sessions/${session}/results`);
		clock.advance(1);
		const second = await api<WireRun>(fake, 'POST', `/extractions/sessions/${session}/results`);
		const listed = await api<{ data: WireRun[] }>(
			fake,
			'GET',
			`/extractions/sessions/${session}/results`,
		);
		expect(listed.body.data.map((run) => run.id)).toEqual([second.body.id, first.body.id]);
		expect(Object.keys(listed.body.data[0]).sort()).toEqual(
			[
				'completed_at',
				'config_hash',
				'created_at',
				'extraction_session_id',
				'id',
				'status',
				'title',
				'updated_at',
			].sort(),
		);
		fake.setVariant('sessionResultsList', 'array');
		const bare = await api<WireRun[]>(fake, 'GET', `/extractions/sessions/${session}/results`);
		expect(bare.body).toHaveLength(2);
		const embedded = await api<WireSession>(fake, 'GET', `/extractions/sessions/${session}`);
		expect(embedded.body.results?.map((run) => run.id)).toEqual([second.body.id, first.body.id]);
		expect(embedded.body.documents).toHaveLength(1);
		expect((await api(fake, 'DELETE', `/extractions/results/${second.body.id}`)).status).toBe(204);
		expect((await api(fake, 'GET', `/extractions/results/${second.body.id}`)).status).toBe(404);
		expect(
			(await api<WireRun[]>(fake, 'GET', `/extractions/sessions/${session}/results`)).body.map(
				(run) => run.id,
			),
		).toEqual([first.body.id]);
	});
});

describe('extraction output', () => {
	it('derives values for every field type, list groups and enums from the schema', async () => {
		const template = fake.seedTemplate(1, {
			name: 'Mixed',
			schemaJson: {
				definitions: { money: { type: 'number' } },
				groups: {
					order: {
						fields: {
							order_number: { type: 'string' },
							paid: { type: 'boolean' },
							quantity: { type: 'integer' },
							tags: { type: 'array' },
							total: { $ref: '#/definitions/money' },
							channel: { type: 'string', options: ['web', 'phone'] },
							shipping: { type: 'object', fields: { city: { type: 'string' } } },
						},
					},
					line_items: {
						config: { iterates_on: 'items.list' },
						fields: { description: { type: 'string' }, amount: { type: 'number' } },
					},
				},
			},
		});
		const { session } = await sessionWithUpload('%PDF mixed', 'order.pdf', template.id);
		const created = await api<WireRun>(fake, 'POST', `/extractions/sessions/${session}/results`);
		clock.advance(1000);
		const done = await getRun(created.body.id);
		const order = done.data!.order;
		expect(typeof order.paid).toBe('boolean');
		expect(Number.isInteger(order.quantity)).toBe(true);
		expect(order.tags).toEqual([expect.any(String), expect.any(String)]);
		expect(typeof order.total).toBe('number');
		expect(['web', 'phone']).toContain(order.channel);
		expect(order.shipping).toEqual({ city: expect.any(String) });
		expect(order.order_number).toMatch(/^ORD-[0-9A-F]{6}$/);
		expect(done.title).toBe(`Order #${String(order.order_number)}`);
		const items = done.data!.line_items as unknown as Array<Record<string, unknown>>;
		expect(items).toHaveLength(2);
		expect(items[0]).toEqual({ description: expect.any(String), amount: expect.any(Number) });
	});

	it('exports a completed run as a real .xlsx with Data, Audit and Metadata sheets', async () => {
		const { session } = await sessionWithUpload('%PDF excel', 'excel.pdf');
		const created = await api<WireRun>(fake, 'POST', `/extractions/sessions/${session}/results`);
		const early = await api(fake, 'GET', `/extractions/results/${created.body.id}/export/excel`);
		expect(early.status).toBe(422);
		expect(early.body.message).toBe(
			'The extraction result is not completed (status: parsing_pending).',
		);
		clock.advance(1000);
		const run = await getRun(created.body.id);
		const response = await api(fake, 'GET', `/extractions/results/${created.body.id}/export/excel`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		);
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="extraction_result.xlsx"',
		);
		const sheets = readWorkbook(response.bytes);
		expect([...sheets.keys()]).toEqual(['Data', 'Audit', 'Metadata']);
		const data = sheets.get('Data')!;
		expect(data[0]).toEqual(['Group', 'Field', 'Value']);
		expect(data).toContainEqual([
			'invoice_details',
			'invoice_number',
			String(run.data!.invoice_details.invoice_number),
		]);
		expect(data).toContainEqual([
			'invoice_details',
			'total_amount',
			String(run.data!.invoice_details.total_amount),
		]);
		expect(sheets.get('Audit')![0]).toEqual(['Group', 'Field', 'Reasoning', 'Sources']);
		expect(sheets.get('Audit')).toHaveLength(7);
		expect(sheets.get('Metadata')).toContainEqual(['Result ID', run.id]);
		expect(sheets.get('Metadata')).toContainEqual(['Document 1', 'excel.pdf']);
	});
});
