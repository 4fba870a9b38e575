/** The set-up every test file of the fake shares: one server per file, reset before each test. */
import { startFakeRaydocs } from '../../../tools/fake-raydocs/server';
import type { FakeRaydocs, FakeRaydocsOptions } from '../../../tools/fake-raydocs/server';

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
