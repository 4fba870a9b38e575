import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import {
	listItemsOf,
	nextPageOf,
	readListAnswer,
	splitListResponse,
} from '../../../../nodes/Raydocs/shared/listResponse';

const one = { id: 1 };
const two = { id: 2 };
const asItems = (...jsons: object[]): INodeExecutionData[] => jsons.map((json) => ({ json: json as never }));

describe('listResponse: both documented list shapes read in one place', () => {
	it('reads the items of a bare array and of a { data } wrapper, and nothing from anything else', () => {
		expect(listItemsOf([one, two])).toEqual([one, two]);
		expect(listItemsOf({ data: [one, two], meta: { total: 2 } })).toEqual([one, two]);
		expect(listItemsOf({ data: { id: 1 } })).toEqual([]);
		expect(listItemsOf({ id: 1 })).toEqual([]);
		expect(listItemsOf(null)).toEqual([]);
		expect(listItemsOf('[1]')).toEqual([]);
		expect(listItemsOf(undefined)).toEqual([]);
	});

	it('unwraps a routed answer of one { data, meta } item, keeping its meta', () => {
		expect(readListAnswer(asItems({ data: [one, two], meta: { next_cursor: 'c2' } }))).toEqual({
			items: [one, two],
			meta: { next_cursor: 'c2' },
		});
		// meta missing or not an object reads as none
		expect(readListAnswer(asItems({ data: [one] }))).toEqual({ items: [one], meta: {} });
		expect(readListAnswer(asItems({ data: [one], meta: null }))).toEqual({ items: [one], meta: {} });
		expect(readListAnswer(asItems({ data: [one], meta: 'page 1' }))).toEqual({ items: [one], meta: {} });
	});

	it('keeps a bare array answer (one item per entry) as it is, with no meta', () => {
		expect(readListAnswer(asItems(one, two))).toEqual({ items: [one, two], meta: {} });
		// a single entry that is not a wrapper is a one-entry list
		expect(readListAnswer(asItems(one))).toEqual({ items: [one], meta: {} });
		// several items are entries even when they look like wrappers
		const wrapperLike = { data: [one], meta: { total: 1 } };
		expect(readListAnswer(asItems(wrapperLike, wrapperLike))).toEqual({ items: [wrapperLike, wrapperLike], meta: {} });
		expect(readListAnswer([])).toEqual({ items: [], meta: {} });
	});

	it('splits a list answer into one item per entry and leaves a single object as one item', async () => {
		const context = {} as IExecuteSingleFunctions;
		const routed = asItems({ routed: true });
		const split = async (body: unknown) =>
			await splitListResponse.call(context, routed, { body, headers: {}, statusCode: 200 } as IN8nHttpFullResponse);
		expect(await split([one, two])).toEqual(asItems(one, two));
		expect(await split({ data: [one, two], meta: {} })).toEqual(asItems(one, two));
		expect(await split([])).toEqual([]);
		expect(await split({ id: 9 })).toBe(routed);
	});
});

describe('nextPageOf: the page after this one of a Laravel-paginated list', () => {
	it('is the page after the current one until the last', () => {
		expect(nextPageOf({ data: [one], meta: { current_page: 2, last_page: 3 } }, 2)).toBe(3);
		expect(nextPageOf({ data: [one], meta: { current_page: 3, last_page: 3 } }, 3)).toBeUndefined();
		expect(nextPageOf({ data: [one], meta: { current_page: 4, last_page: 3 } }, 4)).toBeUndefined();
	});

	it("follows the answer's page number over the one asked for", () => {
		expect(nextPageOf({ data: [one], meta: { current_page: '1', last_page: '5' } }, 7)).toBe(2);
		expect(nextPageOf({ data: [one], meta: { current_page: 0, last_page: '1' } }, 7)).toBe(1);
	});

	it('counts from the page asked for when the answer does not say', () => {
		expect(nextPageOf({ data: [one], meta: { last_page: 5 } }, 4)).toBe(5);
		expect(nextPageOf({ data: [one], meta: { current_page: null, last_page: 5 } }, 5)).toBeUndefined();
	});

	it('stops at an empty page, whatever the page numbers say', () => {
		expect(nextPageOf({ data: [], meta: { current_page: 2, last_page: 9 } }, 2)).toBeUndefined();
	});

	it('stops without a last page: a bare array, no meta, or an unreadable one', () => {
		expect(nextPageOf([one, two], 1)).toBeUndefined();
		expect(nextPageOf({ data: [one] }, 1)).toBeUndefined();
		expect(nextPageOf({ data: [one], meta: { current_page: 1, last_page: null } }, 1)).toBeUndefined();
		expect(nextPageOf({ data: [one], meta: { current_page: 1, last_page: 'many' } }, 1)).toBeUndefined();
	});
});
