/* eslint-disable @n8n/community-nodes/no-restricted-imports -- benchmark tooling run with Node, never shipped */
/**
 * Reads a V8 CPU profile (`node --cpu-prof`) of an `n8n execute` and tells where the CPU time of
 * one node's run went: the samples whose stack passes through the declarative engine's
 * `RoutingNode.runNode`, by the frame just below it (what the engine does per item) and by the
 * function that was running (self time), with the package's own code shown apart.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

export interface EngineTime {
	/** CPU time (ms) of the samples under RoutingNode.runNode. */
	totalMs: number;
	/** By the frame called from runNode (e.g. getParameterValue, resolveBaseUrl, makeRequest). */
	byStep: Array<{ frame: string; ms: number }>;
	/** By the function running (self time), the top ones. */
	bySelf: Array<{ frame: string; ms: number }>;
	/** Of totalMs, the time in the package's own code (self time in files of n8n-nodes-raydocs). */
	packageMs: number;
	/** Of totalMs, the time inside n8n's expression evaluation (Expression / WorkflowDataProxy / the isolate). */
	expressionMs: number;
}

const fileOf = (url: string): string => url.replace(/^file:\/\//, '').split('/node_modules/').pop() ?? url;
const frameName = (node: ProfileNode): string => `${node.callFrame.functionName || '(anonymous)'} ${fileOf(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;

/** The profile among `dir`'s .cpuprofile files that holds RoutingNode.runNode (n8n's task runner writes one too). */
export function readEngineProfile(dir: string): CpuProfile {
	for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
		const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
		if (profile.nodes.some(isRunNode)) return profile;
	}
	throw new Error(`no CPU profile in ${dir} has RoutingNode.runNode`);
}

function isRunNode(node: ProfileNode): boolean {
	return node.callFrame.functionName === 'runNode' && node.callFrame.url.includes('routing-node');
}

const isExpression = (node: ProfileNode): boolean =>
	/workflow-data-proxy|expression|isolated-vm|tmpl|riot/i.test(node.callFrame.url) || /^(resolveSimpleParameterValue|evaluateExpression)$/.test(node.callFrame.functionName);

export function engineTime(profile: CpuProfile, top = 12): EngineTime {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const steps = new Map<string, number>();
	const selves = new Map<string, number>();
	let totalUs = 0;
	let packageUs = 0;
	let expressionUs = 0;
	profile.samples.forEach((sampleId, index) => {
		const us = profile.timeDeltas[index + 1] ?? 0;
		const stack: ProfileNode[] = [];
		for (let id: number | undefined = sampleId; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!);
		const runNodeAt = stack.findIndex(isRunNode);
		if (runNodeAt < 0) return;
		totalUs += us;
		const step = runNodeAt > 0 ? frameName(stack[runNodeAt - 1]) : '(runNode itself)';
		steps.set(step, (steps.get(step) ?? 0) + us);
		const self = frameName(stack[0]);
		selves.set(self, (selves.get(self) ?? 0) + us);
		if (stack[0].callFrame.url.includes('n8n-nodes-raydocs')) packageUs += us;
		if (stack.slice(0, runNodeAt).some(isExpression)) expressionUs += us;
	});
	const ranked = (map: Map<string, number>) =>
		[...map]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([frame, us]) => ({ frame, ms: us / 1000 }));
	return { totalMs: totalUs / 1000, byStep: ranked(steps), bySelf: ranked(selves), packageMs: packageUs / 1000, expressionMs: expressionUs / 1000 };
}
