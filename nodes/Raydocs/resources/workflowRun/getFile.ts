import type { INodeProperties } from 'n8n-workflow';

import { workflowRunIdField } from '../../shared/idFields';

const showOnlyForWorkflowRunGetFile = { operation: ['getFile'], resource: ['workflowRun'] };

export const workflowRunGetFileDescription: INodeProperties[] = [
	workflowRunIdField(showOnlyForWorkflowRunGetFile, 'The run whose temporary runtime file to get'),
];
