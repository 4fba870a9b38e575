/**
 * Small workflows for the e2e cases, built the way the editor saves them: a Manual Trigger (the
 * only trigger `n8n execute` starts from) followed by a chain of nodes.
 */
import { createHash } from 'crypto';

import type { WorkflowJson, WorkflowNode } from '../../scripts/n8n/host';

/** A node before it gets its id and position. */
export type NodeSpec = Omit<WorkflowNode, 'id' | 'position'>;

export const RAYDOCS_NODE_TYPE = 'n8n-nodes-raydocs.raydocs';

export interface CredentialRef {
	id: string;
	name: string;
}

export function readFilesNode(name: string, fileSelector: string): NodeSpec {
	return {
		name,
		type: 'n8n-nodes-base.readWriteFile',
		typeVersion: 1,
		parameters: { operation: 'read', fileSelector, options: {} },
	};
}

export function raydocsNode(
	name: string,
	credential: CredentialRef,
	parameters: Record<string, unknown>,
	settings: { onError?: 'continueRegularOutput' | 'continueErrorOutput'; typeVersion?: number } = {},
): NodeSpec {
	return {
		name,
		type: RAYDOCS_NODE_TYPE,
		typeVersion: 1,
		parameters,
		credentials: { raydocsApi: credential },
		...settings,
	};
}

/** A stable UUID per workflow and node position, so re-imports update rather than duplicate. */
function nodeUuid(workflowId: string, index: number): string {
	const hex = createHash('sha256').update(`${workflowId}#${index}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Manual Trigger → nodes[0] → nodes[1] → …; `id` must be at most 16 characters (host.ts says why). */
export function chainWorkflow(id: string, nodes: Array<NodeSpec>): WorkflowJson {
	const trigger: NodeSpec = { name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
	const all: WorkflowNode[] = [trigger, ...nodes].map((node, index) => ({
		...node,
		id: nodeUuid(id, index),
		position: [index * 220, 0],
	}));
	const connections: Record<string, unknown> = {};
	for (let index = 0; index < all.length - 1; index++) {
		connections[all[index].name] = { main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name: `e2e: ${id}`, active: false, settings: { executionOrder: 'v1' }, nodes: all, connections };
}

export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
