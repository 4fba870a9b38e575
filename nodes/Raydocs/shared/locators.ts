import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { workspaceLocator } from './descriptions';
import { EXAMPLE_UUID, UUID_PATTERN } from './ids';

type ShowFor = NonNullable<IDisplayOptions['show']>;

const UUID_GROUP = '([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})';

/**
 * For routing expressions: the UUID of a locator value, whatever its mode. Routing reads a
 * locator's raw text (n8n applies "By URL" extraction only in code), so a pasted link is reduced to
 * the ID after `/<segment>/` here; an ID passes unchanged.
 */
export function locatorUuidExpression(value: string, segment: string): string {
	return `String(${value}).trim().replace(/^.*\\/${segment}\\/([0-9a-fA-F-]{36})([/?#].*)?$/, "$1")`;
}

/** Path-parameter expressions (see routedRequest) for the locator fields whose IDs routed requests send. */
export const LOCATOR_PATH_PARAMETERS = {
	templateId: locatorUuidExpression('$parameter.templateId', 'templates'),
	documentId: locatorUuidExpression('$parameter.documentId', 'documents'),
	workflowId: locatorUuidExpression('$parameter.workflowId', 'workflows'),
};

function uuidLocator(options: {
	displayName: string;
	name: string;
	label: string;
	/** The path segment before the ID in Raydocs links, e.g. "templates". */
	urlSegment: string;
	/** Without one, Raydocs has no endpoint that lists these: ID and URL only. */
	searchListMethod?: string;
	showFor: ShowFor;
	description: string;
	/** "By ID" accepts what this pattern matches (default: one UUID), shown with this example. */
	idPattern?: string;
	idExample?: string;
}): INodeProperties {
	// "By URL": any Raydocs link or API URL whose path holds `/<segment>/<uuid>` (the app's link to
	// the object, or the API address Raydocs returned); n8n keeps only the UUID. The UUID alone is
	// accepted too: n8n carries the ID over when the user switches from another mode to this one.
	const urlRegex = `(?:https?://[^\\s]*/${options.urlSegment}/|^)${UUID_GROUP}(?:[/?#][^\\s]*)?`;
	// Modes are written where n8n's checks expect them, directly under `modes`.
	const locator: INodeProperties = {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: options.searchListMethod ? 'list' : 'id', value: '' },
		required: true,
		description: options.description,
		displayOptions: { show: options.showFor },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${options.label}...`,
				typeOptions: { searchListMethod: options.searchListMethod ?? '', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${options.idExample ?? EXAMPLE_UUID}`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: options.idPattern ?? UUID_PATTERN,
							errorMessage: `A ${options.label} ID is a UUID, e.g. ${EXAMPLE_UUID}`,
						},
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. https://app.raydocs.com/.../${options.urlSegment}/${EXAMPLE_UUID}`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: urlRegex,
							errorMessage: `Paste a Raydocs link that contains /${options.urlSegment}/ and the ${options.label} ID, or the ID alone`,
						},
					},
				],
				extractValue: { type: 'regex', regex: urlRegex },
			},
		],
	};
	if (!options.searchListMethod) locator.modes = locator.modes!.filter((mode) => mode.name !== 'list');
	return locator;
}

/** An extraction template, listed from the workspace chosen in the node's `workspaceId` field. */
export function templateLocator(
	showFor: ShowFor,
	description = 'The extraction template. Pick a workspace above to list its templates, or give the template ID or link.',
	name = 'templateId',
): INodeProperties {
	return uuidLocator({
		displayName: 'Template',
		name,
		label: 'template',
		urlSegment: 'templates',
		searchListMethod: 'searchTemplates',
		showFor,
		description,
	});
}

/** A workspace document, listed (and searchable by name) from the node's `workspaceId` field. */
export function workspaceDocumentLocator(
	showFor: ShowFor,
	description = 'The document. Pick a workspace above to list and search its documents, or give the document ID or link.',
	name = 'documentId',
): INodeProperties {
	return uuidLocator({
		displayName: 'Document',
		name,
		label: 'document',
		urlSegment: 'documents',
		searchListMethod: 'searchWorkspaceDocuments',
		showFor,
		description,
	});
}

const UUID_LIST_PATTERN = `^\\s*${UUID_GROUP}(\\s*,\\s*${UUID_GROUP})*\\s*$`;

/**
 * Extract Document's workspace documents: one picked from the list or a link, or one or more
 * UUIDs separated by commas in "By ID" (what an expression or an AI agent gives most easily).
 */
export function workspaceDocumentsLocator(showFor: ShowFor): INodeProperties {
	return uuidLocator({
		displayName: 'Documents',
		name: 'documents',
		label: 'document',
		urlSegment: 'documents',
		searchListMethod: 'searchWorkspaceDocuments',
		showFor,
		description:
			'The workspace documents to extract from: pick one (the list shows the documents of the workspace chosen above, searchable by name), paste its link, or give one or more UUIDs separated by commas',
		idPattern: UUID_LIST_PATTERN,
		idExample: `${EXAMPLE_UUID}, ${EXAMPLE_UUID.replace(/0$/, '1')}`,
	});
}

/** A Raydocs workflow: Raydocs has no endpoint that lists workflows, so ID or link only. */
export function workflowLocator(showFor: ShowFor, description: string): INodeProperties {
	return uuidLocator({
		displayName: 'Workflow',
		name: 'workflowId',
		label: 'workflow',
		urlSegment: 'workflows',
		showFor,
		description,
	});
}

/**
 * A workspace picker for operations whose endpoint does not take the workspace: it only feeds the
 * template and document lists, so it is optional and never sent. `pickedIn` says where those lists
 * are (the trigger's template list sits under Options, not below).
 */
export function workspaceForListsLocator(showFor: ShowFor, listed: string, pickedIn = 'to pick from below'): INodeProperties {
	return {
		...workspaceLocator(showFor, `Only used to list ${listed} ${pickedIn}; not needed when you enter an ID`),
		required: false,
	};
}
