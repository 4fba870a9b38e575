/**
 * The one rule for the credential's Base URL: empty means Raydocs' public API, surrounding spaces
 * and trailing slashes are dropped. Code calls normalizeBaseUrl; declarative requests and the
 * credential test use the same rule as an expression.
 */
export const DEFAULT_BASE_URL = 'https://api.raydocs.com';

export function normalizeBaseUrl(baseUrl: unknown): string {
	const text = typeof baseUrl === 'string' ? baseUrl.trim() : '';
	return (text || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

export const BASE_URL_EXPRESSION = `={{ ($credentials.baseUrl || "${DEFAULT_BASE_URL}").trim().replace(/\\/+$/, "") }}`;
