/* eslint-disable @n8n/community-nodes/no-restricted-imports -- reads the examples' README and SQL; never shipped */
/**
 * Static checks of examples/*.json that need no n8n: the end-to-end suite runs them in real n8n,
 * these catch what would only fail there, or only for users (ids, credentials, renamed operations).
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	EXAMPLE_CREDENTIAL,
	EXAMPLES_DIR,
	exampleFiles,
	loadExample,
	manualExampleFiles,
	MCP_EXAMPLE,
	POSTGRES_CREDENTIAL,
	POSTGRES_TABLES_SQL,
	TRIGGER_EXAMPLE,
	TRIGGER_POSTGRES_EXAMPLE,
} from '../../scripts/n8n/examples';
import { Raydocs } from '../../nodes/Raydocs/Raydocs.node';
import { RaydocsTrigger } from '../../nodes/RaydocsTrigger/RaydocsTrigger.node';

const raydocs = new Raydocs().description;

function optionValues(properties: INodeProperties[], name: string, resource?: string): string[] {
	return properties
		.filter((property) => property.name === name)
		.filter((property) => !resource || (property.displayOptions?.show?.resource ?? []).includes(resource))
		.flatMap((property) => (property.options as INodePropertyOptions[]).map((option) => String(option.value)));
}

describe('examples/', () => {
	const files = exampleFiles();

	it('has the eight documented workflows', () => {
		expect(files).toEqual([
			MCP_EXAMPLE,
			'batch-extract-folder.json',
			'batch-folder-to-spreadsheet.json',
			'extract-invoice-from-email.json',
			'extract-invoice-to-postgres.json',
			'manage-templates.json',
			TRIGGER_EXAMPLE,
			TRIGGER_POSTGRES_EXAMPLE,
		]);
		// these run activated (test/e2e/trigger.e2e.ts, test/e2e/mcp.e2e.ts), not with `n8n execute`
		for (const activated of [TRIGGER_EXAMPLE, TRIGGER_POSTGRES_EXAMPLE, MCP_EXAMPLE]) expect(manualExampleFiles()).not.toContain(activated);
	});

	it('is documented in examples/README.md, each file with a picture of its workflow', () => {
		const readme = readFileSync(join(EXAMPLES_DIR, 'README.md'), 'utf8');
		for (const file of files) {
			expect(readme).toContain(`(${file})`);
			expect(readme).toContain(`(../docs/images/example-${file.replace(/\.json$/, '')}.png)`);
		}
	});

	describe('the PostgreSQL examples', () => {
		const tables = new Map<string, string[]>();
		for (const match of readFileSync(POSTGRES_TABLES_SQL, 'utf8').matchAll(/create table if not exists (\w+) \(([^;]*)\);/g)) {
			const columns = match[2].split('\n').map((line) => line.trim().split(/\s+/)[0]).filter((name) => /^[a-z_]+$/.test(name));
			tables.set(match[1], columns);
		}
		const postgresExamples = files.filter((file) => loadExample(file).nodes.some((node) => node.type === 'n8n-nodes-base.postgres'));

		it('are the invoice and the trigger examples, and the SQL file creates their two tables', () => {
			expect(postgresExamples).toEqual(['extract-invoice-to-postgres.json', TRIGGER_POSTGRES_EXAMPLE]);
			expect([...tables.keys()]).toEqual(['raydocs_invoices', 'raydocs_extractions']);
		});

		it.each(postgresExamples)('%s inserts fields that are columns of its table, with the example Postgres credential', (file) => {
			const workflow = loadExample(file);
			const insert = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.postgres')!;
			expect(insert.credentials).toEqual({ postgres: POSTGRES_CREDENTIAL });
			expect(insert.parameters).toMatchObject({ operation: 'insert', columns: { mappingMode: 'autoMapInputData' } });
			const table = (insert.parameters.table as { value: string }).value;
			const connections = workflow.connections as Record<string, { main: Array<Array<{ node: string }>> }>;
			const feeding = Object.keys(connections).find((name) => connections[name].main[0].some((target) => target.node === insert.name))!;
			const row = workflow.nodes.find((node) => node.name === feeding)!;
			const fields = (row.parameters.assignments as { assignments: Array<{ name: string }> }).assignments.map((field) => field.name);
			expect(row.parameters.includeOtherFields).toBe(false);
			expect(tables.get(table)).toEqual(expect.arrayContaining(fields));
			expect(fields).toContain('result_id');
		});
	});

	it.each(files)('%s has a unique id of at most 16 characters (n8n 1.x keeps trigger state only for those)', (file) => {
		const ids = files.map((name) => loadExample(name).id);
		const { id } = loadExample(file);
		expect(id.length).toBeLessThanOrEqual(16);
		expect(ids.filter((other) => other === id)).toHaveLength(1);
	});

	it.each(files)('%s: every Raydocs node names an existing resource and operation and the example credential', (file) => {
		const workflow = loadExample(file);
		const ours = workflow.nodes.filter((node) => node.type.startsWith('n8n-nodes-raydocs.'));
		expect(ours.length).toBeGreaterThan(0);
		for (const node of ours) {
			expect(node.credentials).toEqual({ raydocsApi: EXAMPLE_CREDENTIAL });
			if (node.type === 'n8n-nodes-raydocs.raydocsTrigger') {
				expect(node.parameters.event).toBe(new RaydocsTrigger().description.properties[0].default);
				continue;
			}
			// the node, or the AI-agent tool n8n derives from it (usableAsTool)
			expect(['n8n-nodes-raydocs.raydocs', 'n8n-nodes-raydocs.raydocsTool']).toContain(node.type);
			const resource = String(node.parameters.resource);
			expect(optionValues(raydocs.properties, 'resource')).toContain(resource);
			expect(optionValues(raydocs.properties, 'operation', resource)).toContain(String(node.parameters.operation));
		}
	});

	it.each(files)("%s: every Raydocs node is saved at the node's version, so it behaves as the README says", (file) => {
		const versions = (description: { version: number | number[] }) => [description.version].flat();
		for (const node of loadExample(file).nodes.filter((candidate) => candidate.type.startsWith('n8n-nodes-raydocs.'))) {
			const type = node.type === 'n8n-nodes-raydocs.raydocsTrigger' ? new RaydocsTrigger().description : raydocs;
			expect(versions(type)).toContain(node.typeVersion);
		}
	});

	it('the invoice example keeps the invoice next to its row (Extract Document keeps the input files)', () => {
		const extract = loadExample('extract-invoice-from-email.json').nodes.find((node) => node.parameters.operation === 'extractDocument')!;
		expect(extract.parameters.inputSource).toBe('binary');
		expect((extract.parameters.options as Record<string, unknown>).keepInputBinary).not.toBe(false);
	});

	it.each(files)('%s: every connection joins nodes that exist', (file) => {
		const workflow = loadExample(file);
		const names = new Set(workflow.nodes.map((node) => node.name));
		const connections = workflow.connections as Record<string, Record<string, Array<Array<{ node: string }>>>>;
		for (const [from, outputs] of Object.entries(connections)) {
			expect(names).toContain(from);
			// main, or ai_tool from a tool node to the MCP Server Trigger
			for (const target of Object.values(outputs).flat(2)) expect(names).toContain(target.node);
		}
	});
});
