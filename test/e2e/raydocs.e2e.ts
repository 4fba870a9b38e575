/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- drives a real n8n process in tests; never shipped */
/**
 * The package inside a REAL n8n, per host line (N8N_LINE=2, 1, or both by default): packed and
 * installed like a user installs it, credentials and workflows imported with n8n's CLI, workflows
 * run with `n8n execute`, the credential tested through n8n's own REST endpoint. Every case checks
 * the items n8n produced and what the fake Raydocs server (in this process) received.
 */
import { readdirSync, readFileSync } from 'fs';
import { createRequire } from 'module';
import { join } from 'path';

import { projectManifest } from '../../scripts/n8n/communityPackage';
import {
	loadExample,
	manualExampleFiles,
	POSTGRES_CREDENTIAL,
	POSTGRES_TABLES_SQL,
	prepareExample,
	SPREADSHEET_OUTPUT,
	writeExampleFiles,
	type ExampleFiles,
} from '../../scripts/n8n/examples';
import { nodeItems, type ExecuteResult, type N8nHost } from '../../scripts/n8n/host';
import { installPrefix, linesFromEnv, N8N_HOSTS, type N8nLine } from '../../scripts/n8n/hosts';
import { ThrowawayPostgres } from '../../scripts/n8n/postgres';
import type { N8nRest } from '../../scripts/n8n/rest';
import type { FakeRaydocs, RequestLogEntry } from '../../tools/fake-raydocs/server';
import { startFileHost, type FileHost } from '../helpers/fileHost';
import { useFakeAndN8n, useStartedN8n } from '../helpers/realN8nSuite';
import { byId, chainWorkflow, raydocsNode, readFilesNode, RAYDOCS_NODE_TYPE } from './workflows';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One credential per token the cases need; the example credential is imported as well. */
const CREDENTIALS = {
	full: { id: 'rdE2eFullAccess1', name: 'Raydocs (every ability)' },
	revoked: { id: 'rdE2eRevokedTok1', name: 'Raydocs (revoked token)' },
	noWorkspacesRead: { id: 'rdE2eNoWspRead01', name: 'Raydocs (no workspaces-read)' },
	workspacesOnly: { id: 'rdE2eWspOnly0001', name: 'Raydocs (workspaces-read only)' },
	example: { id: 'raydocsAccount01', name: 'Raydocs account' },
};

/** Fast enough for tests, slow enough that the node really polls a few times. */
const FAKE_TIMING = { parseMs: 300, runQueuedMs: 100, runProcessingMs: 400, batchSessionStartMs: 50 };

/** A short Check Interval (it slows down only after 24 checks), runs read in turn. */
const WAIT_FAST = { checkInterval: 0.5, timeout: 120 };

const apiRequests = (fake: FakeRaydocs): RequestLogEntry[] => fake.log.filter((entry) => entry.listener === 'api');

const storageRequests = (fake: FakeRaydocs): RequestLogEntry[] => fake.log.filter((entry) => entry.listener === 'storage');

/** The query of a list request without `page`: what must stay the same on every page. */
function queryWithoutPage(entry: RequestLogEntry): Record<string, unknown> {
	return Object.fromEntries(Object.entries(entry.query).filter(([name]) => name !== 'page'));
}

function describeFailure(result: ExecuteResult): string {
	const error = result.run?.data?.resultData?.error;
	return `n8n execute exited with ${result.code}${error ? `: ${error.message ?? ''} ${error.description ?? ''}` : ''}\n${result.output.slice(-3000)}`;
}

function expectSucceeded(result: ExecuteResult): void {
	if (result.code !== 0 || !result.run) throw new Error(describeFailure(result));
	expect(result.run.data?.resultData?.error).toBeUndefined();
}

const lines = linesFromEnv();

describe.each(lines)('Raydocs in real n8n, line %s', (line: N8nLine) => {
	const spec = N8N_HOSTS[line];
	let fake: FakeRaydocs;
	let host: N8nHost;
	let web: FileHost;
	let files: ExampleFiles;
	let pagingWorkspaceId: number;
	let burstWorkspaceId: number;
	const tokens: Record<keyof typeof CREDENTIALS, string> = { full: '', revoked: '', noWorkspacesRead: '', workspacesOnly: '', example: '' };
	let started = 0;
	const seedTemplateId = () => fake.state.seed!.templateId;
	const seedWorkspaceId = () => fake.state.seed!.workspaceId;

	const webInvoice = () => Buffer.concat([readFileSync(files.invoice), Buffer.from('% served from a URL\n')]);

	/** Runs a case; when it fails, prints where the logs are and their last lines. */
	const withLogs = async (body: () => Promise<void>) => await host.withLogs(`e2e n8n ${spec.version}`, body);

	/** The database examples/extract-invoice-to-postgres.json writes into. */
	let postgres: ThrowawayPostgres;
	const database = 'raydocs_examples';

	beforeAll(async () => {
		started = Date.now();
		postgres = await ThrowawayPostgres.start();
		await postgres.createDatabase(database);
		await postgres.sql(database, readFileSync(POSTGRES_TABLES_SQL, 'utf8'));
	}, 5 * 60_000);

	afterAll(async () => {
		await postgres?.stop();
	});

	useFakeAndN8n({ line, purpose: 'e2e', announce: `[e2e] n8n ${spec.version} on ${spec.runtime}`, fake: { timing: FAKE_TIMING } }, async (suite) => {
		({ fake, host } = suite);
		files = writeExampleFiles(host.filesDir);
		// A file server on 127.0.0.1 (the private network) for the File URL cases. Its invoice has
		// bytes of its own: the fake names a document it already holds by its first upload.
		web = await startFileHost();
		web.files.set('/shared/old-link.pdf', { location: '/shared/invoice.pdf' });
		web.files.set('/shared/invoice.pdf', { body: webInvoice(), contentType: 'application/pdf' });

		tokens.full = fake.token;
		tokens.example = fake.token;
		tokens.revoked = fake.createToken('*', 'revoked');
		fake.revokeToken(tokens.revoked);
		tokens.noWorkspacesRead = fake.createToken(['templates-read', 'templates-write'], 'no-workspaces-read');
		tokens.workspacesOnly = fake.createToken(['workspaces-read'], 'workspaces-only');
		await host.importCredentials([
			...Object.entries(CREDENTIALS).map(([key, credential]) => ({
				...credential,
				type: 'raydocsApi',
				data: { accessToken: tokens[key as keyof typeof CREDENTIALS], baseUrl: fake.url, rateLimitRequests: 100, rateLimitWindowSeconds: 60 },
			})),
			{ ...POSTGRES_CREDENTIAL, type: 'postgres', data: postgres.credentialData(database) },
		]);

		// 35 templates in pages of 15: Return All must read three pages (15, 15, 5).
		pagingWorkspaceId = fake.seedWorkspace('Paging').id;
		for (let index = 1; index <= 35; index++) fake.seedTemplate(pagingWorkspaceId, { name: `Paged template ${index}` });
		// 12 templates (one page) for the rate-limit burst.
		burstWorkspaceId = fake.seedWorkspace('Burst').id;
		for (let index = 1; index <= 12; index++) fake.seedTemplate(burstWorkspaceId, { name: `Burst template ${index}` });

		const full = CREDENTIALS.full;
		const readAndExtractInvoice = [
			readFilesNode('Read Invoice', `${host.filesDir}/invoices/*.pdf`),
			raydocsNode('Extract Document', full, {
				resource: 'extraction',
				operation: 'extractDocument',
				templateId: byId(seedTemplateId()),
				inputSource: 'binary',
				allBinaries: false,
				binaryPropertyName: 'data',
				simplify: true,
				fieldLayout: 'flat',
				options: WAIT_FAST,
			}),
		];
		await host.importWorkflows([
			chainWorkflow('rdE2eTemplates01', [
				raydocsNode('List Templates', full, { resource: 'template', operation: 'getAll', workspaceId: byId(pagingWorkspaceId), returnAll: true }),
			]),
			chainWorkflow('rdE2eExtractDisk', [
				...readAndExtractInvoice,
			]),
			chainWorkflow('rdE2eExtractMany', [
				readFilesNode('Read Folder', `${host.filesDir}/documents/*.pdf`),
				raydocsNode('Extract Many', full, {
					resource: 'batch',
					operation: 'extract',
					templateId: byId(seedTemplateId()),
					allBinaries: false,
					binaryPropertyName: 'data',
					waitForResults: true,
					simplify: true,
					fieldLayout: 'flat',
					options: WAIT_FAST,
				}),
			]),
			chainWorkflow('rdE2eExportExcel', [
				...readAndExtractInvoice,
				raydocsNode('Export to Excel', full, {
					resource: 'extraction',
					operation: 'exportExcel',
					resultId: '={{ $json.result_id }}',
					binaryPropertyName: 'spreadsheet',
				}),
			]),
			...(
				[
					['rdE2eUrlRefused1', {}],
					['rdE2eUrlAllowed1', { allowPrivateNetwork: true }],
					['rdE2eUrlExprOpt1', { allowPrivateNetwork: '={{ true }}' }],
				] as const
			).map(([id, option]) =>
				chainWorkflow(id, [
					raydocsNode('Extract from URL', full, {
						resource: 'extraction',
						operation: 'extractDocument',
						templateId: byId(seedTemplateId()),
						inputSource: 'fileUrl',
						fileUrl: `${web.url}/shared/old-link.pdf`,
						...option,
						simplify: true,
						fieldLayout: 'flat',
						options: WAIT_FAST,
					}),
				]),
			),
			// One list page, then one GET per template: 13 requests against a small server limit.
			chainWorkflow('rdE2eBurst429001', [
				raydocsNode('List Templates', full, { resource: 'template', operation: 'getAll', workspaceId: byId(burstWorkspaceId), returnAll: true }),
				raydocsNode('Get Each', full, { resource: 'template', operation: 'get', templateId: byId('={{ $json.id }}') }),
			]),
			chainWorkflow('rdE2eForbidden01', [
				raydocsNode(
					'List Templates',
					CREDENTIALS.workspacesOnly,
					{ resource: 'template', operation: 'getAll', workspaceId: byId(seedWorkspaceId()), returnAll: true },
					{ onError: 'continueRegularOutput' },
				),
			]),
		]);
	});

	afterAll(async () => {
		await web?.close();
		process.stdout.write(`[e2e] n8n ${spec.version}: ${Math.round((Date.now() - started) / 1000)} s for this host (logs in ${host?.logsDir})\n`);
	});

	beforeEach(() => fake.clearLog());

	describe('under n8n start (REST)', () => {
		let rest: N8nRest;
		useStartedN8n(
			() => host,
			(started) => (rest = started),
		);

		it('loads the package: node type n8n-nodes-raydocs.raydocs and credential type raydocsApi', async () => {
			await withLogs(async () => {
				const nodeTypes = await rest.nodeTypes();
				// n8n adds an AI-agent "…Tool" variant of nodes that are usableAsTool; the rest is one
				// type per node file the package declares (the Raydocs node and the trigger).
				const ours = nodeTypes.map((type) => type.name).filter((name) => name.startsWith('n8n-nodes-raydocs.'));
				const declared = ours.filter((name) => !name.endsWith('Tool'));
				expect(declared).toContain(RAYDOCS_NODE_TYPE);
				expect({ loaded: [...new Set(declared)].sort(), count: new Set(declared).size }).toMatchObject({
					count: projectManifest().n8n.nodes.length,
				});
				const raydocs = nodeTypes.find((type) => type.name === RAYDOCS_NODE_TYPE);
				expect(raydocs?.credentials?.map((credential) => credential.name)).toEqual(['raydocsApi']);
				// one node version until the first published release
				expect(raydocs?.version).toBe(1);
				const credentialTypes = (await rest.credentialTypes()).map((type) => type.name);
				expect(credentialTypes).toContain('raydocsApi');
			});
		});

		it.each([
			['a valid token', 'full', 'OK', /.*/],
			['a revoked token', 'revoked', 'Error', /invalid, expired or revoked/],
			['a token without workspaces-read', 'noWorkspacesRead', 'Error', /"workspaces-read"/],
		] as const)('tests the credential with %s through n8n\'s credential tester', async (_title, key, status, message) => {
			await withLogs(async () => {
				const credential = CREDENTIALS[key];
				const result = await rest.testCredential({
					...credential,
					type: 'raydocsApi',
					data: { accessToken: tokens[key], baseUrl: fake.url, rateLimitRequests: 100, rateLimitWindowSeconds: 60 },
				});
				expect(result.status).toBe(status);
				// The credential's own words on 2.x; n8n 1.x's tester does not apply a declarative test's
				// rules and shows its generic text for the same status (README, Credentials).
				if (line === '2') expect(result.message).toMatch(message);
				expect(result.message).not.toContain(tokens[key]);
				const requests = apiRequests(fake);
				expect(requests.length).toBeGreaterThanOrEqual(1);
				expect(new Set(requests.map((entry) => `${entry.method} ${entry.path} ${entry.tokenLabel}`))).toEqual(
					new Set([`GET /workspaces ${{ full: 'full', revoked: 'revoked', noWorkspacesRead: 'no-workspaces-read' }[key]}`]),
				);
			});
		});

		it('a template run again in one n8n process is first read when its earlier run had finished', async () => {
			await withLogs(async () => {
				// runs of about 3.4 s: the Check Interval of 0.5 s reads one several times
				fake.setTiming({ runProcessingMs: 3000 });
				try {
					const runs: Array<{ reads: number; firstReadAfterMs: number }> = [];
					for (let run = 1; run <= 2; run++) {
						fake.clearLog();
						const execution = await rest.runManually('rdE2eExtractDisk', 'Manual Trigger', 120_000);
						expect(execution.status).toBe('success');
						const log = apiRequests(fake);
						const start = log.find((entry) => entry.method === 'POST' && /^\/extractions\/sessions\/[^/]+\/results$/.test(entry.path))!;
						const reads = log.filter((entry) => entry.method === 'GET' && entry.path.startsWith('/extractions/results/'));
						runs.push({ reads: reads.length, firstReadAfterMs: reads[0].at - start.at });
					}
					// the first run of the template: a read every 0.5 s until it is done
					expect(runs[0].reads).toBeGreaterThanOrEqual(5);
					// the second: its first read waits for the time the first run took (learned in this process)
					expect(runs[1].reads).toBeLessThanOrEqual(2);
					expect(runs[1].firstReadAfterMs).toBeGreaterThanOrEqual(3000);
				} finally {
					fake.setTiming(FAKE_TIMING);
				}
			});
		});
	});

	describe('under n8n execute (CLI)', () => {
		it('Template → Get Many with Return All reads every page and keeps the query', async () => {
			await withLogs(async () => {
				const result = await host.execute('rdE2eTemplates01');
				expectSucceeded(result);
				const items = nodeItems(result.run, 'List Templates');
				expect(items).toHaveLength(35);
				expect(new Set(items.map((item) => item.json.id)).size).toBe(35);
				expect(items.every((item) => item.json.workspace_id === pagingWorkspaceId)).toBe(true);

				const pages = apiRequests(fake);
				expect(pages.map((entry) => `${entry.method} ${entry.path}`)).toEqual(
					Array(3).fill(`GET /workspaces/${pagingWorkspaceId}/extractions/templates`),
				);
				expect(pages.map((entry) => entry.query.page ?? '1')).toEqual(['1', '2', '3']);
				expect(pages.map(queryWithoutPage)).toEqual([queryWithoutPage(pages[0]), queryWithoutPage(pages[0]), queryWithoutPage(pages[0])]);
				expect(pages.every((entry) => entry.tokenLabel === 'full' && entry.status === 200)).toBe(true);
			});
		});

		it('Extraction → Extract Document uploads a file read from disk and returns its fields, under its own name', async () => {
			await withLogs(async () => {
				// Storage that ignores Content-Disposition: only the registration's filename names the document.
				fake.setVariant('uploadFilenameFromStorage', 'ignore');
				const result = await host.execute('rdE2eExtractDisk').finally(() => fake.setVariant('uploadFilenameFromStorage', 'metadata'));
				expectSucceeded(result);
				const items = nodeItems(result.run, 'Extract Document');
				expect(items).toHaveLength(1);
				const [item] = items;
				expect(item.json).toMatchObject({ status: 'completed', documents: ['acme-invoice-2026-001.pdf'] });
				expect(item.json['invoice_details.invoice_number']).toMatch(/^INV-[0-9A-F]{6}$/);
				expect(typeof item.json['invoice_details.total_amount']).toBe('number');
				expect(typeof item.json['vendor.name']).toBe('string');

				const upload = readFileSync(files.invoice);
				const puts = storageRequests(fake);
				expect(puts).toHaveLength(1);
				expect(puts[0]).toMatchObject({ method: 'PUT', hasAuthorization: false, status: 200 });
				expect((puts[0].body as { bytes: number }).bytes).toBe(upload.length);
				expect(fake.state.storageAuthLeaks).toBe(0);
				const calls = apiRequests(fake).map((entry) => entry.endpoint);
				expect(calls.slice(0, 4)).toEqual([
					'POST /vapor/signed-storage-url',
					'POST /extractions/sessions',
					'POST /extractions/sessions/{sessionId}/documents',
					'POST /extractions/sessions/{sessionId}/results',
				]);
				expect(apiRequests(fake)[2].body).toMatchObject({ filename: 'acme-invoice-2026-001.pdf' });
				expect(calls.slice(4).every((call) => call === 'GET /extractions/results/{resultId}')).toBe(true);
				const session = fake.state.sessions.get(String(item.json.session_id));
				const names = session?.documentIds.map((id) => fake.state.documents.get(id)?.filename);
				expect(names).toEqual(['acme-invoice-2026-001.pdf']);
			});
		});

		it('a File URL on 127.0.0.1 is refused before any request; the option cannot come from an expression', async () => {
			await withLogs(async () => {
				web.requests.length = 0;
				const refused = await host.execute('rdE2eUrlRefused1');
				const error = refused.run?.data?.resultData?.error;
				expect(error?.message).toBe(`File URL ${web.url}/shared/old-link.pdf points to a private network address: 127.0.0.1 (loopback, 127.0.0.0/8)`);
				expect(error?.description).toContain('turn on "Allow Private Network Addresses" below File URL');
				const expression = await host.execute('rdE2eUrlExprOpt1');
				expect(expression.run?.data?.resultData?.error?.message).toBe('Allow Private Network Addresses cannot be set by an expression');
				expect(web.requests).toEqual([]);
				expect(fake.log).toEqual([]);
			});
		});

		it('with Allow Private Network Addresses on, the File URL is downloaded (its redirect followed by the node) and extracted', async () => {
			await withLogs(async () => {
				web.requests.length = 0;
				const result = await host.execute('rdE2eUrlAllowed1');
				expectSucceeded(result);
				const [item] = nodeItems(result.run, 'Extract from URL');
				expect(item.json).toMatchObject({ status: 'completed', documents: ['invoice.pdf'] });
				expect(web.requests.map((request) => [request.method, request.path, request.headers.authorization])).toEqual([
					['GET', '/shared/old-link.pdf', undefined],
					['GET', '/shared/invoice.pdf', undefined],
				]);
				expect((storageRequests(fake)[0].body as { bytes: number }).bytes).toBe(webInvoice().length);
			});
		});

		// n8n 2.x only: n8n 1.x has no SSRF protection of its own.
		(line === '2' ? it : it.skip)("with n8n's SSRF protection on, n8n refuses the File URL even with the option on, and the error says so", async () => {
			await withLogs(async () => {
				web.requests.length = 0;
				const result = await host.execute('rdE2eUrlAllowed1', undefined, { N8N_SSRF_PROTECTION_ENABLED: 'true' });
				const error = result.run?.data?.resultData?.error;
				expect(error?.message).toBe(`Could not download the file at ${web.url}/shared/old-link.pdf (refused by n8n)`);
				expect(error?.description).toMatch(/^Nothing was sent: n8n blocks this address for every node\. Network code REFUSED_BY_N8N: /);
				expect(web.requests).toEqual([]);
				expect(fake.log).toEqual([]);
			});
		});

		it('a connection reset while waiting for the result is retried, and the extraction completes', async () => {
			await withLogs(async () => {
				fake.fault({ kind: 'drop', method: 'GET', path: /^\/extractions\/results\/[^/]+$/, count: 1 });
				const result = await host.execute('rdE2eExtractDisk');
				expectSucceeded(result);
				const [item] = nodeItems(result.run, 'Extract Document');
				expect(item.json.status).toBe('completed');
				const polls = apiRequests(fake).filter((entry) => entry.endpoint === 'GET /extractions/results/{resultId}');
				expect(polls[0]).toMatchObject({ status: 0, fault: 'drop' });
				expect(polls.slice(1).every((entry) => entry.status === 200)).toBe(true);
				expect(polls.length).toBeGreaterThanOrEqual(2);
			});
		});

		it('a burst against the server limit waits as Retry-After says before sending again', async () => {
			await withLogs(async () => {
				const limit = 5;
				// Without X-RateLimit-* headers (a proxy that strips them), as the node cannot learn the
				// server's limit from them and meets its 429s: this case is about honouring Retry-After.
				fake.setRateLimit({ limit, windowMs: 2000, headers: false });
				fake.resetRateLimit();
				const started = Date.now();
				const result = await host.execute('rdE2eBurst429001').finally(() => fake.setRateLimit({ limit: 100, windowMs: 60_000 }));
				const requests = apiRequests(fake);
				const refused = requests.filter((entry) => entry.status === 429);
				process.stdout.write(`[e2e n8n ${spec.version}] burst: exit ${result.code}, ${refused.length} × 429, ${Math.round((Date.now() - started) / 100) / 10} s\n`);
				expectSucceeded(result);
				expect(nodeItems(result.run, 'Get Each')).toHaveLength(12);
				expect(requests.filter((entry) => entry.status === 200)).toHaveLength(13);
				// n8n sends the items' requests concurrently, so those in flight when the limit is hit are
				// refused together; after that each waiting request is refused about once per window
				// (8 + 3 at 5 per window; three times that leaves room for windows that refill unevenly).
				// Retrying before Retry-After ends adds refusals (and fails items after 6 attempts).
				let perWindow = 0;
				for (let waiting = 13 - limit; waiting > 0; waiting -= limit) perWindow += waiting;
				expect(refused.length).toBeGreaterThan(0);
				expect(refused.length).toBeLessThanOrEqual(3 * perWindow);
				// Retry-After is at least 1 s here: apart from requests already in flight (sent within a few
				// ms of the refusal), nothing may reach the server sooner than that after a 429.
				for (const denied of refused) {
					const early = requests.filter((entry) => entry.at > denied.at + 250 && entry.at < denied.at + 950);
					expect({ after: denied.seq, early: early.map((entry) => `${entry.at - denied.at} ms`) }).toEqual({ after: denied.seq, early: [] });
				}
			});
		});

		it('Extraction Batch → Extract Many of a folder returns one item per file', async () => {
			await withLogs(async () => {
				const result = await host.execute('rdE2eExtractMany');
				expectSucceeded(result);
				const items = nodeItems(result.run, 'Extract Many');
				expect(items.map((item) => item.json.file_name)).toEqual(['scan-01.pdf', 'scan-02.pdf', 'scan-03.pdf']);
				expect(items.every((item) => item.json.status === 'completed')).toBe(true);
				expect(new Set(items.map((item) => item.json.session_id)).size).toBe(3);
				expect(new Set(items.map((item) => item.json['invoice_details.invoice_number'])).size).toBe(3);

				const batches = apiRequests(fake).filter((entry) => entry.endpoint === 'POST /extractions/templates/{templateId}/sessions/batch');
				expect(batches).toHaveLength(1);
				expect(batches[0].body).toMatchObject({ settings: { auto_extract: true } });
				expect((batches[0].body as { files: string[] }).files).toHaveLength(3);
				const puts = storageRequests(fake);
				expect(puts).toHaveLength(3);
				expect(puts.every((entry) => !entry.hasAuthorization)).toBe(true);
				// sessions read in turn, a round ending at the first one still running, so
				// each is read once after it finished plus about one read per round before
				const reads = apiRequests(fake).filter((entry) => entry.endpoint === 'GET /extractions/sessions/{sessionId}');
				expect(new Set(reads.map((entry) => entry.path)).size).toBe(3);
				expect(reads.length).toBeLessThanOrEqual(3 + 2);
			});
		});

		it('Extraction → Export to Excel returns an .xlsx binary', async () => {
			await withLogs(async () => {
				const result = await host.execute('rdE2eExportExcel');
				expectSucceeded(result);
				const [extracted] = nodeItems(result.run, 'Extract Document');
				const items = nodeItems(result.run, 'Export to Excel');
				expect(items).toHaveLength(1);
				const spreadsheet = items[0].binary?.spreadsheet;
				expect(spreadsheet).toMatchObject({ fileName: 'extraction_result.xlsx', mimeType: XLSX_MIME, fileExtension: 'xlsx' });
				expect(items[0].json).toMatchObject({ fileName: 'extraction_result.xlsx', mimeType: XLSX_MIME });
				expect(Number(items[0].json.bytes)).toBeGreaterThan(1000);

				const exports = apiRequests(fake).filter((entry) => entry.endpoint === 'GET /extractions/results/{resultId}/export/excel');
				expect(exports).toHaveLength(1);
				expect(exports[0]).toMatchObject({ status: 200, path: `/extractions/results/${String(extracted.json.result_id)}/export/excel` });
			});
		});

		it('a 403 with Continue On Fail becomes an error item naming the ability, and the workflow succeeds', async () => {
			await withLogs(async () => {
				const result = await host.execute('rdE2eForbidden01');
				expectSucceeded(result);
				expect(result.run?.status).toBe('success');
				const items = nodeItems(result.run, 'List Templates');
				expect(items).toHaveLength(1);
				expect(String(items[0].json.error)).toContain('"templates-read"');
				const requests = apiRequests(fake);
				// a 403 is final: no retry
				expect(requests.map((entry) => [entry.status, entry.tokenLabel])).toEqual([[403, 'workspaces-only']]);
			});
		});

		it.each(manualExampleFiles())('examples/%s imports and runs', async (file) => {
			await withLogs(async () => {
				const workflow = prepareExample(loadExample(file), {
					filesDir: host.filesDir,
					workspaceId: String(seedWorkspaceId()),
					templateId: seedTemplateId(),
				});
				await host.importWorkflows([workflow]);
				const result = await host.execute(workflow.id);
				expectSucceeded(result);
				// every node ran and the last one produced items
				const runData = result.run?.data?.resultData?.runData ?? {};
				expect(Object.keys(runData).sort()).toEqual(workflow.nodes.map((node) => node.name).sort());
				const lastNode = result.run?.data?.resultData?.lastNodeExecuted ?? '';
				expect(nodeItems(result.run, lastNode).length).toBeGreaterThan(0);
				const requests = apiRequests(fake);
				expect(requests.length).toBeGreaterThan(0);
				expect(requests.every((entry) => entry.tokenLabel === 'full' && entry.status < 400)).toBe(true);
				expect(storageRequests(fake).every((entry) => !entry.hasAuthorization)).toBe(true);

				if (file === 'extract-invoice-from-email.json') {
					const [row] = nodeItems(result.run, 'Sheet Row');
					expect(row.json).toMatchObject({ source_files: 'acme-invoice-2026-001.pdf', status: 'completed' });
					expect(row.json['invoice_details.invoice_number']).toMatch(/^INV-/);
					expect(row.json).not.toHaveProperty('documents');
				}
				if (file === 'batch-extract-folder.json') {
					expect(nodeItems(result.run, 'Extract Many')).toHaveLength(files.documents.length);
				}
				if (file === 'extract-invoice-to-postgres.json') {
					// the rows, read back from PostgreSQL
					const [extracted] = nodeItems(result.run, 'Extract Invoice');
					const rows = await postgres.rows(database, 'select result_id, invoice_number, invoice_date::text, total_amount::text, currency, vendor_name, source_file from raydocs_invoices');
					expect(rows).toEqual([
						{
							result_id: extracted.json.result_id,
							invoice_number: extracted.json['invoice_details.invoice_number'],
							invoice_date: extracted.json['invoice_details.invoice_date'],
							total_amount: Number(extracted.json['invoice_details.total_amount']).toFixed(2),
							currency: extracted.json['invoice_details.currency'],
							vendor_name: extracted.json['vendor.name'],
							source_file: 'acme-invoice-2026-001.pdf',
						},
					]);
					expect(rows[0].invoice_number).toMatch(/^INV-/);
				}
				if (file === 'batch-folder-to-spreadsheet.json') {
					// one spreadsheet file on disk, a row per document, read back with the xlsx library n8n ships
					const fromNodesBase = createRequire(join(installPrefix(line), 'node_modules', 'n8n-nodes-base', 'package.json'));
					// n8n 2.x depends on the registry's re-publish of SheetJS by its own name, 1.x by the alias xlsx
					const xlsx = (line === '2' ? fromNodesBase('@e965/xlsx') : fromNodesBase('xlsx')) as {
						readFile(path: string): { SheetNames: string[]; Sheets: Record<string, unknown> };
						utils: { sheet_to_json(sheet: unknown): Array<Record<string, unknown>> };
					};
					const book = xlsx.readFile(join(host.filesDir, SPREADSHEET_OUTPUT));
					expect(book.SheetNames).toEqual(['Extractions']);
					const sheetRows = xlsx.utils.sheet_to_json(book.Sheets.Extractions);
					const extracted = nodeItems(result.run, 'Extract Many');
					expect(sheetRows.map((row) => row.File).sort()).toEqual(files.documents.map((path) => path.split('/').pop()).sort());
					for (const row of sheetRows) {
						const item = extracted.find((candidate) => candidate.json.file_name === row.File)!;
						expect(row).toEqual({
							File: item.json.file_name,
							Status: 'completed',
							'Invoice number': item.json['invoice_details.invoice_number'],
							'Invoice date': item.json['invoice_details.invoice_date'],
							Total: item.json['invoice_details.total_amount'],
							Currency: item.json['invoice_details.currency'],
							Vendor: item.json['vendor.name'],
						});
					}
				}
				if (file === 'manage-templates.json') {
					const [created] = nodeItems(result.run, 'Create Template');
					const [copy] = nodeItems(result.run, 'Duplicate Template');
					const listed = nodeItems(result.run, 'List Templates').map((item) => item.json.id);
					expect(created.json.name).toBe('Receipts (example)');
					expect(copy.json.name).toBe('Receipts (example copy)');
					expect(listed).toContain(created.json.id);
					expect(listed).not.toContain(copy.json.id);
					expect(requests.map((entry) => entry.endpoint)).toEqual([
						'POST /extractions/templates',
						'POST /extractions/templates/{templateId}/duplicate',
						'DELETE /extractions/templates/{templateId}',
						'GET /workspaces/{workspaceId}/extractions/templates',
					]);
				}
			});
		});
	});

	describe('after the cases', () => {
		it('n8n reached nothing beyond 127.0.0.1, and no token appears in any n8n log', () => {
			expect(host.networkAttempts()).toEqual([]);
			const secrets = Object.values(tokens).filter(Boolean);
			for (const name of readdirSync(host.logsDir)) {
				const text = readFileSync(join(host.logsDir, name), 'utf8');
				for (const secret of secrets) expect({ log: name, leaked: text.includes(secret) }).toEqual({ log: name, leaked: false });
			}
		});
	});
});
