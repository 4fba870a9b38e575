import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { EXAMPLE_UUID, validateUuidParameter } from '../../shared/idValidation';

export function workflowRunIdField(
	showFor: NonNullable<IDisplayOptions['show']>,
	description: string,
): INodeProperties {
	return {
		displayName: 'Run ID',
		name: 'runId',
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${EXAMPLE_UUID}`,
		description,
		displayOptions: { show: showFor },
		routing: {
			send: {
				preSend: [
					validateUuidParameter(
						'runId',
						'workflow run',
						`Use the "id" of a run from Workflow Run → Get Many, e.g. ${EXAMPLE_UUID}.`,
					),
				],
			},
		},
	};
}
