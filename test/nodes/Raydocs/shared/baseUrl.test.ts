import { BASE_URL_EXPRESSION, DEFAULT_BASE_URL, normalizeBaseUrl } from '../../../../nodes/Raydocs/shared/baseUrl';

/** Evaluates the `={{ … }}` expression the way n8n would, for the credential given. */
function evaluateExpression(credentials: Record<string, unknown>): string {
	const inner = /^=\{\{ (.*) \}\}$/.exec(BASE_URL_EXPRESSION)![1];
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- evaluates the expression as n8n would; test only
	return new Function('$credentials', `return ${inner};`)(credentials) as string;
}

describe('normalizeBaseUrl', () => {
	it("uses Raydocs' public API when the Base URL is empty, blank or not text", () => {
		expect(DEFAULT_BASE_URL).toBe('https://api.raydocs.com');
		for (const empty of ['', '   ', undefined, null, 42, {}]) expect(normalizeBaseUrl(empty)).toBe('https://api.raydocs.com');
	});

	it('drops surrounding spaces and every trailing slash, nothing else', () => {
		expect(normalizeBaseUrl('  https://raydocs.example.test/api//  ')).toBe('https://raydocs.example.test/api');
		expect(normalizeBaseUrl('https://raydocs.example.test/')).toBe('https://raydocs.example.test');
		expect(normalizeBaseUrl('https://raydocs.example.test/a/b')).toBe('https://raydocs.example.test/a/b');
	});
});

describe('BASE_URL_EXPRESSION', () => {
	it('applies the same rule as normalizeBaseUrl in declarative requests', () => {
		for (const baseUrl of ['', '  https://raydocs.example.test/api//  ', 'https://raydocs.example.test', undefined]) {
			expect(evaluateExpression({ baseUrl })).toBe(normalizeBaseUrl(baseUrl));
		}
	});
});
