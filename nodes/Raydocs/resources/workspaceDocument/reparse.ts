import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { workspaceDocumentIdField } from './documentId';

const showOnlyForWorkspaceDocumentReparse = {
	operation: ['reparse'],
	resource: ['workspaceDocument'],
};

const CONFIG_HASH_LENGTH = 64;

/** Raydocs wants exactly 64 characters; saying so here beats a 422 after a request. */
export async function validateConfigHash(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const configHash = String(this.getNodeParameter('configHash', '') ?? '').trim();
	if (configHash.length !== CONFIG_HASH_LENGTH) {
		throw new NodeOperationError(
			this.getNode(),
			`Config Hash must be exactly ${CONFIG_HASH_LENGTH} characters; "${configHash}" has ${configHash.length}`,
			{
				itemIndex: this.getItemIndex(),
				description:
					'Use the 64-character config_hash of an extraction result (Result → Get), e.g. 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.',
			},
		);
	}
	return requestOptions;
}

export const workspaceDocumentReparseDescription: INodeProperties[] = [
	workspaceDocumentIdField(showOnlyForWorkspaceDocumentReparse, 'The document to parse'),
	{
		displayName: 'Config Hash',
		name: 'configHash',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
		description: 'Fingerprint (64 characters) of the parsing configuration to parse the document with',
		displayOptions: { show: showOnlyForWorkspaceDocumentReparse },
		routing: {
			send: {
				type: 'body',
				property: 'config_hash',
				value: '={{ String($value).trim() }}',
				preSend: [validateConfigHash],
			},
		},
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForWorkspaceDocumentReparse },
		options: [
			{
				displayName: 'Force',
				name: 'force',
				type: 'boolean',
				default: false,
				description:
					'Whether to parse again even when a parsing for this config hash is already ready',
				routing: { send: { type: 'body', property: 'force' } },
			},
			{
				displayName: 'Parser Version',
				name: 'parserVersion',
				type: 'string',
				default: '',
				placeholder: 'e.g. v1',
				description: 'Parser version to use instead of the current one',
				routing: { send: { type: 'body', property: 'parser_version' } },
			},
		],
	},
];
