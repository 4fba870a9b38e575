/** Fault injection: the next N requests matching a spec are answered badly before any handler runs. */
import type { FaultSpec } from './types';

interface ArmedFault {
	spec: FaultSpec;
	remaining: number;
}

function pathMatches(pattern: string | RegExp | undefined, pathname: string): boolean {
	if (pattern === undefined) return true;
	if (pattern instanceof RegExp) {
		pattern.lastIndex = 0;
		return pattern.test(pathname);
	}
	if (pattern.endsWith('/*')) {
		const prefix = pattern.slice(0, -1);
		return pathname.startsWith(prefix) || pathname === pattern.slice(0, -2);
	}
	return pattern === pathname;
}

export class FaultInjector {
	private armed: ArmedFault[] = [];

	add(spec: FaultSpec): void {
		if (spec.kind === 'status' && spec.status === undefined)
			throw new Error("fault of kind 'status' needs a status");
		this.armed.push({ spec: { ...spec }, remaining: Math.max(1, spec.count ?? 1) });
	}

	clear(): void {
		this.armed = [];
	}

	/** The first armed fault matching the request (its count is consumed), if any. */
	take(listener: 'api' | 'storage', method: string, pathname: string): FaultSpec | undefined {
		const index = this.armed.findIndex(
			({ spec }) =>
				(spec.listener ?? 'api') === listener &&
				(spec.method === undefined || spec.method.toUpperCase() === method.toUpperCase()) &&
				pathMatches(spec.path, pathname),
		);
		if (index < 0) return undefined;
		const fault = this.armed[index];
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.armed.splice(index, 1);
		return fault.spec;
	}

	get pending(): number {
		return this.armed.reduce((sum, fault) => sum + fault.remaining, 0);
	}
}
