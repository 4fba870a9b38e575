/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- runs in Node for tests and tooling; never shipped (package.json "files") */
/**
 * Prints the README's operations table from the node description itself, so the README cannot
 * drift from the code: `node scripts/run-ts.js scripts/operations-table.ts`.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import { Raydocs } from '../nodes/Raydocs/Raydocs.node';
import { matchEndpoint } from '../nodes/Raydocs/shared/endpoints';

/**
 * Operations whose calls cannot be read from their routing: those that run as code, and those that
 * send more than one request.
 */
export const OPERATION_CALLS: Record<string, string[]> = {
	'file:getUploadUrl': ['POST /vapor/signed-storage-url'],
	'extraction:extractDocument': [
		'POST /vapor/signed-storage-url',
		'GET /workspaces/{workspaceId}/documents',
		'POST /extractions/sessions',
		'POST /extractions/sessions/{sessionId}/documents',
		'POST /extractions/sessions/{sessionId}/documents/upload',
		'POST /extractions/sessions/{sessionId}/documents/attach',
		'POST /extractions/sessions/{sessionId}/results',
		'GET /extractions/results/{resultId}',
	],
	'extraction:waitForResult': ['GET /extractions/results/{resultId}'],
	'batch:extract': [
		'POST /vapor/signed-storage-url',
		'POST /extractions/templates/{templateId}/sessions/batch',
		'GET /extractions/sessions/{sessionId}/results',
		'GET /extractions/results/{resultId}',
	],
	'file:upload': ['POST /vapor/signed-storage-url'],
	'sessionDocument:upload': [
		'POST /vapor/signed-storage-url',
		'POST /extractions/sessions/{sessionId}/documents',
		'POST /extractions/sessions/{sessionId}/documents/upload',
	],
	'sessionDocument:addByKey': [
		'POST /extractions/sessions/{sessionId}/documents/upload',
		'POST /extractions/sessions/{sessionId}/documents',
	],
	'workspaceDocument:create': ['POST /vapor/signed-storage-url', 'POST /workspaces/{workspaceId}/documents'],
};

export interface OperationRow {
	resource: string;
	resourceName: string;
	operation: string;
	operationName: string;
	endpoints: string[];
	abilities: string[];
}

/** `METHOD path` of a routed operation, its `{{ … }}` expressions standing in for path parameters. */
function routedEndpoint(option: INodePropertyOptions): string[] {
	const request = option.routing?.request;
	if (!request?.method || typeof request.url !== 'string') return [];
	const path = request.url.replace(/^=/, '').replace(/\{\{.*?\}\}/g, 'x');
	return [`${request.method} ${path}`];
}

function normalise(endpoint: string): string {
	const [method, path] = endpoint.split(' ');
	const matched = matchEndpoint(method, path.replace(/\{[^}]+\}/g, 'x'));
	return matched ? `${matched.endpoint.method} ${matched.endpoint.path}` : endpoint;
}

export function operationRows(): OperationRow[] {
	const { properties } = new Raydocs().description;
	const resources = (properties.find((property) => property.name === 'resource')?.options ?? []) as INodePropertyOptions[];
	const rows: OperationRow[] = [];
	for (const resource of resources) {
		const operationProperty = properties.find(
			(property) =>
				property.name === 'operation' &&
				(property.displayOptions?.show?.resource as string[] | undefined)?.includes(String(resource.value)),
		);
		for (const option of (operationProperty?.options ?? []) as INodePropertyOptions[]) {
			const key = `${resource.value}:${option.value}`;
			const endpoints = (OPERATION_CALLS[key] ?? routedEndpoint(option)).map(normalise);
			const abilities = new Set<string>();
			for (const endpoint of endpoints) {
				const [method, path] = endpoint.split(' ');
				const matched = matchEndpoint(method, path.replace(/\{[^}]+\}/g, 'x'));
				matched?.endpoint.abilities.forEach((ability) => abilities.add(ability));
			}
			rows.push({
				resource: String(resource.value),
				resourceName: resource.name,
				operation: String(option.value),
				operationName: option.name,
				endpoints,
				abilities: [...abilities],
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
