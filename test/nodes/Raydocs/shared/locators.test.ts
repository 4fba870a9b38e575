import type { INodeProperties, INodePropertyMode, INodePropertyRegexValidation } from 'n8n-workflow';

import { EXAMPLE_UUID } from '../../../../nodes/Raydocs/shared/ids';
import {
	LOCATOR_PATH_PARAMETERS,
	locatorUuidExpression,
	templateLocator,
	workflowLocator,
	workspaceDocumentLocator,
	workspaceDocumentsLocator,
	workspaceForListsLocator,
} from '../../../../nodes/Raydocs/shared/locators';
import { evaluateNodeExpression } from '../../../helpers/nodeExpressions';

const showFor = { resource: ['template'], operation: ['get'] };
const OTHER_UUID = '6fa459ea-ee8a-3ca4-894e-db77e160355e';

const modeOf = (locator: INodeProperties, name: string) => locator.modes!.find((mode) => mode.name === name)!;

/** Whether the editor accepts `value` in this mode (its regex validation, as n8n anchors it). */
function accepts(mode: INodePropertyMode, value: string): boolean {
	const rule = mode.validation![0] as INodePropertyRegexValidation;
	return new RegExp(`^${rule.properties.regex}$`).test(value);
}

/** The ID n8n keeps from a "By URL" value. */
function extracted(mode: INodePropertyMode, value: string): string | undefined {
	return new RegExp((mode.extractValue as { regex: string }).regex).exec(value)?.[1];
}

describe('locators: the resource locator fields for Raydocs objects', () => {
	it('a template: picked from the workspace list (the default), by ID, or by link', () => {
		const locator = templateLocator(showFor);
		expect(locator).toMatchObject({
			displayName: 'Template',
			name: 'templateId',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			displayOptions: { show: showFor },
		});
		expect(locator.modes!.map((mode) => mode.name)).toEqual(['list', 'id', 'url']);
		expect(modeOf(locator, 'list').typeOptions).toEqual({ searchListMethod: 'searchTemplates', searchable: true });
		expect(modeOf(locator, 'list').placeholder).toBe('Select a template...');
		expect(modeOf(locator, 'id').placeholder).toBe(`e.g. ${EXAMPLE_UUID}`);
	});

	it('a template ID is one UUID; a link is any Raydocs link with /templates/<id>, of which n8n keeps the ID', () => {
		const locator = templateLocator(showFor);
		expect(accepts(modeOf(locator, 'id'), EXAMPLE_UUID)).toBe(true);
		expect(accepts(modeOf(locator, 'id'), `${EXAMPLE_UUID},${OTHER_UUID}`)).toBe(false);
		expect(accepts(modeOf(locator, 'id'), 'Invoices')).toBe(false);

		const url = modeOf(locator, 'url');
		const link = `https://app.raydocs.com/workspaces/12/templates/${OTHER_UUID}/edit?tab=fields`;
		expect(accepts(url, link)).toBe(true);
		expect(extracted(url, link)).toBe(OTHER_UUID);
		expect(accepts(url, `https://api.raydocs.com/api/extractions/documents/${OTHER_UUID}`)).toBe(false);
		// the ID alone too: n8n carries it over when the user switches from another mode to By URL
		expect(accepts(url, OTHER_UUID)).toBe(true);
		expect(extracted(url, OTHER_UUID)).toBe(OTHER_UUID);
		expect(accepts(url, `${OTHER_UUID},${EXAMPLE_UUID}`)).toBe(false);
		expect(accepts(url, `x${OTHER_UUID}`)).toBe(false);
		// unanchored, as n8n runs it at execution: a link to another kind of object yields no ID
		expect(extracted(url, `https://app.raydocs.com/documents/${OTHER_UUID}`)).toBeUndefined();
		expect((url.validation![0] as INodePropertyRegexValidation).properties.errorMessage).toBe(
			'Paste a Raydocs link that contains /templates/ and the template ID, or the ID alone',
		);
		expect(url.placeholder).toBe(`e.g. https://app.raydocs.com/.../templates/${EXAMPLE_UUID}`);
	});

	it('a template field can carry another name and description', () => {
		expect(templateLocator(showFor, 'The template to copy', 'sourceTemplateId')).toMatchObject({
			name: 'sourceTemplateId',
			description: 'The template to copy',
		});
		expect(templateLocator(showFor).description).toMatch(/Pick a workspace above/);
	});

	it('a workspace document: listed and searchable, or by ID or /documents/ link', () => {
		const locator = workspaceDocumentLocator(showFor);
		expect(locator).toMatchObject({ displayName: 'Document', name: 'documentId', default: { mode: 'list', value: '' } });
		expect(modeOf(locator, 'list').typeOptions).toEqual({ searchListMethod: 'searchWorkspaceDocuments', searchable: true });
		const link = `https://app.raydocs.com/documents/${OTHER_UUID}`;
		expect(extracted(modeOf(locator, 'url'), link)).toBe(OTHER_UUID);
		expect(accepts(modeOf(locator, 'url'), `https://app.raydocs.com/templates/${OTHER_UUID}`)).toBe(false);
		expect(workspaceDocumentLocator(showFor, 'The file', 'fileId')).toMatchObject({ name: 'fileId', description: 'The file' });
	});

	it("Extract Document's documents take one or more UUIDs separated by commas in By ID", () => {
		const locator = workspaceDocumentsLocator(showFor);
		expect(locator).toMatchObject({ name: 'documents', default: { mode: 'list', value: '' } });
		const byId = modeOf(locator, 'id');
		expect(accepts(byId, EXAMPLE_UUID)).toBe(true);
		expect(accepts(byId, ` ${EXAMPLE_UUID} , ${OTHER_UUID} `)).toBe(true);
		expect(accepts(byId, `${EXAMPLE_UUID}, not-an-id`)).toBe(false);
		expect(byId.placeholder).toBe(`e.g. ${EXAMPLE_UUID}, 550e8400-e29b-41d4-a716-446655440001`);
		expect(modeOf(locator, 'list').typeOptions?.searchListMethod).toBe('searchWorkspaceDocuments');
	});

	it('a workflow has no list to pick from: By ID (the default) or By URL only', () => {
		const locator = workflowLocator(showFor, 'The workflow to run');
		expect(locator).toMatchObject({ name: 'workflowId', default: { mode: 'id', value: '' }, description: 'The workflow to run' });
		expect(locator.modes!.map((mode) => mode.name)).toEqual(['id', 'url']);
		expect(extracted(modeOf(locator, 'url'), `https://app.raydocs.com/workflows/${OTHER_UUID}#runs`)).toBe(OTHER_UUID);
	});

	it('the workspace picker that only feeds the lists is optional and says so', () => {
		const locator = workspaceForListsLocator(showFor, 'templates');
		expect(locator).toMatchObject({
			name: 'workspaceId',
			required: false,
			description: 'Only used to list templates to pick from below; not needed when you enter an ID',
			displayOptions: { show: showFor },
		});
		// where the list is not below (the trigger's template filter, under Options), it says where
		expect(workspaceForListsLocator(showFor, 'templates', 'for Options → Only Template').description).toBe(
			'Only used to list templates for Options → Only Template; not needed when you enter an ID',
		);
	});

	it("routing reads the locator's ID, whatever the mode, as n8n evaluates it", () => {
		const templateId = (value: string, mode = 'id') =>
			evaluateNodeExpression(`={{ ${LOCATOR_PATH_PARAMETERS.templateId} }}`, {
				resource: 'template',
				operation: 'get',
				templateId: { __rl: true, mode, value },
			});
		expect(templateId(` ${EXAMPLE_UUID} `)).toBe(EXAMPLE_UUID);
		expect(templateId(`https://app.raydocs.com/w/12/templates/${OTHER_UUID}/edit?x=1`, 'url')).toBe(OTHER_UUID);
		expect(templateId(`https://app.raydocs.com/templates/${OTHER_UUID}`, 'url')).toBe(OTHER_UUID);
		// anything else is left for the ID check to reject
		expect(templateId('Invoices')).toBe('Invoices');
		expect(LOCATOR_PATH_PARAMETERS.documentId).toBe(locatorUuidExpression('$parameter.documentId', 'documents'));
		expect(LOCATOR_PATH_PARAMETERS.workflowId).toBe(locatorUuidExpression('$parameter.workflowId', 'workflows'));
	});
});
