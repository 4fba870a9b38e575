/**
 * Deterministic "extraction": values are derived from the template schema (groups → fields) and
 * the hash/filename of the run's first input document, so the same file and template always give
 * the same output, and tests can predict it (e.g. invoice_number = `INV-<first 6 hex of sha256>`).
 */
import type { RunInput } from './types';
import { isRecord, sha256Hex, titleCase, uuidFromSeed } from './util';

export interface Chunk {
	id: string;
	document_id: string;
	chunk_index: number;
	content: string;
	page_number: number;
	page_numbers: number[];
	page_range: string;
	token_count: number;
	blocks: Array<{
		block_id: string;
		type: string;
		content: string;
		page_ref: string;
		meta: Record<string, unknown>;
	}>;
	metadata: Record<string, unknown>;
}

export function chunkId(documentId: string, index: number): string {
	return uuidFromSeed(`${documentId}:chunk:${index}`);
}

/** One chunk per page, each with a heading and a paragraph block. */
export function buildChunks(
	doc: { id: string; filename: string; sha256: string },
	pageCount: number,
): Chunk[] {
	const chunks: Chunk[] = [];
	const reference = `INV-${doc.sha256.slice(0, 6).toUpperCase()}`;
	for (let index = 0; index < pageCount; index++) {
		const page = index + 1;
		const heading = index === 0 ? 'Invoice' : `Page ${page}`;
		const paragraph =
			index === 0
				? `Invoice Number: ${reference}\nDocument: ${doc.filename}`
				: `Continuation of ${doc.filename} (page ${page} of ${pageCount}). Fingerprint ${doc.sha256.slice(0, 12)}.`;
		const content = `${heading}\n\n${paragraph}`;
		chunks.push({
			id: chunkId(doc.id, index),
			document_id: doc.id,
			chunk_index: index,
			content,
			page_number: page,
			page_numbers: [page],
			page_range: `${page}-${page}`,
			token_count: Math.ceil(content.length / 4),
			blocks: [
				{
					block_id: `doc:page:${page}:block:0`,
					type: 'heading',
					content: heading,
					page_ref: `Page ${page}`,
					meta: {},
				},
				{
					block_id: `doc:page:${page}:block:1`,
					type: 'paragraph',
					content: paragraph,
					page_ref: `Page ${page}`,
					meta: {},
				},
			],
			metadata: { page_ref: `Page ${page}` },
		});
	}
	return chunks;
}

/** Pages the fake parser "finds": a `%PAGES=<n>` marker in the bytes (1–50), otherwise 2. */
export function countPages(bytes: Buffer): number {
	const match = /%PAGES=(\d{1,2})/.exec(bytes.subarray(0, 4096).toString('latin1'));
	if (!match) return 2;
	return Math.min(50, Math.max(1, Number(match[1])));
}

export function parsingFails(bytes: Buffer): boolean {
	return bytes.length === 0 || bytes.subarray(0, 5).toString('latin1') === '%FAIL';
}

export function extractionFails(bytes: Buffer): boolean {
	return bytes.includes('%EXTRACTION_FAIL');
}

interface FieldDefinition {
	type?: unknown;
	items?: unknown;
	fields?: unknown;
	properties?: unknown;
	options?: unknown;
	enum?: unknown;
	$ref?: unknown;
}

interface ExtractionContext {
	primary: RunInput;
	definitions: Record<string, unknown>;
}

function hashInt(ctx: ExtractionContext, path: string, modulo: number): number {
	return parseInt(sha256Hex(`${ctx.primary.sha256}:${path}`).slice(0, 8), 16) % modulo;
}

function hex(ctx: ExtractionContext, path: string, length: number): string {
	return sha256Hex(`${ctx.primary.sha256}:${path}`).slice(0, length).toUpperCase();
}

function resolveDefinition(ctx: ExtractionContext, field: unknown): FieldDefinition {
	if (!isRecord(field)) return {};
	if (typeof field.$ref === 'string') {
		const name = field.$ref.replace(/^#\/definitions\//, '');
		const target = ctx.definitions[name];
		if (isRecord(target)) return target as FieldDefinition;
	}
	return field as FieldDefinition;
}

function stringValue(ctx: ExtractionContext, group: string, key: string, path: string): string {
	const lower = key.toLowerCase();
	if (lower === 'invoice_number') return `INV-${ctx.primary.sha256.slice(0, 6).toUpperCase()}`;
	if (
		lower.endsWith('_number') ||
		lower === 'number' ||
		lower.endsWith('_id') ||
		lower === 'reference'
	) {
		return `${
			lower
				.replace(/[^a-z]/g, '')
				.slice(0, 3)
				.toUpperCase() || 'REF'
		}-${ctx.primary.sha256.slice(0, 6).toUpperCase()}`;
	}
	if (lower.includes('currency')) return ['EUR', 'USD', 'GBP', 'CHF'][hashInt(ctx, path, 4)];
	if (lower.includes('email')) return `contact.${hex(ctx, path, 4).toLowerCase()}@example.com`;
	if (lower.includes('address'))
		return `${100 + hashInt(ctx, path, 900)} Market Street, Springfield`;
	if (lower.includes('phone'))
		return `+1 555 01${String(hashInt(ctx, path, 100)).padStart(2, '0')}`;
	if (lower.includes('filename') || lower.includes('file_name')) return ctx.primary.filename;
	if (lower === 'name' || lower.endsWith('_name'))
		return `${titleCase(group)} ${hex(ctx, path, 4)}`;
	return `${titleCase(key)} ${hex(ctx, path, 6)}`;
}

function dateValue(ctx: ExtractionContext, path: string): string {
	const month = 1 + hashInt(ctx, `${path}:m`, 12);
	const day = 1 + hashInt(ctx, `${path}:d`, 28);
	return `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fieldValue(
	ctx: ExtractionContext,
	group: string,
	key: string,
	rawField: unknown,
	path: string,
): unknown {
	const field = resolveDefinition(ctx, rawField);
	const choices = Array.isArray(field.options)
		? field.options
		: Array.isArray(field.enum)
			? field.enum
			: null;
	if (choices && choices.length > 0) return choices[hashInt(ctx, path, choices.length)];
	const type = typeof field.type === 'string' ? field.type.toLowerCase() : 'string';
	const nested = isRecord(field.fields)
		? field.fields
		: isRecord(field.properties)
			? field.properties
			: null;
	switch (type) {
		case 'number':
		case 'float':
		case 'decimal':
		case 'currency':
		case 'amount':
			return (hashInt(ctx, path, 1_000_000) + 100) / 100;
		case 'integer':
		case 'int':
			return hashInt(ctx, path, 1000);
		case 'boolean':
		case 'bool':
			return hashInt(ctx, path, 2) === 0;
		case 'date':
			return dateValue(ctx, path);
		case 'datetime':
		case 'date-time':
			return `${dateValue(ctx, path)}T10:00:00Z`;
		case 'array':
		case 'list': {
			const items = resolveDefinition(ctx, field.items);
			if (!isRecord(field.items) && !nested) {
				return [0, 1].map((i) => `${titleCase(key)} ${hex(ctx, `${path}[${i}]`, 4)}`);
			}
			const itemFields =
				nested ??
				(isRecord(items.fields)
					? items.fields
					: isRecord(items.properties)
						? items.properties
						: null);
			return [0, 1].map((i) =>
				itemFields
					? objectValue(ctx, group, itemFields, `${path}[${i}]`)
					: fieldValue(ctx, group, key, items, `${path}[${i}]`),
			);
		}
		case 'object':
			return nested ? objectValue(ctx, group, nested, path) : {};
		default:
			return nested ? objectValue(ctx, group, nested, path) : stringValue(ctx, group, key, path);
	}
}

function objectValue(
	ctx: ExtractionContext,
	group: string,
	fields: Record<string, unknown>,
	path: string,
): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(fields))
		result[key] = fieldValue(ctx, group, key, field, `${path}.${key}`);
	return result;
}

function displayValue(value: unknown): string {
	return typeof value === 'string' ? value : JSON.stringify(value);
}

function auditEntry(
	ctx: ExtractionContext,
	inputs: RunInput[],
	path: string,
	key: string,
	value: unknown,
): Record<string, unknown> {
	// Spread sources over the inputs and their pages deterministically.
	const input = inputs[hashInt(ctx, `${path}:doc`, inputs.length)];
	const index = hashInt(ctx, `${path}:page`, Math.max(1, input.pageCount));
	const text = `${titleCase(key)}: ${displayValue(value)}`;
	return {
		reasoning: `Read "${titleCase(key)}" from page ${index + 1} of ${input.filename}.`,
		sources: [{ chunk_id: chunkId(input.documentId, index), text, page: index + 1 }],
	};
}

export interface ExtractionOutput {
	data: Record<string, unknown>;
	auditData: Record<string, unknown>;
	title: string;
}

function groupsOf(schema: Record<string, unknown>): Record<string, Record<string, unknown>> {
	const groups = isRecord(schema.groups) ? schema.groups : {};
	const result: Record<string, Record<string, unknown>> = {};
	for (const [name, group] of Object.entries(groups)) if (isRecord(group)) result[name] = group;
	return result;
}

/**
 * Extracts every group of the schema. A group whose `config.iterates_on` is set (or whose type is
 * 'array') yields a list of two objects; other groups yield one object of fields.
 */
export function extract(schema: Record<string, unknown>, inputs: RunInput[]): ExtractionOutput {
	const ctx: ExtractionContext = {
		primary: inputs[0],
		definitions: isRecord(schema.definitions) ? schema.definitions : {},
	};
	const data: Record<string, unknown> = {};
	const auditData: Record<string, unknown> = {};
	for (const [groupName, group] of Object.entries(groupsOf(schema))) {
		const fields = isRecord(group.fields) ? group.fields : {};
		const iterates =
			(isRecord(group.config) && typeof group.config.iterates_on === 'string') ||
			group.type === 'array';
		if (iterates) {
			const items = [0, 1].map((i) => objectValue(ctx, groupName, fields, `${groupName}[${i}]`));
			data[groupName] = items;
			auditData[groupName] = items.map((item, i) => {
				const audit: Record<string, unknown> = {};
				for (const [key, value] of Object.entries(item))
					audit[key] = auditEntry(ctx, inputs, `${groupName}[${i}].${key}`, key, value);
				return audit;
			});
			continue;
		}
		const values = objectValue(ctx, groupName, fields, groupName);
		data[groupName] = values;
		const audit: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(values))
			audit[key] = auditEntry(ctx, inputs, `${groupName}.${key}`, key, value);
		auditData[groupName] = audit;
	}
	return { data, auditData, title: runTitle(data, ctx.primary.filename) };
}

/**
 * Run title: "<Thing> #<value>" from the first `*_number` field of the first group (so an invoice
 * template gives "Invoice #INV-3F2A9C", like the docs' "Invoice #INV-2024-001"); else the filename.
 */
export function runTitle(data: Record<string, unknown>, filename: string): string {
	const first = Object.values(data)[0];
	if (isRecord(first)) {
		for (const [key, value] of Object.entries(first)) {
			if (typeof value === 'string' && (key.endsWith('_number') || key === 'number')) {
				const subject = key === 'number' ? 'Document' : titleCase(key.slice(0, -'_number'.length));
				return `${subject} #${value}`;
			}
		}
	}
	return filename;
}

/** Flattens extracted data to `group.field` columns (nested values as JSON) for CSV/Excel exports. */
export function flattenData(data: Record<string, unknown> | null): Array<[string, unknown]> {
	if (!data) return [];
	const rows: Array<[string, unknown]> = [];
	for (const [group, values] of Object.entries(data)) {
		if (isRecord(values)) {
			for (const [field, value] of Object.entries(values)) rows.push([`${group}.${field}`, value]);
		} else {
			rows.push([group, values]);
		}
	}
	return rows;
}

/** Flattens audit data to rows of [group, field, reasoning, sources-as-text]. */
export function flattenAudit(
	audit: Record<string, unknown> | null,
): Array<[string, string, string, string]> {
	if (!audit) return [];
	const rows: Array<[string, string, string, string]> = [];
	const pushField = (group: string, field: string, entry: unknown): void => {
		if (!isRecord(entry)) return;
		const sources = Array.isArray(entry.sources) ? entry.sources : [];
		const sourceText = sources
			.map((source) =>
				isRecord(source)
					? `p.${String(source.page)} ${String(source.chunk_id)}: ${String(source.text)}`
					: '',
			)
			.join('\n');
		rows.push([
			group,
			field,
			typeof entry.reasoning === 'string' ? entry.reasoning : '',
			sourceText,
		]);
	};
	for (const [group, fields] of Object.entries(audit)) {
		if (Array.isArray(fields)) {
			fields.forEach((item, i) => {
				if (isRecord(item))
					for (const [field, entry] of Object.entries(item))
						pushField(`${group}[${i}]`, field, entry);
			});
		} else if (isRecord(fields)) {
			for (const [field, entry] of Object.entries(fields)) pushField(group, field, entry);
		}
	}
	return rows;
}

/** The schema of the seeded "Invoice Extraction" template. */
export function invoiceSchema(): Record<string, unknown> {
	return {
		config: { reasoning_enabled: true, system_message: null, extraction_title_prompt: null },
		definitions: {},
		groups: {
			invoice_details: {
				search_query: 'invoice number, date, amount, currency',
				fields: {
					invoice_number: { type: 'string', extraction_prompt: 'Extract the invoice number' },
					invoice_date: { type: 'date', extraction_prompt: 'Extract the invoice date' },
					total_amount: { type: 'number', extraction_prompt: 'Extract the total amount' },
					currency: { type: 'string', extraction_prompt: 'Extract the currency code' },
				},
			},
			vendor: {
				search_query: 'vendor, supplier, seller',
				fields: {
					name: { type: 'string', extraction_prompt: 'Extract the vendor name' },
					address: { type: 'string', extraction_prompt: 'Extract the vendor address' },
				},
			},
		},
	};
}
