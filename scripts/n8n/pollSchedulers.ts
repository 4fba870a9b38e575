/**
 * The poll schedulers the Raydocs Trigger is tested under. n8n 2.41 has two: its default in-memory
 * one, and the durable scheduler with durable poll cursors behind four switches (poll state in the
 * `poller_state` table, backoff, fenced commits, slow polls abandoned), which public reports say
 * becomes the default in a later 2.x. n8n 1.x has only the first.
 */
import type { N8nLine } from './hosts';

/** All four are needed: durable cursors stay off unless the other three are on. */
export const DURABLE_POLLING_ENV: Record<string, string> = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
};

export interface PollScheduler {
	/** Short, for run folders: "default" or "durable". */
	label: string;
	/** For test titles and reports. */
	title: string;
	env?: Record<string, string>;
}

export const DEFAULT_POLLING: PollScheduler = { label: 'default', title: "n8n's default poll scheduler" };
export const DURABLE_POLLING: PollScheduler = { label: 'durable', title: 'durable poll scheduler and cursors', env: DURABLE_POLLING_ENV };

export function pollSchedulers(line: N8nLine): PollScheduler[] {
	return line === '2' ? [DEFAULT_POLLING, DURABLE_POLLING] : [DEFAULT_POLLING];
}
