/** The set-up every test file of the fake shares: one server per file, reset before each test. */
import { startFakeRaydocs } from '../../../tools/fake-raydocs/server';
import type { FakeRaydocs, FakeRaydocsOptions } from '../../../tools/fake-raydocs/server';
import type { ManualClock } from './test-helpers';

export function useFake(options: FakeRaydocsOptions, started: (fake: FakeRaydocs) => void): void {
	let fake: FakeRaydocs | undefined;
	beforeAll(async () => {
		fake = await startFakeRaydocs(options);
		started(fake);
	});
	beforeEach(() => fake!.reset());
	afterAll(async () => {
		await fake?.close();
	});
}

/** A fake on a clock the test moves, with short processing times and no rate limit. */
export function onManualClock(clock: ManualClock): FakeRaydocsOptions {
	return {
		rateLimit: false,
		clock: clock.now,
		timing: { parseMs: 100, runQueuedMs: 40, runProcessingMs: 60, batchSessionStartMs: 20 },
	};
}
