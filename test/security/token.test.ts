import type { INodeParameters } from 'n8n-workflow';

import type { FakeRaydocs } from '../../tools/fake-raydocs/server';
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

	const wait = { checkInterval: 0.1, timeout: 20 };
	const jobs: Array<[string, (instance: FakeRaydocs) => INodeParameters]> = [
		['File Upload → Upload', () => ({ resource: 'file', operation: 'upload', allBinaries: false, binaryPropertyName: 'data' })],
		['Extraction → Extract Document', (instance) => ({ resource: 'extraction', operation: 'extractDocument', templateId: byId(instance.state.seed!.templateId), inputSource: 'binary', allBinaries: false, binaryPropertyName: 'data', simplify: false, options: wait })],
		['Extraction Batch → Extract Many', (instance) => ({ resource: 'batch', operation: 'extract', templateId: byId(instance.state.seed!.templateId), allBinaries: false, binaryPropertyName: 'data', waitForResults: true, simplify: false, options: wait })],
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

	it('copies the signed headers storage needs to the upload, but never an Authorization or a Host', async () => {
		fake().setVariant('signedUrl', 'amz');
		const { items, error } = await runRaydocs(fake(), jobs[0][1](fake()), { input: [fileItem('%PDF signed', 'doc.pdf')] });
		expect(error).toBeUndefined();
		expect(items[0].json.key).toBeTruthy();
		const put = fake().log.filter((entry) => entry.listener === 'storage');
		expect(put).toHaveLength(1);
		expect(put[0].headers).toMatchObject({ 'x-amz-acl': 'private', 'content-type': 'application/pdf' });
		expect(put[0].headers.host).not.toBe('storage.invalid');
		expectTokenOnlyOnApi(fake());
		expect(put[0].hasAuthorization).toBe(false);
	});

	it.each([
		['a Raydocs-style token', 'rd_live_0123456789abcdef'],
		['a Sanctum-style token with no recognisable prefix', '42|Zq8LmN3vX7pR2tY6wB1cD4fG'],
	])('is cut from the error and the execution data when the server echoes %s', async (_name, token) => {
		// A proxy or a debug page that repeats the request's credentials in its error body (the
		// fault answers before the token is checked, so any token reaches it).
		const body = { message: `Upstream refused ${token}`, detail: { authorization: `Bearer ${token}` } };
		fake().fault({ kind: 'status', status: 400, count: 1, body });
		for (const continueOnFail of [false, true]) {
			const { items, error, run } = await runRaydocs(fake(), { resource: 'workspace', operation: 'getAll', returnAll: true }, { token, continueOnFail });
			const everything = JSON.stringify({ items, error, run, message: error?.message, description: (error as { description?: string })?.description });
			if (!continueOnFail) expect(everything).toContain('Upstream refused [redacted token]');
			expect(everything).not.toContain(token);
			fake().fault({ kind: 'status', status: 400, count: 1, body });
		}
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
