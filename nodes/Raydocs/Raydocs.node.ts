import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { searchTemplates } from './listSearch/searchTemplates';
import { searchWorkspaceDocuments } from './listSearch/searchWorkspaceDocuments';
import { searchWorkspaces } from './listSearch/searchWorkspaces';
import { batchDescription, batchOperations } from './resources/batch';
import { documentDescription } from './resources/document';
import { extractionDescription, extractionOperations } from './resources/extraction';
import { fileDescription, fileOperations } from './resources/file';
import { sessionDescription } from './resources/session';
import { sessionDocumentDescription, sessionDocumentOperations } from './resources/sessionDocument';
import { templateDescription } from './resources/template';
import { workflowRunDescription } from './resources/workflowRun';
import { workspaceDescription } from './resources/workspace';
import { workspaceDocumentDescription, workspaceDocumentOperations } from './resources/workspaceDocument';
import { workspaceInviteDescription } from './resources/workspaceInvite';
import { workspaceMemberDescription } from './resources/workspaceMember';
import { operationSubtitle } from './shared/subtitle';
import { BASE_URL_EXPRESSION } from './shared/baseUrl';
import { ROUTE_EVERY_REQUEST_THROUGH_TRANSPORT, transportRequestOperations } from './shared/transportWiring';

// Operations that routing cannot express (uploads, waiting, batches) run as code; the rest stay declarative.
const codeOperations = {
	batch: batchOperations,
	extraction: extractionOperations,
	file: fileOperations,
	sessionDocument: sessionDocumentOperations,
	workspaceDocument: workspaceDocumentOperations,
};

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		// Sorted by name (n8n's rule for lists, held by its lint and its verification scan), and named
		// so that Extraction, the main job, comes first in the nodes panel's action list.
		options: [
			{
				name: 'Extraction',
				value: 'extraction',
				description: 'Extract data from documents and wait, or run, get, export and delete extraction results',
			},
			{
				name: 'Extraction Batch',
				value: 'batch',
				description: 'Many sessions of one template at once: extract many files, or run, export, delete sessions',
			},
			{
				name: 'File Upload',
				value: 'file',
				description: 'Upload files to Raydocs storage and get the keys that sessions and workspaces take',
			},
			{
				name: 'Parsed Document',
				value: 'document',
				description: 'A document by its ID alone: its parsed text (chunks), details and file, or delete it',
			},
			{
				name: 'Session',
				value: 'session',
				description: 'An extraction session: one template applied to a set of documents, with its results',
			},
			{
				name: 'Session Document',
				value: 'sessionDocument',
				description: 'The documents of one session: upload, add by key, attach from the workspace, detach, list',
			},
			{
				name: 'Template',
				value: 'template',
				description: 'Extraction templates: the groups of fields to extract, with their types and prompts',
			},
			{
				name: 'Workflow Run',
				value: 'workflowRun',
				description: 'Runs of a Raydocs workflow: list them, get their output or runtime file',
			},
			{
				name: 'Workspace',
				value: 'workspace',
				description: 'Workspaces, which hold templates, documents and members',
			},
			{
				name: 'Workspace Document',
				value: 'workspaceDocument',
				description: 'Files stored in a workspace, found by name or ID: store, search, get, download, reparse',
			},
			{
				name: 'Workspace Invite',
				value: 'workspaceInvite',
				description: 'Pending invitations to a workspace: list, resend, get the link, cancel',
			},
			{
				name: 'Workspace Member',
				value: 'workspaceMember',
				description: 'The people in a workspace and their roles: add, list, change role, remove, leave',
			},
		],
		default: 'extraction',
		routing: ROUTE_EVERY_REQUEST_THROUGH_TRANSPORT,
	},
	...extractionDescription,
	...batchDescription,
	...documentDescription,
	...fileDescription,
	...sessionDescription,
	...sessionDocumentDescription,
	...templateDescription,
	...workflowRunDescription,
	...workspaceDescription,
	...workspaceDocumentDescription,
	...workspaceInviteDescription,
	...workspaceMemberDescription,
];

export class Raydocs implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Raydocs',
		name: 'raydocs',
		icon: { light: 'file:../../icons/raydocs.svg', dark: 'file:../../icons/raydocs.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: 'Extract structured data from documents with Raydocs',
		defaults: { name: 'Raydocs' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'raydocsApi', required: true }],
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		// Every routed request goes through the transport: see transportWiring.ts.
		requestOperations: transportRequestOperations(codeOperations),
		properties,
	};

	customOperations = codeOperations;

	methods = {
		listSearch: { searchTemplates, searchWorkspaceDocuments, searchWorkspaces },
	};
}
