import { NodeOperationError } from 'n8n-workflow';
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { RAYDOCS_API } from './endpoints';
import { pathOf } from './endpointRequests';
import { raydocsJson } from './transport';
import { listItemsOf } from './listResponse';

type ShowFor = NonNullable<IDisplayOptions['show']>;

interface DocumentSummary {
	id: string;
	filename?: string;
	status?: string;
}

/** One page is plenty to decide: a name either identifies a document or the candidates are listed. */
const CANDIDATES_READ = 50;
const CANDIDATES_SHOWN = 10;

/** The Document Name field: a workspace document found by its file name. */
export function documentNameField(showFor: ShowFor): INodeProperties {
	return {
		displayName: 'Document Name',
		name: 'documentName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. acme-invoice-2026-001.pdf',
		description:
			'File name (or part of it) of a document already in the workspace chosen above. An exact name wins (the newest document if several have it); a partial name must match only one document, otherwise the error lists the candidates.',
		displayOptions: { show: showFor },
	};
}

function candidatesText(documents: DocumentSummary[]): string {
	const shown = documents
		.slice(0, CANDIDATES_SHOWN)
		.map((document) => `"${document.filename ?? '(no name)'}" (${document.id})`)
		.join(', ');
	return documents.length > CANDIDATES_SHOWN ? `${shown} and more` : shown;
}

/**
 * The workspace document a name designates: Raydocs searches names (and URLs and hashes); an
 * exact file name is preferred, newest first, and anything ambiguous is refused rather than guessed.
 */
export async function findWorkspaceDocumentByName(
	context: IExecuteFunctions,
	itemIndex: number,
	name: unknown,
): Promise<string> {
	const node = context.getNode();
	const workspaceId = String(context.getNodeParameter('workspaceId', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!/^\d+$/.test(workspaceId)) {
		throw new NodeOperationError(
			node,
			workspaceId ? `Workspace ID "${workspaceId}" is not valid: Raydocs workspace IDs are whole numbers` : 'Choose the workspace to search the document in',
			{ itemIndex, description: 'Searching a document by name needs the Workspace field: pick it from the list or enter its number, e.g. 12.' },
		);
	}
	const query = String(name ?? '').trim();
	if (!query) {
		throw new NodeOperationError(node, 'Document Name is empty', {
			itemIndex,
			description: 'Enter the file name of a document in the workspace, e.g. invoice.pdf.',
		});
	}
	const body = await raydocsJson(context, {
		method: 'GET',
		url: pathOf(RAYDOCS_API.listWorkspaceDocuments, { workspaceId }),
		qs: { query, per_page: CANDIDATES_READ, sort: 'created_at', order: 'desc' },
	});
	const found = listItemsOf<DocumentSummary>(body);
	const exact = found.filter((document) => document.filename?.toLowerCase() === query.toLowerCase());
	if (exact.length) return String(exact[0].id);
	if (found.length === 1) return String(found[0].id);
	if (!found.length) {
		throw new NodeOperationError(node, `No document in workspace ${workspaceId} matches "${query}"`, {
			itemIndex,
			description: 'Check the name (Raydocs searches file names), or list the documents with Workspace Document → Get Many.',
		});
	}
	throw new NodeOperationError(node, `Several documents in workspace ${workspaceId} match "${query}"`, {
		itemIndex,
		description: `Give the exact file name of one of them: ${candidatesText(found)}.`,
	});
}
