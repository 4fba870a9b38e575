/**
 * What each Raydocs endpoint needs, so that errors can name the missing ability and the object
 * that was not found, and so that retries know which calls are safe to repeat.
 */
export interface RaydocsEndpoint {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** Path template as in the Raydocs reference, e.g. `/workspaces/{workspaceId}/users`. */
	path: string;
	/** Token abilities the endpoint requires; empty when any valid token will do. */
	abilities: string[];
	/** Repeating the call cannot create or change anything twice. */
	retrySafe: boolean;
}

const endpoint = (
	method: RaydocsEndpoint['method'],
	path: string,
	abilities: string[],
	retrySafe = method !== 'POST',
): RaydocsEndpoint => ({ method, path, abilities, retrySafe });

/**
 * Every documented Raydocs endpoint, by name, as docs/raydocs-api/endpoints.json gives it (the
 * coverage test holds this table to that data). Operations build their requests from these entries
 * (routed ones with routedRequest, code ones with pathOf, see endpointRequests.ts), so the README's
 * operations table and the coverage test read which endpoints each operation uses from the code.
 */
export const RAYDOCS_API = {
	// A signed upload URL creates nothing until bytes are stored under it.
	createSignedUploadUrl: endpoint('POST', '/vapor/signed-storage-url', [], true),
	listWorkspaces: endpoint('GET', '/workspaces', ['workspaces-read']),
	createWorkspace: endpoint('POST', '/workspaces/create', ['workspaces-write']),
	updateWorkspace: endpoint('PUT', '/workspaces/{workspaceId}', ['workspaces-write']),
	deleteWorkspace: endpoint('DELETE', '/workspaces/{workspaceId}', ['workspaces-write']),
	listWorkspaceMembers: endpoint('GET', '/workspaces/{workspaceId}/users', ['workspace-users-read']),
	addWorkspaceMember: endpoint('POST', '/workspaces/{workspaceId}/users/add', ['workspace-users-write']),
	updateWorkspaceMemberRole: endpoint('PUT', '/workspaces/{workspaceId}/users/{userId}/update-role', [
		'workspace-users-write',
	]),
	removeWorkspaceMember: endpoint('DELETE', '/workspaces/{workspaceId}/users/{userId}/remove', ['workspace-users-write']),
	leaveWorkspace: endpoint('POST', '/workspaces/{workspaceId}/leave', ['workspace-users-write']),
	listWorkspaceInvites: endpoint('GET', '/workspaces/{workspaceId}/invites', ['workspace-users-read']),
	resendWorkspaceInvite: endpoint('POST', '/workspaces/{workspaceId}/invites/{inviteId}/resend', [
		'workspace-users-write',
	]),
	getWorkspaceInviteLink: endpoint('GET', '/workspaces/{workspaceId}/invites/{inviteId}/link', ['workspace-users-read']),
	cancelWorkspaceInvite: endpoint('DELETE', '/workspaces/{workspaceId}/invites/{inviteId}', ['workspace-users-write']),
	listTemplates: endpoint('GET', '/workspaces/{workspaceId}/extractions/templates', ['templates-read']),
	createTemplate: endpoint('POST', '/extractions/templates', ['templates-write']),
	getTemplate: endpoint('GET', '/extractions/templates/{templateId}', ['templates-read']),
	updateTemplate: endpoint('PUT', '/extractions/templates/{templateId}', ['templates-write']),
	deleteTemplate: endpoint('DELETE', '/extractions/templates/{templateId}', ['templates-write']),
	duplicateTemplate: endpoint('POST', '/extractions/templates/{templateId}/duplicate', ['templates-write']),
	createSession: endpoint('POST', '/extractions/sessions', ['sessions-write']),
	getSession: endpoint('GET', '/extractions/sessions/{sessionId}', ['sessions-read']),
	updateSession: endpoint('PUT', '/extractions/sessions/{sessionId}', ['sessions-write']),
	deleteSession: endpoint('DELETE', '/extractions/sessions/{sessionId}', ['sessions-write']),
	listSessionDocuments: endpoint('GET', '/extractions/sessions/{sessionId}/documents', ['sessions-read']),
	addSessionDocumentsByKeys: endpoint('POST', '/extractions/sessions/{sessionId}/documents/upload', ['sessions-write']),
	attachSessionDocuments: endpoint('POST', '/extractions/sessions/{sessionId}/documents/attach', ['sessions-write']),
	detachSessionDocument: endpoint('DELETE', '/extractions/sessions/{sessionId}/documents/{documentId}', [
		'sessions-write',
	]),
	addSessionDocument: endpoint('POST', '/extractions/sessions/{sessionId}/documents', ['sessions-write']),
	createBatchSessions: endpoint('POST', '/extractions/templates/{templateId}/sessions/batch', ['sessions-write']),
	executeBatchSessions: endpoint('POST', '/extractions/templates/{templateId}/sessions/batch/execute', [
		'sessions-write',
	]),
	deleteBatchSessions: endpoint('POST', '/extractions/templates/{templateId}/sessions/batch/delete', ['sessions-write']),
	// Export only reads results.
	exportBatchSessions: endpoint(
		'POST',
		'/extractions/templates/{templateId}/sessions/batch/export',
		['sessions-read'],
		true,
	),
	getDocument: endpoint('GET', '/extractions/documents/{documentId}', ['sessions-read']),
	getDocumentUrl: endpoint('GET', '/extractions/documents/{documentId}/url', ['sessions-read']),
	getDocumentChunks: endpoint('GET', '/extractions/documents/{documentId}/chunks', ['sessions-read']),
	deleteDocument: endpoint('DELETE', '/extractions/documents/{documentId}', ['sessions-write']),
	listWorkspaceDocuments: endpoint('GET', '/workspaces/{workspaceId}/documents', ['documents-read']),
	createWorkspaceDocument: endpoint('POST', '/workspaces/{workspaceId}/documents', ['documents-write']),
	getWorkspaceDocument: endpoint('GET', '/workspaces/{workspaceId}/documents/{documentId}', ['documents-read']),
	getWorkspaceDocumentUrl: endpoint('GET', '/workspaces/{workspaceId}/documents/{documentId}/url', [
		'workspaces-read',
		'documents-read',
	]),
	reparseWorkspaceDocument: endpoint('POST', '/workspaces/{workspaceId}/documents/{documentId}/reparse', [
		'documents-write',
	]),
	listSessionResults: endpoint('GET', '/extractions/sessions/{sessionId}/results', ['sessions-read']),
	runExtraction: endpoint('POST', '/extractions/sessions/{sessionId}/results', ['sessions-write']),
	getResult: endpoint('GET', '/extractions/results/{resultId}', ['sessions-read']),
	deleteResult: endpoint('DELETE', '/extractions/results/{resultId}', ['sessions-write']),
	exportResultExcel: endpoint('GET', '/extractions/results/{resultId}/export/excel', ['sessions-read']),
	listWorkflowRuns: endpoint('GET', '/workspaces/{workspaceId}/workflows/{workflowId}/runs', [
		'workspaces-read',
		'workflows-read',
	]),
	getWorkflowRunOutput: endpoint('GET', '/workspaces/{workspaceId}/workflows/{workflowId}/runs/{runId}/output', [
		'workflow-runs-output-read',
	]),
	getWorkflowRunFile: endpoint('GET', '/workspaces/{workspaceId}/workflows/{workflowId}/runs/{runId}/file', []),
} satisfies Record<string, RaydocsEndpoint>;

/** The same entries as a list, in the order of the Raydocs reference. */
export const RAYDOCS_API_ENDPOINTS: readonly RaydocsEndpoint[] = Object.values(RAYDOCS_API);

/**
 * Calls that Raydocs' documentation generations give in two forms: the API reference's (listed in
 * RAYDOCS_API_ENDPOINTS, tried first) and the guides' (`other`, the reference data's `alternateForms`).
 * A server has at least one of them.
 * `pathFromBody` names body fields that the other form carries as a path segment instead.
 */
export interface DocumentedAlternateForm {
	reference: string;
	other: { method: RaydocsEndpoint['method']; path: string; pathFromBody?: Record<string, string> };
}

export const DOCUMENTED_ALTERNATE_FORMS: readonly DocumentedAlternateForm[] = [
	{
		reference: 'DELETE /workspaces/{workspaceId}/invites/{inviteId}',
		other: { method: 'DELETE', path: '/workspaces/{workspaceId}/invites/{inviteId}/cancel' },
	},
	{
		reference: 'POST /extractions/templates/{templateId}/sessions/batch/delete',
		other: { method: 'DELETE', path: '/extractions/templates/{templateId}/sessions/batch' },
	},
	{
		reference: 'POST /extractions/templates/{templateId}/sessions/batch/export',
		other: {
			method: 'POST',
			path: '/extractions/templates/{templateId}/sessions/batch/export/{format}',
			// The reference form defaults the format to json.
			pathFromBody: { format: 'json' },
		},
	},
];

/** Readable names for path parameters, used in "not found" messages. */
export const PATH_PARAMETER_LABELS: Record<string, string> = {
	workspaceId: 'workspace',
	userId: 'workspace member',
	inviteId: 'invite',
	templateId: 'template',
	sessionId: 'session',
	documentId: 'document',
	resultId: 'extraction result',
	workflowId: 'workflow',
	runId: 'workflow run',
};

export interface MatchedEndpoint {
	endpoint: RaydocsEndpoint;
	/** Path parameter values in the order they appear, e.g. `[['workspaceId', '12']]`. */
	parameters: Array<[string, string]>;
}

function compile(candidate: RaydocsEndpoint, path = candidate.path, method = candidate.method) {
	const names: string[] = [];
	const source = path.replace(/\{(\w+)\}/g, (_match, name: string) => {
		names.push(name);
		return '([^/]+)';
	});
	return { candidate, method, literalLength: path.replace(/\{\w+\}/g, '').length, names, pattern: new RegExp(`^${source}/?$`) };
}

/**
 * Finds which of `endpoints` a request goes to; literal paths win over templated ones (between
 * equally literal ones, the first listed). The other documented form of a call is the same
 * endpoint (abilities, what a 404 is about).
 */
export function endpointMatcher(
	endpoints: readonly RaydocsEndpoint[],
	alternateForms: readonly DocumentedAlternateForm[],
): (method: string, path: string) => MatchedEndpoint | undefined {
	const compiled = [
		...endpoints.map((candidate) => compile(candidate)),
		...alternateForms.flatMap((form) =>
			endpoints
				.filter((candidate) => `${candidate.method} ${candidate.path}` === form.reference)
				.map((reference) => compile(reference, form.other.path, form.other.method)),
		),
	];
	return (method, path) => {
		const pathname = path.split('?')[0];
		let best: { match: MatchedEndpoint; literalLength: number } | undefined;
		for (const { candidate, method: formMethod, literalLength, names, pattern } of compiled) {
			if (formMethod !== method.toUpperCase()) continue;
			const found = pattern.exec(pathname);
			if (!found) continue;
			if (!best || literalLength > best.literalLength) {
				best = {
					match: {
						endpoint: candidate,
						parameters: names.map((name, index) => [name, decodeURIComponent(found[index + 1])]),
					},
					literalLength,
				};
			}
		}
		return best?.match;
	};
}

const matchDocumentedEndpoint = endpointMatcher(RAYDOCS_API_ENDPOINTS, DOCUMENTED_ALTERNATE_FORMS);

/** Finds the documented Raydocs endpoint a request goes to (either documented form of a call). */
export function matchEndpoint(method: string, path: string): MatchedEndpoint | undefined {
	return matchDocumentedEndpoint(method, path);
}
