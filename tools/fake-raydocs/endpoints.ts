/**
 * The 50 documented Raydocs REST endpoints, in the order of the reconstructed reference
 * (endpoints.json). The fake server routes every one of them; the node's coverage test enumerates
 * this list. Aliases the fake also accepts (conflicting doc generations) are listed in
 * `RAYDOCS_ENDPOINT_ALIASES`; they are not part of the 50.
 */
export type RaydocsHttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RaydocsEndpoint {
	method: RaydocsHttpMethod;
	/** Path template exactly as documented, e.g. '/workspaces/{workspaceId}/users'. */
	path: string;
	/** Token abilities required; all of them must be present. Empty when none is documented. */
	abilities: string[];
	summary: string;
}

export const RAYDOCS_ENDPOINTS: ReadonlyArray<RaydocsEndpoint> = [
	{
		method: 'POST',
		path: '/vapor/signed-storage-url',
		abilities: [],
		summary: 'Issue a short-lived pre-signed storage URL and key for uploading one file',
	},
	{
		method: 'GET',
		path: '/workspaces',
		abilities: ['workspaces-read'],
		summary: 'List the workspaces the token owner belongs to',
	},
	{
		method: 'POST',
		path: '/workspaces/create',
		abilities: ['workspaces-write'],
		summary: 'Create a workspace owned (as admin) by the token owner',
	},
	{
		method: 'PUT',
		path: '/workspaces/{workspaceId}',
		abilities: ['workspaces-write'],
		summary: 'Rename a workspace or change its icon',
	},
	{
		method: 'DELETE',
		path: '/workspaces/{workspaceId}',
		abilities: ['workspaces-write'],
		summary: 'Delete a workspace with all its templates, sessions, documents and runs',
	},
	{
		method: 'GET',
		path: '/workspaces/{workspaceId}/users',
		abilities: ['workspace-users-read'],
		summary: 'List the members of a workspace and their roles',
	},
	{
		method: 'POST',
		path: '/workspaces/{workspaceId}/users/add',
		abilities: ['workspace-users-write'],
		summary: 'Add a registered user to a workspace, or invite an unknown email',
	},
	{
		method: 'PUT',
		path: '/workspaces/{workspaceId}/users/{userId}/update-role',
		abilities: ['workspace-users-write'],
		summary: 'Change the role of a workspace member',
	},
	{
		method: 'DELETE',
		path: '/workspaces/{workspaceId}/users/{userId}/remove',
		abilities: ['workspace-users-write'],
		summary: 'Remove another member from a workspace',
	},
	{
		method: 'POST',
		path: '/workspaces/{workspaceId}/leave',
		abilities: ['workspace-users-write'],
		summary: 'Remove the token owner from a workspace',
	},
	{
		method: 'GET',
		path: '/workspaces/{workspaceId}/invites',
		abilities: ['workspace-users-read'],
		summary: 'List outstanding invitations of a workspace',
	},
	{
		method: 'POST',
		path: '/workspaces/{workspaceId}/invites/{inviteId}/resend',
		abilities: ['workspace-users-write'],
		summary: 'Send an invitation email again and extend its validity',
	},
	{
		method: 'GET',
		path: '/workspaces/{workspaceId}/invites/{inviteId}/link',
		abilities: ['workspace-users-read'],
		summary: 'Get the shareable link of an invitation',
	},
	{
		method: 'DELETE',
		path: '/workspaces/{workspaceId}/invites/{inviteId}',
		abilities: ['workspace-users-write'],
		summary: 'Withdraw a pending invitation',
	},
	{
		method: 'GET',
		path: '/workspaces/{workspaceId}/extractions/templates',
		abilities: ['templates-read'],
		summary: 'Page through the extraction templates of a workspace',
	},
	{
		method: 'POST',
		path: '/extractions/templates',
		abilities: ['templates-write'],
		summary: 'Create an extraction template in the workspace named in the body',
	},
	{
		method: 'GET',
		path: '/extractions/templates/{templateId}',
		abilities: ['templates-read'],
		summary: 'Read one template including its schema and settings',
	},
	{
		method: 'PUT',
		path: '/extractions/templates/{templateId}',
		abilities: ['templates-write'],
		summary: 'Change the name, description, schema or settings of a template',
	},
	{
		method: 'DELETE',
		path: '/extractions/templates/{templateId}',
		abilities: ['templates-write'],
		summary: 'Delete a template together with its sessions and runs',
	},
	{
		method: 'POST',
		path: '/extractions/templates/{templateId}/duplicate',
		abilities: ['templates-write'],
		summary: 'Copy a template, optionally under a new name',
	},
	{
		method: 'POST',
		path: '/extractions/sessions',
		abilities: ['sessions-write'],
		summary: 'Open an extraction session for a template',
	},
	{
		method: 'GET',
		path: '/extractions/sessions/{sessionId}',
		abilities: ['sessions-read'],
		summary: 'Read a session with its attached documents and its runs',
	},
	{
		method: 'PUT',
		path: '/extractions/sessions/{sessionId}',
		abilities: ['sessions-write'],
		summary: 'Rename a session',
	},
	{
		method: 'DELETE',
		path: '/extractions/sessions/{sessionId}',
		abilities: ['sessions-write'],
		summary: 'Delete a session, its attachments and its runs',
	},
	{
		method: 'GET',
		path: '/extractions/sessions/{sessionId}/documents',
		abilities: ['sessions-read'],
		summary: 'Page through the documents attached to a session',
	},
	{
		method: 'POST',
		path: '/extractions/sessions/{sessionId}/documents/upload',
		abilities: ['sessions-write'],
		summary:
			'Turn uploaded keys into (deduplicated) workspace documents and attach them to a session',
	},
	{
		method: 'POST',
		path: '/extractions/sessions/{sessionId}/documents/attach',
		abilities: ['sessions-write'],
		summary: 'Attach documents that already exist in the workspace to a session',
	},
	{
		method: 'DELETE',
		path: '/extractions/sessions/{sessionId}/documents/{documentId}',
		abilities: ['sessions-write'],
		summary: 'Detach a document from a session, keeping the document itself',
	},
	{
		method: 'POST',
		path: '/extractions/sessions/{sessionId}/documents',
		abilities: ['sessions-write'],
		summary: 'Legacy: register one uploaded key with its filename in a session and queue parsing',
	},
	{
		method: 'POST',
		path: '/extractions/templates/{templateId}/sessions/batch',
		abilities: ['sessions-write'],
		summary:
			'Create one session per uploaded key, optionally extracting automatically after parsing',
	},
	{
		method: 'POST',
		path: '/extractions/templates/{templateId}/sessions/batch/execute',
		abilities: ['sessions-write'],
		summary: 'Queue an extraction run for each listed session',
	},
	{
		method: 'POST',
		path: '/extractions/templates/{templateId}/sessions/batch/delete',
		abilities: ['sessions-write'],
		summary: 'Delete several sessions of a template at once',
	},
	{
		method: 'POST',
		path: '/extractions/templates/{templateId}/sessions/batch/export',
		abilities: ['sessions-read'],
		summary: 'Export the latest results of several sessions as JSON, CSV or Excel',
	},
	{
		method: 'GET',
		path: '/extractions/documents/{documentId}',
		abilities: ['sessions-read'],
		summary: 'Read one document by id',
	},
	{
		method: 'GET',
		path: '/extractions/documents/{documentId}/url',
		abilities: ['sessions-read'],
		summary: 'Get a temporary signed download URL for the original file',
	},
	{
		method: 'GET',
		path: '/extractions/documents/{documentId}/chunks',
		abilities: ['sessions-read'],
		summary: 'List the parsed chunks of a document',
	},
	{
		method: 'DELETE',
		path: '/extractions/documents/{documentId}',
		abilities: ['sessions-write'],
		summary: 'Delete a document with its chunks and derived data',
	},
	{
		method: 'GET',
		path: '/workspaces/{workspaceId}/documents',
		abilities: ['documents-read'],
		summary: 'Search, filter, sort and page through the documents of a workspace',
	},
	{
		method: 'POST',
		path: '/workspaces/{workspaceId}/documents',
		abilities: ['documents-write'],
		summary: 'Create a workspace document from an upload key, or reuse an identical one',
	},
	{
		method: 'GET',
		path: '/workspaces/{workspaceId}/documents/{documentId}',
		abilities: ['documents-read'],
		summary: 'Read one workspace document with its parsings',
	},
	{
		method: 'GET',
		path: '/workspaces/{workspaceId}/documents/{documentId}/url',
		abilities: ['workspaces-read', 'documents-read'],
		summary: 'Get a temporary signed download URL for a workspace document',
	},
	{
		method: 'POST',
		path: '/workspaces/{workspaceId}/documents/{documentId}/reparse',
		abilities: ['documents-write'],
		summary: 'Queue (or confirm) parsing of a document for a parsing config hash',
	},
	{
		method: 'GET',
		path: '/extractions/sessions/{sessionId}/results',
		abilities: ['sessions-read'],
		summary: 'List the extraction runs of a session',
	},
	{
		method: 'POST',
		path: '/extractions/sessions/{sessionId}/results',
		abilities: ['sessions-write'],
		summary: 'Start an extraction run over the documents currently attached to a session',
	},
	{
		method: 'GET',
		path: '/extractions/results/{resultId}',
		abilities: ['sessions-read'],
		summary: 'Read one extraction run with its data, audit trail and input document refs',
	},
	{
		method: 'DELETE',
		path: '/extractions/results/{resultId}',
		abilities: ['sessions-write'],
		summary: 'Delete an extraction run',
	},
	{
		method: 'GET',
		path: '/extractions/results/{resultId}/export/excel',
		abilities: ['sessions-read'],
		summary: 'Download a completed run as an .xlsx workbook (Data, Audit, Metadata)',
	},
	{
		method: 'GET',
		path: '/workspaces/{workspaceId}/workflows/{workflowId}/runs',
		abilities: ['workspaces-read', 'workflows-read'],
		summary: 'List workflow runs by page, or completed runs after a cursor',
	},
	{
		method: 'GET',
		path: '/workspaces/{workspaceId}/workflows/{workflowId}/runs/{runId}/output',
		abilities: ['workflow-runs-output-read'],
		summary: 'Read the public JSON output of a workflow run',
	},
	{
		method: 'GET',
		path: '/workspaces/{workspaceId}/workflows/{workflowId}/runs/{runId}/file',
		abilities: [],
		summary: 'Get a temporary URL for the runtime file of a workflow run',
	},
];

/**
 * Alternative forms the fake accepts because documentation generations disagree. Each maps to the
 * canonical endpoint above (same abilities, same handler); the request log reports the canonical
 * endpoint in `endpoint` and the alias in `route`.
 */
export const RAYDOCS_ENDPOINT_ALIASES: ReadonlyArray<{
	method: RaydocsHttpMethod;
	path: string;
	canonical: string;
}> = [
	{
		method: 'DELETE',
		path: '/workspaces/{workspaceId}/invites/{inviteId}/cancel',
		canonical: 'DELETE /workspaces/{workspaceId}/invites/{inviteId}',
	},
	{
		method: 'DELETE',
		path: '/extractions/templates/{templateId}/sessions/batch',
		canonical: 'POST /extractions/templates/{templateId}/sessions/batch/delete',
	},
	{
		method: 'POST',
		path: '/extractions/templates/{templateId}/sessions/batch/export/{format}',
		canonical: 'POST /extractions/templates/{templateId}/sessions/batch/export',
	},
];

export function endpointKey(endpoint: { method: string; path: string }): string {
	return `${endpoint.method} ${endpoint.path}`;
}
