/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling that packs and installs the package; never shipped */
/**
 * Our package, the way users get it: `npm pack` of the built project, installed into
 * <N8N_USER_FOLDER>/.n8n/nodes/ (where n8n's GUI installs community packages and where it scans
 * `n8n-nodes-*` folders at start). For `npm run dev` the alternative is N8N_CUSTOM_EXTENSIONS
 * pointing at dist/ (see N8nHostOptions.customExtensions).
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';

import { PROJECT_ROOT } from './hosts';
import type { N8nHost } from './host';
import { runTracked } from './processes';

interface PackageManifest {
	name: string;
	version: string;
	n8n: { nodes: string[]; credentials: string[] };
}

export function projectManifest(): PackageManifest {
	return JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as PackageManifest;
}

/** Fails early, with the fix, when dist/ lacks a file the package.json `n8n` field lists. */
export function assertBuilt(): void {
	const manifest = projectManifest();
	const missing = [...manifest.n8n.nodes, ...manifest.n8n.credentials].filter((file) => !existsSync(join(PROJECT_ROOT, file)));
	if (missing.length > 0) throw new Error(`the package is not built (missing ${missing.join(', ')}): run npm run build`);
}

/** `npm pack` into `destination`; returns the tarball's path. */
export async function packProject(destination: string): Promise<string> {
	assertBuilt();
	mkdirSync(destination, { recursive: true });
	const result = await runTracked('npm', ['pack', '--ignore-scripts', '--pack-destination', destination, '--loglevel=error'], {
		cwd: PROJECT_ROOT,
		env: process.env,
		timeoutMs: 120_000,
	});
	const tarball = result.output
		.trim()
		.split('\n')
		.reverse()
		.find((line) => line.trim().endsWith('.tgz'));
	if (result.code !== 0 || !tarball) throw new Error(`npm pack failed (exit ${result.code}):\n${result.output.slice(-2000)}`);
	return join(destination, tarball.trim());
}

/**
 * Installs the tarball into the host's nodes folder like `cd ~/.n8n/nodes && npm i <pkg>`.
 * --omit=peer: n8n-workflow comes from n8n itself. No scripts, and the package has no dependencies,
 * so nothing is downloaded.
 */
export async function installIntoHost(host: N8nHost, tarball: string): Promise<string> {
	return await installIntoUserFolder(host.userFolder, tarball, join(host.logsDir, 'npm-install-package.log'));
}

/** The same for any n8n process's N8N_USER_FOLDER (a queue-mode worker's, say). */
export async function installIntoUserFolder(userFolder: string, tarball: string, logFile: string): Promise<string> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	if (!existsSync(join(nodesDir, 'package.json'))) {
		writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	}
	const result = await runTracked(
		'npm',
		['i', '--omit=dev', '--omit=peer', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', tarball],
		{ cwd: nodesDir, env: process.env, timeoutMs: 180_000, logFile },
	);
	const installed = join(nodesDir, 'node_modules', projectManifest().name);
	if (result.code !== 0 || !existsSync(join(installed, 'package.json'))) {
		throw new Error(`installing ${tarball} into ${nodesDir} failed (exit ${result.code}):\n${result.output.slice(-2000)}`);
	}
	return installed;
}

/**
 * A folder for N8N_CUSTOM_EXTENSIONS whose only content is node_modules/<package> → dist/. n8n
 * globs the folder for *.node.js and *.credentials.js (following the link into dist/ only, never
 * into the project's node_modules or .cache), and its hot reload (N8N_DEV_RELOAD) watches the
 * link's target, so a `tsc --watch` rebuild reloads the nodes.
 */
export function linkDistForCustomExtensions(host: N8nHost): string {
	assertBuilt();
	const folder = join(host.runDir, 'custom-extensions');
	mkdirSync(join(folder, 'node_modules'), { recursive: true });
	const link = join(folder, 'node_modules', projectManifest().name);
	if (!existsSync(link)) symlinkSync(join(PROJECT_ROOT, 'dist'), link, 'dir');
	return folder;
}

/** Pack and install in one go; returns the installed package folder. */
export async function installPackage(host: N8nHost): Promise<string> {
	return await installIntoHost(host, await packProject(join(host.runDir, 'pack')));
}
