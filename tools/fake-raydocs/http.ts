/** Replies, Laravel-style errors, validation and pagination shared by the route handlers. */
import { INTEGER_ID_PATTERN, UUID_PATTERN, isRecord } from './util';

export interface ApiReply {
	status: number;
	/** Serialised as JSON unless `body` is set. Undefined + no body = empty response (204). */
	json?: unknown;
	body?: Buffer;
	contentType?: string;
	headers?: Record<string, string>;
}

export function jsonReply(
	status: number,
	json: unknown,
	headers?: Record<string, string>,
): ApiReply {
	return { status, json, headers };
}

export function noContent(): ApiReply {
	return { status: 204 };
}

/** Thrown by handlers; rendered as `{message}` plus `errors` for 422. */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly errors?: Record<string, string[]>,
		readonly headers?: Record<string, string>,
	) {
		super(message);
	}
}

export function notFound(what: string): HttpError {
	return new HttpError(404, `${what} not found.`);
}

export function forbidden(message = 'This action is unauthorized.'): HttpError {
	return new HttpError(403, message);
}

/** Laravel's summary message: the first error, plus "(and N more error(s))". */
export function validationFailed(errors: Record<string, string[]>): HttpError {
	const messages = Object.values(errors).flat();
	const extra = messages.length - 1;
	const message =
		extra > 0 ? `${messages[0]} (and ${extra} more error${extra > 1 ? 's' : ''})` : messages[0];
	return new HttpError(422, message, errors);
}

export function unprocessable(field: string, message: string): HttpError {
	return validationFailed({ [field]: [message] });
}

function attribute(field: string): string {
	return field.replace(/_/g, ' ');
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Collects Laravel-style validation messages for a JSON body. */
export class Validator {
	readonly errors: Record<string, string[]> = {};

	constructor(readonly body: Record<string, unknown>) {}

	fail(field: string, message: string): void {
		(this.errors[field] ??= []).push(message);
	}

	has(field: string): boolean {
		return this.body[field] !== undefined && this.body[field] !== null;
	}

	string(
		field: string,
		options: { required?: boolean; max?: number; nonEmpty?: boolean } = {},
	): string | undefined {
		const value = this.body[field];
		if (value === undefined || value === null || (value === '' && options.required)) {
			if (options.required) this.fail(field, `The ${attribute(field)} field is required.`);
			return undefined;
		}
		if (typeof value !== 'string') {
			this.fail(field, `The ${attribute(field)} field must be a string.`);
			return undefined;
		}
		if (options.nonEmpty && value.trim() === '') {
			this.fail(field, `The ${attribute(field)} field must not be empty.`);
			return undefined;
		}
		const max = options.max ?? 255;
		if (value.length > max) {
			this.fail(field, `The ${attribute(field)} field must not be greater than ${max} characters.`);
			return undefined;
		}
		return value;
	}

	email(field: string): string | undefined {
		const value = this.string(field, { required: true });
		if (value !== undefined && !EMAIL_PATTERN.test(value)) {
			this.fail(field, `The ${attribute(field)} field must be a valid email address.`);
			return undefined;
		}
		return value;
	}

	oneOf<T extends string>(field: string, allowed: readonly T[], required: boolean): T | undefined {
		const value = this.body[field];
		if (value === undefined || value === null || value === '') {
			if (required) this.fail(field, `The ${attribute(field)} field is required.`);
			return undefined;
		}
		if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
			this.fail(field, `The selected ${attribute(field)} is invalid.`);
			return undefined;
		}
		return value as T;
	}

	boolean(field: string): boolean | undefined {
		const value = this.body[field];
		if (value === undefined || value === null) return undefined;
		if (typeof value === 'boolean') return value;
		if (value === 0 || value === 1 || value === '0' || value === '1')
			return value === 1 || value === '1';
		this.fail(field, `The ${attribute(field)} field must be true or false.`);
		return undefined;
	}

	integer(field: string, required: boolean): number | undefined {
		const value = this.body[field];
		if (value === undefined || value === null || value === '') {
			if (required) this.fail(field, `The ${attribute(field)} field is required.`);
			return undefined;
		}
		const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
		if (!/^-?\d+$/.test(text)) {
			this.fail(field, `The ${attribute(field)} field must be an integer.`);
			return undefined;
		}
		return Number(text);
	}

	object(field: string): Record<string, unknown> | undefined {
		const value = this.body[field];
		if (value === undefined || value === null) return undefined;
		if (!isRecord(value)) {
			this.fail(field, `The ${attribute(field)} field must be an object.`);
			return undefined;
		}
		return value;
	}

	uuid(field: string, required: boolean): string | undefined {
		const value = this.string(field, { required });
		if (value !== undefined && !UUID_PATTERN.test(value)) {
			this.fail(field, `The ${attribute(field)} field must be a valid UUID.`);
			return undefined;
		}
		return value;
	}

	/** A required array of strings with size limits; element errors are reported under the array's name. */
	stringArray(
		field: string,
		options: { min?: number; max?: number; uuid?: boolean } = {},
	): string[] | undefined {
		const value = this.body[field];
		if (
			value === undefined ||
			value === null ||
			(Array.isArray(value) && value.length === 0 && (options.min ?? 1) > 0)
		) {
			this.fail(field, `The ${attribute(field)} field is required.`);
			return undefined;
		}
		if (!Array.isArray(value)) {
			this.fail(field, `The ${attribute(field)} field must be an array.`);
			return undefined;
		}
		if (options.max !== undefined && value.length > options.max) {
			this.fail(
				field,
				`The ${attribute(field)} field must not have more than ${options.max} items.`,
			);
			return undefined;
		}
		let valid = true;
		value.forEach((item, index) => {
			if (typeof item !== 'string' || item === '') {
				this.fail(field, `The ${attribute(field)}.${index} field must be a string.`);
				valid = false;
			} else if (options.uuid && !UUID_PATTERN.test(item)) {
				this.fail(field, `The ${attribute(field)}.${index} field must be a valid UUID.`);
				valid = false;
			}
		});
		return valid ? (value as string[]) : undefined;
	}

	get failed(): boolean {
		return Object.keys(this.errors).length > 0;
	}

	throwIfFailed(): void {
		if (this.failed) throw validationFailed(this.errors);
	}
}

export type Query = Record<string, string | string[]>;

export function queryValue(query: Query, name: string): string | undefined {
	const value = query[name];
	return Array.isArray(value) ? value[value.length - 1] : value;
}

export interface PageRequest {
	page: number;
	perPage: number;
}

/**
 * Reads `page` (invalid → 1, as Laravel's paginator does) and `per_page` (1..max, else 422).
 */
export function readPageRequest(
	query: Query,
	defaultPerPage: number,
	maxPerPage = 100,
): PageRequest {
	const pageText = queryValue(query, 'page');
	const page = pageText !== undefined && INTEGER_ID_PATTERN.test(pageText) ? Number(pageText) : 1;
	const perPageText = queryValue(query, 'per_page');
	let perPage = defaultPerPage;
	if (perPageText !== undefined) {
		if (!/^\d+$/.test(perPageText))
			throw unprocessable('per_page', 'The per page field must be an integer.');
		perPage = Number(perPageText);
		if (perPage < 1) throw unprocessable('per_page', 'The per page field must be at least 1.');
		if (perPage > maxPerPage)
			throw unprocessable('per_page', `The per page field must not be greater than ${maxPerPage}.`);
	}
	return { page, perPage };
}

/** Laravel resource-collection pagination: `{data, meta:{current_page,last_page,per_page,total,from,to}}`. */
export function paginate<T>(
	items: T[],
	request: PageRequest,
	render: (item: T) => unknown,
): Record<string, unknown> {
	const total = items.length;
	const lastPage = Math.max(1, Math.ceil(total / request.perPage));
	const start = (request.page - 1) * request.perPage;
	const pageItems = items.slice(start, start + request.perPage);
	return {
		data: pageItems.map(render),
		meta: {
			current_page: request.page,
			last_page: lastPage,
			per_page: request.perPage,
			total,
			from: pageItems.length > 0 ? start + 1 : null,
			to: pageItems.length > 0 ? start + pageItems.length : null,
		},
	};
}
