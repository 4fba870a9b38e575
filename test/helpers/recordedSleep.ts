/**
 * n8n-workflow with `sleep` recorded instead of slept, for the direct tests of the file hooks: the
 * shipped backoff (half a second, doubling) is checked as it is, in no time. Use it as
 * `jest.mock('n8n-workflow', () => require('<path>/recordedSleep').n8nWorkflowWithRecordedSleep())`
 * and read (and clear) `recordedWaits`.
 */
export const recordedWaits: number[] = [];

export function n8nWorkflowWithRecordedSleep(): object {
	return {
		...jest.requireActual<object>('n8n-workflow'),
		sleep: jest.fn(async (ms: number) => {
			recordedWaits.push(ms);
		}),
	};
}
