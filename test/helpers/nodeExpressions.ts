import { Workflow } from 'n8n-workflow';
import type { INodeParameters, INodeTypes } from 'n8n-workflow';

import { Raydocs } from '../../nodes/Raydocs/Raydocs.node';

const raydocsNode = new Raydocs();

const nodeTypes: INodeTypes = {
	getByName: () => raydocsNode,
	getByNameAndVersion: () => raydocsNode,
	getKnownTypes: () => ({}),
};

/**
 * Evaluates an n8n expression (`={{ … }}`) with n8n-workflow's own expression engine, as n8n does
 * for a Raydocs node whose parameters are `parameters` (`$parameter`, `$value`).
 */
export function evaluateNodeExpression(expression: string, parameters: INodeParameters, value?: unknown): unknown {
	const node = {
		id: 'raydocs',
		name: 'Raydocs',
		type: 'n8n-nodes-raydocs.raydocs',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, expression, 'internal', value === undefined ? {} : { $value: value });
}
