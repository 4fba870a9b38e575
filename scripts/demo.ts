/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- runs in Node for tests and tooling; never shipped (package.json "files") */
/**
 * The README's first command: extracts an invoice with the Raydocs node, run by n8n's own execution
 * engine, against the bundled fake Raydocs server (or the real API when RAYDOCS_TOKEN is set), and
 * prints the extracted data as a table.
 */
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'silent';

import type { INodeExecutionData } from 'n8n-workflow';

import { Raydocs } from '../nodes/Raydocs/Raydocs.node';
import { startFakeRaydocs } from '../test/fake-raydocs/server';
import { runNode, type RaydocsCredentialData } from '../test/harness/engine';
import { sampleInvoicePdf } from './sampleInvoice';

function printTable(rows: Array<[string, unknown]>): void {
	const width = Math.max(...rows.map(([key]) => key.length));
	for (const [key, value] of rows) {
		console.log(`  ${key.padEnd(width)}  ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
	}
}

async function main(): Promise<void> {
	const realToken = process.env.RAYDOCS_TOKEN;
	const fake = realToken ? undefined : await startFakeRaydocs({ timing: { parseMs: 400, runQueuedMs: 200, runProcessingMs: 800 } });
	const credentials: RaydocsCredentialData = realToken
		? { accessToken: realToken, baseUrl: process.env.RAYDOCS_BASE_URL ?? 'https://api.raydocs.com' }
		: { accessToken: fake!.token, baseUrl: fake!.url };
	console.log(realToken ? `Raydocs API: ${credentials.baseUrl}` : `Fake Raydocs server: ${fake!.url} (embedded default; set RAYDOCS_TOKEN to use the real API)`);

	const node = new Raydocs();
	try {
		const workspaces = await runNode({
			nodeType: node,
			credentials,
			parameters: { resource: 'workspace', operation: 'getAll', returnAll: true },
		});
		if (workspaces.error) throw workspaces.error;
		console.log(`\nWorkspaces (${workspaces.items.length}):`);
		for (const item of workspaces.items) console.log(`  #${item.json.id}  ${item.json.name}`);

		const templateId = realToken ? process.env.RAYDOCS_TEMPLATE_ID : fake!.state.seed!.templateId;
		if (!templateId) {
			console.log('\nSet RAYDOCS_TEMPLATE_ID to a template UUID to run an extraction against the real API.');
			return;
		}
		const invoice = sampleInvoicePdf();
		const input: INodeExecutionData[] = [
			{
				json: { source: 'demo' },
				binary: {
					data: {
						data: invoice.toString('base64'),
						mimeType: 'application/pdf',
						fileName: 'acme-invoice-2026-001.pdf',
						fileExtension: 'pdf',
						bytes: invoice.length,
					},
				},
			},
		];
		console.log('\nExtract Document: uploading acme-invoice-2026-001.pdf and waiting for the result...');
		const started = Date.now();
		const extraction = await runNode({
			nodeType: node,
			credentials,
			input,
			parameters: {
				resource: 'extraction',
				operation: 'extractDocument',
				templateId: { __rl: true, mode: 'id', value: templateId },
				inputSource: 'binary',
				allBinaries: false,
				binaryPropertyName: 'data',
				simplify: true,
				fieldLayout: 'flat',
				options: { pollInterval: 0.5, timeout: 120 },
			},
		});
		if (extraction.error) throw extraction.error;
		console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
		printTable(Object.entries(extraction.items[0].json));
		if (fake) {
			const apiCalls = fake.log.filter((entry) => entry.listener === 'api').length;
			console.log(`\n${apiCalls} Raydocs API requests in all; the storage upload carried no token: ${fake.state.storageAuthLeaks === 0}`);
		}
	} finally {
		await fake?.close();
	}
}

main().catch((error: Error & { description?: string }) => {
	console.error(`\nDemo failed: ${error.message}${error.description ? `\n${error.description}` : ''}`);
	process.exit(1);
});
