/** The items of a list response, whichever documented shape it has (bare array or `{ data }`). */
export function listItemsOf<T>(body: unknown): T[] {
	if (Array.isArray(body)) return body as T[];
	if (typeof body === 'object' && body !== null && Array.isArray((body as { data?: unknown }).data)) {
		return (body as { data: T[] }).data;
	}
	return [];
}
