/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test tooling for the example workflows; never shipped */
/**
 * The workflows in examples/ are written for users: files under n8n 2.x's default readable folder
 * (/home/node/.n8n-files in the Docker image), the template and workspace left for the user to pick,
 * and the credential "Raydocs account". `prepareExample` fills exactly those blanks so that the
 * demo, `npm run dev` and the e2e suite run the very same files.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import { sampleInvoicePdf } from '../sampleInvoice';
import type { WorkflowJson } from './host';
import { PROJECT_ROOT } from './hosts';

export const EXAMPLES_DIR = join(PROJECT_ROOT, 'examples');

/** The folder the examples read from: the default N8N_RESTRICT_FILE_ACCESS_TO of n8n 2.x in Docker. */
export const EXAMPLE_FILES_ROOT = '/home/node/.n8n-files/';

/** The credential every example names; examples/credentials/raydocs-account.json creates it. */
export const EXAMPLE_CREDENTIAL = { id: 'raydocsAccount01', name: 'Raydocs account' };

/** The example the demo runs. */
export const INVOICE_EXAMPLE = 'extract-invoice-from-email.json';

/** The example that starts from the Raydocs Trigger: it runs when activated, not with `n8n execute`. */
export const TRIGGER_EXAMPLE = 'trigger-extraction-completed.json';

/** The example that writes a PostgreSQL row per completed extraction: activated, like TRIGGER_EXAMPLE. */
export const TRIGGER_POSTGRES_EXAMPLE = 'trigger-extraction-to-postgres.json';

/** The credential the PostgreSQL examples name; examples/credentials/postgres-account.json creates it. */
export const POSTGRES_CREDENTIAL = { id: 'postgresAccount01', name: 'Postgres account' };

/** The tables the PostgreSQL examples write to, created by the user (and the tests) from this file. */
export const POSTGRES_TABLES_SQL = join(EXAMPLES_DIR, 'postgres', 'raydocs-tables.sql');

/** Where the spreadsheet example writes its file, relative to the examples' files folder. */
export const SPREADSHEET_OUTPUT = 'raydocs-extractions.xlsx';

/** The example that exposes Raydocs tools through an MCP Server Trigger: activated, then called by an MCP client. */
export const MCP_EXAMPLE = 'ai-agent-tools-mcp.json';

/** Node types of this package, whatever prefix n8n gives them. */
const RAYDOCS_TYPE = /^(n8n-nodes-raydocs|CUSTOM)\.(raydocs\w*)$/;

export interface ExampleContext {
	/** Replaces EXAMPLE_FILES_ROOT in file paths. */
	filesDir: string;
	/** Fills blank workspace pickers; examples that need none can leave it out. */
	workspaceId?: string;
	/** Fills blank template pickers. */
	templateId?: string;
	/** Fills a blank Session IDs field of the trigger. */
	sessionIds?: string;
	credential?: { id: string; name: string };
	/** 'CUSTOM' when the package is loaded through N8N_CUSTOM_EXTENSIONS. */
	nodeTypePrefix?: string;
}

/** examples/*.json, sorted. */
export function exampleFiles(): string[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort();
}

/** The examples that start from a Manual Trigger, so that `n8n execute` can run them. */
export function manualExampleFiles(): string[] {
	return exampleFiles().filter((file) => loadExample(file).nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger'));
}

export function loadExample(file: string): WorkflowJson {
	return JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
}

interface ResourceLocatorValue {
	__rl: true;
	mode: string;
	value: string;
}

function isBlankLocator(value: unknown): value is ResourceLocatorValue {
	return typeof value === 'object' && value !== null && (value as ResourceLocatorValue).__rl === true && (value as ResourceLocatorValue).value === '';
}

/** A copy of the example with the user's blanks filled from `context`. */
export function prepareExample(workflow: WorkflowJson, context: ExampleContext): WorkflowJson {
	const prepared = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	const filesRoot = context.filesDir.endsWith('/') ? context.filesDir : `${context.filesDir}/`;
	for (const node of prepared.nodes) {
		if (node.type === 'n8n-nodes-base.readWriteFile') {
			// fileSelector when reading, fileName when writing
			for (const name of ['fileSelector', 'fileName']) {
				const path = node.parameters[name];
				if (typeof path === 'string') node.parameters[name] = path.split(EXAMPLE_FILES_ROOT).join(filesRoot);
			}
		}
		const raydocsType = RAYDOCS_TYPE.exec(node.type);
		if (!raydocsType) continue;
		if (context.nodeTypePrefix) node.type = `${context.nodeTypePrefix}.${raydocsType[2]}`;
		const picks: Record<string, string | undefined> = { workspaceId: context.workspaceId, templateId: context.templateId };
		for (const [name, value] of Object.entries(picks)) {
			if (value !== undefined && isBlankLocator(node.parameters[name])) node.parameters[name] = { __rl: true, mode: 'id', value };
		}
		if (context.sessionIds !== undefined && node.parameters.sessionIds === '') node.parameters.sessionIds = context.sessionIds;
		if (context.credential) node.credentials = { raydocsApi: context.credential };
	}
	return prepared;
}

export interface ExampleFiles {
	invoice: string;
	documents: string[];
}

/**
 * The files the examples read, under `filesDir` as under /home/node/.n8n-files: one invoice in
 * invoices/ (the email stand-in) and three scans in documents/ (the batch folder). Each file has
 * different bytes, so Raydocs (and the fake, which derives values from the sha256) sees three
 * different documents.
 */
export function writeExampleFiles(filesDir: string): ExampleFiles {
	const invoice = sampleInvoicePdf();
	mkdirSync(join(filesDir, 'invoices'), { recursive: true });
	mkdirSync(join(filesDir, 'documents'), { recursive: true });
	const invoicePath = join(filesDir, 'invoices', 'acme-invoice-2026-001.pdf');
	writeFileSync(invoicePath, invoice);
	const documents = [1, 2, 3].map((index) => {
		const path = join(filesDir, 'documents', `scan-0${index}.pdf`);
		writeFileSync(path, Buffer.concat([invoice, Buffer.from(`% scan ${index}\n`)]));
		return path;
	});
	return { invoice: invoicePath, documents };
}
