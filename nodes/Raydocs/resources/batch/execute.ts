import type { INodeProperties } from 'n8n-workflow';

import { templateLocator, workspaceForListsLocator } from '../../shared/locators';
import { sessionIdsField } from './fields';

const showOnlyForBatchExecute = { operation: ['execute'], resource: ['batch'] };

export const batchExecuteDescription: INodeProperties[] = [
	workspaceForListsLocator(showOnlyForBatchExecute, 'templates'),
	templateLocator(showOnlyForBatchExecute),
	sessionIdsField(showOnlyForBatchExecute, 'Sessions of the template to extract'),
];
