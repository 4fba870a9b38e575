import type { INodeProperties } from 'n8n-workflow';

import { SPLIT_LIST_VALUE, uploadKeyField } from '../../shared/descriptions';
import { sessionIdField } from '../../shared/idFields';

const showOnlyForSessionDocumentAddByKey = { operation: ['addByKey'], resource: ['sessionDocument'] };

export const sessionDocumentAddByKeyDescription: INodeProperties[] = [
	sessionIdField(showOnlyForSessionDocumentAddByKey, 'The session to add the uploaded files to'),
	{
		displayName: 'Upload Mode',
		name: 'uploadMode',
		type: 'options',
		default: 'keys',
		displayOptions: { show: showOnlyForSessionDocumentAddByKey },
		options: [
			{
				name: 'Keys (Current API)',
				value: 'keys',
				description:
					'POST /extractions/sessions/{ID}/documents/upload with one or more keys; Raydocs reuses documents with the same content',
			},
			{
				name: 'Key and File Name (Legacy API)',
				value: 'legacy',
				description: 'POST /extractions/sessions/{ID}/documents with one key and its file name',
			},
		],
	},
	{
		displayName: 'Upload Keys',
		name: 'keys',
		type: 'string',
		default: '={{ $json.key }}',
		required: true,
		placeholder: 'e.g. tmp/abc123-def456',
		description:
			'Keys returned by File Upload → Upload or Get Upload URL, separated by commas (or an expression giving an array)',
		displayOptions: { show: { ...showOnlyForSessionDocumentAddByKey, uploadMode: ['keys'] } },
		routing: {
			send: {
				type: 'body',
				property: 'keys',
				value: SPLIT_LIST_VALUE,
			},
		},
	},
	{
		...uploadKeyField({ ...showOnlyForSessionDocumentAddByKey, uploadMode: ['legacy'] }),
		routing: { send: { type: 'body', property: 'key' } },
	},
	{
		displayName: 'File Name',
		name: 'filename',
		type: 'string',
		default: '={{ $json.fileName }}',
		required: true,
		placeholder: 'e.g. invoice.pdf',
		description: 'Shown in Raydocs and used to detect the format',
		displayOptions: { show: { ...showOnlyForSessionDocumentAddByKey, uploadMode: ['legacy'] } },
		routing: { send: { type: 'body', property: 'filename' } },
	},
];
