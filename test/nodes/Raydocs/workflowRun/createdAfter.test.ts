import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { sendCreatedAfter, toRfc3339 } from '../../../../nodes/Raydocs/resources/workflowRun/createdAfter';

describe('Workflow Run → Get Many: Created After for cursor sync', () => {
	describe('toRfc3339', () => {
		it('keeps a timestamp that has an offset as it is, sub-millisecond digits included', () => {
			expect(toRfc3339(' 2026-07-21T12:34:55.000123Z ', 'Europe/Paris')).toBe('2026-07-21T12:34:55.000123Z');
			expect(toRfc3339('2026-07-21T12:34:55+02:00', 'UTC')).toBe('2026-07-21T12:34:55+02:00');
			expect(toRfc3339('2026-07-21T12:34:55-0530', 'UTC')).toBe('2026-07-21T12:34:55-0530');
			expect(toRfc3339('2026-07-21t12:34:55z', 'UTC')).toBe('2026-07-21t12:34:55z');
		});

		it('refuses a timestamp with an offset that is not a date', () => {
			expect(toRfc3339('2026-13-45T99:00:00Z', 'UTC')).toBeUndefined();
		});

		it('reads a picked date without offset in the workflow time zone, winter and summer', () => {
			expect(toRfc3339('2026-01-15T10:00:00', 'Europe/Paris')).toBe('2026-01-15T09:00:00.000Z');
			expect(toRfc3339('2026-07-15T10:00:00', 'Europe/Paris')).toBe('2026-07-15T08:00:00.000Z');
			expect(toRfc3339('2026-07-15T10:00:00', 'America/New_York')).toBe('2026-07-15T14:00:00.000Z');
			expect(toRfc3339('2026-07-15T10:00:00', 'Asia/Kolkata')).toBe('2026-07-15T04:30:00.000Z');
		});

		it('takes a date alone as midnight, a space for the T, and minutes without seconds', () => {
			expect(toRfc3339('2026-07-15', 'UTC')).toBe('2026-07-15T00:00:00.000Z');
			expect(toRfc3339('2026-07-15 10:20', 'UTC')).toBe('2026-07-15T10:20:00.000Z');
		});

		it('keeps milliseconds of a picked time, however many digits it has', () => {
			expect(toRfc3339('2026-07-15T10:00:00.5', 'UTC')).toBe('2026-07-15T10:00:00.500Z');
			expect(toRfc3339('2026-07-15T10:00:00.123456789', 'Europe/Paris')).toBe('2026-07-15T08:00:00.123Z');
		});

		it('settles the offset on the days the clocks change', () => {
			// Paris: 02:00 became 03:00 on 29 March 2026 (01:00 UTC) and 03:00 became 02:00 on 25 October (01:00 UTC)
			expect(toRfc3339('2026-03-29T01:30:00', 'Europe/Paris')).toBe('2026-03-29T00:30:00.000Z');
			expect(toRfc3339('2026-03-29T03:30:00', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
			expect(toRfc3339('2026-10-25T01:30:00', 'Europe/Paris')).toBe('2026-10-24T23:30:00.000Z');
			expect(toRfc3339('2026-10-25T04:30:00', 'Europe/Paris')).toBe('2026-10-25T03:30:00.000Z');
		});

		it('falls back to UTC for a time zone that does not exist', () => {
			expect(toRfc3339('2026-07-15T10:00:00', 'Mars/Olympus_Mons')).toBe('2026-07-15T10:00:00.000Z');
		});

		it('says no to text that is not a date, and to dates and times that do not exist', () => {
			for (const text of ['yesterday', '', '2026-07-15T10', '15/07/2026', '2026-07-15T10:00:00 UTC']) {
				expect(toRfc3339(text, 'UTC')).toBeUndefined();
			}
			for (const text of ['2026-13-01', '2026-02-30', '2026-07-15T24:00', '2026-07-15T10:60', '2026-07-15T10:00:60']) {
				expect(toRfc3339(text, 'UTC')).toBeUndefined();
			}
		});
	});

	describe('sendCreatedAfter', () => {
		const node = { name: 'Raydocs' } as INode;
		const contextFor = (createdAfter: unknown, timeZone = 'Europe/Paris') =>
			({
				getNode: () => node,
				getItemIndex: () => 1,
				getTimezone: () => timeZone,
				getNodeParameter: (name: string) => (name === 'createdAfter' ? createdAfter : undefined),
			}) as unknown as IExecuteSingleFunctions;
		const request = (qs?: IDataObject): IHttpRequestOptions => ({ url: '/workflows/runs', qs });
		const failureOf = async (createdAfter: unknown) =>
			(await sendCreatedAfter.call(contextFor(createdAfter), request()).then(
				() => {
					throw new Error('no error');
				},
				(error: unknown) => error,
			)) as { message: string; description?: string; context?: { itemIndex?: number } };

		it('adds created_after in the workflow time zone and keeps the other query parameters', async () => {
			const sent = await sendCreatedAfter.call(contextFor('2026-07-15T10:00:00'), request({ pagination: 'cursor' }));
			expect(sent.qs).toEqual({ pagination: 'cursor', created_after: '2026-07-15T08:00:00.000Z' });
			const alone = await sendCreatedAfter.call(contextFor('2026-07-15T10:00:00', 'UTC'), request());
			expect(alone.qs).toEqual({ created_after: '2026-07-15T10:00:00.000Z' });
		});

		it('takes a date object from an expression as the instant it is', async () => {
			const sent = await sendCreatedAfter.call(contextFor(new Date(Date.UTC(2026, 6, 15, 10, 0, 0, 250))), request());
			expect(sent.qs).toEqual({ created_after: '2026-07-15T10:00:00.250Z' });
		});

		it('refuses an empty value: cursor sync needs a start time', async () => {
			for (const createdAfter of ['', '  ', undefined, null]) {
				const error = await failureOf(createdAfter);
				expect(error.message).toBe('Created After is empty: cursor sync needs a start time');
				expect(error.context?.itemIndex).toBe(1);
				expect(error.description).toContain('server_time');
			}
		});

		it('refuses text that is not a date, quoting it', async () => {
			const error = await failureOf('last tuesday');
			expect(error.message).toBe('Created After "last tuesday" is not a date and time Raydocs understands');
			expect(error.context?.itemIndex).toBe(1);
		});
	});
});
