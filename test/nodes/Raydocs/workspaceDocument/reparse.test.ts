import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

const CONFIG_HASH = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

describe('Raydocs → Workspace Document → Reparse', () => {
	const fake = useFakeRaydocs();

	const reparse = (documentId: string, extra: Record<string, unknown> = {}) => ({
		resource: 'workspaceDocument',
		operation: 'reparse',
		workspaceId: byId(1),
		documentId: byId(documentId),
		configHash: CONFIG_HASH,
		additionalFields: {},
		...extra,
	});

	it('queues parsing with the config hash and the added fields', async () => {
		const doc = fake().seedWorkspaceDocument(1);
		const { items, error } = await runRaydocs(
			fake(),
			reparse(doc.id, { configHash: ` ${CONFIG_HASH} `, additionalFields: { force: true, parserVersion: 'v2' } }),
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			message: 'Parsing queued.',
			parsing: { config_hash: CONFIG_HASH, parser_version: 'v2' },
		});
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'POST',
			path: `/workspaces/1/documents/${doc.id}/reparse`,
			body: { config_hash: CONFIG_HASH, force: true, parser_version: 'v2' },
			status: 202,
		});
	});

	it('sends only the config hash when nothing else was added', async () => {
		const doc = fake().seedWorkspaceDocument(1);
		await runRaydocs(fake(), reparse(doc.id));
		expect(apiRequests(fake())[0].body).toEqual({ config_hash: CONFIG_HASH });
	});

	it('refuses a config hash that is not 64 characters before sending anything', async () => {
		const doc = fake().seedWorkspaceDocument(1);
		const { error } = await runRaydocs(fake(), reparse(doc.id, { configHash: 'cfg_9eeae65063f17f55' }));
		expect(error?.message).toBe(
			'Config Hash must be exactly 64 characters; "cfg_9eeae65063f17f55" has 20',
		);
		expect((error as { description?: string }).description).toMatch(/^Use the 64-character config_hash of an extraction result/);
		expect(apiRequests(fake())).toHaveLength(0);
	});

	it('names documents-write on 403', async () => {
		const doc = fake().seedWorkspaceDocument(1);
		const token = fake().createToken(['documents-read'], 'read-only');
		const { error } = await runRaydocs(fake(), reparse(doc.id), { token });
		expect(error?.message).toContain('"documents-write"');
	});
});
