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
	/**
	 * Raw output also carries `result_id` and `session_id`, the keys the simplified output uses, so
	 * expressions such as `$json.result_id` work with Simplify on or off (node version 1.1).
	 */
	idKeys: boolean;
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
 * groups); raw: the API object as is, audit trail included.
 */
export function shapeExtractionRun(run: ExtractionRun, shape: OutputShape): IDataObject {
	const ids: IDataObject = {
		result_id: run.id,
		session_id: (run.extraction_session_id as string | undefined) ?? null,
	};
	if (!shape.simplify) return shape.idKeys ? { ...ids, ...run } : run;
	const values = isPlainObject(run.data) ? run.data : {};
	const simplified: IDataObject = shape.valuesOnly
		? { status: run.status }
		: {
				...ids,
				status: run.status,
				title: (run.title as string | null | undefined) ?? null,
				completed_at: (run.completed_at as string | null | undefined) ?? null,
				documents: documentNames(run),
			};
	if (run.status === 'failed') simplified.error = failureReason(run);
	return {
		...simplified,
		...(shape.layout === 'flat' ? flattenExtractedData(values) : values),
	};
}

/**
 * Reads Simplify / Field Layout / Values Only where the operation shows them (defaults: simplified,
 * flat, all keys); the node's version decides whether raw output carries the simplified id keys too.
 */
export function outputShapeOf(
	getParameter: (name: string, fallback: unknown) => unknown,
	typeVersion = 1,
): OutputShape {
	return {
		simplify: getParameter('simplify', true) !== false,
		layout: getParameter('fieldLayout', 'flat') === 'nested' ? 'nested' : 'flat',
		valuesOnly: getParameter('valuesOnly', false) === true,
		idKeys: typeVersion >= 1.1,
	};
}

/** postReceive for Extraction → Get. */
export async function shapeExtractionRunResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const shape = outputShapeOf((name, fallback) => this.getNodeParameter(name, fallback), this.getNode().typeVersion);
	return items.map((item) => ({
		...item,
		json: shapeExtractionRun(item.json as ExtractionRun, shape),
	}));
}
