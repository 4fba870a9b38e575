import { startFakeRaydocs } from '../../../tools/fake-raydocs/server';
import type { FakeRaydocs } from '../../../tools/fake-raydocs/server';
import { ManualClock, api, readWorkbook, uploadFile } from './test-helpers';
import { onManualClock } from './setup';
import type { WireRun, WireSession } from './test-helpers';

interface BatchSession {
	id: string;
	name: string;
	created_at: string;
}

interface ExportRow {
	session_id: string;
	session_name: string;
	status: string;
	result_id: string | null;
	data: Record<string, Record<string, unknown>> | null;
}

const clock = new ManualClock();
let fake: FakeRaydocs;
let templateId: string;

beforeAll(async () => {
	fake = await startFakeRaydocs(onManualClock(clock));
});
beforeEach(() => {
	fake.reset();
	templateId = fake.state.seed!.templateId;
});
afterAll(async () => {
	await fake.close();
});

async function uploads(...names: string[]): Promise<string[]> {
	const keys: string[] = [];
	for (const name of names)
		keys.push(await uploadFile(fake, `%PDF-1.4 ${name}`, { filename: name }));
	return keys;
}

async function results(sessionId: string): Promise<WireRun[]> {
	return (await api<{ data: WireRun[] }>(fake, 'GET', `/extractions/sessions/${sessionId}/results`))
		.body.data;
}

async function session(sessionId: string): Promise<WireSession> {
	return (await api<WireSession>(fake, 'GET', `/extractions/sessions/${sessionId}`)).body;
}

describe('batch create', () => {
	it('creates one "Pending..." session per key in order, renames it, parses, and auto-extracts', async () => {
		const keys = await uploads('a.pdf', 'b.pdf', 'c.pdf');
		const t0 = clock.time;
		const response = await api<BatchSession[]>(
			fake,
			'POST',
			`/extractions/templates/${templateId}/sessions/batch`,
			{
				body: { files: keys, settings: { auto_extract: true } },
			},
		);
		expect(response.status).toBe(201);
		expect(response.body.map((s) => s.name)).toEqual(['Pending...', 'Pending...', 'Pending...']);
		expect(Object.keys(response.body[0]).sort()).toEqual(['created_at', 'id', 'name']);
		const ids = response.body.map((s) => s.id);

		clock.time = t0 + 19;
		const before = await session(ids[0]);
		expect(before.name).toBe('Pending...');
		expect(before.documents?.[0].status).toBe('uploaded');
		expect(before.settings).toEqual({ auto_extract: true });

		clock.time = t0 + 20;
		expect(await Promise.all(ids.map(async (id) => (await session(id)).name))).toEqual([
			'a.pdf',
			'b.pdf',
			'c.pdf',
		]);
		expect((await session(ids[1])).documents?.[0].status).toBe('queued');

		clock.time = t0 + 119;
		expect(await results(ids[0])).toEqual([]);
		clock.time = t0 + 120;
		const [run] = await results(ids[0]);
		expect(run).toMatchObject({
			status: 'created',
			created_at: new Date(t0 + 120).toISOString().replace('Z', '000Z'),
		});
		clock.time = t0 + 220;
		for (const id of ids) {
			const [done] = await results(id);
			expect(done.status).toBe('completed');
			expect((await session(id)).status).toBe('completed');
		}
		expect(fake.state.runs).toHaveLength(3);
	});

	it('parses without extracting when auto_extract is off; execute queues runs for sessions with documents', async () => {
		const keys = await uploads('x.pdf', 'y.pdf');
		const batch = await api<BatchSession[]>(
			fake,
			'POST',
			`/extractions/templates/${templateId}/sessions/batch`,
			{ body: { files: keys } },
		);
		clock.advance(1000);
		expect(fake.state.runs).toHaveLength(0);
		expect((await session(batch.body[0].id)).documents?.[0].status).toBe('processed');
		const empty = await api<WireSession>(fake, 'POST', '/extractions/sessions', {
			body: { extraction_template_id: templateId },
		});
		const executed = await api<{ message: string; queued_count: number }>(
			fake,
			'POST',
			`/extractions/templates/${templateId}/sessions/batch/execute`,
			{
				body: { session_ids: [...batch.body.map((s) => s.id), empty.body.id] },
			},
		);
		expect(executed.status).toBe(200);
		expect(executed.body).toEqual({ message: 'Extractions queued', queued_count: 2 });
		expect((await results(batch.body[0].id))[0].status).toBe('created');
		expect(await results(empty.body.id)).toEqual([]);
	});

	it('validates files: required, at most 50, and 404s an unknown template', async () => {
		const [key] = await uploads('one.pdf');
		const tooMany = await api(fake, 'POST', `/extractions/templates/${templateId}/sessions/batch`, {
			body: { files: Array(51).fill(key) },
		});
		expect(tooMany.status).toBe(422);
		expect(tooMany.body.errors).toEqual({
			files: ['The files field must not have more than 50 items.'],
		});
		const fifty = await api<BatchSession[]>(
			fake,
			'POST',
			`/extractions/templates/${templateId}/sessions/batch`,
			{ body: { files: Array(50).fill(key) } },
		);
		expect(fifty.status).toBe(201);
		expect(fifty.body).toHaveLength(50);
		expect(fake.state.documents).toHaveLength(1);
		expect(
			(await api(fake, 'POST', `/extractions/templates/${templateId}/sessions/batch`, { body: {} }))
				.status,
		).toBe(422);
		const badSetting = await api(
			fake,
			'POST',
			`/extractions/templates/${templateId}/sessions/batch`,
			{ body: { files: [key], settings: { auto_extract: 'maybe' } } },
		);
		expect(badSetting.status).toBe(422);
		expect(
			(
				await api(
					fake,
					'POST',
					'/extractions/templates/00000000-0000-4000-8000-000000000000/sessions/batch',
					{ body: { files: [key] } },
				)
			).status,
		).toBe(404);
	});
});

describe('batch execute, delete and export', () => {
	async function completedBatch(): Promise<string[]> {
		const keys = await uploads('first.pdf', 'second.pdf');
		const batch = await api<BatchSession[]>(
			fake,
			'POST',
			`/extractions/templates/${templateId}/sessions/batch`,
			{
				body: { files: keys, settings: { auto_extract: true } },
			},
		);
		clock.advance(1000);
		return batch.body.map((s) => s.id);
	}

	it('rejects session ids of another template', async () => {
		const other = fake.seedTemplate(1, { name: 'Other' });
		const foreign = await api<WireSession>(fake, 'POST', '/extractions/sessions', {
			body: { extraction_template_id: other.id },
		});
		for (const action of ['execute', 'delete', 'export']) {
			const response = await api(
				fake,
				'POST',
				`/extractions/templates/${templateId}/sessions/batch/${action}`,
				{ body: { session_ids: [foreign.body.id] } },
			);
			expect(response.status).toBe(422);
			expect(response.body.errors?.session_ids).toEqual([
				`The session ${foreign.body.id} does not exist or does not belong to this template.`,
			]);
		}
		expect(fake.state.sessions.has(foreign.body.id)).toBe(true);
	});

	it('deletes sessions and their runs', async () => {
		const ids = await completedBatch();
		const response = await api(
			fake,
			'POST',
			`/extractions/templates/${templateId}/sessions/batch/delete`,
			{ body: { session_ids: ids } },
		);
		expect(response.status).toBe(204);
		expect(fake.state.sessions).toHaveLength(0);
		expect(fake.state.runs).toHaveLength(0);
		expect(fake.state.documents).toHaveLength(2);
	});

	it('exports JSON (default), CSV and Excel, with the format in the body or the path', async () => {
		const ids = await completedBatch();
		const json = await api<ExportRow[]>(
			fake,
			'POST',
			`/extractions/templates/${templateId}/sessions/batch/export`,
			{ body: { session_ids: ids } },
		);
		expect(json.status).toBe(200);
		expect(json.body.map((row) => row.session_name)).toEqual(['first.pdf', 'second.pdf']);
		expect(json.body[0]).toMatchObject({
			session_id: ids[0],
			status: 'completed',
			result_id: expect.any(String),
		});
		expect(json.body[0].data?.invoice_details.invoice_number).toMatch(/^INV-[0-9A-F]{6}$/);

		const csvBody = await api(
			fake,
			'POST',
			`/extractions/templates/${templateId}/sessions/batch/export`,
			{ body: { session_ids: ids, format: 'csv' } },
		);
		const csvPath = await api(
			fake,
			'POST',
			`/extractions/templates/${templateId}/sessions/batch/export/csv`,
			{ body: { session_ids: ids } },
		);
		for (const csv of [csvBody, csvPath]) {
			expect(csv.headers.get('content-type')).toBe('text/csv; charset=UTF-8');
			expect(csv.headers.get('content-disposition')).toBe(
				'attachment; filename="batch_export.csv"',
			);
			const lines = csv.text.trimEnd().split('\r\n');
			expect(lines[0]).toBe(
				'session_id,session_name,status,invoice_details.invoice_number,invoice_details.invoice_date,invoice_details.total_amount,invoice_details.currency,vendor.name,vendor.address',
			);
			expect(lines[1]).toContain(
				`${ids[0]},first.pdf,completed,${String(json.body[0].data?.invoice_details.invoice_number)},`,
			);
			expect(lines).toHaveLength(3);
		}

		for (const excel of [
			await api(fake, 'POST', `/extractions/templates/${templateId}/sessions/batch/export`, {
				body: { session_ids: ids, format: 'excel' },
			}),
			await api(fake, 'POST', `/extractions/templates/${templateId}/sessions/batch/export/excel`, {
				body: { session_ids: ids },
			}),
		]) {
			expect(excel.headers.get('content-type')).toBe(
				'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			);
			expect(excel.headers.get('content-disposition')).toBe(
				'attachment; filename="batch_export.xlsx"',
			);
			const sheets = readWorkbook(excel.bytes);
			expect([...sheets.keys()]).toEqual(['Data', 'Audit', 'Metadata']);
			expect(sheets.get('Data')?.[1].slice(0, 3)).toEqual([ids[0], 'first.pdf', 'completed']);
			expect(sheets.get('Audit')).toHaveLength(1 + 2 * 6);
			expect(sheets.get('Metadata')).toContainEqual(['Sessions', '2']);
		}

		const badBody = await api(
			fake,
			'POST',
			`/extractions/templates/${templateId}/sessions/batch/export`,
			{ body: { session_ids: ids, format: 'pdf' } },
		);
		expect(badBody.body.errors).toEqual({ format: ['The selected format is invalid.'] });
		const badPath = await api(
			fake,
			'POST',
			`/extractions/templates/${templateId}/sessions/batch/export/pdf`,
			{ body: { session_ids: ids } },
		);
		expect(badPath.status).toBe(422);
	});

	it('exports null data for sessions without a completed run', async () => {
		const empty = await api<WireSession>(fake, 'POST', '/extractions/sessions', {
			body: { extraction_template_id: templateId, name: 'Empty' },
		});
		const json = await api<ExportRow[]>(
			fake,
			'POST',
			`/extractions/templates/${templateId}/sessions/batch/export`,
			{ body: { session_ids: [empty.body.id] } },
		);
		expect(json.body).toEqual([
			{
				session_id: empty.body.id,
				session_name: 'Empty',
				status: 'pending',
				result_id: null,
				data: null,
			},
		]);
	});
});
