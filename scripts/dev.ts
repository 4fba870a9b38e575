/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- a terminal program that runs n8n for development; never shipped (package.json "files") */
/**
 * `npm run dev`: n8n's editor at http://127.0.0.1:5678 with this package loaded, a fake Raydocs
 * server, a ready credential "Raydocs account" pointing at it, the example workflows imported and
 * their sample files in place. Runs until Ctrl-C, then stops everything it started.
 *
 *   node scripts/run-ts.js scripts/dev.ts            the packed package, installed as users install it
 *   node scripts/run-ts.js scripts/dev.ts --watch    N8N_CUSTOM_EXTENSIONS=dist + `tsc --watch` +
 *                                                    n8n's hot reload: edit, save, reload the editor
 * Env: N8N_LINE=2|1 (default 2), N8N_PORT (default 5678), FAKE_RAYDOCS_PORT (default: a free port).
 */

import { startFakeRaydocs, type FakeRaydocs } from '../tools/fake-raydocs/server';
import { api } from '../test/tools/fake-raydocs/test-helpers';
import { sampleInvoicePdf } from './sampleInvoice';
import { installPackage } from './n8n/communityPackage';
import { EXAMPLE_CREDENTIAL, exampleFiles, loadExample, prepareExample, writeExampleFiles } from './n8n/examples';
import { N8nHost } from './n8n/host';
import { ensureInstalled, linesFromEnv, N8N_HOSTS, PROJECT_ROOT } from './n8n/hosts';
import { freePort, runTracked, spawnTracked, stopTracked, type TrackedChild } from './n8n/processes';
import { LOCAL_OWNER } from './n8n/rest';

const watch = process.argv.includes('--watch');
const line = linesFromEnv(process.env.N8N_LINE ?? '2')[0];
const port = Number(process.env.N8N_PORT ?? 5678);

let fake: FakeRaydocs | undefined;
let host: N8nHost | undefined;
let compiler: TrackedChild | undefined;
let stopping = false;

async function stopAll(): Promise<void> {
	if (compiler) await stopTracked(compiler, 5000);
	await host?.dispose();
	await fake?.close();
}

async function portIsFree(wanted: number): Promise<boolean> {
	try {
		const response = await fetch(`http://127.0.0.1:${wanted}/`, { signal: AbortSignal.timeout(1000) });
		await response.arrayBuffer();
		return false;
	} catch {
		return true;
	}
}

async function main(): Promise<void> {
	const spec = N8N_HOSTS[line];
	if (!(await portIsFree(port))) throw new Error(`port ${port} is in use: stop what runs there or set N8N_PORT`);
	console.log(`n8n ${spec.version} on ${spec.runtime}`);
	await ensureInstalled(line);

	console.log('Building the package (npm run build)...');
	const build = await runTracked('npm', ['run', 'build', '--silent'], { cwd: PROJECT_ROOT, env: process.env, timeoutMs: 300_000 });
	if (build.code !== 0) throw new Error(`npm run build failed:\n${build.output.slice(-3000)}`);

	const fakePort = process.env.FAKE_RAYDOCS_PORT ? Number(process.env.FAKE_RAYDOCS_PORT) : await freePort();
	// The CLI's slower timings, so that statuses can be watched changing in the editor.
	fake = await startFakeRaydocs({ port: fakePort, timing: { parseMs: 2000, runQueuedMs: 500, runProcessingMs: 2000, batchSessionStartMs: 500 } });

	const n8n = await N8nHost.create({
		line,
		purpose: 'dev',
		port,
		packageSource: watch ? 'dist' : 'installed',
		// Hot reload of custom extensions (n8n watches the folders with @parcel/watcher).
		env: watch ? { N8N_DEV_RELOAD: 'true' } : {},
	});
	host = n8n;
	if (!watch) await installPackage(n8n);
	writeExampleFiles(n8n.filesDir);

	await n8n.importCredentials([
		{
			...EXAMPLE_CREDENTIAL,
			type: 'raydocsApi',
			data: { accessToken: fake.token, baseUrl: fake.url, rateLimitRequests: 100, rateLimitWindowSeconds: 60 },
		},
	]);
	const watchedSessionId = await sessionForTheTriggerExample(fake);
	const context = {
		filesDir: n8n.filesDir,
		workspaceId: String(fake.state.seed!.workspaceId),
		templateId: fake.state.seed!.templateId,
		sessionIds: watchedSessionId,
		nodeTypePrefix: n8n.nodeTypePrefix,
	};
	await n8n.importWorkflows(exampleFiles().map((file) => prepareExample(loadExample(file), context)));

	await n8n.start();
	await n8n.rest(); // creates the owner, so the editor opens on its login page
	void n8n.serverExit().then((code) => {
		if (stopping) return;
		console.error(`\nn8n stopped unexpectedly (exit ${code}); its log is in ${n8n.logsDir}`);
		stopping = true;
		void stopAll().finally(() => process.exit(1));
	});

	if (watch) {
		compiler = spawnTracked('npx', ['tsc', '--watch', '--preserveWatchOutput', '-p', 'tsconfig.json'], { cwd: PROJECT_ROOT, env: process.env });
		compiler.child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(`[tsc] ${chunk.toString()}`));
	}

	console.log(`
n8n editor        ${n8n.baseUrl}
  sign in as      ${LOCAL_OWNER.email} / ${LOCAL_OWNER.password}   (a throwaway local owner)
  package         ${watch ? `dist/ through N8N_CUSTOM_EXTENSIONS (node type CUSTOM.raydocs), recompiled on save` : 'n8n-nodes-raydocs, packed and installed into ~/.n8n/nodes'}
  credential      "${EXAMPLE_CREDENTIAL.name}" → fake Raydocs at ${fake.url}
  workflows       ${exampleFiles().join(', ')}
  sample files    ${n8n.filesDir} (the only folder the file nodes may read)
  trigger example watches session ${watchedSessionId}: activate it, then start a run there
                  (Raydocs node: Extraction → Run, that session id) and see it arrive within a minute
  logs            ${n8n.logsDir}
Press Ctrl-C to stop n8n and the fake server.`);
}

/** A session of the seeded template with a document attached, for the trigger example to watch. */
async function sessionForTheTriggerExample(server: FakeRaydocs): Promise<string> {
	const seed = server.state.seed!;
	const session = await api<{ id: string }>(server, 'POST', '/extractions/sessions', {
		body: { extraction_template_id: seed.templateId, name: 'Watched by the trigger example' },
	});
	// Bytes of its own: Raydocs keeps one document per content in a workspace, so the invoice
	// example's file (the same sample PDF) would otherwise become this document.
	const content = Buffer.concat([sampleInvoicePdf(), Buffer.from('% watched by the trigger example\n')]);
	const document = server.seedWorkspaceDocument(seed.workspaceId, { filename: 'watched-invoice.pdf', content });
	await api(server, 'POST', `/extractions/sessions/${session.body.id}/documents/attach`, { body: { document_ids: [document.id] } });
	return session.body.id;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping n8n and the fake server...`);
		void stopAll().finally(() => process.exit(0));
	});
}

main().catch(async (error: Error) => {
	console.error(`\nnpm run dev failed: ${error.message}`);
	await stopAll();
	process.exit(1);
});
