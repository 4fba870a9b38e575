/* eslint-disable @n8n/community-nodes/no-restricted-globals -- polling helper for tests, not node code */
/** Helpers for the fake's own tests: typed requests, uploads, a manual clock and a ZIP reader. */
import type { FakeRaydocs } from '../../../tools/fake-raydocs/server';
import { crc32 } from '../../../tools/fake-raydocs/xlsx';

export interface WireError {
	message: string;
	errors?: Record<string, string[]>;
}

export interface WireMeta {
	current_page: number;
	last_page: number;
	per_page: number;
	total: number;
	from: number | null;
	to: number | null;
}

export interface WirePage<T> {
	data: T[];
	meta: WireMeta;
}

export interface WireWorkspace {
	id: number;
	name: string;
	icon: string;
	settings: Record<string, unknown>;
	created_at: string;
	updated_at: string;
}

export interface WireTemplate {
	id: string;
	name: string;
	description: string | null;
	schema_json: { groups: Record<string, { fields: Record<string, { type: string }> }> } & Record<
		string,
		unknown
	>;
	settings: Record<string, unknown>;
	workspace_id: number;
	created_at: string;
}

export interface WireParsing {
	id: string;
	config_hash: string;
	status: string;
	parser_version: string;
}

export interface WireDocument {
	id: string;
	workspace_id: number | string;
	filename: string;
	mime: string;
	size: number;
	sha256: string;
	status: string;
	source_type: string;
	meta: { page_count: number | null; file_size: number };
	parsings: WireParsing[];
	created_at: string;
}

export interface WireDocumentRef {
	kind?: string;
	type?: string;
	documentId: string;
	workspaceId: number | string;
	sha256: string;
	filename: string;
}

export interface WireAuditEntry {
	reasoning: string;
	sources: Array<{ chunk_id: string; text: string; page: number }>;
}

export interface WireRun {
	id: string;
	extraction_session_id: string;
	status: string;
	config_hash: string;
	document_refs: WireDocumentRef[];
	title: string | null;
	data: Record<string, Record<string, unknown>> | null;
	audit_data?: Record<string, Record<string, WireAuditEntry>> | null;
	reasoning?: Record<string, Record<string, WireAuditEntry>> | null;
	error: string | null;
	created_at: string;
	completed_at: string | null;
	message?: string;
	job_id?: string;
}

export interface WireSession {
	id: string;
	name: string;
	extraction_template_id: string;
	settings: Record<string, unknown>;
	status: string;
	created_at: string;
	documents?: WireDocument[];
	results?: WireRun[];
}

export interface WireChunk {
	id: string;
	document_id: string;
	chunk_index: number;
	content: string;
	page_number: number;
	blocks: Array<{ block_id: string; type: string; content: string }>;
}

export interface WireSignedUrl {
	uuid?: string;
	key: string;
	url: string;
	headers: Record<string, string>;
}

export interface ApiResponse<T> {
	status: number;
	headers: Headers;
	body: T;
	text: string;
	bytes: Buffer;
}

export interface RequestOptions {
	/** Bearer token; defaults to the full token, `null` sends no Authorization header. */
	token?: string | null;
	body?: unknown;
	headers?: Record<string, string>;
}

/**
 * Calls the fake API. The body is parsed as JSON when the response says so; the caller states the
 * shape it expects (`T`), which the assertions then check.
 */
export async function api<T = WireError>(
	fake: FakeRaydocs,
	method: string,
	path: string,
	options: RequestOptions = {},
): Promise<ApiResponse<T>> {
	const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
	const token = options.token === undefined ? fake.token : options.token;
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	let body: string | undefined;
	if (options.body !== undefined) {
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		headers['Content-Type'] ??= 'application/json';
	}
	const response = await fetch(`${fake.url}${path}`, { method, headers, body });
	const bytes = Buffer.from(await response.arrayBuffer());
	const text = bytes.toString('utf8');
	const isJson = (response.headers.get('content-type') ?? '').includes('json') && text.length > 0;
	return {
		status: response.status,
		headers: response.headers,
		body: (isJson ? JSON.parse(text) : undefined) as T,
		text,
		bytes,
	};
}

export interface UploadOptions {
	contentType?: string;
	/** Sent as `x-amz-meta-filename`. */
	filename?: string;
	/** Sent as the PUT's Content-Disposition. */
	contentDisposition?: string;
	token?: string;
	/** Request body of the signed-URL call (defaults to `{content_type}`). */
	signBody?: Record<string, unknown>;
}

/** Signed URL + PUT, the documented two-step upload; returns the key. */
export async function uploadFile(
	fake: FakeRaydocs,
	content: Buffer | string,
	options: UploadOptions = {},
): Promise<string> {
	const contentType = options.contentType ?? 'application/pdf';
	const signed = await api<WireSignedUrl>(fake, 'POST', '/vapor/signed-storage-url', {
		token: options.token,
		body: options.signBody ?? { content_type: contentType },
	});
	if (signed.status !== 200) throw new Error(`signed URL failed: ${signed.status} ${signed.text}`);
	const headers: Record<string, string> = { 'Content-Type': contentType };
	if (options.filename) headers['x-amz-meta-filename'] = options.filename;
	if (options.contentDisposition) headers['Content-Disposition'] = options.contentDisposition;
	const put = await fetch(signed.body.url, {
		method: 'PUT',
		headers,
		body: typeof content === 'string' ? content : new Uint8Array(content),
	});
	if (put.status !== 200) throw new Error(`PUT failed: ${put.status} ${await put.text()}`);
	await put.arrayBuffer();
	return signed.body.key;
}

/** A clock the test moves by hand, for exact status-progression assertions. */
export class ManualClock {
	constructor(public time = Date.parse('2026-03-04T10:00:00.000Z')) {}

	readonly now = (): number => this.time;

	advance(ms: number): void {
		this.time += ms;
	}
}

/** Reads a stored (method 0) ZIP, checking each entry's CRC-32; throws on anything else. */
export function readStoredZip(archive: Buffer): Map<string, Buffer> {
	const endOffset = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	if (endOffset < 0) throw new Error('no end-of-central-directory record');
	const count = archive.readUInt16LE(endOffset + 10);
	let offset = archive.readUInt32LE(endOffset + 16);
	const entries = new Map<string, Buffer>();
	for (let i = 0; i < count; i++) {
		if (archive.readUInt32LE(offset) !== 0x02014b50)
			throw new Error('bad central directory header');
		const method = archive.readUInt16LE(offset + 10);
		const crc = archive.readUInt32LE(offset + 16);
		const size = archive.readUInt32LE(offset + 20);
		const nameLength = archive.readUInt16LE(offset + 28);
		const extraLength = archive.readUInt16LE(offset + 30);
		const commentLength = archive.readUInt16LE(offset + 32);
		const localOffset = archive.readUInt32LE(offset + 42);
		const name = archive.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
		if (method !== 0) throw new Error(`${name}: not stored`);
		if (archive.readUInt32LE(localOffset) !== 0x04034b50)
			throw new Error(`${name}: bad local header`);
		const dataStart =
			localOffset +
			30 +
			archive.readUInt16LE(localOffset + 26) +
			archive.readUInt16LE(localOffset + 28);
		const data = archive.subarray(dataStart, dataStart + size);
		if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
		entries.set(name, data);
		offset += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}

/** Texts of a sheet's cells (inline strings and values), row by row. */
export function sheetRows(xml: string): string[][] {
	const unescape = (text: string): string =>
		text
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&amp;/g, '&');
	return [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((row) =>
		[...row[1].matchAll(/<c [^>]*>(?:<is><t[^>]*>(.*?)<\/t><\/is>|<v>(.*?)<\/v>)<\/c>/g)].map(
			(cell) => unescape(cell[1] ?? cell[2] ?? ''),
		),
	);
}

/** Workbook sheet names → rows, from an .xlsx produced by the fake. */
export function readWorkbook(archive: Buffer): Map<string, string[][]> {
	const entries = readStoredZip(archive);
	const workbook = entries.get('xl/workbook.xml')?.toString('utf8') ?? '';
	const names = [...workbook.matchAll(/<sheet name="([^"]+)" sheetId="(\d+)"/g)];
	const sheets = new Map<string, string[][]>();
	for (const [, name, id] of names)
		sheets.set(
			name,
			sheetRows(entries.get(`xl/worksheets/sheet${id}.xml`)?.toString('utf8') ?? ''),
		);
	return sheets;
}

export async function waitFor<T>(
	probe: () => Promise<T | undefined>,
	timeoutMs = 3000,
	intervalMs = 10,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error('waitFor timed out');
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}
