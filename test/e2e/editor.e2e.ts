/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- drives a real n8n and a real browser in tests; never shipped */
/**
 * What a new user sees in n8n's editor, in a real browser: Debian's Chromium driven by
 * playwright-core against n8n 2.x with the package installed like users install it and the fake
 * Raydocs server. Signs in, finds the nodes in the nodes panel, creates and tests the credential,
 * fills Extract Document with the pickers, executes the step and reads the output table. Any
 * console error of the editor's own pages fails it. Screenshots go to test-artifacts/editor/
 * (git-ignored); UPDATE_SCREENSHOTS=1 also refreshes the README's images in docs/images/.
 * The editor's selectors are its data-test-id attributes (n8n-editor-ui 2.41).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { RaydocsTrigger } from '../../nodes/RaydocsTrigger/RaydocsTrigger.node';
import { chromiumLaunchOptions, ensureChromium } from '../../scripts/n8n/chromium';
import type { N8nHost } from '../../scripts/n8n/host';
import { linesFromEnv, N8N_HOSTS, PROJECT_ROOT } from '../../scripts/n8n/hosts';
import { LOCAL_OWNER } from '../../scripts/n8n/rest';
import type { FakeRaydocs } from '../../tools/fake-raydocs/server';
import { useFakeAndN8n } from '../helpers/realN8nSuite';

const ARTIFACTS_DIR = process.env.E2E_ARTIFACTS_DIR ?? join(PROJECT_ROOT, 'test-artifacts', 'editor');
const README_IMAGES_DIR = join(PROJECT_ROOT, 'docs', 'images');
/** Screenshot → README image, refreshed with UPDATE_SCREENSHOTS=1. */
const README_IMAGES: Record<string, string> = {
	'nodes-panel.png': 'editor-nodes-panel.png',
	'extract-document-form.png': 'editor-extract-document.png',
	'output-table.png': 'editor-output-table.png',
};

const FAKE_TIMING = { parseMs: 300, runQueuedMs: 100, runProcessingMs: 400, batchSessionStartMs: 50 };
const TRIGGER_DESCRIPTION = new RaydocsTrigger().description.description;

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
	let documentId: string;
	/** Console errors and failed n8n requests while signed in: anything our node could cause. */
	const problems: ConsoleProblem[] = [];

	/** A screenshot of an element (its top `maxHeight` pixels), without n8n's toasts over it. */
	async function screenshot(target: Locator, name: string, maxHeight?: number): Promise<void> {
		const path = join(ARTIFACTS_DIR, name);
		await page.addStyleTag({ content: '.el-notification { display: none !important; }' });
		const box = await target.boundingBox();
		if (!box) throw new Error(`nothing to take a screenshot of for ${name}`);
		await page.screenshot({
			path,
			animations: 'disabled',
			clip: { x: box.x, y: box.y, width: box.width, height: maxHeight ? Math.min(box.height, maxHeight) : box.height },
		});
		if (process.env.UPDATE_SCREENSHOTS === '1' && README_IMAGES[name]) {
			mkdirSync(README_IMAGES_DIR, { recursive: true });
			copyFileSync(path, join(README_IMAGES_DIR, README_IMAGES[name]));
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
	const locatorInput = (parameter: string) => ndv().locator(`${testId(`resource-locator-${parameter}`)} ${testId('rlc-input')}`);
	const listItems = () => page.locator(testId('rlc-item'));

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
		fake.seedTemplate(workspace.id, { name: 'Supplier Invoices', description: 'Invoice number, date, total and vendor' });
		documentId = fake.seedWorkspaceDocument(workspace.id, {
			filename: 'acme-invoice.pdf',
			content: '%PDF-1.4 ACME invoice',
			status: 'processed',
		}).id;
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
			if (signedIn && message.type() === 'error' && (url === '' || url.startsWith(host.baseUrl))) {
				problems.push({ text: message.text(), url });
			}
		});
		page.on('pageerror', (error) => {
			if (signedIn) problems.push({ text: `uncaught: ${error.message}`, url: page.url() });
		});
		page.on('response', (response) => {
			if (signedIn && response.status() >= 400 && response.url().startsWith(host.baseUrl)) {
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

	it('shows one Raydocs entry in the nodes panel, with the triggers and the actions', async () => {
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
			await nodeCreator().getByText('Export an extraction result as an xlsx spreadsheet', { exact: true }).waitFor();
			await nodeCreator().getByText('Extract data from a document and wait', { exact: true }).click();
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

	it('fills Extract Document from the pickers: workspace, template, workspace document', async () => {
		await step('pickers', async () => {
			// Without a workspace the template list answers empty, not with an error.
			const [templates] = await Promise.all([
				page.waitForResponse((response) => response.url().includes('/rest/dynamic-node-parameters/resource-locator-results')),
				locatorInput('templateId').click(),
			]);
			expect(templates.status()).toBe(200);
			expect(await templates.json()).toMatchObject({ data: { results: [] } });
			expect(await listItems().count()).toBe(0);
			await page.keyboard.press('Escape');

			await pick('workspaceId', 'Acme Finance');
			await pick('templateId', 'Supplier Invoices');
			await ndv().locator(testId('parameter-input-inputSource')).click();
			await page.getByRole('option', { name: /Workspace Documents/ }).click();
			await pick('documents', 'acme-invoice.pdf');
			await screenshot(ndv().locator(testId('node-parameters')), 'extract-document-form.png');
		});
	});

	it('executes the step and shows the extracted values in the output table', async () => {
		await step('execute', async () => {
			await ndv().locator(testId('node-execute-button')).click();
			const output = ndv().locator(testId('output-panel'));
			await output.locator(testId('node-run-status-success')).waitFor({ timeout: 60_000 });
			const radioTable = output.locator(testId('radio-button-table'));
			if (await radioTable.count()) await radioTable.click();
			const headers = (await output.locator('table th').allInnerTexts()).map((text) => text.trim());
			expect(headers).toEqual(expect.arrayContaining(['result_id', 'session_id', 'status', 'invoice_details.invoice_number']));
			const row = (await output.locator('table tbody tr').first().locator('td').allInnerTexts()).map((text) => text.trim());
			expect(row[headers.indexOf('status')]).toBe('completed');
			expect(row[headers.indexOf('invoice_details.invoice_number')]).toMatch(/^INV-[0-9A-F]{6}$/);
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
		});
	});

	it('caused no console error in the editor', () => {
		expect(problems).toEqual([]);
	});
});

/** Waits until the element shows exactly this text (whitespace-trimmed), or holds it as its value. */
async function expectText(target: Locator, text: string, what: 'text' | 'value' = 'text'): Promise<void> {
	await target.waitFor({ state: what === 'text' ? 'visible' : 'attached' });
	expect((what === 'text' ? await target.innerText() : await target.inputValue()).trim()).toBe(text);
}
