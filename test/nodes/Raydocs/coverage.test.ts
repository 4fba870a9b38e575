/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node for tests and tooling; never shipped (package.json "files") */
import { readFileSync } from 'fs';
import { join } from 'path';

import reference from '../../../docs/raydocs-api/endpoints.json';
import { Raydocs } from '../../../nodes/Raydocs/Raydocs.node';
import { declaredCallsOf, endpointsOfRoutedRequest } from '../../../nodes/Raydocs/shared/endpointRequests';
import { DOCUMENTED_ALTERNATE_FORMS, PATH_PARAMETER_LABELS, RAYDOCS_API_ENDPOINTS } from '../../../nodes/Raydocs/shared/endpoints';
import { operationRows } from '../../../scripts/operations-table';

// The node's table is TypeScript (a shipped node reads no files); the API reference is data
// (docs/raydocs-api/endpoints.json). These tests hold the one to the other.
const key = (endpoint: { method: string; path: string }) => `${endpoint.method} ${endpoint.path}`;

describe('Raydocs node coverage of the API reference', () => {
	const rows = operationRows();
	const covered = new Set(rows.flatMap((row) => row.endpoints));
	const documented = reference.endpoints.map(key);

	it.each(documented.map((endpoint) => [endpoint]))('%s has an operation', (endpoint) => {
		expect(covered).toContain(endpoint);
	});

	it('uses only documented endpoints in its operations', () => {
		expect([...covered].filter((endpoint) => !documented.includes(endpoint))).toEqual([]);
	});

	it('knows the documented endpoints in order, with their abilities and whether they are safe to repeat', () => {
		const entry = (endpoint: { method: string; path: string; abilities: string[]; retrySafe: boolean }) => ({
			endpoint: key(endpoint),
			abilities: endpoint.abilities,
			retrySafe: endpoint.retrySafe,
		});
		expect(RAYDOCS_API_ENDPOINTS.map(entry)).toEqual(reference.endpoints.map(entry));
	});

	it('knows the documented alternate forms of a call, with the body fields each carries in its path', () => {
		const documentedForms = reference.endpoints.flatMap((endpoint) =>
			(endpoint.alternateForms ?? []).map((form) => ({
				reference: key(endpoint),
				other: {
					method: form.method,
					path: form.path,
					...('bodyFieldsInPath' in form ? { pathFromBody: form.bodyFieldsInPath } : {}),
				},
			})),
		);
		expect(DOCUMENTED_ALTERNATE_FORMS).toEqual(documentedForms);
	});

	it('has a label for every path parameter that names an object, for its "not found" messages', () => {
		const objectParameters = Object.entries(reference.pathParameters)
			.filter(([, parameter]) => parameter.type !== 'text')
			.map(([name]) => name);
		expect(Object.keys(PATH_PARAMETER_LABELS).sort()).toEqual(objectParameters.sort());
	});

	it('builds every routed request from the endpoint table, and declares the calls of every code operation', () => {
		const node = new Raydocs();
		const customOperations = node.customOperations as Record<string, Record<string, object> | undefined>;
		const undeclared: string[] = [];
		for (const property of node.description.properties) {
			if (property.name !== 'operation') continue;
			const [resource] = property.displayOptions!.show!.resource as string[];
			for (const option of property.options as Array<{ value: string; routing?: { request?: object } }>) {
				const code = customOperations[resource]?.[option.value];
				const request = option.routing?.request;
				const endpoints = code ? declaredCallsOf(code) : request && endpointsOfRoutedRequest(request);
				if (!endpoints?.length) undeclared.push(`${resource}:${option.value}`);
			}
		}
		expect(undeclared).toEqual([]);
	});

	it('names every operation in Title Case with an action', () => {
		for (const row of rows) expect(row.operationName).toMatch(/^[A-Z][A-Za-z]*( [A-Za-z]+)*$/);
	});

	it('lists every operation in the README with its endpoints and abilities', () => {
		const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
		for (const row of rows) {
			const line = readme
				.split('\n')
				.find((candidate) => candidate.startsWith(`| ${row.resourceName} | ${row.operationName} |`));
			expect(line).toBeDefined();
			for (const endpoint of row.endpoints) expect(line).toContain(endpoint);
			for (const ability of row.abilities) expect(line).toContain(ability);
		}
	});
});
