/**
 * The core of the package in ONE real n8n release, the one N8N_LINE (and N8N1_VERSION for other
 * 1.x releases) selects: it loads, the credential test, a routed read, Extract Document from a
 * file, Extract Many, and the trigger's Fetch Test Event. On n8n older than the engine support the
 * custom operations need, those two must fail with a message naming the version, sending nothing.
 * `npm run test:compat` (scripts/n8n/compat.ts) runs it in every release of the matrix.
 * Each test title is "<case>: <expected outcome>"; the matrix table is built from them.
 */
import { projectManifest } from '../../scripts/n8n/communityPackage';
import { EXAMPLE_CREDENTIAL, loadExample, prepareExample, TRIGGER_EXAMPLE, writeExampleFiles } from '../../scripts/n8n/examples';
import { nodeItems, type ExecuteResult, type N8nHost } from '../../scripts/n8n/host';
import { linesFromEnv, N8N_HOSTS } from '../../scripts/n8n/hosts';
import type { N8nRest } from '../../scripts/n8n/rest';
import { CUSTOM_OPERATIONS_MIN_N8N } from '../../nodes/Raydocs/shared/olderN8n';
import { byId, chainWorkflow, raydocsNode, readFilesNode, RAYDOCS_NODE_TYPE } from '../e2e/workflows';
import type { FakeRaydocs, RequestLogEntry } from '../../tools/fake-raydocs/server';
import { useFakeAndN8n, useStartedN8n } from '../helpers/realN8nSuite';
import { completedRun, sessionWithDocument } from '../helpers/trigger';

const [line] = linesFromEnv();
const spec = N8N_HOSTS[line];

/** "1.81.4" < "1.82.0": compares release numbers part by part. */
function isOlder(version: string, than: string): boolean {
	const [a, b] = [version, than].map((text) => text.split('.').map(Number));
	for (let index = 0; index < 3; index++) if (a[index] !== b[index]) return a[index] < b[index];
	return false;
}

const customOperationsMissing = isOlder(spec.version, CUSTOM_OPERATIONS_MIN_N8N);
const MISSING = `fails naming n8n ${CUSTOM_OPERATIONS_MIN_N8N}, sends nothing`;

const CREDENTIAL = { id: 'rdCompatAccess01', name: 'Raydocs (compat)' };
const WAIT_FAST = { checkInterval: 0.5, timeout: 120 };
const apiRequests = (fake: FakeRaydocs): RequestLogEntry[] => fake.log.filter((entry) => entry.listener === 'api');

describe(`n8n ${spec.version}`, () => {
	let fake: FakeRaydocs;
	let host: N8nHost;
	let pagingWorkspaceId: number;
	let triggerSessionId: string;
	let triggerWorkflowId: string;

	function expectSucceeded(result: ExecuteResult): void {
		const error = result.run?.data?.resultData?.error;
		if (result.code !== 0 || !result.run || error) {
			throw new Error(`n8n execute exited with ${result.code}: ${error?.message ?? ''}\n${result.output.slice(-3000)}`);
		}
	}

	/** Below the floor: the node's error, from n8n's run data or (1.x CLI) its output. */
	function expectNeedsNewerN8n(result: ExecuteResult, operation: string): void {
		const message = `${operation} needs n8n ${CUSTOM_OPERATIONS_MIN_N8N} or newer`;
		expect(result.code).not.toBe(0);
		const error = result.run?.data?.resultData?.error;
		expect(error ? `${error.message}` : result.output).toContain(message);
		expect(apiRequests(fake)).toEqual([]);
		expect(fake.log).toEqual([]);
	}

	const suite = {
		line,
		purpose: 'compat',
		announce: `[compat] n8n ${spec.version} on ${spec.runtime}`,
		fake: { timing: { parseMs: 300, runQueuedMs: 100, runProcessingMs: 400, batchSessionStartMs: 50 } },
		credentials: [CREDENTIAL, EXAMPLE_CREDENTIAL],
		whenMissing: 'fail' as const,
		timeoutMs: 10 * 60_000,
	};
	useFakeAndN8n(suite, async (started) => {
		({ fake, host } = started);
		const files = writeExampleFiles(host.filesDir);
		pagingWorkspaceId = fake.seedWorkspace('Paging').id;
		for (let index = 1; index <= 20; index++) fake.seedTemplate(pagingWorkspaceId, { name: `Paged template ${index}` });
		triggerSessionId = await sessionWithDocument(fake);
		const triggerWorkflow = prepareExample(loadExample(TRIGGER_EXAMPLE), { filesDir: host.filesDir, sessionIds: triggerSessionId });
		triggerWorkflowId = triggerWorkflow.id;
		const templateId = byId(fake.state.seed!.templateId);
		const extractOptions = { templateId, allBinaries: false, binaryPropertyName: 'data', simplify: true, fieldLayout: 'flat', options: WAIT_FAST };
		await host.importWorkflows([
			triggerWorkflow,
			chainWorkflow('rdCompatRead0001', [
				raydocsNode('List Templates', CREDENTIAL, { resource: 'template', operation: 'getAll', workspaceId: byId(pagingWorkspaceId), returnAll: true }),
			]),
			chainWorkflow('rdCompatExtract1', [
				readFilesNode('Read Invoice', files.invoice),
				raydocsNode('Extract Document', CREDENTIAL, { resource: 'extraction', operation: 'extractDocument', inputSource: 'binary', ...extractOptions }),
			]),
			chainWorkflow('rdCompatExtractM', [
				readFilesNode('Read Folder', `${host.filesDir}/documents/*.pdf`),
				raydocsNode('Extract Many', CREDENTIAL, { resource: 'batch', operation: 'extract', waitForResults: true, ...extractOptions }),
			]),
		]);
	});

	beforeEach(() => fake.clearLog());

	describe('under n8n start', () => {
		let rest: N8nRest;
		useStartedN8n(
			() => host,
			(started) => (rest = started),
		);

		it('Package loads: node, trigger and credential listed', async () => {
			const names = (await rest.nodeTypes()).map((type) => type.name);
			const ours = [...new Set(names.filter((name) => name.startsWith('n8n-nodes-raydocs.') && !name.endsWith('Tool')))].sort();
			expect(ours).toHaveLength(projectManifest().n8n.nodes.length);
			expect(ours).toContain(RAYDOCS_NODE_TYPE);
			expect((await rest.credentialTypes()).map((type) => type.name)).toContain('raydocsApi');
		});

		it('Credential test: a valid token passes, a revoked one fails', async () => {
			const test = async (token: string) =>
				await rest.testCredential({ ...CREDENTIAL, type: 'raydocsApi', data: { accessToken: token, baseUrl: fake.url } });
			expect((await test(fake.token)).status).toBe('OK');
			const revoked = fake.createToken('*', 'revoked');
			fake.revokeToken(revoked);
			expect((await test(revoked)).status).toBe('Error');
			expect(apiRequests(fake).map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual(
				expect.arrayContaining(['GET /workspaces 200', 'GET /workspaces 401']),
			);
		});

		it('Fetch Test Event: the trigger returns the newest finished run', async () => {
			const resultId = await completedRun(fake, triggerSessionId);
			const execution = await rest.runManually(triggerWorkflowId, 'Raydocs Trigger');
			const runData = (execution.data as { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } })
				.resultData?.runData;
			const sample = runData?.['Raydocs Trigger']?.[0]?.data?.main?.[0] ?? [];
			expect(sample.map((item) => item.json.result_id)).toEqual([resultId]);
		});
	});

	describe('under n8n execute', () => {
		it('Routed read: Template → Get Many, Return All over 2 pages', async () => {
			const result = await host.execute('rdCompatRead0001');
			expectSucceeded(result);
			expect(nodeItems(result.run, 'List Templates')).toHaveLength(20);
			expect(apiRequests(fake).map((entry) => entry.query.page ?? '1')).toEqual(['1', '2']);
		});

		if (customOperationsMissing) {
			it(`Extract Document from a file: ${MISSING}`, async () => {
				expectNeedsNewerN8n(await host.execute('rdCompatExtract1'), 'Extract Document');
			});

			it(`Extract Many: ${MISSING}`, async () => {
				expectNeedsNewerN8n(await host.execute('rdCompatExtractM'), 'Extract Many');
			});
		} else {
			it('Extract Document from a file: extracted', async () => {
				const result = await host.execute('rdCompatExtract1');
				expectSucceeded(result);
				const [item] = nodeItems(result.run, 'Extract Document');
				expect(item.json).toMatchObject({ status: 'completed', documents: ['acme-invoice-2026-001.pdf'] });
				expect(item.json['invoice_details.invoice_number']).toMatch(/^INV-/);
			});

			it('Extract Many: extracted, one item per file', async () => {
				const result = await host.execute('rdCompatExtractM');
				expectSucceeded(result);
				const items = nodeItems(result.run, 'Extract Many');
				expect(items.map((item) => [item.json.file_name, item.json.status])).toEqual([
					['scan-01.pdf', 'completed'],
					['scan-02.pdf', 'completed'],
					['scan-03.pdf', 'completed'],
				]);
			});
		}
	});
});
