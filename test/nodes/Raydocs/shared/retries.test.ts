import { isTransientFailure, retryPolicy, TRANSIENT_FAILURES, transientRetryWaitMs } from '../../../../nodes/Raydocs/shared/retries';

/** The one rule for passing faults, and the data that differs per host. */
describe('isTransientFailure', () => {
	it('takes no answer with a network code (or a body that is not JSON) as passing, for every host', () => {
		for (const host of ['api', 'download', 'upload'] as const) {
			expect(isTransientFailure({ code: 'ECONNRESET' }, host)).toBe(true);
			expect(isTransientFailure({ code: 'MALFORMED_RESPONSE' }, host)).toBe(true);
			// no status and nothing recognised: something else went wrong, another attempt changes nothing
			expect(isTransientFailure({}, host)).toBe(false);
			// n8n refused to send (its SSRF protection): the same refusal again
			expect(isTransientFailure({ code: 'REFUSED_BY_N8N' }, host)).toBe(false);
		}
	});

	it("takes only the API's gateway statuses as passing, and storage's documented retry statuses", () => {
		const passing = (host: keyof typeof TRANSIENT_FAILURES) =>
			[400, 401, 403, 404, 405, 409, 413, 422, 429, 499, 500, 501, 502, 503, 504, 505].filter((status) => isTransientFailure({ status }, host));
		expect(passing('api')).toEqual([502, 503, 504]);
		expect(passing('download')).toEqual([429, 500, 502, 503, 504]);
		expect(passing('upload')).toEqual([429, 500, 502, 503, 504]);
		// a status wins over a code
		expect(isTransientFailure({ status: 404, code: 'ECONNRESET' }, 'download')).toBe(false);
	});
});

describe('transientRetryWaitMs', () => {
	const shipped = { ...retryPolicy };
	afterEach(() => Object.assign(retryPolicy, shipped));

	it('backs off from half a second, doubling, until the host has had its attempts', () => {
		const waits = (host: keyof typeof TRANSIENT_FAILURES) =>
			[1, 2, 3, 4, 5].map((attempt) => transientRetryWaitMs({ status: 503 }, attempt, host));
		expect(waits('api')).toEqual([500, 1000, 2000, undefined, undefined]);
		expect(waits('download')).toEqual([500, 1000, 2000, undefined, undefined]);
		expect(waits('upload')).toEqual([500, 1000, undefined, undefined, undefined]);
		expect(TRANSIENT_FAILURES).toMatchObject({ api: { attempts: 4 }, download: { attempts: 4 }, upload: { attempts: 3 } });
	});

	it('never waits for a final failure, and follows the policy the tests shorten', () => {
		expect(transientRetryWaitMs({ status: 500 }, 1, 'api')).toBeUndefined();
		expect(transientRetryWaitMs({}, 1, 'download')).toBeUndefined();
		retryPolicy.backoffBaseMs = 10;
		expect(transientRetryWaitMs({ code: 'EPIPE' }, 2, 'upload')).toBe(20);
	});
});
