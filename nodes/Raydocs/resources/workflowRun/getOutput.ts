import type { INodeProperties } from 'n8n-workflow';

import { workflowRunIdField } from '../../shared/idFields';

const showOnlyForWorkflowRunGetOutput = { operation: ['getOutput'], resource: ['workflowRun'] };

export const workflowRunGetOutputDescription: INodeProperties[] = [
	workflowRunIdField(showOnlyForWorkflowRunGetOutput, 'The run whose public output to get'),
];
