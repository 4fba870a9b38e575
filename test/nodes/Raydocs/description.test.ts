import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Raydocs } from '../../../nodes/Raydocs/Raydocs.node';
import { RaydocsTrigger } from '../../../nodes/RaydocsTrigger/RaydocsTrigger.node';

const description = new Raydocs().description;
const operations = description.properties.filter((property) => property.name === 'operation');
const operationOptions = operations.flatMap((property) => (property.options ?? []) as INodePropertyOptions[]);

const resources = (description.properties.find((property) => property.name === 'resource') as INodeProperties)
	.options as INodePropertyOptions[];
const named = (value: string) => resources.find((resource) => resource.value === value)!;

/** What n8n's dropdown shows whole: two lines of about 53 characters (the editor test measures them). */
const DROPDOWN_DESCRIPTION_LENGTH = 90;

describe('Raydocs node description (what the editor shows)', () => {
	it('lists Extraction first, so the main job heads the nodes panel, and keeps the lists sorted', () => {
		expect(resources[0]).toMatchObject({ name: 'Extraction', value: 'extraction' });
		// n8n's rule for lists, which its lint and verification scan hold: sorted by name
		const names = resources.map((resource) => resource.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		for (const property of operations) {
			const operationNames = (property.options as INodePropertyOptions[]).map((option) => option.name);
			expect(operationNames).toEqual([...operationNames].sort((a, b) => a.localeCompare(b)));
		}
	});

	it('names the main job Extract Document in the operation list and in the actions list alike', () => {
		const extract = operationOptions.find((option) => option.value === 'extractDocument')!;
		expect(extract.name).toBe('Extract Document');
		expect(extract.action).toBe('Extract document');
		expect(extract.description).toMatch(/template/);
		expect(extract.description).toMatch(/wait/);
	});

	it('describes operations and resources in a line or two the dropdown shows whole, without REST paths', () => {
		for (const option of [...operationOptions, ...resources]) {
			expect(option.description).not.toMatch(/\b(GET|POST|PUT|DELETE) \//);
			expect(option.description!.length).toBeGreaterThan(30);
			expect(option.description!.length).toBeLessThanOrEqual(DROPDOWN_DESCRIPTION_LENGTH);
		}
	});

	it("writes actions as n8n's guidelines say: sentence case, no articles, no lower-cased proper nouns", () => {
		// n8n's community-package checks require sentence case for actions, so proper nouns stay out
		// of them (names and descriptions keep "Excel" and "Raydocs").
		const actions = operationOptions.map((option) => option.action ?? '');
		expect(actions).toContain('Export extraction result as xlsx spreadsheet');
		expect(actions).toContain('Upload file to storage');
		for (const action of actions) {
			expect(action).not.toMatch(/\b(excel|raydocs)\b/i);
			expect(action).not.toMatch(/\b(a|an|the)\b/i);
			expect(action[0]).toBe(action[0].toUpperCase());
			const rest = action.slice(1).replace(/\bURL\b/g, '');
			expect(rest).toBe(rest.toLowerCase());
		}
	});

	it('tells the two document resources apart by name and description', () => {
		for (const resource of resources) expect(resource.description).toEqual(expect.any(String));
		expect(named('document').name).toBe('Parsed Document');
		expect(named('workspaceDocument').name).toBe('Workspace Document');
		expect(named('document').description).toMatch(/by its ID/);
		expect(named('document').description).toMatch(/parsed text/);
		expect(named('workspaceDocument').description).toMatch(/stored in a workspace/);
		// their actions name them, so the actions list reads apart too
		const actionsOf = (resource: string) =>
			operations
				.filter((property) => (property.displayOptions?.show?.resource as string[]).includes(resource))
				.flatMap((property) => (property.options as INodePropertyOptions[]).map((option) => option.action!));
		for (const action of actionsOf('document')) expect(action).toMatch(/parsed document/);
		for (const action of actionsOf('workspaceDocument')) expect(action).toMatch(/workspace document/);
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

	const property = (name: string, event = 'extractionCompleted') =>
		trigger.properties.find(
			(candidate) => candidate.name === name && (candidate.displayOptions?.show?.event as string[] | undefined)?.includes(event) !== false,
		)!;

	// n8n 2.x shows no asterisk on a node's required fields and keeps Fetch Test Event greyed out
	// until they are filled; the hint under each says it.
	it('marks each required field of each event with a hint, not a copy of its tooltip', () => {
		const required = trigger.properties.filter((candidate) => candidate.required);
		expect(required.map((candidate) => candidate.name).sort()).toEqual(['sessionIds', 'workflowId', 'workspaceId']);
		for (const candidate of required) {
			expect(candidate.hint).toMatch(/^Required/);
			expect(candidate.hint).not.toBe(candidate.description);
		}
		expect(property('sessionIds').hint).toBe('Required: the session_id of each session to watch, separated by commas');
	});

	it('points to Extraction → Run for a test event, and to where the template list is', () => {
		expect(property('sessionIds').description).toMatch(/Extraction → Run/);
		expect(property('sessionIds').description).not.toMatch(/Extract Document/);
		const workspace = property('workspaceId', 'extractionCompleted');
		expect(workspace.required).toBe(false);
		expect(workspace.description).toBe('Only used to list templates for Options → Only Template; not needed when you enter an ID');
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
