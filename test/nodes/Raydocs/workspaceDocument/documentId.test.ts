import type { IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { workspaceDocumentIdField } from '../../../../nodes/Raydocs/resources/workspaceDocument/documentId';

const node = { name: 'Raydocs' } as INode;
const contextWith = (documentId: string) =>
	({ getNode: () => node, getItemIndex: () => 0, getNodeParameter: () => documentId }) as unknown as IExecuteSingleFunctions;
const request: IHttpRequestOptions = { url: '/workspaces/1/documents/x', method: 'GET' };

describe('Workspace document ID field', () => {
	it('the document must be a UUID: anything else is refused before a request', async () => {
		const field = workspaceDocumentIdField({ operation: ['get'], resource: ['workspaceDocument'] }, 'The document');
		const preSend = field.routing!.send!.preSend![0];
		await expect(preSend.call(contextWith('880e8400-e29b-41d4-a716-446655440000'), request)).resolves.toBe(request);
		await expect(preSend.call(contextWith('42'), request)).rejects.toThrow('Document ID "42" is not valid: Raydocs document IDs are UUIDs');
	});
});
