import { ProcessingJitter } from '../../../tools/fake-raydocs/processingJitter';

describe('ProcessingJitter', () => {
	it('draws values in [0, range) that spread over the range', () => {
		const jitter = new ProcessingJitter();
		const values = Array.from({ length: 200 }, () => jitter.next(1000));
		expect(values.every((value) => Number.isInteger(value) && value >= 0 && value < 1000)).toBe(
			true,
		);
		expect(Math.min(...values)).toBeLessThan(100);
		expect(Math.max(...values)).toBeGreaterThan(900);
	});

	it('gives the same sequence after restart(), and in a new instance', () => {
		const jitter = new ProcessingJitter();
		const first = Array.from({ length: 5 }, () => jitter.next(70_000));
		jitter.restart();
		expect(Array.from({ length: 5 }, () => jitter.next(70_000))).toEqual(first);
		const other = new ProcessingJitter();
		expect(Array.from({ length: 5 }, () => other.next(70_000))).toEqual(first);
	});

	it('returns 0 for an empty range without using up a value of the sequence', () => {
		const jitter = new ProcessingJitter();
		const fresh = new ProcessingJitter();
		expect([jitter.next(undefined), jitter.next(0), jitter.next(-5)]).toEqual([0, 0, 0]);
		expect(jitter.next(1000)).toBe(fresh.next(1000));
	});
});
