import type { INodeProperties } from 'n8n-workflow';

const showOnlyForGetUploadUrl = { operation: ['getUploadUrl'], resource: ['file'] };

export const fileGetUploadUrlDescription: INodeProperties[] = [
	{
		displayName: 'Content Type',
		name: 'contentType',
		type: 'string',
		default: 'application/pdf',
		required: true,
		placeholder: 'e.g. application/pdf',
		description: 'MIME type of the file you will PUT to the returned URL',
		displayOptions: { show: showOnlyForGetUploadUrl },
		routing: { send: { type: 'body', property: 'content_type' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForGetUploadUrl },
		options: [
			{
				displayName: 'Visibility',
				name: 'visibility',
				type: 'options',
				default: 'private',
				options: [
					{ name: 'Private', value: 'private' },
					{ name: 'Public Read', value: 'public-read' },
				],
				routing: { send: { type: 'body', property: 'visibility' } },
			},
		],
	},
];
