import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { EXAMPLE_UUID, validateUuidParameter } from '../../shared/idValidation';

/** Raydocs has no endpoint that lists sessions, so a session is given by its ID. */
export function sessionIdField(
	showFor: NonNullable<IDisplayOptions['show']>,
	description: string,
): INodeProperties {
	return {
		displayName: 'Session ID',
		name: 'sessionId',
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
						'sessionId',
						'session',
						`Use the "id" that Session → Create returned, e.g. ${EXAMPLE_UUID}.`,
					),
				],
			},
		},
	};
}
