/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- drives a real n8n process in tests; never shipped */
/**
 * Raydocs as AI-agent tools in a REAL n8n, per host line: examples/ai-agent-tools-mcp.json (an MCP
 * Server Trigger with Raydocs tool nodes, `n8n-nodes-raydocs.raydocsTool`, which n8n derives from
 * `usableAsTool`) is imported and activated, and an MCP client lists and calls the tools over
 * streamable HTTP the way Claude Desktop or an n8n AI Agent would, with no language model.
 *
 * With RAYDOCS_MCP_TOOLS_README=1 (`npm run docs:mcp-tools`) the tool list the client saw on n8n
 * 2.x, and one extraction answer, are written into docs/ai-agents.md.
 */
// The SDK publishes these paths through its package.json "exports" map, which the lint resolver does not read.
// eslint-disable-next-line import-x/no-unresolved
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
// eslint-disable-next-line import-x/no-unresolved
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { randomUUID } from 'crypto';
import { readdirSync, readFileSync } from 'fs';
import type { INodePropertyOptions } from 'n8n-workflow';
import { join } from 'path';

import { Raydocs } from '../../nodes/Raydocs/Raydocs.node';
import { EXAMPLE_CREDENTIAL, loadExample, MCP_EXAMPLE, prepareExample } from '../../scripts/n8n/examples';
import type { N8nHost, WorkflowJson, WorkflowNode } from '../../scripts/n8n/host';
import { linesFromEnv, N8N_HOSTS, type N8nLine } from '../../scripts/n8n/hosts';
import { sleep } from '../../scripts/n8n/processes';
import { replaceSection } from '../../scripts/generatedSection';
import { sampleInvoicePdf } from '../../scripts/sampleInvoice';
import type { FakeRaydocs } from '../../tools/fake-raydocs/server';
import { startFileHost, type FileHost } from '../helpers/fileHost';
import { useFakeAndN8n } from '../helpers/realN8nSuite';

const FAKE_TIMING = { parseMs: 200, runQueuedMs: 100, runProcessingMs: 300 };

interface ToolResult {
	isError?: boolean;
	content: Array<{ type: string; text?: string }>;
}

/** The text of a tool answer (n8n sends one text part). */
function textOf(result: ToolResult): string {
	return result.content.map((part) => part.text ?? '').join('\n');
}

/** A tool's data: n8n sends the node's output items' JSON as one JSON text. */
function itemsOf(result: ToolResult): Array<Record<string, unknown>> {
	const parsed = JSON.parse(textOf(result)) as unknown;
	return (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown>>;
}

/** What n8n's "Set Automatically" tool description says for a Raydocs operation: "<action> in Raydocs". */
function automaticDescription(resource: string, operation: string): string {
	const property = new Raydocs().description.properties.find(
		(candidate) => candidate.name === 'operation' && (candidate.displayOptions?.show?.resource ?? []).includes(resource),
	);
	const option = (property?.options as INodePropertyOptions[]).find((candidate) => candidate.value === operation);
	return `${option?.action} in Raydocs`;
}

/** n8n answers REST before it has registered the active workflows' webhooks: wait for ours. */
async function waitForWebhook(url: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const response = await fetch(url, { method: 'DELETE', signal: AbortSignal.timeout(5000) });
		const text = await response.text();
		if (!(response.status === 404 && text.includes('is not registered'))) return;
		if (Date.now() > deadline) throw new Error(`n8n did not register ${url} within ${timeoutMs / 1000} s: ${text.slice(0, 300)}`);
		await sleep(500);
	}
}

interface ListedTool {
	name: string;
	description?: string;
	inputSchema: { properties?: Record<string, object>; required?: string[] };
}

/** The docs/ai-agents.md table: each tool as an MCP client lists it (name, description, arguments). */
function toolsMarkdown(tools: ListedTool[]): string {
	const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
	const rows = [...tools]
		.sort((a, b) => a.name.localeCompare(b.name))
		.map((tool) => {
			const properties = (tool.inputSchema.properties ?? {}) as Record<string, { type?: string; description?: string }>;
			const args = Object.entries(properties)
				.map(([name, schema]) => `\`${name}\` (${schema.type}${tool.inputSchema.required?.includes(name) ? ', required' : ''}): ${schema.description ?? ''}`)
				.join('<br>');
			return `| \`${tool.name}\` | ${cell(tool.description ?? '')} | ${cell(args) || 'none'} |`;
		});
	return ['| Tool | Description | Arguments |', '|---|---|---|', ...rows].join('\n');
}

/** A "Set Manually" tool description, as the example workflow holds it. */
function manualDescription(nodeName: string): string {
	const node = loadExample(MCP_EXAMPLE).nodes.find((candidate) => candidate.name === nodeName);
	expect(node?.parameters.descriptionType).toBe('manual');
	return String(node?.parameters.toolDescription);
}

/**
 * The example's File URL tool as a self-hosted user with a file server in their own network would
 * set it up (Allow Private Network Addresses on), next to a copy whose option an agent would fill
 * with $fromAI(), behind a second MCP Server Trigger (path raydocs-local). The shipped example
 * keeps the option off.
 */
function localFilesWorkflow(example: WorkflowJson): WorkflowJson {
	const trigger = example.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.mcpTrigger')!;
	const urlTool = example.nodes.find((node) => node.name === 'Extract Document from URL')!;
	const tool = (name: string, suffix: string, allowPrivateNetwork: unknown): WorkflowNode => ({
		...urlTool,
		id: `${urlTool.id.slice(0, -4)}${suffix}`,
		name,
		parameters: { ...urlTool.parameters, allowPrivateNetwork },
	});
	const tools = [
		tool('Extract Local Document', '0101', true),
		tool('Extract Any Document', '0102', "={{ $fromAI('allow_private_network', 'Whether the file may be on the private network', 'boolean') }}"),
	];
	return {
		...example,
		id: 'rdE2eMcpLocal001',
		name: 'e2e: Raydocs tools for a local file server',
		nodes: [{ ...trigger, id: `${trigger.id.slice(0, -4)}0100`, webhookId: `${trigger.webhookId!.slice(0, -4)}01f1`, parameters: { ...trigger.parameters, path: 'raydocs-local' } }, ...tools],
		connections: Object.fromEntries(tools.map((node) => [node.name, { ai_tool: [[{ node: trigger.name, type: 'ai_tool', index: 0 }]] }])),
	};
}

const lines = linesFromEnv();

describe.each(lines)('Raydocs tools over MCP in real n8n, line %s', (line: N8nLine) => {
	const spec = N8N_HOSTS[line];
	let fake: FakeRaydocs;
	let web: FileHost;
	let host: N8nHost;
	let client: Client;
	let localClient: Client;
	const answers: ToolResult[] = [];

	async function call(name: string, args: Record<string, unknown>, through = client): Promise<ToolResult> {
		const result = (await through.callTool({ name, arguments: args })) as ToolResult;
		answers.push(result);
		return result;
	}

	async function connect(endpoint: string): Promise<Client> {
		await waitForWebhook(endpoint);
		const connected = new Client({ name: 'raydocs-e2e', version: '1.0.0' });
		await connected.connect(new StreamableHTTPClientTransport(new URL(endpoint)));
		return connected;
	}

	// before the host is disposed
	afterAll(async () => {
		await client?.close();
		await localClient?.close();
	});

	const suite = {
		line,
		purpose: 'e2e-mcp',
		announce: `[e2e] MCP tools in n8n ${spec.version}`,
		fake: { timing: FAKE_TIMING },
		credentials: [EXAMPLE_CREDENTIAL],
	};
	useFakeAndN8n(suite, async (started) => {
		({ fake, host } = started);
		web = await startFileHost();
		const workflow = prepareExample(loadExample(MCP_EXAMPLE), {
			filesDir: host.filesDir,
			workspaceId: String(fake.state.seed!.workspaceId),
			templateId: fake.state.seed!.templateId,
		});
		const localFiles = localFilesWorkflow(workflow);
		await host.importWorkflows([workflow, localFiles]);
		await host.activate(workflow.id);
		await host.activate(localFiles.id);
		await host.start();
		client = await connect(`${host.baseUrl}/mcp/raydocs`);
		localClient = await connect(`${host.baseUrl}/mcp/raydocs-local`);
	});

	afterAll(async () => {
		await web?.close();
	});

	const withLogs = async (body: () => Promise<void>) => await host.withLogs(`e2e mcp n8n ${spec.version}`, body);

	it('lists the Raydocs tools with their descriptions and input schemas', async () => {
		await withLogs(async () => {
			const { tools } = await client.listTools();
			const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
			expect(Object.keys(byName).sort()).toEqual([
				'Extract_Document_by_Name',
				'Extract_Document_from_URL',
				'Get_Extraction_Result',
				'List_Documents',
			]);
			expect(byName.List_Documents.description).toBe(automaticDescription('workspaceDocument', 'getAll'));
			// Two tools on one operation would look alike ("Set Automatically"): the example sets these by hand.
			expect(byName.Extract_Document_by_Name.description).toBe(manualDescription('Extract Document by Name'));
			expect(byName.Extract_Document_from_URL.description).toBe(manualDescription('Extract Document from URL'));
			expect(byName.Get_Extraction_Result.description).toBe(automaticDescription('extraction', 'get'));
			const argument = (name: string, description: RegExp) => ({
				type: 'object',
				properties: { [name]: { type: 'string', description: expect.stringMatching(description) } },
				required: [name],
			});
			expect(byName.List_Documents.inputSchema).toMatchObject(argument('search', /file names/));
			expect(byName.Extract_Document_by_Name.inputSchema).toMatchObject(argument('document_name', /File name of a document/));
			expect(byName.Extract_Document_from_URL.inputSchema).toMatchObject(argument('file_url', /http\(s\) address/));
			expect(byName.Get_Extraction_Result.inputSchema).toMatchObject(argument('result_id', /UUID/));
			for (const tool of tools) expect(Object.keys(tool.inputSchema.properties ?? {})).toHaveLength(1);
			if (process.env.RAYDOCS_MCP_TOOLS_README === '1' && line === '2') replaceSection('docs/ai-agents.md', 'mcp-tools', toolsMarkdown(tools));
		});
	});

	it('finds a workspace document and extracts it by name: a compact answer, nothing uploaded', async () => {
		await withLogs(async () => {
			const workspaceId = fake.state.seed!.workspaceId;
			fake.seedWorkspaceDocument(workspaceId, { filename: 'acme-invoice-2026-001.pdf', content: sampleInvoicePdf(), status: 'processed' });
			fake.seedWorkspaceDocument(workspaceId, { filename: 'contract-berlin.pdf', content: '%PDF contract', status: 'processed' });

			const listed = await call('List_Documents', { search: 'acme' });
			expect(listed.isError).toBeFalsy();
			expect(itemsOf(listed).map((document) => document.filename)).toEqual(['acme-invoice-2026-001.pdf']);

			const extracted = await call('Extract_Document_by_Name', { document_name: 'acme-invoice-2026-001.pdf' });
			expect(extracted.isError).toBeFalsy();
			const [result] = itemsOf(extracted);
			expect(Object.keys(result).sort()).toEqual(['invoice_details', 'status', 'vendor']);
			expect(result).toMatchObject({ status: 'completed', invoice_details: { invoice_number: expect.stringMatching(/^INV-/) } });
			expect(fake.log.filter((entry) => entry.listener === 'storage')).toHaveLength(0);
			if (process.env.RAYDOCS_MCP_TOOLS_README === '1' && line === '2') {
				replaceSection('docs/ai-agents.md', 'mcp-answer', ['```json', JSON.stringify(JSON.parse(textOf(extracted)), null, 2), '```'].join('\n'));
			}
		});
	});

	it('refuses a file URL on the private network (127.0.0.1): a tool error naming the address and the option, no request', async () => {
		await withLogs(async () => {
			web.requests.length = 0;
			web.files.set('/internal/report.pdf', { body: sampleInvoicePdf(), contentType: 'application/pdf' });
			const requestsBefore = fake.log.length;
			const refused = await call('Extract_Document_from_URL', { file_url: `${web.url}/internal/report.pdf` });
			expect(refused.isError).toBe(true);
			expect(textOf(refused)).toContain(`File URL ${web.url}/internal/report.pdf points to a private network address: 127.0.0.1 (loopback, 127.0.0.0/8)`);
			expect(web.requests).toEqual([]);
			expect(fake.log.length).toBe(requestsBefore);
		});
	});

	it('with Allow Private Network Addresses on, downloads a file URL without the token and extracts it', async () => {
		await withLogs(async () => {
			web.requests.length = 0;
			web.files.set('/shared/invoice-from-mail.pdf', { body: sampleInvoicePdf(), contentType: 'application/pdf' });
			const extracted = await call('Extract_Local_Document', { file_url: `${web.url}/shared/invoice-from-mail.pdf` }, localClient);
			expect(extracted.isError).toBeFalsy();
			expect(itemsOf(extracted)[0]).toMatchObject({ status: 'completed', vendor: expect.any(Object) });
			expect(web.requests.map((request) => [request.method, request.path, request.headers.authorization])).toEqual([
				['GET', '/shared/invoice-from-mail.pdf', undefined],
			]);
		});
	});

	it('lets no agent turn the option on: a $fromAI() in it is refused, the file is not fetched', async () => {
		await withLogs(async () => {
			web.requests.length = 0;
			web.files.set('/internal/report.pdf', { body: sampleInvoicePdf(), contentType: 'application/pdf' });
			const { tools } = await localClient.listTools();
			const any = tools.find((tool) => tool.name === 'Extract_Any_Document');
			// n8n offers the agent the argument (it builds the schema from every $fromAI), the node refuses it.
			expect(Object.keys(any?.inputSchema.properties ?? {}).sort()).toEqual(['allow_private_network', 'file_url']);
			const refused = await call('Extract_Any_Document', { file_url: `${web.url}/internal/report.pdf`, allow_private_network: true }, localClient);
			expect(refused.isError).toBe(true);
			expect(textOf(refused)).toContain('Allow Private Network Addresses cannot be set by an expression');
			expect(web.requests).toEqual([]);
		});
	});

	it('answers a missing result (404) and a malformed id as tool errors', async () => {
		await withLogs(async () => {
			const missing = randomUUID();
			const notFound = await call('Get_Extraction_Result', { result_id: missing });
			expect(notFound.isError).toBe(true);
			expect(textOf(notFound)).toContain(`could not find extraction result ${missing}`);

			const requestsBefore = fake.log.length;
			const badId = await call('Get_Extraction_Result', { result_id: 'invoice-42' });
			expect(badId.isError).toBe(true);
			expect(textOf(badId)).toContain('Result ID "invoice-42" is not valid');
			expect(fake.log.length).toBe(requestsBefore);
		});
	});

	it('never shows the token: not in tool answers, not in n8n logs; nothing beyond 127.0.0.1', () => {
		expect(answers.length).toBeGreaterThanOrEqual(5);
		expect(JSON.stringify(answers)).not.toContain(fake.token);
		for (const name of readdirSync(host.logsDir)) {
			const text = readFileSync(join(host.logsDir, name), 'utf8');
			expect({ log: name, leaked: text.includes(fake.token) }).toEqual({ log: name, leaked: false });
		}
		expect(web.requests.every((request) => request.headers.authorization === undefined)).toBe(true);
		expect(host.networkAttempts()).toEqual([]);
	});
});
