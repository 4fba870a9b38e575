import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { RAYDOCS_API } from '../shared/endpoints';
import { pathOf } from '../shared/endpointRequests';
import { chosenWorkspaceId, emptyListSaying, pageFromToken, pickerRequest } from './pickerRequest';
import { listItemsOf, nextPageOf } from '../shared/listResponse';

interface TemplateSummary {
	id: string;
	name?: string;
	description?: string | null;
}

/** Pages read per call when filtering: the filter runs here, so a page may match nothing. */
const MAX_PAGES_PER_SEARCH = 10;
const ENOUGH_RESULTS = 20;

/** Templates of the chosen workspace whose name contains the filter (Raydocs has no name search). */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const workspaceId = chosenWorkspaceId(this);
	if (!workspaceId) return emptyListSaying('Choose a workspace above to list its templates');
	const needle = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = [];
	let page: number | undefined = pageFromToken(paginationToken);
	for (let read = 0; page !== undefined && read < MAX_PAGES_PER_SEARCH; read++) {
		const body = await pickerRequest(this, {
			method: 'GET',
			url: pathOf(RAYDOCS_API.listTemplates, { workspaceId }),
			qs: { page },
		});
		for (const template of listItemsOf<TemplateSummary>(body)) {
			const name = template.name ?? `Template ${template.id}`;
			if (needle && !name.toLowerCase().includes(needle)) continue;
			results.push({ name, value: String(template.id), description: template.description ?? undefined });
		}
		page = nextPageOf(body, page);
		// Without a filter every page is full, so one page per call is what the list asks for.
		if (!needle || results.length >= ENOUGH_RESULTS) break;
	}
	// A workspace without templates, not a search that found none ("No results" says that).
	if (!results.length && !needle && !paginationToken) return emptyListSaying('No templates in this workspace yet');
	return page === undefined ? { results } : { results, paginationToken: String(page) };
}
