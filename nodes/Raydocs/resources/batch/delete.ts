import type { INodeProperties } from 'n8n-workflow';

import { templateLocator, workspaceForListsLocator } from '../../shared/locators';
import { sessionIdsField } from './fields';

const showOnlyForBatchDelete = { operation: ['delete'], resource: ['batch'] };

export const batchDeleteDescription: INodeProperties[] = [
	workspaceForListsLocator(showOnlyForBatchDelete, 'templates'),
	templateLocator(showOnlyForBatchDelete),
	sessionIdsField(showOnlyForBatchDelete, 'Sessions of the template to delete with their results'),
];
