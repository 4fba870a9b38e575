/**
 * The core of the package in ONE real n8n release, the one N8N_LINE (and N8N1_VERSION for other
 * 1.x releases) selects: it loads, the credential test, a routed read, Extract Document from a
 * file, Extract Many, the trigger's Fetch Test Event, and the routing-engine behaviour the
 * transport relies on (docs/design/transport.md): a request marked paginate reaches the node's
 * pagination function with its prepared options (pre-send results applied) and output steps, and
 * what that function returns is the item's output. `npm run test:compat` (scripts/n8n/compat.ts)
 * runs it in every release the README lists. Each test title is "<case>: <expected outcome>"; the
 * matrix table is built from them.
 */
import { projectManifest } from '../../scripts/n8n/communityPackage';
import { EXAMPLE_CREDENTIAL, loadExample, prepareExample, TRIGGER_EXAMPLE, writeExampleFiles } from '../../scripts/n8n/examples';
import { nodeItems, type ExecuteResult, type N8nHost } from '../../scripts/n8n/host';
import { linesFromEnv, N8N_HOSTS } from '../../scripts/n8n/hosts';
import type { N8nRest } from '../../scripts/n8n/rest';
import { byId, chainWorkflow, raydocsNode, readFilesNode, RAYDOCS_NODE_TYPE } from '../e2e/workflows';
import type { FakeRaydocs, RequestLogEntry } from '../../tools/fake-raydocs/server';
import { useFakeAndN8n, useStartedN8n } from '../helpers/realN8nSuite';
import { completedRun, sessionWithDocument } from '../helpers/trigger';

const [line] = linesFromEnv();
const spec = N8N_HOSTS[line];

const CREDENTIAL = { id: 'rdCompatAccess01', name: 'Raydocs (compat)' };
const COMPAT_SCHEMA = { groups: { totals: { fields: { total: { type: 'number', extraction_prompt: 'The total' } } } } };
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
		const template = (name: string, parameters: Record<string, unknown>) =>
			raydocsNode(name, CREDENTIAL, { resource: 'template', ...parameters });
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
			chainWorkflow('rdCompatRetry001', [template('Get Template', { operation: 'get', templateId })]),
			chainWorkflow('rdCompatSteps01', [
				template('Create Template', { operation: 'create', workspaceId: byId(fake.state.seed!.workspaceId), name: 'Compat', schemaJson: JSON.stringify(COMPAT_SCHEMA), additionalFields: {} }),
				template('Delete Template', { operation: 'delete', templateId: byId('={{ $json.id }}') }),
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

		// n8n sends a routed request itself unless it is marked paginate: then the node's pagination
		// function gets it and may send it again. Without that, the 503 would be the node's error.
		it('Routing, retries: a routed request reaches the pagination function, which waits out a 503 and a 429', async () => {
			const path = `/extractions/templates/${fake.state.seed!.templateId}`;
			fake.fault({ method: 'GET', path, kind: 'status', status: 503 });
			fake.fault({ method: 'GET', path, kind: 'status', status: 429, retryAfterSeconds: 1 });
			const result = await host.execute('rdCompatRetry001');
			expectSucceeded(result);
			expect(nodeItems(result.run, 'Get Template').map((item) => item.json.id)).toEqual([fake.state.seed!.templateId]);
			expect(apiRequests(fake).map((entry) => `${entry.method} ${entry.status}`)).toEqual(['GET 503', 'GET 429', 'GET 200']);
		});

		// The pagination function sends the options n8n prepared (pre-send hooks already run) and
		// shapes the answer with the operation's output steps, which n8n hands it in requestData.
		it('Routing, steps: pre-send results and output steps reach the pagination function', async () => {
			const result = await host.execute('rdCompatSteps01');
			expectSucceeded(result);
			const [created, deleted] = apiRequests(fake);
			expect([created.method, created.path, created.body]).toEqual([
				'POST',
				'/extractions/templates',
				expect.objectContaining({ name: 'Compat', workspace_id: fake.state.seed!.workspaceId, schema_json: COMPAT_SCHEMA }),
			]);
			const createdId = (nodeItems(result.run, 'Create Template')[0].json as { id: string }).id;
			expect([deleted.method, deleted.path, deleted.status]).toEqual(['DELETE', `/extractions/templates/${createdId}`, 204]);
			expect(nodeItems(result.run, 'Delete Template').map((item) => item.json)).toEqual([{ deleted: true }]);
		});
	});
});
