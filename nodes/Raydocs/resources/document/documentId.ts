import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { validateUuidParameter } from '../../shared/ids';
import { workspaceDocumentLocator, workspaceForListsLocator } from '../../shared/locators';

/** The endpoints under /extractions/documents take only the document: the workspace feeds the list. */
export function documentByIdFields(
	showFor: NonNullable<IDisplayOptions['show']>,
	description: string,
): INodeProperties[] {
	return [
		workspaceForListsLocator(showFor, 'documents'),
		{
			...workspaceDocumentLocator(showFor, description),
			routing: { send: { preSend: [validateUuidParameter('documentId', 'document')] } },
		},
	];
}
