import { apiRequests, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { batchParameters, batchPath, uploadKeys } from './batches';

describe('Raydocs → Extraction Batch → Create', () => {
	const fake = useFakeRaydocs();

	it('makes one session per key, in order, with the chosen Auto Extract', async () => {
		const keys = await uploadKeys(fake(), 2);
		const { items, error } = await runRaydocs(fake(), batchParameters(fake(), 'create', { keys: keys.join(', '), autoExtract: false }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(apiRequests(fake())).toHaveLength(1);
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'POST',
			path: batchPath(fake()),
			body: { files: keys, settings: { auto_extract: false } },
			status: 201,
		});
	});

	it('refuses more than 50 keys before sending, and says how to split them', async () => {
		const keys = Array.from({ length: 51 }, (_, index) => `tmp/key-${index}`);
		const { error } = await runRaydocs(fake(), batchParameters(fake(), 'create', { keys, autoExtract: true }));
		expect(error?.message).toBe('51 upload keys is more than one batch takes (at most 50)');
		// Named as the editor's actions list names it.
		expect((error as { description?: string }).description).toBe(
			'Split the keys into groups of 50 (e.g. with the Loop Over Items node), or use Extraction Batch → Extract Many, which splits by itself.',
		);
		expect(fake().log).toHaveLength(0);
	});

	it('refuses an empty key list before sending', async () => {
		const { error } = await runRaydocs(fake(), batchParameters(fake(), 'create', { keys: ' ', autoExtract: true }));
		expect(error?.message).toBe('No upload key was given');
		expect(fake().log).toHaveLength(0);
	});
});
