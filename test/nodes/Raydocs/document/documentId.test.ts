import { NodeHelpers } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IHttpRequestOptions, INode, INodeProperties } from 'n8n-workflow';

import { documentByIdFields } from '../../../../nodes/Raydocs/resources/document/documentId';

const node = { name: 'Raydocs' } as INode;
const contextWith = (documentId: string) =>
	({ getNode: () => node, getItemIndex: () => 0, getNodeParameter: () => documentId }) as unknown as IExecuteSingleFunctions;
const request: IHttpRequestOptions = { url: '/extractions/documents/x', method: 'GET' };
const preSendOf = (field: INodeProperties) => field.routing!.send!.preSend![0];

describe('Document by ID fields: a workspace for the list, then the document', () => {
	const showFor = { operation: ['get'], resource: ['document'] };

	it('the workspace only feeds the document list: it sends nothing', () => {
		const [workspace, document] = documentByIdFields(showFor, 'The document');
		expect(workspace.routing).toBeUndefined();
		expect(document.name).toBe('documentId');
	});

	it('the document must be a UUID: anything else is refused before a request', async () => {
		const [, document] = documentByIdFields(showFor, 'The document');
		const uuid = '880e8400-e29b-41d4-a716-446655440000';
		await expect(preSendOf(document).call(contextWith(uuid), request)).resolves.toBe(request);
		await expect(preSendOf(document).call(contextWith('invoice.pdf'), request)).rejects.toThrow(
			'Document ID "invoice.pdf" is not valid: Raydocs document IDs are UUIDs',
		);
	});

	it('both are shown only for their operation', () => {
		for (const field of documentByIdFields(showFor, 'The document')) {
			expect(NodeHelpers.displayParameter({ resource: 'document', operation: 'get' }, field, null, null)).toBe(true);
			expect(NodeHelpers.displayParameter({ resource: 'document', operation: 'delete' }, field, null, null)).toBe(false);
		}
	});
});
