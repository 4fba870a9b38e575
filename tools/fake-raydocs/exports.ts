/** Excel and CSV renderings of extraction results (single run and batch export). */
import type { FakeEngine } from './engine';
import { flattenAudit } from './extraction';
import type { ExtractionRun, Session, Template } from './types';
import { isRecord, isoTime } from './util';
import { buildXlsx } from './xlsx';
import type { Cell } from './xlsx';

function cellValue(value: unknown): Cell {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
		return value;
	return JSON.stringify(value);
}

/** [group, field, value] rows; list groups are numbered `group[i]`. */
function dataRows(data: Record<string, unknown> | null): Array<[string, string, unknown]> {
	const rows: Array<[string, string, unknown]> = [];
	for (const [group, values] of Object.entries(data ?? {})) {
		if (Array.isArray(values)) {
			values.forEach((item, i) => {
				if (isRecord(item))
					for (const [field, value] of Object.entries(item))
						rows.push([`${group}[${i}]`, field, value]);
			});
		} else if (isRecord(values)) {
			for (const [field, value] of Object.entries(values)) rows.push([group, field, value]);
		} else {
			rows.push([group, '', values]);
		}
	}
	return rows;
}

export function resultWorkbook(
	engine: FakeEngine,
	run: ExtractionRun,
	session: Session | undefined,
): Buffer {
	const metadata: Cell[][] = [
		['Key', 'Value'],
		['Exported at', isoTime(engine.now())],
		['Result ID', run.id],
		['Status', run.status],
		['Title', run.title],
		['Template', run.templateName],
		['Template ID', run.templateId],
		['Session', session?.name ?? ''],
		['Session ID', run.sessionId],
		['Config hash', run.configHash],
		['Created at', isoTime(run.createdAt)],
		['Completed at', isoTime(run.completedAt)],
	];
	run.inputs.forEach((input, i) => {
		metadata.push(
			[`Document ${i + 1}`, input.filename],
			[`Document ${i + 1} sha256`, input.sha256],
			[`Document ${i + 1} size`, input.size],
		);
	});
	return buildXlsx(
		[
			{
				name: 'Data',
				rows: [
					['Group', 'Field', 'Value'],
					...dataRows(run.data).map(([g, f, v]) => [g, f, cellValue(v)]),
				],
			},
			{
				name: 'Audit',
				rows: [['Group', 'Field', 'Reasoning', 'Sources'], ...flattenAudit(run.auditData)],
			},
			{ name: 'Metadata', rows: metadata },
		],
		new Date(engine.now()),
	);
}

export interface BatchExportRow {
	session: Session;
	/** Latest completed run, if any. */
	run: ExtractionRun | undefined;
}

function batchColumns(rows: BatchExportRow[]): string[] {
	const columns: string[] = [];
	for (const { run } of rows) {
		for (const [group, field] of dataRows(run?.data ?? null)) {
			const column = field ? `${group}.${field}` : group;
			if (!columns.includes(column)) columns.push(column);
		}
	}
	return columns;
}

function batchValues(row: BatchExportRow, columns: string[]): Cell[] {
	const values = new Map(
		dataRows(row.run?.data ?? null).map(([group, field, value]) => [
			field ? `${group}.${field}` : group,
			value,
		]),
	);
	return columns.map((column) => cellValue(values.get(column)));
}

export function batchJson(rows: BatchExportRow[]): unknown[] {
	return rows.map(({ session, run }) => ({
		session_id: session.id,
		session_name: session.name,
		status: session.status,
		result_id: run?.id ?? null,
		data: run?.data ?? null,
	}));
}

function csvField(value: Cell): string {
	const text = value === null || value === undefined ? '' : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function batchCsv(rows: BatchExportRow[]): string {
	const columns = batchColumns(rows);
	const lines = [['session_id', 'session_name', 'status', ...columns].map(csvField).join(',')];
	for (const row of rows) {
		lines.push(
			[row.session.id, row.session.name, row.session.status, ...batchValues(row, columns)]
				.map(csvField)
				.join(','),
		);
	}
	return `${lines.join('\r\n')}\r\n`;
}

export function batchWorkbook(
	engine: FakeEngine,
	template: Template,
	rows: BatchExportRow[],
): Buffer {
	const columns = batchColumns(rows);
	const audit: Cell[][] = [
		['Session ID', 'Session name', 'Group', 'Field', 'Reasoning', 'Sources'],
	];
	for (const { session, run } of rows) {
		for (const [group, field, reasoning, sources] of flattenAudit(run?.auditData ?? null))
			audit.push([session.id, session.name, group, field, reasoning, sources]);
	}
	return buildXlsx(
		[
			{
				name: 'Data',
				rows: [
					['Session ID', 'Session name', 'Status', ...columns],
					...rows.map((row) => [
						row.session.id,
						row.session.name,
						row.session.status,
						...batchValues(row, columns),
					]),
				],
			},
			{ name: 'Audit', rows: audit },
			{
				name: 'Metadata',
				rows: [
					['Key', 'Value'],
					['Exported at', isoTime(engine.now())],
					['Template', template.name],
					['Template ID', template.id],
					['Sessions', rows.length],
					['Sessions with results', rows.filter((row) => row.run).length],
				],
			},
		],
		new Date(engine.now()),
	);
}
