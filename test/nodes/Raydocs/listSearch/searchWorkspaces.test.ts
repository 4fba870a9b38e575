import { searchWorkspaces } from '../../../../nodes/Raydocs/listSearch/searchWorkspaces';
import { apiRequests, useFakeRaydocs } from '../../../helpers/raydocs';
import { loadOptionsContext } from './loadOptionsContext';

describe('Raydocs → list search → Workspaces', () => {
	const fake = useFakeRaydocs();

	it('lists the workspaces with their icons', async () => {
		const { results } = await searchWorkspaces.call(loadOptionsContext(fake(), {}));
		expect(results).toEqual([{ name: '📊 Demo Workspace', value: '1' }]);
	});

	it('keeps the workspaces whose name holds the filter, trimmed and in any case', async () => {
		const team = fake().seedWorkspace('Receipts Team');
		fake().seedWorkspace('Contracts');
		const { results } = await searchWorkspaces.call(loadOptionsContext(fake(), {}), '  receipts TEAM ');
		expect(results).toEqual([{ name: '📊 Receipts Team', value: String(team.id) }]);
	});

	it("says when the token's user belongs to no workspace; a search that finds none stays empty", async () => {
		const loner = fake().seedUser({ name: 'Lou Loner' });
		const token = fake().createToken('*', 'loner', loner.id);
		await expect(searchWorkspaces.call(loadOptionsContext(fake(), {}, token))).resolves.toEqual({
			results: [{ name: "The token's user belongs to no workspace yet", value: '' }],
		});
		await expect(searchWorkspaces.call(loadOptionsContext(fake(), {}), 'no such workspace')).resolves.toEqual({ results: [] });
	});

	it('fails a wrong token after one request (n8n would repeat a failed 401 by itself)', async () => {
		await expect(searchWorkspaces.call(loadOptionsContext(fake(), {}, 'rd_test_wrong'))).rejects.toThrow(
			'invalid, expired or revoked',
		);
		expect(apiRequests(fake()).map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
			'GET /workspaces 401',
		]);
	});
});
