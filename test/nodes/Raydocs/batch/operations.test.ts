import { apiRequests, byId, fileItem, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import type { FakeRaydocs } from '../../../../tools/fake-raydocs/server';

async function uploadKeys(fake: FakeRaydocs, count: number): Promise<string[]> {
	const { items } = await runRaydocs(
		fake,
		{ resource: 'file', operation: 'upload', allBinaries: false, binaryPropertyName: 'data' },
		{ input: Array.from({ length: count }, (_, index) => fileItem(`%PDF key ${index}`, `k${index}.pdf`)) },
	);
	fake.clearLog();
	return items.map((item) => String(item.json.key));
}

describe('Raydocs → Batch → Create / Execute / Export / Delete', () => {
	const fake = useFakeRaydocs();
	const template = () => byId(fake().state.seed!.templateId);
	const templatePath = () => `/extractions/templates/${fake().state.seed!.templateId}/sessions/batch`;

	it('Create makes one session per key, in order', async () => {
		const keys = await uploadKeys(fake(), 2);
		const { items } = await runRaydocs(fake(), {
			resource: 'batch',
			operation: 'create',
			templateId: template(),
			keys: keys.join(', '),
			autoExtract: false,
		});
		expect(items).toHaveLength(2);
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'POST',
			path: templatePath(),
			body: { files: keys, settings: { auto_extract: false } },
			status: 201,
		});
	});

	it('Create refuses more than 50 keys before sending', async () => {
		const keys = Array.from({ length: 51 }, (_, index) => `tmp/key-${index}`);
		const { error } = await runRaydocs(fake(), {
			resource: 'batch',
			operation: 'create',
			templateId: template(),
			keys,
			autoExtract: true,
		});
		expect(error?.message).toBe('51 upload keys is more than one batch takes (at most 50)');
		// Named as the editor's actions list names it.
		expect(error?.description).toBe(
			'Split the keys into groups of 50 (e.g. with the Loop Over Items node), or use Extraction Batch → Extract Many, which splits by itself.',
		);
		expect(fake().log).toHaveLength(0);
	});

	it('Execute, Export (JSON, Excel) and Delete act on the given sessions', async () => {
		const keys = await uploadKeys(fake(), 2);
		const created = await runRaydocs(fake(), {
			resource: 'batch',
			operation: 'create',
			templateId: template(),
			keys,
			autoExtract: false,
		});
		const sessionIds = created.items.map((item) => String(item.json.id));

		const executed = await runRaydocs(fake(), {
			resource: 'batch',
			operation: 'execute',
			templateId: template(),
			sessionIds: sessionIds.join(','),
		});
		expect(executed.items[0].json).toMatchObject({ queued_count: 2 });
		expect(apiRequests(fake()).pop()).toMatchObject({ path: `${templatePath()}/execute`, body: { session_ids: sessionIds } });

		const exported = await runRaydocs(fake(), {
			resource: 'batch',
			operation: 'export',
			templateId: template(),
			sessionIds,
			format: 'json',
		});
		expect(exported.items.map((item) => item.json.session_id)).toEqual(sessionIds);

		const excel = await runRaydocs(fake(), {
			resource: 'batch',
			operation: 'export',
			templateId: template(),
			sessionIds,
			format: 'excel',
			binaryPropertyName: 'data',
		});
		expect(excel.items[0].binary?.data).toMatchObject({ fileName: 'batch_export.xlsx' });
		expect(apiRequests(fake()).pop()?.body).toEqual({ session_ids: sessionIds, format: 'excel' });

		const deleted = await runRaydocs(fake(), {
			resource: 'batch',
			operation: 'delete',
			templateId: template(),
			sessionIds,
		});
		expect(deleted.items[0].json).toEqual({ deleted: true });
		expect(sessionIds.some((id) => fake().state.sessions.has(id))).toBe(false);
	});

	it('rejects a session id that is not a UUID before sending', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'batch',
			operation: 'execute',
			templateId: template(),
			sessionIds: 'not-a-session',
		});
		expect(error?.message).toBe('Session ID "not-a-session" is not valid: Raydocs session IDs are UUIDs');
		expect(fake().log).toHaveLength(0);
	});
});
