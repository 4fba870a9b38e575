import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { RAYDOCS_API } from '../shared/endpoints';
import { pathOf } from '../shared/endpointRequests';
import { emptyListSaying, pickerRequest } from './pickerRequest';
import { listItemsOf } from '../shared/listResponse';

interface WorkspaceSummary {
	id: number | string;
	name?: string;
	icon?: string;
}

export async function searchWorkspaces(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = await pickerRequest(this, { method: 'GET', url: pathOf(RAYDOCS_API.listWorkspaces) });
	const workspaces = listItemsOf<WorkspaceSummary>(body);
	if (!workspaces.length) return emptyListSaying("The token's user belongs to no workspace yet");
	const needle = (filter ?? '').trim().toLowerCase();
	const results = workspaces
		.filter((workspace) => String(workspace.name ?? '').toLowerCase().includes(needle))
		.map((workspace) => ({
			name: `${workspace.icon ? `${workspace.icon} ` : ''}${workspace.name ?? `Workspace ${workspace.id}`}`,
			value: String(workspace.id),
		}));
	return { results };
}
