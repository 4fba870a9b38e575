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
