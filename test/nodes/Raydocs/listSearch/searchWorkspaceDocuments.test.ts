import { searchWorkspaceDocuments } from '../../../../nodes/Raydocs/listSearch/searchWorkspaceDocuments';
import { apiRequests, useFakeRaydocs } from '../../../helpers/raydocs';
import { loadOptionsContext } from './loadOptionsContext';

describe('Raydocs → list search → Workspace Documents', () => {
	const fake = useFakeRaydocs();

	const parameters = { resource: 'workspaceDocument', operation: 'get', workspaceId: { __rl: true, mode: 'list', value: '1' } };

	it('lists the documents of the chosen workspace, 50 a page, newest first', async () => {
		for (let index = 1; index <= 60; index++) {
			fake().seedWorkspaceDocument(1, { filename: `scan-${String(index).padStart(2, '0')}.pdf` });
		}
		const context = loadOptionsContext(fake(), parameters);
		const first = await searchWorkspaceDocuments.call(context);
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toMatchObject({ name: 'scan-60.pdf', description: 'Status: processed' });
		expect(first.paginationToken).toBe('2');
		const second = await searchWorkspaceDocuments.call(context, undefined, first.paginationToken);
		expect(second.results.map((result) => result.name)).toHaveLength(10);
		expect(second.paginationToken).toBeUndefined();
		expect(apiRequests(fake()).map((request) => request.query)).toEqual([
			{ page: '1', per_page: '50', sort: 'created_at', order: 'desc' },
			{ page: '2', per_page: '50', sort: 'created_at', order: 'desc' },
		]);
	});

	it('lets Raydocs search with the filter', async () => {
		const invoice = fake().seedWorkspaceDocument(1, { filename: 'invoice-march.pdf' });
		fake().seedWorkspaceDocument(1, { filename: 'contract.pdf' });
		const context = loadOptionsContext(fake(), parameters);
		const { results } = await searchWorkspaceDocuments.call(context, ' invoice ');
		expect(results).toEqual([{ name: 'invoice-march.pdf', value: invoice.id, description: 'Status: processed' }]);
		expect(apiRequests(fake())[0].query).toMatchObject({ query: 'invoice' });
	});

	it('says to choose a workspace while none is chosen, without a request or an error', async () => {
		const context = loadOptionsContext(fake(), { ...parameters, workspaceId: { __rl: true, mode: 'list', value: '' } });
		await expect(searchWorkspaceDocuments.call(context)).resolves.toEqual({
			results: [{ name: 'Choose a workspace above to list its documents', value: '' }],
		});
		expect(apiRequests(fake())).toHaveLength(0);
	});

	it('says a workspace has no documents yet, and leaves "No results" to a search that finds none', async () => {
		const empty = fake().seedWorkspace('Empty');
		const context = loadOptionsContext(fake(), { ...parameters, workspaceId: { __rl: true, mode: 'list', value: String(empty.id) } });
		await expect(searchWorkspaceDocuments.call(context)).resolves.toEqual({
			results: [{ name: 'No documents in this workspace yet', value: '' }],
		});
		fake().seedWorkspaceDocument(1, { filename: 'contract.pdf' });
		await expect(searchWorkspaceDocuments.call(loadOptionsContext(fake(), parameters), 'invoice')).resolves.toEqual({ results: [] });
		// "load more" past the last document (deleted since the first page): nothing more, not "no documents"
		await expect(searchWorkspaceDocuments.call(context, undefined, '2')).resolves.toEqual({ results: [] });
	});
});
