import { NodeHelpers } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeParameters,
	INodeProperties,
	INodePropertyRegexValidation,
} from 'n8n-workflow';

import {
	binaryInputFields,
	binaryOutputField,
	deletedOutput,
	extractionOutputFields,
	markDeleted,
	requestedItemCount,
	returnAllAndLimit,
	waitOptions,
	workspaceLocator,
} from '../../../../nodes/Raydocs/shared/descriptions';
import { evaluateNodeExpression } from '../../../helpers/nodeExpressions';

const showFor = { resource: ['extraction'], operation: ['getAll'] };
const here = { resource: 'extraction', operation: 'getAll' };

/** Whether the editor shows the field for these parameter values. */
const shown = (field: INodeProperties, values: INodeParameters) =>
	NodeHelpers.displayParameter({ ...here, ...values }, field, { typeVersion: 1 }, null);

const named = (fields: INodeProperties[], name: string) => fields.find((field) => field.name === name)!;

describe('descriptions: the fields several operations share', () => {
	it('Get Many: Return All (off by default), and Limit only while Return All is off', () => {
		const [returnAll, limit] = returnAllAndLimit(showFor);
		expect(returnAll).toMatchObject({ name: 'returnAll', type: 'boolean', default: false });
		expect(limit).toMatchObject({ name: 'limit', type: 'number', default: 50, typeOptions: { minValue: 1 } });
		expect(shown(returnAll, {})).toBe(true);
		expect(shown(returnAll, { operation: 'get' })).toBe(false);
		expect(shown(limit, { returnAll: false })).toBe(true);
		expect(shown(limit, { returnAll: true })).toBe(false);
		expect(shown(limit, { operation: 'get', returnAll: false })).toBe(false);
		// the routing hands the Limit value to the list transport as maxResults
		expect(evaluateNodeExpression(String(limit.routing?.output?.maxResults), {}, 20)).toBe(20);
	});

	it('the list transport asks for everything with Return All, else for the Limit the routing passed', () => {
		const context = (parameters: Record<string, unknown>) =>
			({ getNodeParameter: (name: string, fallback: unknown) => (name in parameters ? parameters[name] : fallback) }) as unknown as IExecutePaginationFunctions;
		const requestData = (maxResults?: number) => ({ maxResults }) as unknown as DeclarativeRestApiSettings.ResultOptions;

		expect(requestedItemCount(context({ returnAll: true, limit: 5 }), requestData(5))).toBe(Number.POSITIVE_INFINITY);
		expect(requestedItemCount(context({ returnAll: false, limit: 5 }), requestData(7))).toBe(7);
		expect(requestedItemCount(context({ limit: 5 }), requestData())).toBe(5);
		// without Return All and Limit set: the Limit default
		expect(requestedItemCount(context({}), requestData())).toBe(50);
		expect(requestedItemCount(context({ returnAll: false }), requestData('12' as unknown as number))).toBe(12);
	});

	it('the workspace picker: from the list (default) or a whole-number ID', () => {
		const locator = workspaceLocator(showFor);
		expect(locator).toMatchObject({
			name: 'workspaceId',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			description: 'The Raydocs workspace',
			displayOptions: { show: showFor },
		});
		expect(locator.modes!.map((mode) => mode.name)).toEqual(['list', 'id']);
		expect(locator.modes![0].typeOptions).toEqual({ searchListMethod: 'searchWorkspaces', searchable: true });
		const regex = new RegExp((locator.modes![1].validation![0] as INodePropertyRegexValidation).properties.regex);
		expect([regex.test(' 12 '), regex.test('12a'), regex.test('-1')]).toEqual([true, false, false]);
		expect(workspaceLocator(showFor, 'Where the template goes').description).toBe('Where the template goes');
	});

	it('a delete outputs one { deleted: true } item (Raydocs answers 204 without a body)', async () => {
		expect(deletedOutput!.output!.postReceive).toEqual([markDeleted]);
		expect(await markDeleted()).toEqual([{ json: { deleted: true } }]);
	});

	it('result output: Simplify (on by default), and Field Layout and Values Only only while simplified', () => {
		const fields = extractionOutputFields(showFor);
		expect(fields.map((field) => [field.name, field.default])).toEqual([
			['simplify', true],
			['fieldLayout', 'flat'],
			['valuesOnly', false],
		]);
		expect(named(fields, 'fieldLayout').options!.map((option) => 'value' in option && option.value)).toEqual(['flat', 'nested']);
		expect(shown(named(fields, 'simplify'), {})).toBe(true);
		expect(shown(named(fields, 'simplify'), { operation: 'get' })).toBe(false);
		for (const name of ['fieldLayout', 'valuesOnly']) {
			expect([name, shown(named(fields, name), { simplify: true })]).toEqual([name, true]);
			expect([name, shown(named(fields, name), { simplify: false })]).toEqual([name, false]);
			expect([name, shown(named(fields, name), { simplify: true, operation: 'get' })]).toEqual([name, false]);
		}
		// the trigger and Extract Many add ids and file names to each item: no Values Only there
		expect(extractionOutputFields(showFor, false).map((field) => field.name)).toStrictEqual(['simplify', 'fieldLayout']);
	});

	it('the output file field is required, "data" by default', () => {
		const field = binaryOutputField(showFor);
		expect(field).toMatchObject({ name: 'binaryPropertyName', type: 'string', default: 'data', required: true });
		expect(shown(field, {})).toBe(true);
		expect(shown(field, { operation: 'get' })).toBe(false);
	});

	it('input files: every binary field, or the fields named (shown only while not every field)', () => {
		const [all, fields] = binaryInputFields(showFor);
		expect(all).toMatchObject({ name: 'allBinaries', type: 'boolean', default: false });
		expect(fields).toMatchObject({ name: 'binaryPropertyName', default: 'data', required: true });
		expect(shown(all, {})).toBe(true);
		expect(shown(all, { operation: 'get' })).toBe(false);
		expect(shown(fields, { allBinaries: false })).toBe(true);
		expect(shown(fields, { allBinaries: true })).toBe(false);
		expect(shown(fields, { operation: 'get', allBinaries: false })).toBe(false);
		// one line of help under the field; no tooltip repeating it
		expect(fields.hint).toBe('The name of the input binary field(s) holding the file(s), separated by commas');
		expect(fields.description).toBeUndefined();
	});

	describe('wait options', () => {
		const extra: INodeProperties = { displayName: 'Session Name', name: 'sessionName', type: 'string', default: '' };
		// built inside each test, so that the mutation run sees which test covers what
		const versions = () => waitOptions(showFor, [extra]);
		const optionNames = (collection: INodeProperties) => (collection.options as INodeProperties[]).map((option) => option.name);

		it('one collection: the extra options first, then a Check Interval of 5 s that slows down, shown for its operation', () => {
			const collections = versions();
			expect(collections).toHaveLength(1);
			const [options] = collections;
			expect(optionNames(options)).toEqual(['sessionName', 'onFailure', 'onTimeout', 'checkInterval', 'timeout']);
			expect(named(options.options as INodeProperties[], 'checkInterval')).toMatchObject({ default: 5, typeOptions: { minValue: 0.1 } });
			expect([shown(options, {}), shown(options, { operation: 'get' })]).toEqual([true, false]);
		});

		it('a failure or a timeout raises an error by default; the timeout is 300 s', () => {
			for (const collection of versions()) {
				const options = collection.options as INodeProperties[];
				expect(named(options, 'onFailure').default).toBe('error');
				expect(named(options, 'onFailure').options!.map((option) => 'value' in option && option.value)).toEqual(['error', 'output']);
				expect(named(options, 'onTimeout').default).toBe('error');
				expect(named(options, 'onTimeout').options!.map((option) => 'value' in option && option.value)).toEqual(['error', 'pending']);
				expect(named(options, 'timeout')).toMatchObject({ default: 300, typeOptions: { minValue: 1 } });
				expect(collection).toMatchObject({ name: 'options', type: 'collection', default: {} });
			}
		});

		it('without extra options, the four common ones', () => {
			expect(waitOptions(showFor).map(optionNames)).toEqual([['onFailure', 'onTimeout', 'checkInterval', 'timeout']]);
		});
	});
});
