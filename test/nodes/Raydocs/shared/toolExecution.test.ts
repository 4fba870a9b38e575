import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNodeAsTool } from '../../../harness/engine';
import { apiRequests, byId, credentialsFor, extractDocumentParameters, raydocsNode, requestLines, useFakeRaydocs } from '../../../helpers/raydocs';
import { startFileHost, type FileHost } from '../../../helpers/fileHost';

/**
 * shared/toolExecution.ts: as an AI tool n8n runs the node through its routing engine alone; the
 * custom operations (Extract Document...) must still run, and routed ones stay routed.
 */
describe('Raydocs as an AI tool (routing engine only)', () => {
	const fake = useFakeRaydocs();
	let web: FileHost;
	beforeAll(async () => {
		web = await startFileHost();
	});
	afterAll(async () => await web.close());

	const asTool = (parameters: INodeParameters, toolInput?: IDataObject) =>
		runNodeAsTool({ nodeType: raydocsNode, parameters, credentials: credentialsFor(fake()), toolInput });

	it('runs Extract Document (a custom operation) from a file URL', async () => {
		web.files.set('/invoice.pdf', { body: '%PDF tool', contentType: 'application/pdf' });
		const [items] = await asTool(
			extractDocumentParameters(fake(), {
				inputSource: 'fileUrl',
				fileUrl: `${web.url}/invoice.pdf`,
				// The test's file server is on 127.0.0.1.
				allowPrivateNetwork: true,
				fieldLayout: 'nested',
				valuesOnly: true,
			}),
		);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ status: 'completed', invoice_details: expect.any(Object) });
		const lines = requestLines(fake());
		expect(lines).not.toContain('GET /');
		expect(lines.slice(0, 2)).toEqual(['POST /vapor/signed-storage-url', 'POST /extractions/sessions']);
		expect(web.requests[0].headers.authorization).toBeUndefined();
	});

	it("refuses a File URL on the private network, and no agent can turn on the option with $fromAI()", async () => {
		web.requests.length = 0;
		web.files.set('/internal.pdf', { body: '%PDF internal', contentType: 'application/pdf' });
		const fromAgent = (allowPrivateNetwork?: string) =>
			asTool(
				extractDocumentParameters(fake(), {
					inputSource: 'fileUrl',
					fileUrl: "={{ $fromAI('file_url', 'Address of the file', 'string') }}",
					...(allowPrivateNetwork ? { allowPrivateNetwork } : {}),
				}),
				{ file_url: `${web.url}/internal.pdf`, allow_private_network: true },
			);
		await expect(fromAgent()).rejects.toThrow(`File URL ${web.url}/internal.pdf points to a private network address: 127.0.0.1 (loopback, 127.0.0.0/8)`);
		await expect(fromAgent("={{ $fromAI('allow_private_network', 'Whether to allow private addresses', 'boolean') }}")).rejects.toThrow(
			'Allow Private Network Addresses cannot be set by an expression',
		);
		expect(web.requests).toEqual([]);
	});

	it('reports a custom operation error as the tool error', async () => {
		await expect(
			asTool(
				extractDocumentParameters(fake(), {
					workspaceId: byId(fake().state.seed!.workspaceId),
					inputSource: 'documentName',
					documentName: 'nothing-like-this.pdf',
				}),
			),
		).rejects.toThrow(`No document in workspace ${fake().state.seed!.workspaceId} matches "nothing-like-this.pdf"`);
	});

	it('leaves routed operations to the routing engine', async () => {
		const [items] = await asTool({ resource: 'template', operation: 'getAll', workspaceId: byId(1), returnAll: true });
		expect(items.map((item) => item.json.name)).toEqual(['Invoice Extraction']);
		expect(items[0].json).not.toHaveProperty('schema_json');
		expect(apiRequests(fake()).map((entry) => entry.path)).toEqual(['/workspaces/1/extractions/templates']);
	});
});
