import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

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
import { MAIN_CONNECTION, prepareForOlderN8n } from './shared/olderN8n';
import { withCustomOperations } from './shared/toolExecution';
import { sendRoutedRequest } from './shared/transport';
import { BASE_URL_EXPRESSION } from './shared/baseUrl';

// Operations that routing cannot express (uploads, waiting, batches) run as code; the rest stay declarative.
const codeOperations = {
	batch: batchOperations,
	extraction: extractionOperations,
	file: fileOperations,
	sessionDocument: sessionDocumentOperations,
	workspaceDocument: workspaceDocumentOperations,
};

export class Raydocs implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Raydocs',
		name: 'raydocs',
		icon: { light: 'file:../../icons/raydocs.svg', dark: 'file:../../icons/raydocs.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Extract structured data from documents with Raydocs',
		defaults: { name: 'Raydocs' },
		usableAsTool: true,
		inputs: [MAIN_CONNECTION],
		outputs: [MAIN_CONNECTION],
		credentials: [{ name: 'raydocsApi', required: true }],
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		// Every routed request goes through the transport (rate limit, retries, messages): see `resource`.
		// As an AI tool n8n runs custom operations through this hook too (see withCustomOperations).
		requestOperations: { pagination: withCustomOperations(codeOperations, sendRoutedRequest) },
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Batch', value: 'batch' },
					{ name: 'Document', value: 'document' },
					{ name: 'Extraction', value: 'extraction' },
					{ name: 'File Upload', value: 'file' },
					{ name: 'Session', value: 'session' },
					{ name: 'Session Document', value: 'sessionDocument' },
					{ name: 'Template', value: 'template' },
					{ name: 'Workflow Run', value: 'workflowRun' },
					{ name: 'Workspace', value: 'workspace' },
					{ name: 'Workspace Document', value: 'workspaceDocument' },
					{ name: 'Workspace Invite', value: 'workspaceInvite' },
					{ name: 'Workspace Member', value: 'workspaceMember' },
				],
				default: 'extraction',
				// Turns on the engine's pagination hook for every operation, so that each request is
				// sent by `requestOperations.pagination` (the transport) rather than directly.
				routing: { send: { paginate: true } },
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
		],
	};

	customOperations = codeOperations;

	methods = {
		listSearch: { searchTemplates, searchWorkspaceDocuments, searchWorkspaces },
	};

	constructor() {
		prepareForOlderN8n(this.description, this.customOperations);
	}
}
