import type { INodeParameters } from 'n8n-workflow';

import { documentNameField, findWorkspaceDocumentByName } from '../../../../nodes/Raydocs/shared/documentSearch';
import { errorParts, failureOf, fileContext, RAYDOCS_URL, type Answer } from '../../../helpers/fileContext';
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

describe('findWorkspaceDocumentByName', () => {
	type Listed = { id: string | number; filename?: string };
	/** A workspace whose search answers with these documents (newest first), wrapped as Raydocs does. */
	const workspace = (documents: Listed[], workspaceId: unknown = ' 12 ', answer?: Answer) =>
		fileContext({ parameters: { workspaceId: { __rl: true, mode: 'id', value: workspaceId } }, raydocs: () => answer ?? { body: { data: documents, meta: { total: documents.length } } } });
	const find = async (documents: Listed[], name: unknown) => {
		const { context } = workspace(documents);
		return await findWorkspaceDocumentByName(context, 2, name);
	};
	const refusal = async (documents: Listed[], name: unknown, workspaceId?: unknown) => {
		const { context, sent } = workspace(documents, workspaceId);
		const error = errorParts(await failureOf(() => findWorkspaceDocumentByName(context, 2, name)));
		return { ...error, requests: sent.length };
	};

	it('searches the workspace by the trimmed name, newest first, one page of 50', async () => {
		const { context, sent } = workspace([{ id: 7, filename: 'invoice.pdf' }]);
		expect(await findWorkspaceDocumentByName(context, 0, '  invoice.pdf ')).toBe('7');
		expect(sent).toEqual([
			expect.objectContaining({
				method: 'GET',
				url: `${RAYDOCS_URL}/workspaces/12/documents`,
				qs: { query: 'invoice.pdf', per_page: 50, sort: 'created_at', order: 'desc' },
			}),
		]);
	});

	it('prefers the newest exact name (any case) over partial matches', async () => {
		const documents = [
			{ id: 'd1', filename: 'invoice.pdf.bak' },
			{ id: 'd2', filename: 'INVOICE.pdf' },
			{ id: 'd3', filename: 'invoice.pdf' },
			{ id: 'd4' },
		];
		expect(await find(documents, 'Invoice.PDF')).toBe('d2');
	});

	it('takes a single partial match, also from a bare list', async () => {
		expect(await find([{ id: 'd9', filename: 'contract-berlin.pdf' }], 'berlin')).toBe('d9');
		const { context } = workspace([], '12', { body: [{ id: 'd8', filename: 'a.pdf' }] });
		expect(await findWorkspaceDocumentByName(context, 0, 'a')).toBe('d8');
	});

	it('lists at most 10 candidates when a partial name matches several', async () => {
		const documents = Array.from({ length: 11 }, (_, index) => ({ id: `d${index}`, filename: index === 3 ? undefined : `invoice-${index}.pdf` }));
		const several = await refusal(documents, 'invoice');
		expect(several).toMatchObject({ message: 'Several documents in workspace 12 match "invoice"', itemIndex: 2 });
		expect(several.description).toBe(
			`Give the exact file name of one of them: ${documents
				.slice(0, 10)
				.map((document) => `"${document.filename ?? '(no name)'}" (${document.id})`)
				.join(', ')} and more.`,
		);
		const ten = await refusal(documents.slice(0, 10), 'invoice');
		expect(ten.description).toMatch(/"invoice-9.pdf" \(d9\)\.$/);
		const two = await refusal(documents.slice(0, 2), 'invoice');
		expect(two.description).toBe('Give the exact file name of one of them: "invoice-0.pdf" (d0), "invoice-1.pdf" (d1).');
	});

	it('says when nothing matches', async () => {
		expect(await refusal([], 'passport')).toEqual({
			message: 'No document in workspace 12 matches "passport"',
			description: 'Check the name (Raydocs searches file names), or list the documents with Workspace Document → Get Many.',
			itemIndex: 2,
			requests: 1,
		});
	});

	it('refuses an empty name before any request', async () => {
		for (const name of ['   ', undefined, null]) {
			expect(await refusal([], name)).toEqual({
				message: 'Document Name is empty',
				description: 'Enter the file name of a document in the workspace, e.g. invoice.pdf.',
				itemIndex: 2,
				requests: 0,
			});
		}
	});

	it('refuses a workspace that is missing or no whole number, before any request', async () => {
		for (const workspaceId of ['12a', 'a12', '1.5']) {
			expect(await refusal([], 'invoice.pdf', workspaceId)).toEqual({
				message: `Workspace ID "${workspaceId}" is not valid: Raydocs workspace IDs are whole numbers`,
				description: 'Searching a document by name needs the Workspace field: pick it from the list or enter its number, e.g. 12.',
				itemIndex: 2,
				requests: 0,
			});
		}
		expect(await refusal([], 'invoice.pdf', '  ')).toMatchObject({ message: 'Choose the workspace to search the document in', requests: 0 });
		expect(await refusal([], 'invoice.pdf', null)).toMatchObject({ message: 'Choose the workspace to search the document in', requests: 0 });
	});
});

describe('documentNameField', () => {
	it('is a required text field shown for the operation', () => {
		const show = { inputSource: ['documentName'] };
		expect(documentNameField(show)).toMatchObject({ name: 'documentName', type: 'string', required: true, default: '', displayOptions: { show } });
	});
});
