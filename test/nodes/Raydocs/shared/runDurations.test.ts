import {
	FINISHED_SHARE,
	forgetRunDurations,
	likelyDurationMs,
	recordRunDuration,
	rememberedTemplates,
	reportedDurationMs,
	SAMPLES_KEPT,
	TEMPLATES_KEPT,
} from '../../../../nodes/Raydocs/shared/runDurations';

const RAYDOCS = 'https://api.raydocs.com';
const TEMPLATE = '550e8400-e29b-41d4-a716-446655440000';

beforeEach(() => forgetRunDurations());

describe('reportedDurationMs: a run from Raydocs time stamps', () => {
	it.each([
		['whole seconds', '2024-01-15T10:30:00Z', '2024-01-15T10:31:10Z', 70_000],
		['microseconds (Laravel)', '2024-01-15T10:30:00.250000Z', '2024-01-15T10:31:10.750000Z', 70_500],
		['milliseconds and an offset', '2024-01-15T11:30:00.000+01:00', '2024-01-15T10:30:07.5Z', 7_500],
		['the same instant', '2024-01-15T10:30:00Z', '2024-01-15T10:30:00Z', 0],
		['a whole day, the longest taken', '2024-01-15T10:30:00Z', '2024-01-16T10:30:00Z', 86_400_000],
	])('%s', (_form, created, completed, expected) => {
		expect(reportedDurationMs(created, completed)).toBe(expected);
	});

	it.each([
		['no completion time', '2024-01-15T10:30:00Z', null],
		['no start time', undefined, '2024-01-15T10:30:00Z'],
		['empty time stamps', '', ''],
		['an unreadable time', 'yesterday-ish', '2024-01-15T10:30:00Z'],
		['a completion before the start', '2024-01-15T10:30:00Z', '2024-01-15T10:29:00Z'],
		['more than a day', '2024-01-15T10:30:00Z', '2024-01-16T10:30:01Z'],
		['a number instead of a time stamp', 1_705_314_600_000, 1_705_314_670_000],
		// Date.parse would read 2024 as the year 2024
		['years as numbers', 2024, 2024],
	])('none for %s', (_case, created, completed) => {
		expect(reportedDurationMs(created, completed)).toBeUndefined();
	});
});

describe('likelyDurationMs: when most runs of a template have finished', () => {
	it('knows nothing of a template never seen', () => {
		expect(likelyDurationMs(RAYDOCS, TEMPLATE)).toBeUndefined();
	});

	it('after one run, that run; after more, the point where FINISHED_SHARE of them had finished', () => {
		recordRunDuration(RAYDOCS, TEMPLATE, 70_000);
		expect(likelyDurationMs(RAYDOCS, TEMPLATE)).toBe(70_000);
		for (const seconds of [63, 77, 66, 74]) recordRunDuration(RAYDOCS, TEMPLATE, seconds * 1000);
		// 63, 66, 70, 74, 77: the median
		expect(FINISHED_SHARE).toBe(0.5);
		expect(likelyDurationMs(RAYDOCS, TEMPLATE)).toBe(70_000);
		recordRunDuration(RAYDOCS, TEMPLATE, 80_000);
		// 63, 66, 70, 74, 77, 80: halfway between 70 and 74
		expect(likelyDurationMs(RAYDOCS, TEMPLATE)).toBe(72_000);
	});

	it('learns per deployment and template', () => {
		recordRunDuration(RAYDOCS, TEMPLATE, 70_000);
		expect(likelyDurationMs('https://raydocs.internal.example', TEMPLATE)).toBeUndefined();
		expect(likelyDurationMs(RAYDOCS, '660e8400-e29b-41d4-a716-446655440001')).toBeUndefined();
	});

	it('ignores what is not a duration or has no template', () => {
		recordRunDuration(RAYDOCS, TEMPLATE, Number.NaN);
		recordRunDuration(RAYDOCS, TEMPLATE, undefined);
		recordRunDuration(RAYDOCS, TEMPLATE, Number.POSITIVE_INFINITY);
		recordRunDuration(RAYDOCS, TEMPLATE, -5);
		recordRunDuration(RAYDOCS, '', 10_000);
		recordRunDuration(RAYDOCS, undefined, 10_000);
		expect(rememberedTemplates()).toBe(0);
		// a run that finished the moment it started is a duration
		recordRunDuration(RAYDOCS, TEMPLATE, 0);
		expect(likelyDurationMs(RAYDOCS, TEMPLATE)).toBe(0);
	});
});

describe('bounded memory', () => {
	it(`keeps exactly the last ${SAMPLES_KEPT} runs`, () => {
		// runs of 1, 2, ..., 26 s: 2-26 s are kept, whose median is 14 s (13.5 s had all 26 stayed, 14.5 s with 24)
		for (let seconds = 1; seconds <= SAMPLES_KEPT + 1; seconds++) recordRunDuration(RAYDOCS, TEMPLATE, seconds * 1000);
		expect(SAMPLES_KEPT).toBe(25);
		expect(likelyDurationMs(RAYDOCS, TEMPLATE)).toBe(14_000);
	});

	it(`keeps the last ${SAMPLES_KEPT} runs of a template, so that it follows a change in speed`, () => {
		for (let run = 0; run < SAMPLES_KEPT; run++) recordRunDuration(RAYDOCS, TEMPLATE, 100_000);
		for (let run = 0; run < SAMPLES_KEPT; run++) recordRunDuration(RAYDOCS, TEMPLATE, 30_000);
		expect(likelyDurationMs(RAYDOCS, TEMPLATE)).toBe(30_000);
	});

	it(`keeps ${TEMPLATES_KEPT} templates and forgets the one whose runs it saw longest ago`, () => {
		const template = (index: number) => `template-${index}`;
		for (let index = 0; index <= TEMPLATES_KEPT; index++) recordRunDuration(RAYDOCS, template(index), 1000 + index);
		expect(rememberedTemplates()).toBe(TEMPLATES_KEPT);
		expect(likelyDurationMs(RAYDOCS, template(0))).toBeUndefined();
		expect(likelyDurationMs(RAYDOCS, template(1))).toBe(1001);
		// a run of template 1 makes it recent: template 2 goes next
		recordRunDuration(RAYDOCS, template(1), 1001);
		recordRunDuration(RAYDOCS, template(TEMPLATES_KEPT + 1), 5000);
		expect(likelyDurationMs(RAYDOCS, template(1))).toBe(1001);
		expect(likelyDurationMs(RAYDOCS, template(2))).toBeUndefined();
	});
});
