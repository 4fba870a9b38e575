import type { FakeRaydocs } from '../../../tools/fake-raydocs/server';
import { onManualClock, useFake } from './setup';
import { ManualClock, api, uploadFile } from './test-helpers';
import type { WireChunk, WireDocument, WirePage, WireParsing, WireSession } from './test-helpers';

const clock = new ManualClock();
let fake: FakeRaydocs;

useFake(onManualClock(clock), (started) => (fake = started));

async function newSession(): Promise<string> {
	const response = await api<WireSession>(fake, 'POST', '/extractions/sessions', {
		body: { extraction_template_id: fake.state.seed!.templateId },
	});
	return response.body.id;
}

describe('session documents', () => {
	it('attaches workspace documents, pages through them and detaches one (document kept)', async () => {
		const session = await newSession();
		const docs = Array.from({ length: 4 }, (_, i) =>
			fake.seedWorkspaceDocument(1, { filename: `doc-${i}.pdf` }),
		);
		const attached = await api<{ data: WireDocument[] }>(
			fake,
			'POST',
			`/extractions/sessions/${session}/documents/attach`,
			{
				body: { document_ids: docs.map((doc) => doc.id) },
			},
		);
		expect(attached.status).toBe(200);
		expect(attached.body.data.map((doc) => doc.filename)).toEqual([
			'doc-0.pdf',
			'doc-1.pdf',
			'doc-2.pdf',
			'doc-3.pdf',
		]);
		const page = await api<WirePage<WireDocument>>(
			fake,
			'GET',
			`/extractions/sessions/${session}/documents?per_page=3&page=2`,
		);
		expect(page.body.data.map((doc) => doc.filename)).toEqual(['doc-3.pdf']);
		expect(page.body.meta).toEqual({
			current_page: 2,
			last_page: 2,
			per_page: 3,
			total: 4,
			from: 4,
			to: 4,
		});

		expect(
			(await api(fake, 'DELETE', `/extractions/sessions/${session}/documents/${docs[1].id}`))
				.status,
		).toBe(204);
		expect(
			(await api(fake, 'DELETE', `/extractions/sessions/${session}/documents/${docs[1].id}`))
				.status,
		).toBe(404);
		expect(fake.state.sessions.get(session)?.documentIds).toEqual([
			docs[0].id,
			docs[2].id,
			docs[3].id,
		]);
		expect(fake.state.documents.has(docs[1].id)).toBe(true);
	});

	it('refuses to attach documents from another workspace', async () => {
		const session = await newSession();
		const foreign = fake.seedWorkspaceDocument(fake.seedWorkspace('Other').id);
		const response = await api(fake, 'POST', `/extractions/sessions/${session}/documents/attach`, {
			body: { document_ids: [foreign.id] },
		});
		expect(response.status).toBe(422);
		expect(response.body.errors?.document_ids).toEqual([
			`The document ${foreign.id} does not belong to the session's workspace.`,
		]);
		const malformed = await api(fake, 'POST', `/extractions/sessions/${session}/documents/attach`, {
			body: { document_ids: ['nope'] },
		});
		expect(malformed.body.errors?.document_ids).toEqual([
			'The document ids.0 field must be a valid UUID.',
		]);
	});

	it('accepts the legacy {key, filename} upload (201) and queues parsing', async () => {
		const session = await newSession();
		const key = await uploadFile(fake, '%PDF legacy bytes', {
			contentType: 'application/octet-stream',
		});
		const response = await api<{
			id: string;
			filename: string;
			status: string;
			extraction_session_id: string;
			mime_type: string;
		}>(fake, 'POST', `/extractions/sessions/${session}/documents`, {
			body: { key, filename: 'legacy-invoice.pdf' },
		});
		expect(response.status).toBe(201);
		expect(response.body).toMatchObject({
			filename: 'legacy-invoice.pdf',
			mime_type: 'application/pdf',
			status: 'queued',
			extraction_session_id: session,
		});
		clock.advance(150);
		expect(fake.state.documents.get(response.body.id)?.status).toBe('processed');
		const missing = await api(fake, 'POST', `/extractions/sessions/${session}/documents`, {
			body: { key },
		});
		expect(missing.body.errors).toEqual({ filename: ['The filename field is required.'] });
	});
});

describe('documents by id', () => {
	it('gets a document, lists chunks once parsed, and deletes it from sessions too', async () => {
		const session = await newSession();
		const doc = fake.seedWorkspaceDocument(1, {
			filename: 'three-pages.pdf',
			content: '%PDF-1.4 %PAGES=3 body',
			status: 'uploaded',
		});
		await api(fake, 'POST', `/extractions/sessions/${session}/documents/attach`, {
			body: { document_ids: [doc.id] },
		});
		const got = await api<WireDocument>(fake, 'GET', `/extractions/documents/${doc.id}`);
		expect(got.body).toMatchObject({
			id: doc.id,
			filename: 'three-pages.pdf',
			status: 'uploaded',
			meta: { page_count: null, file_size: 22 },
		});
		expect(
			(await api<{ data: WireChunk[] }>(fake, 'GET', `/extractions/documents/${doc.id}/chunks`))
				.body,
		).toEqual({ data: [] });

		await api(fake, 'POST', `/extractions/sessions/${session}/results`);
		clock.advance(100);
		const chunks = await api<{ data: WireChunk[] }>(
			fake,
			'GET',
			`/extractions/documents/${doc.id}/chunks`,
		);
		expect(chunks.body.data).toHaveLength(3);
		expect(chunks.body.data[0]).toMatchObject({
			document_id: doc.id,
			chunk_index: 0,
			page_number: 1,
		});
		expect(chunks.body.data[0].blocks[0]).toMatchObject({
			block_id: 'doc:page:1:block:0',
			type: 'heading',
			content: 'Invoice',
		});
		expect(chunks.body.data[0].content).toContain(
			`Invoice Number: INV-${doc.sha256.slice(0, 6).toUpperCase()}`,
		);
		const again = await api<{ data: WireChunk[] }>(
			fake,
			'GET',
			`/extractions/documents/${doc.id}/chunks`,
		);
		expect(again.body.data.map((c) => c.id)).toEqual(chunks.body.data.map((c) => c.id));
		expect(
			(await api<WireDocument>(fake, 'GET', `/extractions/documents/${doc.id}`)).body.meta
				.page_count,
		).toBe(3);
		fake.setVariant('chunksList', 'array');
		const bare = await api<WireChunk[]>(fake, 'GET', `/extractions/documents/${doc.id}/chunks`);
		expect(bare.body.map((c) => c.chunk_index)).toEqual([0, 1, 2]);

		expect((await api(fake, 'DELETE', `/extractions/documents/${doc.id}`)).status).toBe(204);
		expect(fake.state.sessions.get(session)?.documentIds).toEqual([]);
		expect((await api(fake, 'GET', `/extractions/documents/${doc.id}`)).status).toBe(404);
		expect((await api(fake, 'GET', '/extractions/documents/12345')).status).toBe(404);
	});

	it('renders the prose status vocabulary and string workspace ids when asked', async () => {
		const processed = fake.seedWorkspaceDocument(1, { status: 'processed' });
		const parsing = fake.seedWorkspaceDocument(1, { status: 'parsing' });
		const uploaded = fake.seedWorkspaceDocument(1, { status: 'uploaded' });
		fake.setVariant('documentStatusVocabulary', 'prose');
		fake.setVariant('workspaceIdInDocuments', 'string');
		const statuses = await Promise.all(
			[processed, parsing, uploaded].map(
				async (doc) =>
					(await api<WireDocument>(fake, 'GET', `/extractions/documents/${doc.id}`)).body,
			),
		);
		expect(statuses.map((doc) => doc.status)).toEqual(['ready', 'processing', 'pending']);
		expect(statuses[0].workspace_id).toBe('1');
		const filtered = await api<WirePage<WireDocument>>(
			fake,
			'GET',
			'/workspaces/1/documents?status=ready',
		);
		expect(filtered.body.data.map((doc) => doc.id)).toEqual([processed.id]);
	});
});

describe('workspace documents', () => {
	it('searches, filters, sorts and pages', async () => {
		const invoice = fake.seedWorkspaceDocument(1, {
			filename: 'invoice-march.pdf',
			content: 'a'.repeat(30),
		});
		clock.advance(1);
		const scan = fake.seedWorkspaceDocument(1, {
			filename: 'scan.png',
			content: 'b'.repeat(10),
			status: 'failed',
		});
		clock.advance(1);
		const other = fake.seedWorkspaceDocument(1, {
			filename: 'Invoice-april.pdf',
			content: 'c'.repeat(20),
			status: 'uploaded',
		});
		const ids = async (query: string): Promise<string[]> =>
			(
				await api<WirePage<WireDocument>>(fake, 'GET', `/workspaces/1/documents${query}`)
			).body.data.map((doc) => doc.id);

		expect(await ids('')).toEqual([other.id, scan.id, invoice.id]);
		expect(await ids('?sort=created_at&order=asc')).toEqual([invoice.id, scan.id, other.id]);
		expect(await ids('?query=INVOICE')).toEqual([other.id, invoice.id]);
		expect(await ids(`?query=${scan.sha256.slice(10, 30)}`)).toEqual([scan.id]);
		expect(await ids('?mime=image/png')).toEqual([scan.id]);
		expect(await ids('?status=failed')).toEqual([scan.id]);
		expect(await ids('?status=processed')).toEqual([invoice.id]);
		expect(await ids('?source_type=upload&sort=size&order=asc')).toEqual([
			scan.id,
			other.id,
			invoice.id,
		]);
		expect(await ids('?source_type=connector')).toEqual([]);
		expect(await ids('?sort=filename&order=asc')).toEqual([other.id, invoice.id, scan.id]);
		const page = await api<WirePage<WireDocument>>(
			fake,
			'GET',
			'/workspaces/1/documents?per_page=2&page=2',
		);
		expect(page.body.meta).toEqual({
			current_page: 2,
			last_page: 2,
			per_page: 2,
			total: 3,
			from: 3,
			to: 3,
		});

		for (const bad of ['?sort=sha256', '?order=up', '?source_type=fax', '?per_page=500']) {
			expect((await api(fake, 'GET', `/workspaces/1/documents${bad}`)).status).toBe(422);
		}
	});

	it('gets one with its parsings and reparses: 202 queued, 202 in progress, 200 when ready, 422 on a bad hash', async () => {
		const doc = fake.seedWorkspaceDocument(1, { status: 'uploaded' });
		const hash = 'f'.repeat(64);
		const queued = await api<{ message: string; parsing: WireParsing; document: WireDocument }>(
			fake,
			'POST',
			`/workspaces/1/documents/${doc.id}/reparse`,
			{
				body: { config_hash: hash },
			},
		);
		expect(queued.status).toBe(202);
		expect(queued.body.parsing).toMatchObject({
			config_hash: hash,
			status: 'queued',
			parser_version: 'v1',
		});
		expect(queued.body.document.status).toBe('queued');
		clock.advance(50);
		const inProgress = await api<{ parsing: WireParsing }>(
			fake,
			'POST',
			`/workspaces/1/documents/${doc.id}/reparse`,
			{ body: { config_hash: hash } },
		);
		expect(inProgress.status).toBe(202);
		expect(inProgress.body.parsing).toMatchObject({
			id: queued.body.parsing.id,
			status: 'processing',
		});
		clock.advance(50);
		const ready = await api<{ parsing: WireParsing }>(
			fake,
			'POST',
			`/workspaces/1/documents/${doc.id}/reparse`,
			{ body: { config_hash: hash } },
		);
		expect(ready.status).toBe(200);
		expect(ready.body.parsing.status).toBe('ready');
		const forced = await api<{ parsing: WireParsing }>(
			fake,
			'POST',
			`/workspaces/1/documents/${doc.id}/reparse`,
			{
				body: { config_hash: hash, force: true, parser_version: 'v2' },
			},
		);
		expect(forced.status).toBe(202);
		expect(forced.body.parsing).toMatchObject({ status: 'queued', parser_version: 'v2' });

		const got = await api<WireDocument>(fake, 'GET', `/workspaces/1/documents/${doc.id}`);
		expect(got.body.parsings.map((p) => p.status)).toEqual(['ready', 'queued']);
		expect(got.body.status).toBe('queued');

		const short = await api(fake, 'POST', `/workspaces/1/documents/${doc.id}/reparse`, {
			body: { config_hash: 'abc' },
		});
		expect(short.status).toBe(422);
		expect(short.body.errors).toEqual({
			config_hash: ['The config hash field must be 64 characters.'],
		});
		expect(
			(await api(fake, 'POST', `/workspaces/1/documents/${doc.id}/reparse`, { body: {} })).status,
		).toBe(422);
		expect(
			(await api(fake, 'GET', `/workspaces/1/documents/00000000-0000-4000-8000-000000000000`))
				.status,
		).toBe(404);
	});
});
