import type { IPollFunctions } from 'n8n-workflow';

/** n8n's default when the host does not say (getPollBudgetMs is new in 2026 hosts). */
const DEFAULT_POLL_BUDGET_MS = 5 * 60 * 1000;

/** When this poll should stop fetching and leave the rest to the next one (80% of the budget). */
export function pollDeadline(context: IPollFunctions): number {
	const budget =
		typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : DEFAULT_POLL_BUDGET_MS;
	return Date.now() + Math.max(1000, budget * 0.8);
}
