import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Raydocs } from '../../../nodes/Raydocs/Raydocs.node';
import { RaydocsTrigger } from '../../../nodes/RaydocsTrigger/RaydocsTrigger.node';

const description = new Raydocs().description;
const operations = description.properties.filter((property) => property.name === 'operation');
const operationOptions = operations.flatMap((property) => (property.options ?? []) as INodePropertyOptions[]);

/**
 * What the subtitle expression gives for these parameters: it looks the action up in a literal
 * table by "resource:operation" and falls back to the operation's value.
 */
function subtitleFor(parameters: Record<string, string>): string {
	const expression = String(description.subtitle);
	const lookup = '[$parameter["resource"] + ":" + $parameter["operation"]] ?? $parameter["operation"] }}';
	expect(expression.startsWith('={{ ')).toBe(true);
	expect(expression.endsWith(lookup)).toBe(true);
	const actions = JSON.parse(expression.slice('={{ '.length, -lookup.length)) as Record<string, string>;
	return actions[`${parameters.resource}:${parameters.operation}`] ?? parameters.operation;
}

describe('Raydocs node description (what the editor shows)', () => {
	it('shows the chosen action on the canvas, not internal values', () => {
		expect(subtitleFor({ resource: 'workflowRun', operation: 'getAll' })).toBe('Get many workflow runs');
		expect(subtitleFor({ resource: 'extraction', operation: 'extractDocument' })).toBe(
			'Extract data from a document and wait',
		);
		for (const property of operations) {
			for (const resource of property.displayOptions?.show?.resource as string[]) {
				for (const option of property.options as INodePropertyOptions[]) {
					expect(subtitleFor({ resource, operation: String(option.value) })).toBe(option.action);
				}
			}
		}
	});

	it('describes operations without REST paths, saying what they need', () => {
		for (const option of operationOptions) {
			expect(option.description).not.toMatch(/\b(GET|POST|PUT|DELETE) \//);
			expect(option.description!.length).toBeGreaterThan(40);
		}
		const extract = operationOptions.find((option) => option.value === 'extractDocument')!;
		expect(extract.description).toMatch(/Needs the template/);
		expect(extract.description).toMatch(/returns one item per input item/);
	});

	it('writes actions in sentence case without lower-cased proper nouns', () => {
		// n8n's community-package checks require sentence case for actions, so proper nouns stay out
		// of them (names and descriptions keep "Excel" and "Raydocs").
		const actions = operationOptions.map((option) => option.action ?? '');
		expect(actions).toContain('Export an extraction result as an xlsx spreadsheet');
		expect(actions).toContain('Upload a file to storage');
		for (const action of actions) expect(action).not.toMatch(/\b(excel|raydocs)\b/i);
	});

	it('tells every resource apart, Document from Workspace Document', () => {
		const resources = (description.properties.find((property) => property.name === 'resource') as INodeProperties)
			.options as INodePropertyOptions[];
		for (const resource of resources) expect(resource.description).toEqual(expect.any(String));
		const named = (value: string) => resources.find((resource) => resource.value === value)!.description;
		expect(named('document')).toMatch(/by its ID/);
		expect(named('workspaceDocument')).toMatch(/stored in a workspace/);
	});

	it('names the flat layout without internal notation', () => {
		const layout = description.properties.find((property) => property.name === 'fieldLayout')!;
		expect((layout.options as INodePropertyOptions[]).map((option) => option.name)).toEqual([
			'Flat (One Column per Field)',
			'Nested (Group → Field)',
		]);
	});

	it('has one version until the first published release, and no field depends on the version', () => {
		expect(description.version).toBe(1);
		expect(description.defaultVersion).toBeUndefined();
		expect(JSON.stringify(description.properties)).not.toContain('@version');
	});
});

describe('Raydocs Trigger description', () => {
	const trigger = new RaydocsTrigger().description;

	// n8n merges the trigger and the node into one "Raydocs" entry of the nodes panel and gives it the
	// trigger's description, in the trigger list and in the action list alike.
	it('reads right as the merged nodes-panel entry: both the actions and the trigger', () => {
		expect(trigger.description).toMatch(/^Extract structured data from documents with Raydocs/);
		expect(trigger.description).toMatch(/start a workflow when an extraction or a Raydocs workflow run completes/);
	});

	it('offers pickers for the template filter and the workflow', () => {
		const options = trigger.properties.find((property) => property.name === 'options')!;
		const onlyTemplate = (options.options as INodeProperties[]).find((option) => option.name === 'templateId')!;
		expect(onlyTemplate.type).toBe('resourceLocator');
		expect(onlyTemplate.modes!.map((mode) => mode.name)).toEqual(['list', 'id', 'url']);
		const workflow = trigger.properties.find((property) => property.name === 'workflowId')!;
		expect(workflow.type).toBe('resourceLocator');
		expect(workflow.modes!.map((mode) => mode.name)).toEqual(['id', 'url']);
		const eventOptions = trigger.properties.find((property) => property.name === 'event')!.options as INodePropertyOptions[];
		for (const option of eventOptions) expect(option.description).not.toMatch(/API/);
	});
});
