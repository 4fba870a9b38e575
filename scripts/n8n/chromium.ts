/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test tooling that drives a browser; never shipped */
/**
 * The Chromium the editor test drives: Debian's `chromium` package (never a browser downloaded by
 * an npm package). Installed with apt-get when missing and we are root; otherwise the test stops
 * with the exact command to run.
 */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';

import type { LaunchOptions } from 'playwright-core';

type PersistentContextOptions = LaunchOptions & { viewport?: { width: number; height: number }; deviceScaleFactor?: number };

/** Debian's binary; CHROMIUM_PATH points elsewhere when a machine keeps it somewhere else. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// fonts-liberation is only a recommendation of chromium, and without fonts the screenshots show no text.
const INSTALL_COMMAND = 'apt-get update && apt-get install -y --no-install-recommends chromium fonts-liberation';

/**
 * Quiet, offline and reproducible: no GPU, no QUIC, no sync, updates or background traffic. For
 * `chromium.launchPersistentContext(freshUserDataDir, …)`, which passes --user-data-dir itself.
 */
export function chromiumLaunchOptions(): PersistentContextOptions {
	return {
		executablePath: CHROMIUM_PATH,
		headless: true,
		viewport: { width: 1280, height: 800 },
		deviceScaleFactor: 1,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	};
}

export function ensureChromium(): string {
	if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
	if (process.getuid?.() !== 0) {
		throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}. Install Debian's package as root: ${INSTALL_COMMAND}`);
	}
	process.stdout.write(`[editor] installing Debian's chromium package (${INSTALL_COMMAND})\n`);
	// Waits for the dpkg lock rather than failing when another apt-get runs.
	const result = spawnSync('bash', ['-c', INSTALL_COMMAND.replace(/apt-get install/, 'apt-get -o DPkg::Lock::Timeout=600 install')], {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		timeout: 15 * 60_000,
	});
	if (result.status !== 0 || !existsSync(CHROMIUM_PATH)) {
		throw new Error(`Installing chromium failed (exit ${result.status}); run as root: ${INSTALL_COMMAND}`);
	}
	return CHROMIUM_PATH;
}
