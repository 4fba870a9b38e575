import { apiRequests, fileItem, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { newSession } from './sessions';

describe('Raydocs → Session Document → Add by Upload Key', () => {
	const fake = useFakeRaydocs();

	it('uses the current endpoint, or the legacy one with a file name', async () => {
		const sessionId = await newSession(fake());
		const upload = await runRaydocs(
			fake(),
			{ resource: 'file', operation: 'upload', allBinaries: false, binaryPropertyName: 'data' },
			{ input: [fileItem('%PDF keyed', 'keyed.pdf'), fileItem('%PDF legacy', 'legacy.pdf')] },
		);
		fake().clearLog();
		const current = await runRaydocs(
			fake(),
			{ resource: 'sessionDocument', operation: 'addByKey', sessionId, uploadMode: 'keys', keys: '={{ $json.key }}' },
			{ input: [upload.items[0]] },
		);
		expect(current.items).toHaveLength(1);
		expect(apiRequests(fake())[0]).toMatchObject({
			path: `/extractions/sessions/${sessionId}/documents/upload`,
			body: { keys: [upload.items[0].json.key] },
		});
		const legacy = await runRaydocs(
			fake(),
			{
				resource: 'sessionDocument',
				operation: 'addByKey',
				sessionId,
				uploadMode: 'legacy',
				key: '={{ $json.key }}',
				filename: '={{ $json.fileName }}',
			},
			{ input: [upload.items[1]] },
		);
		expect(legacy.items[0].json).toMatchObject({ filename: 'legacy.pdf' });
		expect(apiRequests(fake())[1]).toMatchObject({
			path: `/extractions/sessions/${sessionId}/documents`,
			body: { key: upload.items[1].json.key, filename: 'legacy.pdf' },
			status: 201,
		});
	});
});
