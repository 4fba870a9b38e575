import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

/** Offset of `timeZone` from UTC at the given instant, in milliseconds. */
function zoneOffsetMs(timeZone: string, instant: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(instant));
	const part = Object.fromEntries(parts.map(({ type, value }) => [type, Number(value)]));
	const asUtc = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
	return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * RFC 3339 for Raydocs. A value with an offset (e.g. a stored `server_time`) is sent unchanged, so
 * its sub-millisecond digits survive; a date picked in n8n has no offset and means the workflow's
 * time zone.
 */
export function toRfc3339(value: string, timeZone: string): string | undefined {
	const text = value.trim();
	if (HAS_OFFSET.test(text)) return Number.isNaN(Date.parse(text)) ? undefined : text;
	const match = LOCAL_DATE_TIME.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '0'] = match;
	const wallClock = Date.UTC(
		Number(year),
		Number(month) - 1,
		Number(day),
		Number(hour),
		Number(minute),
		Number(second),
		Number(fraction.padEnd(3, '0').slice(0, 3)),
	);
	// Date.UTC rolls an impossible date or time over (13th month, 24:00, 10:60): refuse it instead.
	if (new Date(wallClock).toISOString().slice(0, 19) !== `${year}-${month}-${day}T${hour}:${minute}:${second}`) return undefined;
	let zone = timeZone;
	try {
		zoneOffsetMs(zone, wallClock);
	} catch {
		zone = 'UTC';
	}
	// Two passes settle the offset around daylight-saving changes.
	let instant = wallClock - zoneOffsetMs(zone, wallClock);
	instant = wallClock - zoneOffsetMs(zone, instant);
	return new Date(instant).toISOString();
}

export async function sendCreatedAfter(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('createdAfter', '') as unknown;
	const text = raw instanceof Date ? raw.toISOString() : String(raw ?? '');
	const createdAfter = toRfc3339(text, this.getTimezone());
	if (!createdAfter) {
		throw new NodeOperationError(
			this.getNode(),
			text.trim()
				? `Created After "${text}" is not a date and time Raydocs understands`
				: 'Created After is empty: cursor sync needs a start time',
			{
				itemIndex: this.getItemIndex(),
				description:
					'Pick a date, or use an RFC 3339 timestamp such as the server_time of a previous sync, e.g. 2026-07-21T12:34:55Z.',
			},
		);
	}
	requestOptions.qs = { ...(requestOptions.qs as IDataObject), created_after: createdAfter };
	return requestOptions;
}
