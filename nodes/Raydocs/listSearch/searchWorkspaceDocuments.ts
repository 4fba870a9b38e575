import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	IDataObject,
} from 'n8n-workflow';

import { RAYDOCS_API } from '../shared/endpoints';
import { pathOf } from '../shared/endpointRequests';
import { chosenWorkspaceId, emptyListSaying, pageFromToken, pickerRequest } from './pickerRequest';
import { listItemsOf, nextPageOf } from '../shared/listResponse';

interface DocumentSummary {
	id: string;
	filename?: string;
	status?: string;
}

const PAGE_SIZE = 50;

/** Documents of the chosen workspace, newest first; Raydocs searches names, URLs and hashes. */
export async function searchWorkspaceDocuments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const workspaceId = chosenWorkspaceId(this);
	if (!workspaceId) return emptyListSaying('Choose a workspace above to list its documents');
	const page = pageFromToken(paginationToken);
	const qs: IDataObject = { page, per_page: PAGE_SIZE, sort: 'created_at', order: 'desc' };
	const query = (filter ?? '').trim();
	if (query) qs.query = query;
	const body = await pickerRequest(this, {
		method: 'GET',
		url: pathOf(RAYDOCS_API.listWorkspaceDocuments, { workspaceId }),
		qs,
	});
	const results: INodeListSearchItems[] = listItemsOf<DocumentSummary>(body).map((document) => ({
		name: document.filename ?? `Document ${document.id}`,
		value: String(document.id),
		description: document.status ? `Status: ${document.status}` : undefined,
	}));
	if (!results.length && !query && page === 1) return emptyListSaying('No documents in this workspace yet');
	const next = nextPageOf(body, page);
	return next === undefined ? { results } : { results, paginationToken: String(next) };
}
