/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-require-imports -- runs in Node for tests and tooling; never shipped (package.json "files") */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

import { apiRequests, runRaydocs, storageRequests, useFakeRaydocs } from '../../../helpers/raydocs';

const userFolder = mkdtempSync(join(tmpdir(), 'raydocs-n8n-'));
process.env.N8N_USER_FOLDER = userFolder;

// n8n-core reads its settings when first loaded, so it is required after N8N_USER_FOLDER is set,
// together with the copy of the DI container that n8n-core itself uses.
const { BinaryDataService } = require('n8n-core') as typeof import('n8n-core');
const { Container } = require(
	require.resolve('@n8n/di', { paths: [dirname(require.resolve('n8n-core'))] }),
	 
) as typeof import('@n8n/di');

describe('Uploads in filesystem binary mode', () => {
	const fake = useFakeRaydocs();
	const service = Container.get(BinaryDataService);

	beforeAll(async () => {
		const config = (service as unknown as { config: { mode: string; localStoragePath: string } }).config;
		config.mode = 'filesystem';
		config.localStoragePath = join(userFolder, 'binaryData');
		await service.init();
	});

	afterAll(() => {
		(service as unknown as { config: { mode: string } }).config.mode = 'default';
		(service as unknown as { mode: string }).mode = 'default';
		rmSync(userFolder, { recursive: true, force: true });
	});

	it('streams a file n8n keeps on disk to storage, with its length, and never inlines it', async () => {
		const content = Buffer.alloc(3 * 1024 * 1024, 'x');
		content.write('%PDF-1.4', 0);
		const binary = await service.store(
			{ type: 'execution', workflowId: 'test-workflow', executionId: 'test-execution' },
			content,
			{ data: '', mimeType: 'application/pdf', fileName: 'big-scan.pdf' },
		);
		expect(binary.id).toMatch(/^filesystem/);
		expect(binary.data).not.toContain('JVBERi0');

		const { items, error } = await runRaydocs(
			fake(),
			{ resource: 'file', operation: 'upload', allBinaries: false, binaryPropertyName: 'data' },
			{ input: [{ json: {}, binary: { data: binary } }] },
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ fileName: 'big-scan.pdf', bytes: content.length });
		const [put] = storageRequests(fake());
		expect(put.headers['content-length']).toBe(String(content.length));
		expect((put.body as { bytes: number }).bytes).toBe(content.length);
		expect(put.hasAuthorization).toBe(false);
		expect(apiRequests(fake())).toHaveLength(1);
	});
});
