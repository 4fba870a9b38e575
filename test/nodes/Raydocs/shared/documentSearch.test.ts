import type { INodeParameters } from 'n8n-workflow';

import { apiRequests, byId, extractDocumentParameters, runRaydocs, storageRequests, useFakeRaydocs } from '../../../helpers/raydocs';

/** Extraction → Extract Document with Input Source "Workspace Document by Name" (shared/documentSearch.ts). */
describe('Raydocs → Extract Document from a workspace document found by name', () => {
	const fake = useFakeRaydocs();
	const workspaceId = () => fake().state.seed!.workspaceId;

	const extractByName = (documentName: string, extra: INodeParameters = {}) =>
		extractDocumentParameters(fake(), { workspaceId: byId(workspaceId()), inputSource: 'documentName', documentName, ...extra });

	const seed = (filename: string) =>
		fake().seedWorkspaceDocument(workspaceId(), { filename, content: `%PDF ${filename}`, status: 'processed' });

	it('searches the workspace, attaches the exact match and extracts it without uploading', async () => {
		seed('acme-invoice-2026-001.pdf.bak.pdf');
		const wanted = seed('acme-invoice-2026-001.pdf');
		const { items, error } = await runRaydocs(fake(), extractByName('ACME-invoice-2026-001.pdf'));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'completed', documents: ['acme-invoice-2026-001.pdf'] });
		const [search, , attach] = apiRequests(fake());
		expect(search).toMatchObject({
			method: 'GET',
			path: `/workspaces/${workspaceId()}/documents`,
			query: { query: 'ACME-invoice-2026-001.pdf', per_page: '50', sort: 'created_at', order: 'desc' },
		});
		expect(attach.path).toMatch(/\/documents\/attach$/);
		expect(attach.body).toEqual({ document_ids: [wanted.id] });
		expect(storageRequests(fake())).toHaveLength(0);
	});

	it('takes the only partial match', async () => {
		const only = seed('contract-berlin.pdf');
		seed('invoice.pdf');
		const { error } = await runRaydocs(fake(), extractByName('berlin'));
		expect(error).toBeUndefined();
		expect(apiRequests(fake()).find((entry) => entry.path.endsWith('/attach'))?.body).toEqual({ document_ids: [only.id] });
	});

	it('lists the candidates instead of guessing when a partial name matches several', async () => {
		const first = seed('invoice-march.pdf');
		const second = seed('invoice-april.pdf');
		const { error } = await runRaydocs(fake(), extractByName('invoice'));
		expect(error?.message).toBe(`Several documents in workspace ${workspaceId()} match "invoice"`);
		const description = (error as { description?: string }).description ?? '';
		expect(description).toContain(`"invoice-march.pdf" (${first.id})`);
		expect(description).toContain(`"invoice-april.pdf" (${second.id})`);
		expect(apiRequests(fake())).toHaveLength(1);
	});

	it('says when nothing matches, and creates no session', async () => {
		seed('invoice.pdf');
		const { error } = await runRaydocs(fake(), extractByName('passport'));
		expect(error?.message).toBe(`No document in workspace ${workspaceId()} matches "passport"`);
		expect(apiRequests(fake()).map((entry) => entry.method)).toEqual(['GET']);
	});

	it('needs the workspace, before any request', async () => {
		const { error } = await runRaydocs(fake(), extractByName('invoice.pdf', { workspaceId: { __rl: true, mode: 'list', value: '' } }));
		expect(error?.message).toBe('Choose the workspace to search the document in');
		expect(fake().log).toHaveLength(0);
	});
});
