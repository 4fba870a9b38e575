/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- test tooling that drives a real n8n and a browser; never shipped */
/**
 * `npm run docs:examples`: the pictures of examples/README.md and docs/n8n3.md, taken in n8n 2.x's
 * editor with Debian's Chromium (playwright-core), the package installed by hand in ~/.n8n/nodes and
 * n8n started with N8N_UNVERIFIED_PACKAGES_ENABLED=false (n8n 3's default):
 * - docs/images/example-<file>.png: each examples/*.json imported and opened on the canvas;
 * - docs/images/n8n3-community-nodes.png and n8n3-install-refused.png: Settings → Community nodes,
 *   and what its Install dialog answers for this package.
 * It prints what the editor said, for docs/n8n3.md.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { chromium, type Page } from 'playwright-core';

import { chromiumLaunchOptions, ensureChromium } from './chromium';
import { installPackage } from './communityPackage';
import { EXAMPLE_CREDENTIAL, exampleFiles, loadExample, POSTGRES_CREDENTIAL, prepareExample } from './examples';
import { N8nHost } from './host';
import { ensureInstalled, PROJECT_ROOT } from './hosts';
import { LOCAL_OWNER } from './rest';

const IMAGES = join(PROJECT_ROOT, 'docs', 'images');
const testId = (id: string) => `[data-test-id="${id}"]`;

async function signIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"]').fill(LOCAL_OWNER.email);
	await page.locator('input[name="password"]').fill(LOCAL_OWNER.password);
	await page.locator(testId('form-submit-button')).click();
	await page.waitForURL((url) => !url.pathname.includes('signin'));
}

async function main(): Promise<void> {
	ensureChromium();
	await ensureInstalled('2');
	const host = await N8nHost.create({ line: '2', purpose: 'docs-examples', env: { N8N_UNVERIFIED_PACKAGES_ENABLED: 'false' } });
	const userDataDir = mkdtempSync(join(tmpdir(), 'raydocs-chromium-'));
	try {
		console.log(`[docs] run folder ${host.runDir}`);
		await installPackage(host);
		await host.importCredentials([
			{ ...EXAMPLE_CREDENTIAL, type: 'raydocsApi', data: { accessToken: 'rd_example', baseUrl: 'http://127.0.0.1:9', rateLimitRequests: 100, rateLimitWindowSeconds: 60 } },
			{ ...POSTGRES_CREDENTIAL, type: 'postgres', data: { host: '127.0.0.1', port: 5432, database: 'raydocs', user: 'raydocs', password: 'example', ssl: 'disable' } },
		]);
		const files = exampleFiles();
		// as users see them: the blanks (template, sessions) left blank, the paths as shipped
		await host.importWorkflows(files.map((file) => prepareExample(loadExample(file), { filesDir: '/home/node/.n8n-files/' })));
		await host.start();
		await host.rest(); // sets up the owner

		const browser = await chromium.launchPersistentContext(userDataDir, { ...chromiumLaunchOptions(), viewport: { width: 1400, height: 620 } });
		await browser.route(
			(url) => !url.href.startsWith(host.baseUrl),
			async (route) => await route.abort('blockedbyclient'),
		);
		const page = browser.pages()[0] ?? (await browser.newPage());
		page.setDefaultTimeout(30_000);
		await signIn(page, host.baseUrl);
		mkdirSync(IMAGES, { recursive: true });
		await page.addStyleTag({ content: '.el-notification { display: none !important; }' }).catch(() => undefined);

		for (const file of files) {
			const workflow = loadExample(file);
			await page.goto(`${host.baseUrl}/workflow/${workflow.id}`);
			const canvas = page.locator(testId('canvas'));
			await canvas.waitFor();
			await page.locator(testId('canvas-node')).first().waitFor();
			await page.addStyleTag({ content: '.el-notification, [data-test-id="ask-assistant-floating-button"] { display: none !important; }' });
			// fit the whole workflow in view (the canvas' "zoom to fit" shortcut)
			await page.locator(testId('canvas-wrapper')).click({ position: { x: 5, y: 5 } }).catch(() => undefined);
			await page.keyboard.press('1');
			await page.waitForTimeout(800);
			const path = join(IMAGES, `example-${file.replace(/\.json$/, '')}.png`);
			await canvas.screenshot({ path, animations: 'disabled' });
			console.log(`[docs] ${path}`);
		}

		// n8n 3's default: what Settings → Community nodes shows and answers
		await page.goto(`${host.baseUrl}/settings/community-nodes`);
		await page.waitForTimeout(2000);
		const settingsPath = join(IMAGES, 'n8n3-community-nodes.png');
		await page.screenshot({ path: settingsPath });
		console.log(`[docs] ${settingsPath}`);
		console.log(`[docs] community nodes page says:\n${(await page.locator('main, #app').first().innerText()).slice(0, 1500)}`);
		const install = page.getByRole('button', { name: /install/i }).first();
		if (await install.isVisible().catch(() => false)) {
			await install.click();
			await page.waitForTimeout(1000);
			const input = page.locator('input[placeholder*="n8n-nodes"], .el-dialog input, [role="dialog"] input').first();
			await input.fill('n8n-nodes-raydocs');
			const checkbox = page.locator('[role="dialog"] .el-checkbox, .el-dialog .el-checkbox').first();
			if (await checkbox.isVisible().catch(() => false)) await checkbox.click();
			await page.locator('[role="dialog"] button, .el-dialog button').filter({ hasText: /^\s*install\s*$/i }).last().click();
			await page.waitForTimeout(3000);
			const refusedPath = join(IMAGES, 'n8n3-install-refused.png');
			await page.screenshot({ path: refusedPath });
			console.log(`[docs] ${refusedPath}`);
			console.log(`[docs] after Install:\n${(await page.locator('body').innerText()).slice(0, 1500)}`);
		} else {
			console.log('[docs] no Install button on the community nodes page');
		}
		await browser.close();
	} finally {
		await host.dispose();
		rmSync(userDataDir, { recursive: true, force: true });
	}
}

main().catch((error: Error) => {
	console.error(`[docs] ${error.stack ?? error.message}`);
	process.exitCode = 1;
});
