/**
 * Static checks of examples/*.json that need no n8n: the end-to-end suite runs them in real n8n,
 * these catch what would only fail there, or only for users (ids, credentials, renamed operations).
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { EXAMPLE_CREDENTIAL, exampleFiles, loadExample, manualExampleFiles, MCP_EXAMPLE, TRIGGER_EXAMPLE } from '../../scripts/n8n/examples';
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

	it('has the five documented workflows', () => {
		expect(files).toEqual([
			MCP_EXAMPLE,
			'batch-extract-folder.json',
			'extract-invoice-from-email.json',
			'manage-templates.json',
			TRIGGER_EXAMPLE,
		]);
		// these two run activated (test/e2e/trigger.e2e.ts, test/e2e/mcp.e2e.ts), not with `n8n execute`
		expect(manualExampleFiles()).not.toContain(TRIGGER_EXAMPLE);
		expect(manualExampleFiles()).not.toContain(MCP_EXAMPLE);
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
