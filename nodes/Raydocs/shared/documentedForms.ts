import type { IDataObject } from 'n8n-workflow';

import { DOCUMENTED_ALTERNATE_FORMS, matchEndpoint } from './endpoints';
import { isMissingRouteError } from './errors';

/** The parts of a request that differ between two documented forms of one call. */
export interface RequestForm {
	method: string;
	/** Path below the base URL. */
	url: string;
	body?: unknown;
}

/** Which form a server answered to, per base URL and call, so later calls go straight to it. */
const formServed = new Map<string, 'reference' | 'other'>();

function fillPath(template: string, values: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(values[name] ?? ''));
}

/**
 * The request in each documented form, the reference form first; a call documented in one form only
 * gives just itself. `key` names the call for remembering which form a server has.
 */
export function documentedFormsOf(request: RequestForm): { key?: string; forms: RequestForm[] } {
	const path = request.url.split('?')[0];
	const matched = matchEndpoint(request.method, path);
	if (!matched) return { forms: [request] };
	const key = `${matched.endpoint.method} ${matched.endpoint.path}`;
	const alternate = DOCUMENTED_ALTERNATE_FORMS.find((form) => form.reference === key);
	if (!alternate) return { forms: [request] };
	const values: Record<string, string> = Object.fromEntries(matched.parameters);
	let body = request.body;
	const fromBody = alternate.other.pathFromBody ?? {};
	if (Object.keys(fromBody).length > 0) {
		const rest: IDataObject = { ...((request.body ?? {}) as IDataObject) };
		for (const [name, fallback] of Object.entries(fromBody)) {
			values[name] = rest[name] === undefined || rest[name] === '' ? fallback : String(rest[name]);
			delete rest[name];
		}
		body = rest;
	}
	const other = { method: alternate.other.method, url: fillPath(alternate.other.path, values), body };
	return { key, forms: [request, other] };
}

/**
 * Sends a call in the form the server has: the remembered one, else the reference form, then, when
 * the answer says that the route does not exist, the other documented form. Neither was processed
 * then, so nothing is done twice. When both fail, the user sees the first one's error.
 */
export async function sendInDocumentedForm<T>(
	/** The server's base URL, read only for calls with two forms. */
	baseUrlOf: () => Promise<string>,
	request: RequestForm,
	send: (form: RequestForm) => Promise<T>,
): Promise<T> {
	const { key, forms } = documentedFormsOf(request);
	if (!key) return await send(request);
	const memoryKey = `${await baseUrlOf()} ${key}`;
	const order = formServed.get(memoryKey) === 'other' ? [1, 0] : [0, 1];
	const remember = (index: number) => formServed.set(memoryKey, index === 0 ? 'reference' : 'other');
	const failures: unknown[] = [];
	for (const index of order) {
		const outcome = await send(forms[index]).then(
			(result) => ({ result }),
			(error: unknown) => ({ error }),
		);
		if (!('error' in outcome)) {
			remember(index);
			return outcome.result;
		}
		if (!isMissingRouteError(outcome.error)) {
			// The route exists: its answer (403, 404 for the record, 422, ...) is the answer.
			remember(index);
			throw outcome.error;
		}
		failures.push(outcome.error);
	}
	throw failures[0];
}

/** For tests: forget which forms servers answered to. */
export function forgetDocumentedForms(): void {
	formServed.clear();
}
