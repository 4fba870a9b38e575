import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { validateUuidParameter } from '../../shared/ids';
import { workspaceDocumentLocator } from '../../shared/locators';

export function workspaceDocumentIdField(
	showFor: NonNullable<IDisplayOptions['show']>,
	description: string,
): INodeProperties {
	return {
		...workspaceDocumentLocator(showFor, description),
		routing: { send: { preSend: [validateUuidParameter('documentId', 'document')] } },
	};
}
