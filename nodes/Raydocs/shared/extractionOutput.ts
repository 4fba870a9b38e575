import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

/** An extraction run (a "result") as Raydocs returns it. */
export interface ExtractionRun extends IDataObject {
	id: string;
	status: string;
}

export const TERMINAL_RUN_STATUSES = new Set(['completed', 'failed']);

export type OutputFieldLayout = 'flat' | 'nested';

export interface OutputShape {
	simplify: boolean;
	layout: OutputFieldLayout;
	/** Simplified output without ids, title, dates and file names. */
	valuesOnly?: boolean;
}

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ group: { field: v } }` → `{ 'group.field': v }`; arrays and scalars stay as values. */
export function flattenExtractedData(data: IDataObject, prefix = ''): IDataObject {
	const flat: IDataObject = {};
	for (const [key, value] of Object.entries(data)) {
		const path = prefix ? `${prefix}.${key}` : key;
		if (isPlainObject(value) && Object.keys(value).length) {
			Object.assign(flat, flattenExtractedData(value, path));
		} else {
			flat[path] = value;
		}
	}
	return flat;
}

function documentNames(run: ExtractionRun): string[] {
	if (!Array.isArray(run.document_refs)) return [];
	return run.document_refs
		.map((ref) => (isPlainObject(ref) ? ref.filename : undefined))
		.filter((name): name is string => typeof name === 'string');
}

/** Why a run failed, in Raydocs' words where it gave any. */
export function failureReason(run: ExtractionRun): string {
	for (const key of ['error', 'message', 'failure_reason', 'reason']) {
		if (typeof run[key] === 'string' && run[key]) return run[key] as string;
	}
	return 'Raydocs reported the extraction as failed without a reason';
}

/**
 * Simplified: ids, status, title and the extracted values (flat `group.field` columns or nested
 * groups); raw: the API object as is, audit trail included, with `result_id` and `session_id` in
 * front, so that expressions such as `$json.result_id` work with Simplify on or off.
 *
 * `fileNames` are the names of the files the node uploaded for this run. Raydocs keeps one document
 * per content in a workspace (sha256): a file with the bytes of a stored document becomes that
 * document, under the name it was first stored with, and the run names that. The simplified
 * `documents` name the files the user gave instead; the raw object stays as Raydocs answered.
 */
export function shapeExtractionRun(run: ExtractionRun, shape: OutputShape, fileNames?: string[]): IDataObject {
	const ids: IDataObject = {
		result_id: run.id,
		session_id: (run.extraction_session_id as string | undefined) ?? null,
	};
	if (!shape.simplify) return { ...ids, ...run };
	const values = isPlainObject(run.data) ? run.data : {};
	const simplified: IDataObject = shape.valuesOnly
		? { status: run.status }
		: {
				...ids,
				status: run.status,
				title: (run.title as string | null | undefined) ?? null,
				completed_at: (run.completed_at as string | null | undefined) ?? null,
				documents: fileNames ?? documentNames(run),
			};
	if (run.status === 'failed') simplified.error = failureReason(run);
	return {
		...simplified,
		...(shape.layout === 'flat' ? flattenExtractedData(values) : values),
	};
}

/**
 * Reads Simplify / Field Layout / Values Only where the operation shows them (defaults: simplified,
 * flat, all keys).
 */
export function outputShapeOf(getParameter: (name: string, fallback: unknown) => unknown): OutputShape {
	return {
		simplify: getParameter('simplify', true) !== false,
		layout: getParameter('fieldLayout', 'flat') === 'nested' ? 'nested' : 'flat',
		valuesOnly: getParameter('valuesOnly', false) === true,
	};
}

/** postReceive for Extraction → Get. */
export async function shapeExtractionRunResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const shape = outputShapeOf((name, fallback) => this.getNodeParameter(name, fallback));
	return items.map((item) => ({
		...item,
		json: shapeExtractionRun(item.json as ExtractionRun, shape),
	}));
}
