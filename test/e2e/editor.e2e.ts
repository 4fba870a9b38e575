/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- drives a real n8n and a real browser in tests; never shipped */
/**
 * What a new user sees in n8n's editor, in a real browser: Debian's Chromium driven by
 * playwright-core against n8n 2.x with the package installed like users install it and the fake
 * Raydocs server. Signs in, finds the main job first in the nodes panel, creates and tests the
 * credential, reads every dropdown's descriptions whole, fills Extract Document with the pickers,
 * executes the step, reads the canvas, runs the invoice example on a file Raydocs already holds
 * under another name, and fetches the trigger's test event. Any console error of the editor's own
 * pages fails it. Screenshots go to test-artifacts/editor/ (git-ignored); UPDATE_SCREENSHOTS=1 also
 * refreshes the images in docs/images/.
 * The editor's selectors are its data-test-id attributes (n8n-editor-ui 2.41).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { Raydocs } from '../../nodes/Raydocs/Raydocs.node';
import { RaydocsTrigger } from '../../nodes/RaydocsTrigger/RaydocsTrigger.node';
import { chromiumLaunchOptions, ensureChromium } from '../../scripts/n8n/chromium';
import { INVOICE_EXAMPLE, loadExample, prepareExample, writeExampleFiles, type ExampleFiles } from '../../scripts/n8n/examples';
import type { N8nHost } from '../../scripts/n8n/host';
import { linesFromEnv, N8N_HOSTS, PROJECT_ROOT } from '../../scripts/n8n/hosts';
import { LOCAL_OWNER } from '../../scripts/n8n/rest';
import { sampleInvoicePdf } from '../../scripts/sampleInvoice';
import type { FakeRaydocs } from '../../tools/fake-raydocs/server';
import { api } from '../tools/fake-raydocs/test-helpers';
import { useFakeAndN8n } from '../helpers/realN8nSuite';

const ARTIFACTS_DIR = process.env.E2E_ARTIFACTS_DIR ?? join(PROJECT_ROOT, 'test-artifacts', 'editor');
const IMAGES_DIR = join(PROJECT_ROOT, 'docs', 'images');
/** Screenshot → image in docs/images/, refreshed with UPDATE_SCREENSHOTS=1. */
const IMAGES: Record<string, string> = {
	'nodes-panel.png': 'editor-nodes-panel.png',
	'actions.png': 'editor-actions.png',
	'extract-document-form.png': 'editor-extract-document.png',
	'output-table.png': 'editor-output-table.png',
	'canvas.png': 'editor-canvas.png',
	'trigger.png': 'editor-trigger.png',
};

const FAKE_TIMING = { parseMs: 300, runQueuedMs: 100, runProcessingMs: 400, batchSessionStartMs: 50 };
const TRIGGER_DESCRIPTION = new RaydocsTrigger().description.description;
const NODE = new Raydocs().description;
const RESOURCE_OPTIONS = (NODE.properties.find((property) => property.name === 'resource') as INodeProperties)
	.options as INodePropertyOptions[];
const nameOfResource = (value: string) => RESOURCE_OPTIONS.find((option) => option.value === value)!.name;
const extractDocument = NODE.properties
	.filter((property) => property.name === 'operation')
	.flatMap((property) => property.options as INodePropertyOptions[])
	.find((option) => option.value === 'extractDocument')!;
/** Every subtitle the node can show on the canvas: its expression looks them up in a literal table. */
const SUBTITLES = Object.values(JSON.parse(/^=\{\{ (\{.*\})\[/.exec(String(NODE.subtitle))![1]) as Record<string, string>);

interface ConsoleProblem {
	text: string;
	url: string;
}

const testId = (id: string) => `[data-test-id="${id}"]`;

// The editor test runs on the current line only (n8n 2.x); N8N_LINE=1 skips it.
const describeOn2 = linesFromEnv().includes('2') ? describe : describe.skip;

describeOn2("Raydocs in n8n's editor (Chromium, n8n 2.x)", () => {
	let fake: FakeRaydocs;
	let host: N8nHost;
	let browser: BrowserContext;
	let page: Page;
	let userDataDir: string;
	let signedIn = false;
	let workspaceId: number;
	let templateId: string;
	let documentId: string;
	let exampleFiles: ExampleFiles;
	/** The document Raydocs already holds with the bytes of the example's invoice, under another name. */
	let storedTwin: { id: string; filename: string };
	/** The session Extract Document ran in: the trigger's test event comes from it. */
	let extractedSessionId: string;
	/** Console errors and failed n8n requests while signed in: anything our node could cause. */
	const problems: ConsoleProblem[] = [];

	/**
	 * A screenshot of an element (its top `maxHeight` pixels, from `from`'s top when given), without
	 * n8n's toasts over it.
	 */
	async function screenshot(target: Locator, name: string, maxHeight?: number, from?: Locator): Promise<void> {
		const path = join(ARTIFACTS_DIR, name);
		await page.addStyleTag({ content: '.el-notification { display: none !important; }' });
		const box = await target.boundingBox();
		if (!box) throw new Error(`nothing to take a screenshot of for ${name}`);
		const top = from ? ((await from.boundingBox())?.y ?? box.y) : box.y;
		const bottom = box.y + box.height;
		await page.screenshot({
			path,
			animations: 'disabled',
			clip: { x: box.x, y: top, width: box.width, height: maxHeight ? Math.min(bottom - top, maxHeight) : bottom - top },
		});
		if (process.env.UPDATE_SCREENSHOTS === '1' && IMAGES[name]) {
			mkdirSync(IMAGES_DIR, { recursive: true });
			copyFileSync(path, join(IMAGES_DIR, IMAGES[name]));
		}
	}

	/** Runs a step; on failure keeps a screenshot of the whole page and says where the logs are. */
	async function step(name: string, body: () => Promise<void>): Promise<void> {
		try {
			await body();
		} catch (error) {
			await page.screenshot({ path: join(ARTIFACTS_DIR, `failed-${name}.png`) }).catch(() => undefined);
			process.stderr.write(`\n[editor] step "${name}" failed; screenshots in ${ARTIFACTS_DIR}, n8n logs in ${host?.logsDir}\n`);
			throw error;
		}
	}

	const nodeCreator = () => page.locator(testId('node-creator'));
	const ndv = () => page.locator(testId('ndv'));
	const credentialModal = () => page.locator(testId('editCredential-modal'));
	const locator = (parameter: string) => ndv().locator(testId(`resource-locator-${parameter}`));
	const locatorInput = (parameter: string) => locator(parameter).locator(testId('rlc-input'));
	const listItems = () => page.locator(testId('rlc-item'));
	/** The open dropdown's options (n8n keeps closed ones in the page, hidden). */
	const openOptions = () => page.locator('[role="option"]:visible');
	const canvasNode = (name: string) => page.locator(`${testId('canvas-node')}[data-node-name="${name}"]`);
	/** The parameter's row in the NDV: label, input, hint and issues. */
	const parameterItem = (parameter: string) =>
		ndv().locator(testId('parameter-item')).filter({ has: page.locator(testId(`parameter-input-${parameter}`)) });

	async function searchNodes(text: string): Promise<Locator> {
		await nodeCreator().locator(testId('node-creator-search-bar')).fill(text);
		const entry = nodeCreator()
			.locator(`${testId('node-creator-action-item')}, ${testId('node-creator-node-item')}`)
			.filter({ has: page.locator(testId('node-creator-item-name')).getByText(text, { exact: true }) });
		await entry.first().waitFor();
		return entry.first();
	}

	async function pick(parameter: string, name: string): Promise<void> {
		await locatorInput(parameter).click();
		await listItems().filter({ hasText: name }).first().click();
		await listItems().first().waitFor({ state: 'hidden' });
	}

	async function choose(parameter: string, optionName: string): Promise<void> {
		await ndv().locator(testId(`parameter-input-${parameter}`)).click();
		await openOptions().filter({ has: page.locator('.option-headline', { hasText: new RegExp(`^${optionName}$`) }) }).click();
		await openOptions().first().waitFor({ state: 'hidden' });
	}

	/** The headline of each option of a dropdown whose description n8n cuts off (two lines at most). */
	async function clampedOptions(parameter: string): Promise<string[]> {
		await ndv().locator(testId(`parameter-input-${parameter}`)).click();
		await openOptions().first().waitFor();
		const clamped = await openOptions().evaluateAll((options) =>
			options
				.filter((option) => {
					const description = option.querySelector<HTMLElement>('.option-description');
					return description !== null && description.scrollHeight > description.clientHeight + 1;
				})
				.map((option) => option.querySelector<HTMLElement>('.option-headline')?.innerText ?? ''),
		);
		expect(await openOptions().count()).toBeGreaterThan(1);
		await page.keyboard.press('Escape');
		await openOptions().first().waitFor({ state: 'hidden' });
		return clamped;
	}

	/** The names the Options collection offers to add. */
	async function addableOptions(): Promise<string[]> {
		const add = ndv().locator(`${testId('collection-parameter-add')} >> visible=true`).first();
		await add.scrollIntoViewIfNeeded();
		await add.click();
		const items = page.locator('.el-select-dropdown__item >> visible=true');
		await items.first().waitFor();
		const names = (await items.allInnerTexts()).map((text) => text.trim());
		await page.keyboard.press('Escape');
		return names;
	}

	beforeAll(() => {
		ensureChromium();
		rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
		mkdirSync(ARTIFACTS_DIR, { recursive: true });
	});

	// before the host is disposed
	afterAll(async () => {
		await browser?.close();
		if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
	});

	const suite = { line: '2' as const, purpose: 'editor', announce: `[editor] n8n ${N8N_HOSTS['2'].version}`, fake: { timing: FAKE_TIMING }, timeoutMs: 10 * 60_000 };
	useFakeAndN8n(suite, async (started) => {
		({ fake, host } = started);
		// A workspace of its own, without the seed's emoji icon (no emoji font in a bare Chromium).
		const workspace = fake.seedWorkspace('Acme Finance');
		workspace.icon = '';
		workspaceId = workspace.id;
		templateId = fake.seedTemplate(workspace.id, { name: 'Supplier Invoices', description: 'Invoice number, date, total and vendor' }).id;
		documentId = fake.seedWorkspaceDocument(workspace.id, {
			filename: 'acme-invoice.pdf',
			content: '%PDF-1.4 ACME invoice',
			status: 'processed',
		}).id;
		// The invoice example's file, already in the workspace under another name: Raydocs keeps one
		// document per content, so the example's upload becomes this document.
		exampleFiles = writeExampleFiles(host.filesDir);
		storedTwin = fake.seedWorkspaceDocument(workspace.id, { filename: 'watched-invoice.pdf', content: sampleInvoicePdf(), status: 'processed' });
		await host.start();
		await host.rest(); // sets up the owner the browser signs in as

		userDataDir = mkdtempSync(join(tmpdir(), 'raydocs-chromium-'));
		browser = await chromium.launchPersistentContext(userDataDir, chromiumLaunchOptions());
		const context = browser;
		// Offline: the editor's look-ups elsewhere (the npm registry page of the package) are refused.
		await context.route(
			(url) => !url.href.startsWith(host.baseUrl),
			async (route) => await route.abort('blockedbyclient'),
		);
		page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(20_000);
		page.on('console', (message) => {
			const url = message.location().url ?? '';
			// Errors about requests to other hosts are the refused look-ups above, not ours.
			if (signedIn && message.type() === 'error' && (url === '' || url.startsWith(host.baseUrl)) && !isSchemaPreviewProbe(url)) {
				problems.push({ text: message.text(), url });
			}
		});
		page.on('pageerror', (error) => {
			if (signedIn) problems.push({ text: `uncaught: ${error.message}`, url: page.url() });
		});
		page.on('response', (response) => {
			if (signedIn && response.status() >= 400 && response.url().startsWith(host.baseUrl) && !isSchemaPreviewProbe(response.url(), response.status())) {
				problems.push({ text: `HTTP ${response.status()}`, url: response.url() });
			}
		});
	});

	it('signs in as the owner', async () => {
		await step('sign-in', async () => {
			await page.goto(`${host.baseUrl}/signin`);
			await page.locator('input[name="emailOrLdapLoginId"]').fill(LOCAL_OWNER.email);
			await page.locator('input[name="password"]').fill(LOCAL_OWNER.password);
			await page.locator(testId('form-submit-button')).click();
			await page.waitForURL((url) => !url.pathname.includes('signin'));
			signedIn = true;
		});
	});

	it('shows one Raydocs entry in the nodes panel, whose actions start with Extraction and Extract document', async () => {
		await step('nodes-panel', async () => {
			await page.goto(`${host.baseUrl}/workflow/new`);
			await page.locator(testId('canvas-add-button')).click();
			const asTrigger = await searchNodes('Raydocs');
			await expectText(asTrigger.locator(testId('node-creator-item-description')), TRIGGER_DESCRIPTION);
			await screenshot(nodeCreator(), 'nodes-panel.png', 260);
			await asTrigger.click();
			await nodeCreator().getByText('On extraction completed', { exact: true }).waitFor();
			await nodeCreator().getByText('On workflow run completed', { exact: true }).waitFor();
			await page.keyboard.press('Escape');

			await page.locator(testId('canvas-add-button')).click();
			await (await searchNodes('Manual Trigger')).click();
			await page.locator(testId('canvas-handle-plus')).click();
			const asAction = await searchNodes('Raydocs');
			await nodeCreator().getByText('What happens next?').waitFor();
			await expectText(asAction.locator(testId('node-creator-item-description')), TRIGGER_DESCRIPTION);
			await asAction.click();
			const main = nodeCreator().getByText(extractDocument.action!, { exact: true });
			await main.waitFor();
			// The list as the panel renders it when it opens (the rest comes on scrolling): group labels
			// ("EXTRACTION ACTIONS") and the actions under them.
			const entries = (await nodeCreator().locator(testId('item-iterator-item')).allInnerTexts()).map((text) => text.trim());
			const labels = entries.filter((entry) => /^[A-Z ]+ ACTIONS$/.test(entry));
			expect(labels[0]).toBe(`${nameOfResource('extraction')} actions`.toUpperCase());
			// Third of the first group, on screen when the panel opens.
			const [first, second, position] = [labels[0], labels[1], extractDocument.action!].map((entry) => entries.indexOf(entry));
			expect(position).toBeGreaterThan(first);
			expect(position).toBeLessThan(second);
			expect(position - first).toBeLessThanOrEqual(3);
			expect(await main.isVisible()).toBe(true);
			// The main job is named as the README names it.
			expect(extractDocument.name).toBe('Extract Document');
			expect(extractDocument.action!.toLowerCase()).toBe('extract document');
			await screenshot(nodeCreator(), 'actions.png', 300, nodeCreator().locator(testId('node-creator-category-item')).first());
			await main.click();
			await ndv().waitFor();
		});
	});

	it('creates the credential: a wrong token is named as such, the right one connects', async () => {
		await step('credential', async () => {
			// With no Raydocs credential yet the slot offers "Connect to Raydocs", which opens a new one.
			await ndv().locator(testId('node-credentials-slot')).getByText('Connect to Raydocs').click();
			const modal = credentialModal();
			await modal.locator(`${testId('parameter-input-accessToken')} input`).fill('rd_test_not-a-real-token');
			await modal.locator(`${testId('parameter-input-baseUrl')} input`).fill(fake.url);
			await modal.locator(testId('credential-save-button')).click();
			await modal.getByText('More details').click();
			await modal.getByText('Raydocs rejected the access token: it is invalid, expired or revoked').waitFor();

			await modal.locator(`${testId('parameter-input-accessToken')} input`).fill(fake.token);
			const testsBefore = fake.log.length;
			await modal.locator(testId('credential-save-button')).click();
			// A new credential whose test passes is saved and the dialog closes by itself.
			await modal.waitFor({ state: 'hidden' });
			await expectText(ndv().locator(`${testId('node-credentials-select')} input`), 'Raydocs account', 'value');
			const tested = fake.log.slice(testsBefore).filter((entry) => entry.method === 'GET' && entry.path === '/workspaces');
			expect(tested.map((entry) => entry.status)).toEqual([200]);
		});
	});

	it('shows every resource and operation description whole in its dropdown', async () => {
		await step('descriptions', async () => {
			expect(await clampedOptions('resource')).toEqual([]);
			const cut: Record<string, string[]> = {};
			for (const resource of RESOURCE_OPTIONS) {
				await choose('resource', resource.name);
				const clamped = await clampedOptions('operation');
				if (clamped.length) cut[resource.name] = clamped;
			}
			expect(cut).toEqual({});
			// Back to the main job: Extraction opens on Extract Document.
			await choose('resource', nameOfResource('extraction'));
			await expectText(ndv().locator(`${testId('parameter-input-operation')} input`), 'Extract Document', 'value');
		});
	});

	it('fills Extract Document from the pickers, each saying why it is empty and each mode taking the ID', async () => {
		await step('pickers', async () => {
			// Without a workspace the template list says what to do, and choosing that line chooses nothing.
			const [templates] = await Promise.all([
				page.waitForResponse((response) => response.url().includes('/rest/dynamic-node-parameters/resource-locator-results')),
				locatorInput('templateId').click(),
			]);
			expect(templates.status()).toBe(200);
			await expectText(listItems().first(), 'Choose a workspace above to list its templates');
			expect(await listItems().count()).toBe(1);
			await listItems().first().click();
			await listItems().first().waitFor({ state: 'hidden' });
			expect(await locatorInput('templateId').inputValue()).toBe('');

			await pick('workspaceId', 'Acme Finance');
			await pick('templateId', 'Supplier Invoices');
			// "By URL" takes the ID n8n carries over from the list, without flagging it.
			await locator('templateId').locator(testId('rlc-mode-selector')).click();
			await openOptions().filter({ hasText: /^By URL$/ }).click();
			await waitUntil(async () => (await locatorInput('templateId').inputValue()) === templateId, 'the ID in By URL');
			await locatorInput('templateId').blur();
			expect(await parameterItem('templateId').locator(testId('parameter-issues')).count()).toBe(0);
			await locator('templateId').locator(testId('rlc-mode-selector')).click();
			await openOptions().filter({ hasText: /^From list$/ }).click();
			await pick('templateId', 'Supplier Invoices');

			// Input Binary Fields: one line of help under the field, no tooltip saying it again.
			const binaryFields = parameterItem('binaryPropertyName');
			await binaryFields.getByText('The name of the input binary field(s) holding the file(s), separated by commas').waitFor();
			expect(await binaryFields.locator('[data-icon="circle-help"]').count()).toBe(0);
			// Keep Input Files is offered where the input item's files are the input, and only there.
			expect(await addableOptions()).toContain('Keep Input Files');
			await choose('inputSource', 'Workspace Documents');
			expect(await addableOptions()).not.toContain('Keep Input Files');

			await pick('documents', 'acme-invoice.pdf');
			// Back to the top of the form (listing the options scrolled it down).
			await ndv()
				.locator(testId('parameter-input-resource'))
				.evaluate((field) => {
					for (let element: Element | null = field; element; element = element.parentElement) element.scrollTop = 0;
				});
			await screenshot(ndv().locator(testId('node-parameters')), 'extract-document-form.png');
		});
	});

	it('executes the step and shows the extracted values in the output table', async () => {
		await step('execute', async () => {
			await ndv().locator(testId('node-execute-button')).click();
			const output = ndv().locator(testId('output-panel'));
			await output.locator(testId('node-run-status-success')).waitFor({ timeout: 60_000 });
			const row = await firstTableRow(output, 'invoice_details.invoice_number');
			expect(Object.keys(row)).toEqual(expect.arrayContaining(['result_id', 'session_id', 'status', 'invoice_details.invoice_number']));
			expect(row.status).toBe('completed');
			expect(row['invoice_details.invoice_number']).toMatch(/^INV-[0-9A-F]{6}$/);
			// Give the output the room the input panel (empty here) takes, for a readable table.
			const divider = await ndv().locator(testId('panel-drag-button')).boundingBox();
			if (divider) {
				await page.mouse.move(divider.x + divider.width / 2, divider.y + divider.height / 2);
				await page.mouse.down();
				await page.mouse.move(divider.x - 330, divider.y + divider.height / 2, { steps: 8 });
				await page.mouse.up();
			}
			// Scrolled to the extracted values: the ids, status and title come first and fill the width.
			await output
				.locator('table th')
				.filter({ hasText: 'invoice_details.invoice_number' })
				.first()
				.evaluate((cell) => cell.scrollIntoView({ inline: 'start', block: 'nearest' }));
			await screenshot(output, 'output-table.png', 260);
			const attached = fake.log.find((entry) => entry.path.endsWith('/documents/attach'));
			expect(attached?.body).toEqual({ document_ids: [documentId] });
			extractedSessionId = row.session_id;
		});
	});

	it('shows the operation on the canvas under the node, whole, without repeating the node name', async () => {
		await step('canvas', async () => {
			await page.keyboard.press('Escape');
			await ndv().waitFor({ state: 'hidden' });
			// n8n names a node added from the actions list after its action.
			const node = canvasNode(extractDocument.action!);
			const subtitle = node.locator('[class*="subtitle"]');
			await expectText(subtitle, `${nameOfResource('extraction')}: Extract Document`);
			const fits = await subtitle.evaluate((element, texts) => {
				const context = document.createElement('canvas').getContext('2d')!;
				context.font = getComputedStyle(element).font;
				return {
					shown: element.scrollWidth <= element.clientWidth,
					tooWide: texts.filter((text) => context.measureText(text).width > element.clientWidth),
				};
			}, SUBTITLES);
			// This subtitle, and every other one the node has, fits the line n8n gives it.
			expect(fits).toEqual({ shown: true, tooWide: [] });
			// The two nodes with their names and subtitles, and some canvas around them.
			const boxes = await page.locator(testId('canvas-node')).evaluateAll((nodes) =>
				nodes
					.flatMap((node) => [node, ...Array.from(node.querySelectorAll('[class*="_label_"], [class*="_subtitle_"]'))])
					.map((element) => element.getBoundingClientRect())
					.map(({ left, top, right, bottom }) => ({ left, top, right, bottom })),
			);
			const [left, top] = [Math.min(...boxes.map((box) => box.left)) - 24, Math.min(...boxes.map((box) => box.top)) - 24];
			const [right, bottom] = [Math.max(...boxes.map((box) => box.right)) + 24, Math.max(...boxes.map((box) => box.bottom)) + 16];
			await page.screenshot({
				path: join(ARTIFACTS_DIR, 'canvas.png'),
				animations: 'disabled',
				clip: { x: left, y: top, width: right - left, height: bottom - top },
			});
			if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(join(ARTIFACTS_DIR, 'canvas.png'), join(IMAGES_DIR, IMAGES['canvas.png']));
		});
	});

	it('runs the invoice example: the row names the file given, though Raydocs holds its bytes under another name', async () => {
		await step('invoice-example', async () => {
			const rest = await host.rest();
			const credentials = await rest.request<{ data: Array<{ id: string; name: string; type: string }> }>('GET', '/rest/credentials');
			const credential = credentials.body.data.find((entry) => entry.type === 'raydocsApi')!;
			const workflow = prepareExample(loadExample(INVOICE_EXAMPLE), {
				filesDir: host.filesDir,
				workspaceId: String(workspaceId),
				templateId,
				credential: { id: credential.id, name: credential.name },
			});
			// n8n gives the workflow an id of its own; the example's stays free.
			const created = await rest.request<{ data: { id: string } }>('POST', '/rest/workflows', { ...workflow, id: undefined });
			expect(created.status).toBe(200);

			await page.goto(`${host.baseUrl}/workflow/${created.body.data.id}`);
			await canvasNode('Sheet Row').waitFor();
			await page.locator(testId('execute-workflow-button')).first().click();
			// Opened after the run: before it, n8n would look for a schema preview of Extract Invoice
			// (an optional /schemas/… file the package does not ship, answered 404).
			await canvasNode('Sheet Row').locator(testId('canvas-node-status-success')).waitFor({ timeout: 60_000 });
			await canvasNode('Sheet Row').dblclick();
			const output = ndv().locator(testId('output-panel'));
			await output.locator(testId('node-run-status-success')).waitFor({ timeout: 60_000 });
			expect((await firstTableRow(output, 'source_files')).source_files).toBe('acme-invoice-2026-001.pdf');
			// The row carries the invoice itself, as Extract Document keeps the input file.
			await output.locator(testId('radio-button-binary')).click();
			await output.getByText('acme-invoice-2026-001.pdf', { exact: true }).waitFor();
			await page.keyboard.press('Escape');

			// Raydocs did reuse its document: the session holds it, under the name it was stored with.
			const session = [...fake.state.sessions.values()].find((candidate) => candidate.name === 'acme-invoice-2026-001.pdf')!;
			expect(session.documentIds).toEqual([storedTwin.id]);
			expect(fake.state.documents.get(storedTwin.id)?.filename).toBe('watched-invoice.pdf');
			expect(exampleFiles.invoice.endsWith('acme-invoice-2026-001.pdf')).toBe(true);
		});
	});

	it('the trigger marks its required field and fetches a test event once it is filled', async () => {
		await step('trigger', async () => {
			await page.goto(`${host.baseUrl}/workflow/new`);
			await page.locator(testId('canvas-add-button')).click();
			await (await searchNodes('Raydocs')).click();
			await nodeCreator().getByText('On extraction completed', { exact: true }).click();
			await ndv().waitFor();
			const fetchTestEvent = ndv().locator(testId('node-execute-button')).first();
			await expectText(fetchTestEvent, 'Fetch Test Event');
			// n8n shows no asterisk; the hint under Session IDs says it is required.
			await parameterItem('sessionIds').getByText('Required: the session_id of each session to watch, separated by commas').waitFor();
			expect(await fetchTestEvent.isDisabled()).toBe(true);
			await fetchTestEvent.hover();
			await page.getByText('Complete required fields first').waitFor();

			const sessionIds = ndv().locator(`${testId('parameter-input-sessionIds')} input`);
			// A session without a finished run: the answer names the operation that gives it one.
			await sessionIds.fill(await newSession(templateId));
			await waitUntil(async () => !(await fetchTestEvent.isDisabled()), 'Fetch Test Event enabled');
			await fetchTestEvent.click();
			const output = ndv().locator(testId('output-panel'));
			await expectText(output.locator(testId('node-error-message')), 'No finished extraction yet in the watched sessions');
			await output.locator(testId('node-error-description')).getByText(/Extraction → Run, with that session ID/).waitFor();

			await sessionIds.fill(extractedSessionId);
			await fetchTestEvent.click();
			await output.locator(testId('node-run-status-success')).waitFor({ timeout: 30_000 });
			const row = await firstTableRow(output, 'session_id');
			expect(row.session_id).toBe(extractedSessionId);
			expect(row.status).toBe('completed');
			expect(row.documents).toContain('acme-invoice.pdf');
			await screenshot(ndv(), 'trigger.png', 560);
		});
	});

	it('caused no console error in the editor', () => {
		expect(problems).toEqual([]);
	});

	/** A session of the template with no run yet, made through the fake's API. */
	async function newSession(template: string): Promise<string> {
		const session = await api<{ id: string }>(fake, 'POST', '/extractions/sessions', {
			body: { extraction_template_id: template, name: 'Watched, no run yet' },
		});
		expect(session.status).toBe(201);
		return session.body.id;
	}
});

/**
 * n8n 2.41's NDV asks for an optional schema preview of the nodes before the one it opens
 * (`/schemas/<node type>/<version>/<resource>/<operation>.json`, RunData's getSchemaPreview) and
 * takes a 404 as "none"; the package ships no `__schema__` files, so Chromium logs that 404.
 */
function isSchemaPreviewProbe(url: string, status = 404): boolean {
	return status === 404 && /\/schemas\/n8n-nodes-raydocs\.raydocs\/[^/]+\/[^/]+\/[^/]+\.json$/.test(new URL(url, 'http://x').pathname);
}

/** Polls `condition` every 100 ms for up to 10 s. */
async function waitUntil(condition: () => Promise<boolean>, what: string): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`waited 10 s for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** The first row of an output panel's table by column name, once `column` is shown. */
async function firstTableRow(output: Locator, column: string): Promise<Record<string, string>> {
	const radioTable = output.locator('[data-test-id="radio-button-table"]');
	if (await radioTable.count()) await radioTable.click();
	await output.locator('table th').filter({ hasText: column }).first().waitFor();
	const headers = (await output.locator('table th').allInnerTexts()).map((text) => text.trim());
	const cells = (await output.locator('table tbody tr').first().locator('td').allInnerTexts()).map((text) => text.trim());
	return Object.fromEntries(headers.map((header, index) => [header, cells[index]]));
}

/** Waits until the element shows exactly this text (whitespace-trimmed), or holds it as its value. */
async function expectText(target: Locator, text: string, what: 'text' | 'value' = 'text'): Promise<void> {
	await target.waitFor({ state: what === 'text' ? 'visible' : 'attached' });
	expect((what === 'text' ? await target.innerText() : await target.inputValue()).trim()).toBe(text);
}
