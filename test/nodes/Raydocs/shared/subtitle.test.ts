import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Raydocs } from '../../../../nodes/Raydocs/Raydocs.node';
import { operationSubtitle } from '../../../../nodes/Raydocs/shared/subtitle';
import { evaluateNodeExpression } from '../../../helpers/nodeExpressions';

const operation = (resources: string[] | undefined, options: INodeProperties['options']): INodeProperties => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	...(resources ? { displayOptions: { show: { resource: resources } } } : {}),
	options,
	default: '',
});

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		options: [
			{ name: 'Template', value: 'template', action: 'Not an operation' },
			{ name: 'Workflow Run', value: 'workflowRun' },
			{ name: 'Extraction', value: 'extraction' },
		],
		default: 'template',
	},
	// another options list shown per resource: not an operation
	{
		displayName: 'Field Layout',
		name: 'fieldLayout',
		type: 'options',
		displayOptions: { show: { resource: ['template'] } },
		options: [{ name: 'Flat', value: 'flat', action: 'Not an operation either' }],
		default: 'flat',
	},
	// a value of another list that is also a resource's value names no resource
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [{ name: 'From an Extraction', value: 'extraction' }],
		default: 'extraction',
	},
	operation(['workflowRun'], [
		{ name: 'Get Many', value: 'getAll', action: 'Get many workflow runs' },
		{ name: 'Get Output', value: 'getOutput', action: 'Download output' },
		// articles and spacing aside, the action says what the name says
		{ name: 'Get Run', value: 'get', action: 'Get  a  run' },
	]),
	operation(['extraction'], [{ name: 'Extract Document', value: 'extractDocument', action: 'Extract document' }]),
	// a resource the resource list does not name keeps its value
	operation(['sessionDocument'], [
		{ name: 'Upload', value: 'upload', action: 'Upload the files' },
		// an option without an action repeats nothing
		{ name: 'Detach', value: 'detach' },
	]),
	operation(['template', 'workspace'], [{ name: 'Duplicate', value: 'duplicate', action: 'Duplicate a template' }]),
	// an operation list shown for no resource names nothing
	operation(undefined, [{ name: 'Delete', value: 'delete', action: 'Delete a template' }]),
	{ displayName: 'Operation Without Options', name: 'operation', type: 'options', displayOptions: { show: { resource: ['session'] } }, default: '' },
];

/** The canvas subtitle n8n shows for a node with these parameters. */
const subtitleFor = (subtitle: string, resource: string, operationValue: string) =>
	evaluateNodeExpression(subtitle, { resource, operation: operationValue });

/** The literal table the expression looks pairs up in. */
const tableOf = (subtitle: string) => JSON.parse(/^=\{\{ (\{.*\})\[/.exec(subtitle)![1]) as Record<string, string>;

describe('subtitle: the canvas names the chosen operation, without repeating the node name', () => {
	it("shows the operation's name (n8n names the node after the action, which says more)", () => {
		const subtitle = operationSubtitle(properties);
		expect(subtitleFor(subtitle, 'workflowRun', 'getAll')).toBe('Get Many');
		expect(subtitleFor(subtitle, 'workflowRun', 'getOutput')).toBe('Get Output');
	});

	it('puts the resource in front where the name says what the action says', () => {
		const subtitle = operationSubtitle(properties);
		expect(subtitleFor(subtitle, 'extraction', 'extractDocument')).toBe('Extraction: Extract Document');
		expect(subtitleFor(subtitle, 'template', 'duplicate')).toBe('Duplicate');
		expect(subtitleFor(subtitle, 'sessionDocument', 'upload')).toBe('Upload');
		// "Get  a  run" says "Get Run": case, articles and spacing aside
		expect(subtitleFor(subtitle, 'workflowRun', 'get')).toBe('Workflow Run: Get Run');
		// as many words as the name, but others
		expect(subtitleFor(subtitle, 'workflowRun', 'getOutput')).toBe('Get Output');
	});

	it('maps an operation shown for several resources under each of them', () => {
		const subtitle = operationSubtitle(properties);
		expect(subtitleFor(subtitle, 'template', 'duplicate')).toBe('Duplicate');
		expect(subtitleFor(subtitle, 'workspace', 'duplicate')).toBe('Duplicate');
	});

	it('falls back to the internal operation value for a pair it does not know', () => {
		const subtitle = operationSubtitle(properties);
		// "delete" is listed only for no resource, and the resource list is not an operation
		expect(subtitleFor(subtitle, 'template', 'delete')).toBe('delete');
		expect(subtitleFor(subtitle, 'template', 'get')).toBe('get');
	});

	it('maps exactly the resource and operation pairs of the operation lists', () => {
		expect(tableOf(operationSubtitle(properties))).toEqual({
			'workflowRun:getAll': 'Get Many',
			'workflowRun:getOutput': 'Get Output',
			'workflowRun:get': 'Workflow Run: Get Run',
			'extraction:extractDocument': 'Extraction: Extract Document',
			'sessionDocument:upload': 'Upload',
			'sessionDocument:detach': 'Detach',
			'template:duplicate': 'Duplicate',
			'workspace:duplicate': 'Duplicate',
		});
	});

	it("is the Raydocs node's subtitle: short, in Title Case, never the action a new node is named after", () => {
		const { description } = new Raydocs();
		expect(description.subtitle).toBe(operationSubtitle(description.properties));
		const table = tableOf(String(description.subtitle));
		expect(table['extraction:extractDocument']).toBe('Extraction: Extract Document');
		const actions: Record<string, string> = {};
		for (const property of description.properties.filter((candidate) => candidate.name === 'operation')) {
			for (const resource of property.displayOptions!.show!.resource as string[]) {
				for (const option of property.options as INodePropertyOptions[]) actions[`${resource}:${String(option.value)}`] = option.action!;
			}
		}
		expect(Object.keys(table).sort()).toEqual(Object.keys(actions).sort());
		for (const [pair, subtitle] of Object.entries(table)) {
			expect(subtitle.toLowerCase()).not.toBe(actions[pair].toLowerCase());
			// the canvas line holds about 28 characters (the editor test measures every one in n8n 2.41)
			expect(subtitle.length).toBeLessThanOrEqual(28);
			// Title Case, short prepositions aside ("Wait for Result")
			for (const word of subtitle.split(/[\s:]+/).filter((word) => !['by', 'for', 'of', 'to'].includes(word))) {
				expect(word[0]).toBe(word[0].toUpperCase());
			}
		}
	});
});
