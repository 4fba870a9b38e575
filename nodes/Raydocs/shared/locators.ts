import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { workspaceLocator } from './descriptions';
import { EXAMPLE_UUID, UUID_PATTERN } from './ids';

type ShowFor = NonNullable<IDisplayOptions['show']>;

function uuidLocator(options: {
	displayName: string;
	name: string;
	label: string;
	searchListMethod: string;
	showFor: ShowFor;
	description: string;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		displayOptions: { show: options.showFor },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${options.label}...`,
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${EXAMPLE_UUID}`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: UUID_PATTERN,
							errorMessage: `A ${options.label} ID is a UUID, e.g. ${EXAMPLE_UUID}`,
						},
					},
				],
			},
		],
	};
}

/** An extraction template, listed from the workspace chosen in the node's `workspaceId` field. */
export function templateLocator(
	showFor: ShowFor,
	description = 'The extraction template. The list shows the templates of the workspace chosen above.',
	name = 'templateId',
): INodeProperties {
	return uuidLocator({
		displayName: 'Template',
		name,
		label: 'template',
		searchListMethod: 'searchTemplates',
		showFor,
		description,
	});
}

/** A workspace document, listed (and searchable by name) from the node's `workspaceId` field. */
export function workspaceDocumentLocator(
	showFor: ShowFor,
	description = 'The document. The list shows the documents of the workspace chosen above.',
	name = 'documentId',
): INodeProperties {
	return uuidLocator({
		displayName: 'Document',
		name,
		label: 'document',
		searchListMethod: 'searchWorkspaceDocuments',
		showFor,
		description,
	});
}

/**
 * A workspace picker for operations whose endpoint does not take the workspace: it only feeds the
 * template and document lists, so it is optional and never sent.
 */
export function workspaceForListsLocator(showFor: ShowFor, listed: string): INodeProperties {
	return {
		...workspaceLocator(
			showFor,
			`Only used to list ${listed} to pick from below; not needed when you enter an ID`,
		),
		required: false,
	};
}
