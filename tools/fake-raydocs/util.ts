import { createHash, randomUUID } from 'node:crypto';

/** Any UUID shape (Laravel's route constraint is version-agnostic); ids the fake generates are v4. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const INTEGER_ID_PATTERN = /^[1-9][0-9]{0,15}$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function sha256Hex(data: Buffer | string): string {
	return createHash('sha256').update(data).digest('hex');
}

export function newUuid(): string {
	return randomUUID();
}

/** A stable UUID v4-shaped id derived from a seed, for things that must not change between reads (chunks). */
export function uuidFromSeed(seed: string): string {
	const hex = sha256Hex(seed);
	const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Laravel/Carbon's JSON timestamp format: microsecond precision, UTC, 'Z'. */
export function isoTime(ms: number): string;
export function isoTime(ms: number | null): string | null;
export function isoTime(ms: number | null): string | null {
	if (ms === null) return null;
	return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

const RFC3339_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** Parses an RFC-3339 timestamp to ms (fractions beyond milliseconds are truncated); null when invalid. */
export function parseRfc3339(value: string): number | null {
	const match = RFC3339_PATTERN.exec(value);
	if (!match) return null;
	const fraction = match[2] ? match[2].slice(0, 4).padEnd(4, '0') : '';
	const ms = Date.parse(`${match[1]}${fraction}${match[3].toUpperCase()}`);
	return Number.isNaN(ms) ? null : ms;
}

export function titleCase(identifier: string): string {
	return identifier
		.split(/[_\s.-]+/)
		.filter((part) => part.length > 0)
		.map((part) => part[0].toUpperCase() + part.slice(1))
		.join(' ');
}

export function deepClone<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

const EXTENSION_BY_MIME: Record<string, string> = {
	'application/pdf': 'pdf',
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/jpg': 'jpg',
	'image/tiff': 'tiff',
	'application/msword': 'doc',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
	'application/zip': 'zip',
	'application/json': 'json',
	'text/plain': 'txt',
	'text/csv': 'csv',
};

const MIME_BY_EXTENSION: Record<string, string> = {
	pdf: 'application/pdf',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	tif: 'image/tiff',
	tiff: 'image/tiff',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	zip: 'application/zip',
	json: 'application/json',
	txt: 'text/plain',
	csv: 'text/csv',
};

/** File types the Raydocs parser accepts for session uploads (PDF, Word, images, PowerPoint). */
export const SUPPORTED_UPLOAD_MIMES: ReadonlySet<string> = new Set([
	'application/pdf',
	'image/png',
	'image/jpeg',
	'image/tiff',
	'application/msword',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);

export function normaliseMime(contentType: string | undefined): string | undefined {
	if (!contentType) return undefined;
	const mime = contentType.split(';')[0].trim().toLowerCase();
	return mime.length > 0 ? mime : undefined;
}

export function extensionForMime(mime: string): string {
	return EXTENSION_BY_MIME[mime] ?? 'bin';
}

export function mimeForFilename(filename: string): string | undefined {
	const dot = filename.lastIndexOf('.');
	if (dot < 0) return undefined;
	return MIME_BY_EXTENSION[filename.slice(dot + 1).toLowerCase()];
}

/** Filename from a Content-Disposition header (`filename*=UTF-8''...` preferred over `filename="..."`). */
export function filenameFromContentDisposition(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
	if (extended) return safeDecode(extended[1].trim());
	const quoted = /filename\s*=\s*"([^"]*)"/.exec(header);
	if (quoted) return quoted[1];
	const bare = /filename\s*=\s*([^;]+)/.exec(header);
	return bare ? bare[1].trim() : undefined;
}

export function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

export function firstHeader(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}
