import { parseBody, presentedAuth, readQuery } from '../../../tools/fake-raydocs/requestParsing';
import type { TokenRecord } from '../../../tools/fake-raydocs/tokens';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('parseBody', () => {
	it('reads JSON by content type, and untyped text that starts like JSON', () => {
		expect(parseBody(bytes('{"a":1}'), 'application/json; charset=utf-8')).toEqual({
			kind: 'json',
			value: { a: 1 },
		});
		expect(parseBody(bytes(' [1,2]'), undefined)).toEqual({ kind: 'json', value: [1, 2] });
		expect(parseBody(bytes('{"a":'), 'application/json')).toEqual({ kind: 'invalid-json' });
	});

	it('reads form fields, collecting `name[]` into a list', () => {
		expect(
			parseBody(bytes('name=Ada&ids[]=1&ids[]=2'), 'application/x-www-form-urlencoded'),
		).toEqual({
			kind: 'form',
			value: { name: 'Ada', ids: ['1', '2'] },
		});
	});

	it('treats anything else as bytes, and nothing as empty', () => {
		expect(parseBody(bytes('%PDF-1.4'), 'application/pdf')).toEqual({ kind: 'binary' });
		expect(parseBody(bytes('plain words'), undefined)).toEqual({ kind: 'binary' });
		expect(parseBody(Buffer.alloc(0), 'application/json')).toEqual({ kind: 'empty' });
	});
});

describe('readQuery', () => {
	it('keeps one value as a string and a repeated parameter as a list', () => {
		const url = new URL('http://127.0.0.1/x?page=2&status=a&status=b&status=c');
		expect(readQuery(url)).toEqual({ page: '2', status: ['a', 'b', 'c'] });
	});
});

describe('presentedAuth', () => {
	const record: TokenRecord = { label: 'full', abilities: '*', userId: 1, revoked: false };
	const lookup = (token: string) => (token === 'rd_test_known' ? record : undefined);

	it('finds the token of a Bearer header, whatever the case of the scheme and the spaces around', () => {
		expect(presentedAuth('  bearer   rd_test_known ', lookup)).toEqual({ present: true, record });
	});

	it('tells a missing header from one that names no token the fake issued', () => {
		expect(presentedAuth(undefined, lookup)).toEqual({ present: false });
		expect(presentedAuth('Bearer rd_test_other', lookup)).toEqual({
			present: true,
			record: undefined,
		});
		expect(presentedAuth('Basic dXNlcjpwYXNz', lookup)).toEqual({
			present: true,
			record: undefined,
		});
	});
});
