import type { INodeProperties } from 'n8n-workflow';

import { Raydocs } from '../../../../nodes/Raydocs/Raydocs.node';
import { actionSubtitle } from '../../../../nodes/Raydocs/shared/subtitle';
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
		options: [{ name: 'Template', value: 'template', action: 'Not an operation' }],
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
	operation(['workflowRun'], [
		{ name: 'Get Many', value: 'getAll', action: 'Get many workflow runs' },
		{ name: 'Get Output', value: 'getOutput' },
	]),
	operation(['template', 'workspace'], [{ name: 'Duplicate', value: 'duplicate', action: 'Duplicate a template' }]),
	// an operation list shown for no resource names no action
	operation(undefined, [{ name: 'Delete', value: 'delete', action: 'Delete a template' }]),
	{ displayName: 'Operation Without Options', name: 'operation', type: 'options', displayOptions: { show: { resource: ['session'] } }, default: '' },
];

/** The canvas subtitle n8n shows for a node with these parameters. */
const subtitleFor = (subtitle: string, resource: string, operationValue: string) =>
	evaluateNodeExpression(subtitle, { resource, operation: operationValue });

describe('subtitle: the canvas shows the chosen operation as an action', () => {
	it("shows the operation's action for its resource", () => {
		const subtitle = actionSubtitle(properties);
		expect(subtitleFor(subtitle, 'workflowRun', 'getAll')).toBe('Get many workflow runs');
	});

	it('shows the operation name where the option has no action', () => {
		const subtitle = actionSubtitle(properties);
		expect(subtitleFor(subtitle, 'workflowRun', 'getOutput')).toBe('Get Output');
	});

	it('maps an operation shown for several resources under each of them', () => {
		const subtitle = actionSubtitle(properties);
		expect(subtitleFor(subtitle, 'template', 'duplicate')).toBe('Duplicate a template');
		expect(subtitleFor(subtitle, 'workspace', 'duplicate')).toBe('Duplicate a template');
	});

	it('falls back to the internal operation value for a pair it does not know', () => {
		const subtitle = actionSubtitle(properties);
		// "delete" is listed only for no resource, and the resource list is not an operation
		expect(subtitleFor(subtitle, 'template', 'delete')).toBe('delete');
		expect(subtitleFor(subtitle, 'template', 'get')).toBe('get');
	});

	it('maps exactly the resource and operation pairs of the operation lists', () => {
		const subtitle = actionSubtitle(properties);
		const mapping = /^=\{\{ (\{.*\})\[/.exec(subtitle)![1];
		expect(JSON.parse(mapping)).toEqual({
			'workflowRun:getAll': 'Get many workflow runs',
			'workflowRun:getOutput': 'Get Output',
			'template:duplicate': 'Duplicate a template',
			'workspace:duplicate': 'Duplicate a template',
		});
	});

	it("is the Raydocs node's subtitle, naming every operation's action", () => {
		const { description } = new Raydocs();
		expect(description.subtitle).toBe(actionSubtitle(description.properties));
		expect(subtitleFor(String(description.subtitle), 'template', 'duplicate')).toBe('Duplicate a template');
	});
});
