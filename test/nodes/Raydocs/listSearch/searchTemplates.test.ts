import type { INodeParameters } from 'n8n-workflow';

import { searchTemplates } from '../../../../nodes/Raydocs/listSearch/searchTemplates';
import { apiRequests, useFakeRaydocs } from '../../../helpers/raydocs';
import { loadOptionsContext } from './loadOptionsContext';

describe('Raydocs → list search → Templates', () => {
	const fake = useFakeRaydocs();

	const parameters = (workspaceId: INodeParameters['workspaceId']): INodeParameters => ({
		resource: 'session',
		operation: 'create',
		workspaceId,
	});

	beforeEach(() => {
		// The seeded "Invoice Extraction" plus 20 more: two pages of 15.
		for (let index = 1; index <= 20; index++) {
			fake().seedTemplate(1, { name: index % 5 === 0 ? `Receipts ${index}` : `Contracts ${index}` });
		}
	});

	it('lists the templates of the chosen workspace a page at a time', async () => {
		const context = loadOptionsContext(fake(), parameters({ __rl: true, mode: 'list', value: '1' }));
		const first = await searchTemplates.call(context);
		expect(first.results).toHaveLength(15);
		expect(first.results[0]).toEqual({
			name: 'Invoice Extraction',
			value: fake().state.seed?.templateId,
			description: 'Extract key fields from invoices',
		});
		expect(first.paginationToken).toBe('2');

		const second = await searchTemplates.call(context, undefined, first.paginationToken);
		expect(second.results).toHaveLength(6);
		expect(second.paginationToken).toBeUndefined();
		expect(apiRequests(fake()).map((request) => [request.path, request.query, request.hasAuthorization])).toEqual([
			['/workspaces/1/extractions/templates', { page: '1' }, true],
			['/workspaces/1/extractions/templates', { page: '2' }, true],
		]);
	});

	it('filters by name across pages', async () => {
		const context = loadOptionsContext(fake(), parameters({ __rl: true, mode: 'id', value: ' 1 ' }));
		const { results, paginationToken } = await searchTemplates.call(context, 'receipts');
		expect(results.map((result) => result.name)).toEqual([
			'Receipts 5',
			'Receipts 10',
			'Receipts 15',
			'Receipts 20',
		]);
		expect(paginationToken).toBeUndefined();
		expect(apiRequests(fake())).toHaveLength(2);
	});

	it('takes the filter trimmed and in any case', async () => {
		const context = loadOptionsContext(fake(), parameters({ __rl: true, mode: 'list', value: '1' }));
		const { results } = await searchTemplates.call(context, '  RECEIPTS 1 ');
		expect(results.map((result) => result.name)).toEqual(['Receipts 10', 'Receipts 15']);
	});

	it('stops reading pages once 20 templates match, and hands back the next page for "load more"', async () => {
		// Page 2 is [Receipts 15, Contracts 16-19, Receipts 20] and the 9 seeded here: 12 + 8 matches make exactly 20.
		for (const name of ['Contracts A', 'Other', 'Contracts B', 'Other', 'Contracts C', 'Other', 'Contracts D', 'Other', 'Other']) {
			fake().seedTemplate(1, { name });
		}
		fake().seedTemplate(1, { name: 'Contracts on page 3' });
		const context = loadOptionsContext(fake(), parameters({ __rl: true, mode: 'list', value: '1' }));
		const { results, paginationToken } = await searchTemplates.call(context, 'contracts');
		expect(results).toHaveLength(20);
		expect(results.at(-1)?.name).toBe('Contracts D');
		expect(paginationToken).toBe('3');
		expect(apiRequests(fake()).map((request) => request.query)).toEqual([{ page: '1' }, { page: '2' }]);

		const more = await searchTemplates.call(context, 'contracts', paginationToken);
		expect(more).toEqual({ results: [expect.objectContaining({ name: 'Contracts on page 3' })] });
	});

	it('reads at most 10 pages per call when few templates match, and hands back where it stopped', async () => {
		// 21 + 150 templates: 12 pages of 15.
		for (let index = 1; index <= 150; index++) fake().seedTemplate(1, { name: `Forms ${index}` });
		const context = loadOptionsContext(fake(), parameters({ __rl: true, mode: 'list', value: '1' }));
		const { results, paginationToken } = await searchTemplates.call(context, 'receipts');
		expect(results.map((result) => result.name)).toEqual(['Receipts 5', 'Receipts 10', 'Receipts 15', 'Receipts 20']);
		expect(paginationToken).toBe('11');
		expect(apiRequests(fake()).map((request) => request.query.page)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
	});

	it('says to choose a workspace while none is chosen, without a request or an error', async () => {
		for (const workspaceId of [{ __rl: true, mode: 'list', value: '' }, { __rl: true, mode: 'id', value: 'abc' }]) {
			const context = loadOptionsContext(fake(), parameters(workspaceId));
			// one line the picker shows instead of n8n's bare "No results"; choosing it chooses nothing
			await expect(searchTemplates.call(context)).resolves.toEqual({
				results: [{ name: 'Choose a workspace above to list its templates', value: '' }],
			});
		}
		expect(apiRequests(fake())).toHaveLength(0);
	});

	it('says a workspace has no templates yet, and leaves "No results" to a search that finds none', async () => {
		const empty = fake().seedWorkspace('Empty');
		const context = loadOptionsContext(fake(), parameters({ __rl: true, mode: 'list', value: String(empty.id) }));
		await expect(searchTemplates.call(context)).resolves.toEqual({
			results: [{ name: 'No templates in this workspace yet', value: '' }],
		});
		const searched = loadOptionsContext(fake(), parameters({ __rl: true, mode: 'list', value: '1' }));
		await expect(searchTemplates.call(searched, 'no such template')).resolves.toEqual({ results: [] });
	});

	it('states the HTTP status once: the editor prints it before the message', async () => {
		const context = loadOptionsContext(fake(), parameters({ __rl: true, mode: 'list', value: '1' }), 'rd_not-a-real-token');
		const error = await searchTemplates.call(context).then(
			() => undefined,
			(failure: { message: string; httpCode?: string }) => failure,
		);
		expect(error?.httpCode).toBe('401');
		expect(error?.message).toBe('Raydocs rejected the access token: it is invalid, expired or revoked');
	});

	it('names templates-read when the token cannot list templates', async () => {
		const token = fake().createToken(['workspaces-read'], 'no-templates');
		const context = loadOptionsContext(fake(), parameters({ __rl: true, mode: 'list', value: '1' }), token);
		await expect(searchTemplates.call(context)).rejects.toThrow('"templates-read"');
	});
});
