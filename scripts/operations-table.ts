/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- runs in Node for tests and tooling; never shipped (package.json "files") */
/**
 * Prints the README's operations table from the node description itself, so the README cannot
 * drift from the code: `node scripts/run-ts.js scripts/operations-table.ts`.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import { Raydocs } from '../nodes/Raydocs/Raydocs.node';
import { declaredCallsOf, endpointsOfRoutedRequest } from '../nodes/Raydocs/shared/endpointRequests';
import type { RaydocsEndpoint } from '../nodes/Raydocs/shared/endpoints';

export interface OperationRow {
	resource: string;
	resourceName: string;
	operation: string;
	operationName: string;
	endpoints: string[];
	abilities: string[];
}

/**
 * The endpoints an operation uses: those its routed request was built from, or those its code
 * declares. An operation with neither is a mistake the table refuses to hide.
 */
export function endpointsOfOperation(node: Raydocs, resource: string, option: INodePropertyOptions): readonly RaydocsEndpoint[] {
	const request = option.routing?.request;
	const routed = request ? endpointsOfRoutedRequest(request) : undefined;
	const code = (node.customOperations as Record<string, Record<string, object> | undefined>)[resource]?.[String(option.value)];
	const endpoints = routed ?? (code ? declaredCallsOf(code) : undefined);
	if (!endpoints) {
		throw new Error(`${resource}:${String(option.value)} neither builds its request with routedRequest nor declares its calls`);
	}
	return endpoints;
}

function operationPropertyOf(node: Raydocs, resource: string) {
	return node.description.properties.find(
		(property) =>
			property.name === 'operation' &&
			(property.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
	);
}

/** The endpoints of the operation that node parameters select (n8n's defaults where they are missing). */
export function endpointsOfParameters(parameters: { resource?: unknown; operation?: unknown }): readonly RaydocsEndpoint[] {
	const node = new Raydocs();
	const resourceProperty = node.description.properties.find((property) => property.name === 'resource');
	const resource = String(parameters.resource ?? resourceProperty?.default);
	const operationProperty = operationPropertyOf(node, resource);
	const operation = String(parameters.operation ?? operationProperty?.default);
	const option = ((operationProperty?.options ?? []) as INodePropertyOptions[]).find((candidate) => candidate.value === operation);
	if (!option) throw new Error(`The Raydocs node has no operation ${resource}:${operation}`);
	return endpointsOfOperation(node, resource, option);
}

export function operationRows(): OperationRow[] {
	const node = new Raydocs();
	const { properties } = node.description;
	const resources = (properties.find((property) => property.name === 'resource')?.options ?? []) as INodePropertyOptions[];
	const rows: OperationRow[] = [];
	for (const resource of resources) {
		const operationProperty = operationPropertyOf(node, String(resource.value));
		for (const option of (operationProperty?.options ?? []) as INodePropertyOptions[]) {
			const endpoints = endpointsOfOperation(node, String(resource.value), option);
			rows.push({
				resource: String(resource.value),
				resourceName: resource.name,
				operation: String(option.value),
				operationName: option.name,
				endpoints: endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`),
				abilities: [...new Set(endpoints.flatMap((endpoint) => endpoint.abilities))],
			});
		}
	}
	return rows;
}

export function operationsMarkdown(): string {
	const lines = ['| Resource | Operation | Raydocs endpoint(s) | Token abilities |', '|---|---|---|---|'];
	for (const row of operationRows()) {
		const endpoints = row.endpoints.map((endpoint) => `\`${endpoint}\``).join('<br>');
		const abilities = row.abilities.map((ability) => `\`${ability}\``).join(', ') || 'any valid token';
		lines.push(`| ${row.resourceName} | ${row.operationName} | ${endpoints} | ${abilities} |`);
	}
	return lines.join('\n');
}

if (process.argv[1]?.endsWith('operations-table.ts')) {
	console.log(operationsMarkdown());
}
