/** Waiting shared by the real-n8n suites (failure logs: N8nHost.withLogs). */
import { sleep } from '../../scripts/n8n/processes';

/** Polls `probe` every half second until it returns a value. */
export async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(500);
	}
}
