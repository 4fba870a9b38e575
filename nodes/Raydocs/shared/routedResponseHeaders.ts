import type { IExecutePaginationFunctions } from 'n8n-workflow';

type RequestHelper = (...args: unknown[]) => Promise<unknown>;

/**
 * n8n's makeRoutingRequest asks for the full response but hands back only the items it made of the
 * body: the headers (X-RateLimit-Remaining, which the limiter learns from) are dropped. It sends
 * through the item context's own `helpers.httpRequestWithAuthentication` (n8n builds one helpers
 * object per item context, and our pagination context inherits it), so while `run` is in flight that
 * helper is wrapped to pass each response's headers on. An item's requests are sequential, so the
 * wrap never overlaps itself. When a host's helpers cannot be wrapped, `run` goes ahead unobserved
 * and the limiter learns from failures only.
 */
export async function observeRoutedResponseHeaders<T>(
	context: IExecutePaginationFunctions,
	onHeaders: (headers: unknown) => void,
	run: () => Promise<T>,
): Promise<T> {
	const helpers = context.helpers as unknown as Record<string, unknown>;
	const original = helpers.httpRequestWithAuthentication as RequestHelper | undefined;
	if (typeof original !== 'function' || !Object.getOwnPropertyDescriptor(helpers, 'httpRequestWithAuthentication')?.writable) {
		return await run();
	}
	helpers.httpRequestWithAuthentication = async function (this: unknown, ...args: unknown[]) {
		const response = await original.apply(this, args);
		if (typeof response === 'object' && response !== null && 'headers' in response) {
			onHeaders((response as { headers: unknown }).headers);
		}
		return response;
	};
	try {
		return await run();
	} finally {
		helpers.httpRequestWithAuthentication = original;
	}
}
