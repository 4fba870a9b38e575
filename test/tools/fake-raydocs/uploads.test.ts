import { createHash } from 'node:crypto';

import type { FakeRaydocs } from '../../../tools/fake-raydocs/server';
import { useFake } from './setup';
import { ManualClock, api, uploadFile } from './test-helpers';
import type { WireDocument, WireSession, WireSignedUrl } from './test-helpers';

interface WireWorkspaceDocumentCreated {
	document: WireDocument;
	dedup: { reused: boolean; matched_by: string | null };
	document_ref: {
		kind: string;
		documentId: string;
		workspaceId: number | string;
		filename: string;
		mime: string;
		size: number;
		sha256: string;
	};
}

const clock = new ManualClock();
let fake: FakeRaydocs;

useFake({ rateLimit: false, clock: clock.now, signedUrlTtlMs: 1000 }, (started) => (fake = started));

async function newSession(): Promise<string> {
	const response = await api<WireSession>(fake, 'POST', '/extractions/sessions', {
		body: { extraction_template_id: fake.state.seed!.templateId },
	});
	return response.body.id;
}

async function signedUrl(
	body: Record<string, unknown> = { content_type: 'application/pdf' },
): Promise<WireSignedUrl> {
	return (await api<WireSignedUrl>(fake, 'POST', '/vapor/signed-storage-url', { body })).body;
}

describe('signed storage URL', () => {
	it('returns the guide shape: uuid, tmp/<uuid> key, a storage URL with signature and expiry, Content-Type header', async () => {
		const body = await signedUrl();
		expect(body.key).toBe(`tmp/${body.uuid}`);
		expect(body.headers).toEqual({ 'Content-Type': 'application/pdf' });
		const url = new URL(body.url);
		expect(`${url.protocol}//${url.host}`).toBe(fake.storageUrl);
		expect(url.pathname).toBe(`/${body.key}`);
		expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
		expect(url.searchParams.get('X-Amz-Expires')).toBe('1');
		expect(fake.state.uploads.get(body.key)).toMatchObject({
			contentType: 'application/pdf',
			visibility: 'private',
		});
	});

	it('defaults content_type to octet-stream, unless the reference variant requires it', async () => {
		expect((await signedUrl({})).headers).toEqual({ 'Content-Type': 'application/octet-stream' });
		fake.setVariant('signedUrlContentTypeRequired', true);
		const refused = await api(fake, 'POST', '/vapor/signed-storage-url', { body: {} });
		expect(refused.status).toBe(422);
		expect(refused.body.errors).toEqual({ content_type: ['The content type field is required.'] });
		fake.setVariant('signedUrl', 'reference');
		const reference = await signedUrl({ content_type: 'image/png' });
		expect(Object.keys(reference).sort()).toEqual(['headers', 'key', 'url']);
		expect(reference.headers).toEqual({});
		expect(reference.key).toMatch(/^tmp\/[0-9a-f-]{36}$/);
	});
});

describe('storage listener', () => {
	it('stores PUT bytes, logs their size and hash, and needs no Authorization', async () => {
		const body = await signedUrl();
		const bytes = Buffer.from('%PDF-1.4 storage test');
		const put = await fetch(body.url, {
			method: 'PUT',
			headers: { 'Content-Type': 'application/pdf' },
			body: new Uint8Array(bytes),
		});
		expect(put.status).toBe(200);
		expect(put.headers.get('etag')).toBe(`"${createHash('md5').update(bytes).digest('hex')}"`);
		const sha256 = createHash('sha256').update(bytes).digest('hex');
		expect(fake.state.uploads.get(body.key)?.object).toMatchObject({
			sha256,
			contentType: 'application/pdf',
			hadAuthorization: false,
		});
		const entry = fake.log[fake.log.length - 1];
		expect(entry).toMatchObject({
			listener: 'storage',
			method: 'PUT',
			path: `/${body.key}`,
			status: 200,
			hasAuthorization: false,
			body: { bytes: bytes.length, sha256 },
		});
		expect(entry.endpoint).toBeUndefined();
		expect(fake.state.storageAuthLeaks).toBe(0);
	});

	it('counts and redacts an Authorization header sent to storage', async () => {
		const body = await signedUrl();
		await fetch(body.url, {
			method: 'PUT',
			headers: { Authorization: `Bearer ${fake.token}` },
			body: 'x',
		});
		expect(fake.state.storageAuthLeaks).toBe(1);
		expect(fake.state.uploads.get(body.key)?.object?.hadAuthorization).toBe(true);
		const entry = fake.log[fake.log.length - 1];
		expect(entry).toMatchObject({
			listener: 'storage',
			hasAuthorization: true,
			tokenLabel: 'full',
		});
		expect(entry.headers.authorization).toBe('<redacted:full>');
		expect(JSON.stringify(fake.log)).not.toContain(fake.token);
	});

	it('refuses expired, tampered, missing or misapplied signatures with S3-style 403s', async () => {
		const body = await signedUrl();
		const tampered = body.url.replace(
			/X-Amz-Signature=([0-9a-f])/,
			(_, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`,
		);
		const bad = await fetch(tampered, { method: 'PUT', body: 'x' });
		expect(bad.status).toBe(403);
		expect(bad.headers.get('content-type')).toBe('application/xml');
		expect(await bad.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
		expect(
			(await fetch(`${fake.storageUrl}/${body.key}`, { method: 'PUT', body: 'x' })).status,
		).toBe(403);
		expect((await fetch(body.url, { method: 'GET' })).status).toBe(403);
		const otherPath = body.url.replace(body.key, 'tmp/somewhere-else');
		expect((await fetch(otherPath, { method: 'PUT', body: 'x' })).status).toBe(403);

		clock.advance(1001);
		const expired = await fetch(body.url, { method: 'PUT', body: 'x' });
		expect(expired.status).toBe(403);
		const xml = await expired.text();
		expect(xml).toContain('<Code>AccessDenied</Code>');
		expect(xml).toContain('<Message>Request has expired</Message>');
		expect(fake.state.uploads.get(body.key)?.object).toBeUndefined();
	});
});

describe('registering upload keys', () => {
	it('learns the filename from x-amz-meta-filename, else Content-Disposition, else <uuid>.<ext>', async () => {
		const session = await newSession();
		const fromMeta = await uploadFile(fake, '%PDF one', { filename: 'facture%20mars.pdf' });
		const fromDisposition = await uploadFile(fake, '%PDF two', {
			contentDisposition: 'attachment; filename="scan.pdf"',
		});
		const guessed = await uploadFile(fake, 'PNG three', { contentType: 'image/png' });
		const response = await api<{ data: WireDocument[] }>(
			fake,
			'POST',
			`/extractions/sessions/${session}/documents/upload`,
			{
				body: { keys: [fromMeta, fromDisposition, guessed] },
			},
		);
		expect(response.status).toBe(200);
		expect(response.body.data.map((doc) => `${doc.filename}|${doc.mime}`)).toEqual([
			'facture mars.pdf|application/pdf',
			'scan.pdf|application/pdf',
			`${guessed.slice('tmp/'.length)}.png|image/png`,
		]);
		expect(response.body.data[0]).toMatchObject({
			workspace_id: 1,
			status: 'uploaded',
			source_type: 'upload',
			parsings: [],
			size: 8,
		});
		expect(fake.state.sessions.get(session)?.documentIds).toHaveLength(3);
	});

	it('ignores storage metadata with uploadFilenameFromStorage=ignore: only a filename field names the document', async () => {
		fake.setVariant('uploadFilenameFromStorage', 'ignore');
		const session = await newSession();
		const unnamed = await uploadFile(fake, '%PDF one', { contentDisposition: 'attachment; filename="scan.pdf"' });
		const named = await uploadFile(fake, '%PDF two', { contentDisposition: 'attachment; filename="scan.pdf"' });
		const bulk = await api<{ data: WireDocument[] }>(fake, 'POST', `/extractions/sessions/${session}/documents/upload`, {
			body: { keys: [unnamed] },
		});
		expect(bulk.body.data[0].filename).toBe(`${unnamed.slice('tmp/'.length)}.pdf`);
		const legacy = await api<WireDocument>(fake, 'POST', `/extractions/sessions/${session}/documents`, {
			body: { key: named, filename: 'Rechnung März.pdf' },
		});
		expect(legacy.status).toBe(201);
		expect(legacy.body.filename).toBe('Rechnung März.pdf');
	});

	it('deduplicates identical bytes per workspace and keeps one attachment', async () => {
		const session = await newSession();
		const first = await uploadFile(fake, '%PDF same bytes', { filename: 'a.pdf' });
		const second = await uploadFile(fake, '%PDF same bytes', { filename: 'b.pdf' });
		const response = await api<{ data: WireDocument[] }>(
			fake,
			'POST',
			`/extractions/sessions/${session}/documents/upload`,
			{ body: { keys: [first, second] } },
		);
		expect(response.body.data[0].id).toBe(response.body.data[1].id);
		expect(response.body.data[1].filename).toBe('a.pdf');
		expect(fake.state.documents).toHaveLength(1);
		expect(fake.state.sessions.get(session)?.documentIds).toHaveLength(1);
	});

	it('answers 422 under the carrying field for keys not issued, not uploaded yet, or of unsupported type', async () => {
		const session = await newSession();
		const notUploaded = (await signedUrl()).key;
		const zip = await uploadFile(fake, 'PK zip', {
			contentType: 'application/zip',
			filename: 'x.zip',
		});
		const response = await api(fake, 'POST', `/extractions/sessions/${session}/documents/upload`, {
			body: { keys: ['tmp/never-issued', notUploaded, zip] },
		});
		expect(response.status).toBe(422);
		expect(response.body.errors?.keys).toEqual([
			'The key tmp/never-issued is invalid: it was not issued by /vapor/signed-storage-url.',
			`No file has been uploaded for key ${notUploaded}; PUT the bytes to the signed URL first.`,
			`The file for key ${zip} has an unsupported type (application/zip). Supported: PDF, Word, PowerPoint, PNG, JPEG, TIFF.`,
		]);
		expect(fake.state.documents).toHaveLength(0);

		const empty = await api(fake, 'POST', `/extractions/sessions/${session}/documents/upload`, {
			body: { keys: [] },
		});
		expect(empty.body.errors).toEqual({ keys: ['The keys field is required.'] });
		const legacy = await api(fake, 'POST', `/extractions/sessions/${session}/documents`, {
			body: { key: notUploaded, filename: 'x.pdf' },
		});
		expect(legacy.status).toBe(422);
		expect(Object.keys(legacy.body.errors ?? {})).toEqual(['key']);
		const workspaceDoc = await api(fake, 'POST', '/workspaces/1/documents', {
			body: { key: notUploaded },
		});
		expect(workspaceDoc.status).toBe(422);
		const batch = await api(
			fake,
			'POST',
			`/extractions/templates/${fake.state.seed!.templateId}/sessions/batch`,
			{ body: { files: [notUploaded] } },
		);
		expect(batch.status).toBe(422);
		expect(Object.keys(batch.body.errors ?? {})).toEqual(['files']);
	});

	it('creates a workspace document (201) or reuses it by sha256 (200)', async () => {
		const key = await uploadFile(fake, 'PK export bytes', {
			contentType: 'application/zip',
			filename: 'export.zip',
		});
		const created = await api<WireWorkspaceDocumentCreated>(
			fake,
			'POST',
			'/workspaces/1/documents',
			{ body: { key } },
		);
		expect(created.status).toBe(201);
		expect(created.body.dedup).toEqual({ reused: false, matched_by: null });
		expect(created.body.document).toMatchObject({
			filename: 'export.zip',
			mime: 'application/zip',
			status: 'uploaded',
			workspace_id: 1,
		});
		expect(created.body.document_ref).toMatchObject({
			kind: 'documentRef',
			documentId: created.body.document.id,
			workspaceId: 1,
			filename: 'export.zip',
			sha256: createHash('sha256').update('PK export bytes').digest('hex'),
		});
		const again = await uploadFile(fake, 'PK export bytes', { contentType: 'application/zip' });
		const reused = await api<WireWorkspaceDocumentCreated>(
			fake,
			'POST',
			'/workspaces/1/documents',
			{ body: { key: again, filename: 'other.zip' } },
		);
		expect(reused.status).toBe(200);
		expect(reused.body.dedup).toEqual({ reused: true, matched_by: 'sha256' });
		expect(reused.body.document.id).toBe(created.body.document.id);
		const named = await uploadFile(fake, 'different', { contentType: 'application/octet-stream' });
		const overridden = await api<WireWorkspaceDocumentCreated>(
			fake,
			'POST',
			'/workspaces/1/documents',
			{ body: { key: named, filename: 'notes.txt', mime: 'text/plain' } },
		);
		expect(overridden.body.document).toMatchObject({ filename: 'notes.txt', mime: 'text/plain' });
	});
});

describe('downloads', () => {
	it('serves the original bytes via both signed URL endpoints, with mime and Content-Disposition', async () => {
		const doc = fake.seedWorkspaceDocument(1, {
			filename: 'rapport é.pdf',
			content: '%PDF-1.4 report',
		});
		for (const path of [
			`/extractions/documents/${doc.id}/url`,
			`/workspaces/1/documents/${doc.id}/url`,
		]) {
			const link = await api<{ url: string; expires_at: string }>(fake, 'GET', path);
			expect(link.status).toBe(200);
			expect(link.body.url.startsWith(`${fake.storageUrl}/documents/${doc.id}/`)).toBe(true);
			expect(new URL(link.body.url).searchParams.get('X-Amz-Expires')).toBe('600');
			expect(Date.parse(link.body.expires_at) - clock.time).toBe(600_000);
			const file = await fetch(link.body.url);
			expect(file.status).toBe(200);
			expect(file.headers.get('content-type')).toBe('application/pdf');
			expect(file.headers.get('content-disposition')).toBe(
				`attachment; filename="rapport _.pdf"; filename*=UTF-8''rapport%20%C3%A9.pdf`,
			);
			expect(Buffer.from(await file.arrayBuffer()).toString()).toBe('%PDF-1.4 report');
		}
		const link = await api<{ url: string }>(fake, 'GET', `/extractions/documents/${doc.id}/url`);
		clock.advance(600_001);
		expect((await fetch(link.body.url)).status).toBe(403);
	});

	it('checks that the document belongs to the workspace in the path', async () => {
		const other = fake.seedWorkspace('Other');
		const doc = fake.seedWorkspaceDocument(other.id);
		expect((await api(fake, 'GET', `/workspaces/1/documents/${doc.id}/url`)).status).toBe(404);
		expect((await api(fake, 'GET', `/workspaces/${other.id}/documents/${doc.id}/url`)).status).toBe(
			200,
		);
	});
});
