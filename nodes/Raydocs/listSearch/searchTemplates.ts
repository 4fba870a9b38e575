import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { raydocsJson } from '../shared/transport';
import { listItemsOf } from '../shared/listResponse';

interface TemplateSummary {
	id: string;
	name?: string;
	description?: string | null;
}

/** Pages read per call when filtering: the filter runs here, so a page may match nothing. */
const MAX_PAGES_PER_SEARCH = 10;
const ENOUGH_RESULTS = 20;

/** The workspace chosen in the node, or a message that says to choose one first. */
export function chosenWorkspaceId(context: ILoadOptionsFunctions, listed: string): string {
	const value = context.getCurrentNodeParameter('workspaceId', { extractValue: true });
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (!/^\d+$/.test(text)) {
		throw new NodeOperationError(
			context.getNode(),
			text ? `Workspace "${text}" is not a valid workspace ID` : 'Choose a workspace first',
			{
				description: `The ${listed} list shows the ${listed} of one workspace: pick it in the Workspace field, or enter the ID directly.`,
			},
		);
	}
	return text;
}

function nextPage(body: unknown, page: number): number | undefined {
	const meta = ((body as IDataObject | undefined)?.meta ?? {}) as IDataObject;
	const currentPage = Number(meta.current_page ?? page);
	const lastPage = Number(meta.last_page);
	return Number.isFinite(lastPage) && currentPage < lastPage ? currentPage + 1 : undefined;
}

/** Templates of the chosen workspace whose name contains the filter (Raydocs has no name search). */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const workspaceId = chosenWorkspaceId(this, 'templates');
	const needle = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = [];
	let page: number | undefined = Math.max(1, Number(paginationToken) || 1);
	for (let read = 0; page !== undefined && read < MAX_PAGES_PER_SEARCH; read++) {
		const body = await raydocsJson(this, {
			method: 'GET',
			url: `/workspaces/${workspaceId}/extractions/templates`,
			qs: { page },
		});
		for (const template of listItemsOf<TemplateSummary>(body)) {
			const name = template.name ?? `Template ${template.id}`;
			if (needle && !name.toLowerCase().includes(needle)) continue;
			results.push({ name, value: String(template.id), description: template.description ?? undefined });
		}
		page = nextPage(body, page);
		// Without a filter every page is full, so one page per call is what the list asks for.
		if (!needle || results.length >= ENOUGH_RESULTS) break;
	}
	return page === undefined ? { results } : { results, paginationToken: String(page) };
}
