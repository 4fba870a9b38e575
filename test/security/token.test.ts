import type { INodeParameters } from 'n8n-workflow';

import type { FakeRaydocs } from '../fake-raydocs/server';
import { byId, fileItem, runRaydocs, useFakeRaydocs } from '../helpers/raydocs';

/**
 * The access token goes to the configured Raydocs API and nowhere else, and never shows up in
 * what n8n keeps: output items, error messages, or the execution data of failed items.
 */
describe('Security: the access token', () => {
	const fake = useFakeRaydocs();

	function expectTokenOnlyOnApi(instance: FakeRaydocs): void {
		expect(instance.log.filter((entry) => entry.listener === 'storage').length).toBeGreaterThan(0);
		expect(instance.log.filter((entry) => entry.hasAuthorization).every((entry) => entry.listener === 'api')).toBe(true);
		expect(instance.state.storageAuthLeaks).toBe(0);
	}

	const wait = { pollInterval: 0.1, timeout: 20 };
	const jobs: Array<[string, (instance: FakeRaydocs) => INodeParameters]> = [
		['File Upload → Upload', () => ({ resource: 'file', operation: 'upload', allBinaries: false, binaryPropertyName: 'data' })],
		['Extraction → Extract Document', (instance) => ({ resource: 'extraction', operation: 'extractDocument', templateId: byId(instance.state.seed!.templateId), inputSource: 'binary', allBinaries: false, binaryPropertyName: 'data', simplify: false, options: wait })],
		['Batch → Extract Many', (instance) => ({ resource: 'batch', operation: 'extract', templateId: byId(instance.state.seed!.templateId), allBinaries: false, binaryPropertyName: 'data', waitForResults: true, simplify: false, options: wait })],
		['Session Document → Upload', () => ({ resource: 'sessionDocument', operation: 'upload', sessionId: '={{ $json.sessionId }}', allBinaries: false, binaryPropertyName: 'data' })],
	];

	it.each(jobs)('%s sends it to the API only, never to storage, and outputs never contain it', async (_name, parameters) => {
		const session = await runRaydocs(fake(), { resource: 'session', operation: 'create', templateId: byId(fake().state.seed!.templateId), additionalFields: {} });
		const input = [fileItem('%PDF secret-free', 'doc.pdf', 'application/pdf', 'data', { sessionId: session.items[0].json.id })];
		const { items, error, run } = await runRaydocs(fake(), parameters(fake()), { input });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expectTokenOnlyOnApi(fake());
		expect(JSON.stringify(run)).not.toContain(fake().token);
	});

	it('downloads from signed URLs without it', async () => {
		const document = fake().seedWorkspaceDocument(fake().state.seed!.workspaceId, { filename: 'stored.pdf', content: '%PDF stored' });
		const { items, error } = await runRaydocs(fake(), { resource: 'document', operation: 'download', documentId: document.id, binaryPropertyName: 'data', options: {} });
		expect(error).toBeUndefined();
		expect(items[0].binary?.data).toBeDefined();
		expectTokenOnlyOnApi(fake());
	});

	/** Each case makes a token, arranges the failure, and names the call that will fail. */
	const failures: Array<[string, (instance: FakeRaydocs) => string, INodeParameters]> = [
		['401', (instance) => {
			const token = instance.createToken('*', 'revoked');
			instance.revokeToken(token);
			return token;
		}, { resource: 'workspace', operation: 'getAll', returnAll: true }],
		['403', (instance) => instance.createToken(['workspaces-read'], 'read-only'), { resource: 'workspace', operation: 'create', name: 'x', additionalFields: {} }],
		['404', (instance) => instance.createToken('*', 'full'), { resource: 'workspace', operation: 'delete', workspaceId: byId(999999) }],
		['a dropped connection', (instance) => {
			instance.fault({ kind: 'drop', count: 10 });
			return instance.createToken('*', 'full');
		}, { resource: 'workspace', operation: 'getAll', returnAll: true }],
		['malformed JSON', (instance) => {
			instance.fault({ kind: 'malformed', count: 10 });
			return instance.createToken('*', 'full');
		}, { resource: 'workspace', operation: 'getAll', returnAll: true }],
	];

	it.each(failures)('is absent from the error and the execution data after %s, with and without Continue On Fail', async (_name, arrange, parameters) => {
		for (const continueOnFail of [false, true]) {
			fake().reset();
			const token = arrange(fake());
			const { items, error, run } = await runRaydocs(fake(), parameters, { token, continueOnFail });
			expect(continueOnFail ? items[0].json.error : error?.message).toBeTruthy();
			const everything = JSON.stringify({ items, error, run, message: error?.message, description: (error as { description?: string })?.description });
			expect(everything).not.toContain(token);
			expect(everything).not.toMatch(/Bearer rd_/);
		}
	});
});
