import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Workspace Document → Get Many', () => {
	const fake = useFakeRaydocs();

	const getMany = (extra: Record<string, unknown>) => ({
		resource: 'workspaceDocument',
		operation: 'getAll',
		workspaceId: byId(1),
		...extra,
	});

	const filters = { query: 'invoice', status: 'processed', sort: 'filename', order: 'asc', sourceType: 'upload' };
	const filterQuery = { query: 'invoice', status: 'processed', sort: 'filename', order: 'asc', source_type: 'upload' };

	beforeEach(() => {
		// 130 matching documents (two pages of 100) among others that the filters leave out.
		for (let index = 1; index <= 130; index++) {
			fake().seedWorkspaceDocument(1, { filename: `invoice-${String(index).padStart(3, '0')}.pdf` });
		}
		fake().seedWorkspaceDocument(1, { filename: 'invoice-queued.pdf', status: 'queued' });
		for (let index = 1; index <= 5; index++) fake().seedWorkspaceDocument(1, { filename: `contract-${index}.pdf` });
	});

	it('reads every page for Return All and keeps the filters on each', async () => {
		const { items, error } = await runRaydocs(fake(), getMany({ returnAll: true, filters }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(130);
		expect(items[0].json.filename).toBe('invoice-001.pdf');
		expect(items[129].json.filename).toBe('invoice-130.pdf');
		expect(items.every((item) => item.json.status === 'processed')).toBe(true);
		const requests = apiRequests(fake());
		expect(requests.map((request) => [request.method, request.path])).toEqual([
			['GET', '/workspaces/1/documents'],
			['GET', '/workspaces/1/documents'],
		]);
		expect(requests[0].query).toEqual({ ...filterQuery, per_page: '100' });
		expect(requests[1].query).toEqual({ ...filterQuery, per_page: '100', page: '2' });
	});

	it('asks for no more than Limit and stops there', async () => {
		const { items } = await runRaydocs(fake(), getMany({ returnAll: false, limit: 30, filters }));
		expect(items.map((item) => item.json.filename)).toEqual(
			Array.from({ length: 30 }, (_, index) => `invoice-${String(index + 1).padStart(3, '0')}.pdf`),
		);
		const requests = apiRequests(fake());
		expect(requests).toHaveLength(1);
		expect(requests[0].query).toEqual({ ...filterQuery, per_page: '30' });
	});

	it('sends no filter that was not added', async () => {
		const { items } = await runRaydocs(fake(), getMany({ returnAll: false, limit: 5, filters: {} }));
		expect(items).toHaveLength(5);
		expect(apiRequests(fake())[0].query).toEqual({ per_page: '5' });
	});

	it('shows the field error of a 422', async () => {
		const { error } = await runRaydocs(
			fake(),
			getMany({ returnAll: true, filters: { sort: '={{ "colour" }}' } }),
		);
		expect((error as { httpCode?: string }).httpCode).toBe('422');
		expect(error?.message).toContain('sort: The selected sort is invalid.');
	});

	it('names documents-read on 403', async () => {
		const token = fake().createToken(['workspaces-read', 'sessions-read'], 'no-documents');
		const { error } = await runRaydocs(fake(), getMany({ returnAll: true }), { token });
		expect(error?.message).toContain('"documents-read"');
	});
});
