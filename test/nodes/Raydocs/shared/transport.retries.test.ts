import { retryPolicy, TRANSIENT_FAILURES } from '../../../../nodes/Raydocs/shared/retries';
import { byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

/**
 * The documented retry schedule, on a fake clock: every wait of the transport (and of the limiter)
 * is recorded instead of slept, so the real defaults (half a second, doubling) are checked as they
 * ship, in no time.
 */
const waits: number[] = [];
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => {
		waits.push(ms);
	}),
}));

describe('transport retries (shipped defaults)', () => {
	const fake = useFakeRaydocs();
	// Read before any beforeEach: the test helpers shorten the backoff for the other suites.
	const shipped = { ...retryPolicy };
	beforeEach(() => {
		Object.assign(retryPolicy, shipped);
		waits.length = 0;
	});

	const getTemplate = () =>
		runRaydocs(fake(), { resource: 'template', operation: 'get', templateId: byId(fake().state.seed!.templateId) });
	const sent = () => fake().log.filter((entry) => entry.listener === 'api').length;

	it('ships 4 attempts for transient faults and 6 for 429s, backing off from half a second', () => {
		expect(shipped).toMatchObject({ maxRateLimitedAttempts: 6, backoffBaseMs: 500 });
		expect(TRANSIENT_FAILURES.api.attempts).toBe(4);
	});

	it('repeats a read after 503s at 0.5, 1 and 2 seconds, then gives up after the 4th attempt', async () => {
		fake().fault({ kind: 'status', status: 503, count: 10 });
		const { error } = await getTemplate();
		expect(error?.message).toMatch(/after 4 attempts/);
		expect(sent()).toBe(4);
		expect(waits).toEqual([500, 1000, 2000]);
	});

	it('recovers when the fault clears before the last attempt', async () => {
		fake().fault({ kind: 'status', status: 502, count: 3 });
		const { error, items } = await getTemplate();
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(fake().state.seed!.templateId);
		expect(waits).toEqual([500, 1000, 2000]);
	});

	it('repeats a 429 as often as 6 attempts, waiting what Retry-After says', async () => {
		fake().fault({ kind: 'status', status: 429, retryAfterSeconds: 0, count: 10 });
		const { error } = await getTemplate();
		expect((error as { httpCode?: string }).httpCode).toBe('429');
		expect(sent()).toBe(6);
		expect(waits).toEqual([0, 0, 0, 0, 0]);
	});

	it('does not repeat a create after a 503: Raydocs may have processed it', async () => {
		fake().fault({ kind: 'status', status: 503, count: 10 });
		const { error } = await runRaydocs(fake(), { resource: 'workspace', operation: 'create', name: 'Once', additionalFields: {} });
		expect(error).toBeDefined();
		expect(sent()).toBe(1);
		expect(waits).toEqual([]);
	});
});
