import { searchWorkspaces } from '../../../../nodes/Raydocs/listSearch/searchWorkspaces';
import { apiRequests, useFakeRaydocs } from '../../../helpers/raydocs';
import { loadOptionsContext } from './loadOptionsContext';

describe('Raydocs → list search → Workspaces', () => {
	const fake = useFakeRaydocs();

	it('lists the workspaces with their icons', async () => {
		const { results } = await searchWorkspaces.call(loadOptionsContext(fake(), {}));
		expect(results).toEqual([{ name: '📊 Demo Workspace', value: '1' }]);
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
