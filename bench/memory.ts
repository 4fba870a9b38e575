/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- a benchmark script run with Node, never shipped */
/**
 * Memory of a large upload, in a real n8n 2.x in each binary-data mode that keeps files out of the
 * execution data: filesystem (n8n 2.x's default in a single process) and database (its default in
 * queue mode, where users scale), set with N8N_DEFAULT_BINARY_DATA_MODE. Read/Write Files from Disk → Raydocs → File Upload →
 * Upload of a 100 MB file, beside the same workflow with a 1 MB file (the baseline), the 100 MB
 * file read without uploading it, and n8n's HTTP Request node PUTting it to a signed URL; then the
 * same three with a 300 MB file (memory that does not grow with the file is streaming; memory
 * that grows with it is a buffer somewhere). The peak RSS of the `n8n execute` process tree (VmRSS summed
 * over the process and its children, sampled every 100 ms, plus the process's own VmHWM) shows
 * whether the node streams the file or holds it in memory.
 *
 * Every storage PUT is checked byte for byte (length and sha256). The fake Raydocs storage
 * listener buffers request bodies and refuses those over 64 MiB, so uploads larger than that go to
 * a streaming receiver in this script that checks the URL's signature with the fake and hashes the
 * bytes as they arrive; smaller ones go to the fake's own storage and are checked in its log.
 *
 *   npm run bench:memory                        (both modes; BENCH_MEMORY_MODES=database for one)
 *   BENCH_WRITE_DOCS=1 npm run bench:memory     also replaces the table in docs/performance.md
 */
import { createHash } from 'crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'path';

import { nodeItems, type N8nHost, type WorkflowJson } from '../scripts/n8n/host';
import type { FakeEngine } from '../tools/fake-raydocs/engine';
import type { FakeRaydocs } from '../tools/fake-raydocs/server';
import { chainWorkflow, raydocsNode, readFilesNode, type NodeSpec } from '../test/e2e/workflows';
import {
	apiEntries,
	executionError,
	megabytes,
	nodeRuns,
	printTable,
	ProcessTreeSampler,
	RAYDOCS_CREDENTIAL,
	storageEntries,
	writeGeneratedTable,
	writeLargePdf,
	type TreeMemory,
} from './realN8n';
import { packageLabel, runBench, withRealN8nBench } from './setUp';

const MB = 1024 * 1024;
/** What the fake's storage listener accepts (MAX_BODY_BYTES in tools/fake-raydocs/server.ts). */
const FAKE_STORAGE_MAX_BYTES = 64 * MB;
const SAMPLE_MS = 100;

interface Case {
	id: string;
	label: string;
	megabytes: number;
	/** What follows Read File: nothing, our File Upload, or an HTTP Request PUT to a signed URL. */
	upload: 'none' | 'raydocs' | 'httpRequest';
}

const CASES: Case[] = [
	{ id: 'rdBenchMemU1', label: 'Read File → Raydocs File Upload (baseline)', megabytes: 1, upload: 'raydocs' },
	{ id: 'rdBenchMemR100', label: 'Read File only (no upload)', megabytes: 100, upload: 'none' },
	{ id: 'rdBenchMemU100', label: 'Read File → Raydocs File Upload', megabytes: 100, upload: 'raydocs' },
	{ id: 'rdBenchMemH100', label: 'Read File → HTTP Request PUT to a signed URL', megabytes: 100, upload: 'httpRequest' },
	{ id: 'rdBenchMemR300', label: 'Read File only (no upload)', megabytes: 300, upload: 'none' },
	{ id: 'rdBenchMemU300', label: 'Read File → Raydocs File Upload', megabytes: 300, upload: 'raydocs' },
	{ id: 'rdBenchMemH300', label: 'Read File → HTTP Request PUT to a signed URL', megabytes: 300, upload: 'httpRequest' },
];

interface Received {
	bytes: number;
	sha256: string;
	signed: boolean;
	hadAuthorization: boolean;
}

/**
 * A storage listener that never holds a body: it checks that the fake signed the URL for a PUT of
 * this path, hashes the bytes as they arrive and answers like S3. Every PUT is recorded.
 */
interface StreamingStorage {
	url: string;
	received: Received[];
	close(): Promise<void>;
}

async function startStreamingStorage(engine: FakeEngine): Promise<StreamingStorage> {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const signature = url.searchParams.get('X-Amz-Signature') ?? '';
		const signedUrl = engine.findSignedUrl(signature);
		const signed = req.method === 'PUT' && signedUrl?.method === 'PUT' && signedUrl.path === url.pathname && engine.now() <= signedUrl.expiresAt;
		const hash = createHash('sha256');
		let bytes = 0;
		req.on('data', (chunk: Buffer) => {
			hash.update(chunk);
			bytes += chunk.length;
		});
		req.on('end', () => {
			const sha256 = hash.digest('hex');
			received.push({ bytes, sha256, signed, hadAuthorization: req.headers.authorization !== undefined });
			res.writeHead(signed ? 200 : 403, { ETag: `"${sha256.slice(0, 32)}"`, 'Content-Length': 0 });
			res.end();
		});
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((done) => server.close(() => done()));
		},
	};
}

/** POST /vapor/signed-storage-url as the node sends it; returns the pre-signed PUT URL. */
async function signedUploadUrl(fake: FakeRaydocs): Promise<string> {
	const response = await fetch(`${fake.url}/vapor/signed-storage-url`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${fake.token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
		body: JSON.stringify({ content_type: 'application/pdf', visibility: 'private' }),
	});
	const body = (await response.json()) as { url?: string };
	if (response.status !== 200 || !body.url) throw new Error(`signing an upload URL answered ${response.status}`);
	return body.url;
}

/** The fake's engine: where it builds signed URLs from, and the signatures it issued. */
function engineOf(fake: FakeRaydocs): FakeEngine {
	return (fake as unknown as { engine: FakeEngine }).engine;
}

/** The binary-data modes measured, each in an n8n of its own. */
const MODES = (process.env.BENCH_MEMORY_MODES ?? 'filesystem,database').split(',').map((mode) => mode.trim()).filter(Boolean);

interface Row {
	mode: string;
	label: string;
	fileMb: number;
	memory: TreeMemory;
	/** How far RSS rose during the upload node above its level when the node started (kB). */
	uploadRiseKb?: number;
	seconds: number;
	check: string;
}

async function main(): Promise<void> {
	const rows: Row[] = [];
	let hostLabel = '';
	for (const mode of MODES) {
		const benchSetUp = {
			purpose: `bench-memory-${mode}`,
			// signed URLs for the HTTP Request node are made before the runs: let them live 30 minutes
			fake: { rateLimit: false as const, signedUrlTtlMs: 30 * 60_000 },
			// the credential keeps Raydocs' 100 / 60 s
			hostEnv: { N8N_DEFAULT_BINARY_DATA_MODE: mode },
		};
		const { measured, label } = await withRealN8nBench(benchSetUp, async ({ fake, host, label }) => {
			const engine = engineOf(fake);
			const streaming = await startStreamingStorage(engine);
			try {
				return { measured: await measureCases(fake, host, engine, streaming, mode), label };
			} finally {
				await streaming.close();
			}
		});
		rows.push(...measured);
		hostLabel = label;
	}
	printResults(hostLabel, rows);
}

async function measureCases(fake: FakeRaydocs, host: N8nHost, engine: FakeEngine, streaming: StreamingStorage, mode: string): Promise<Row[]> {
	const fakeStorageUrl = engine.storageUrl;
	const storageFor = (item: Case) => (item.megabytes * MB <= FAKE_STORAGE_MAX_BYTES ? fakeStorageUrl : streaming.url);
	const rows: Row[] = [];
	const hashes = new Map<string, string>();
	const workflows: WorkflowJson[] = [];
	for (const item of CASES) {
		const path = join(host.filesDir, `${item.id}-${item.megabytes}mb.pdf`);
		hashes.set(item.id, writeLargePdf(path, item.megabytes * MB));
		const read = readFilesNode('Read File', path);
		let upload: NodeSpec | undefined;
		if (item.upload === 'raydocs') {
			upload = raydocsNode('Upload', RAYDOCS_CREDENTIAL, { resource: 'file', operation: 'upload', allBinaries: false, binaryPropertyName: 'data' });
		} else if (item.upload === 'httpRequest') {
			// the URL the node would have asked for, signed now for the storage this size goes to
			engine.storageUrl = storageFor(item);
			upload = {
				name: 'Upload',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: { method: 'PUT', url: await signedUploadUrl(fake), sendBody: true, contentType: 'binaryData', inputDataFieldName: 'data', options: {} },
			};
		}
		workflows.push(chainWorkflow(item.id, upload ? [read, upload] : [read]));
	}
	await host.importWorkflows(workflows);

	for (const item of CASES) {
		const bytes = item.megabytes * MB;
		const throughFake = bytes <= FAKE_STORAGE_MAX_BYTES;
		engine.storageUrl = storageFor(item);
		fake.clearLog();
		streaming.received.length = 0;
		const sampler = new ProcessTreeSampler(host, SAMPLE_MS);
		sampler.start();
		const result = await host.execute(item.id, 300_000);
		const memory = sampler.stop();
		const failure = executionError(result.run) ?? (result.code !== 0 ? `n8n execute exited with ${result.code}` : undefined);
		if (failure) throw new Error(`${item.label} (${item.megabytes} MB) failed: ${failure}\n${result.output.slice(-2000)}`);

		let check = 'no upload';
		if (item.upload !== 'none') {
			const [output] = nodeItems(result.run, 'Upload');
			const puts = throughFake
				? storageEntries(fake).map((entry) => {
						const body = entry.body as { bytes?: number; sha256?: string } | null;
						return { bytes: body?.bytes ?? 0, sha256: body?.sha256 ?? '', signed: entry.status === 200, hadAuthorization: entry.hasAuthorization };
					})
				: streaming.received;
			const signing = apiEntries(fake).filter((entry) => entry.endpoint === 'POST /vapor/signed-storage-url');
			const put = puts[puts.length - 1];
			// our node asks for the URL itself; the HTTP Request node got one signed before the run
			const signingCalls = item.upload === 'raydocs' ? 1 : 0;
			if (puts.length !== 1 || signing.length !== signingCalls || !put.signed || put.hadAuthorization) {
				throw new Error(`${item.label}: expected one signed PUT without the token, got ${JSON.stringify(puts)} after ${signing.length} signing calls`);
			}
			const reported = item.upload === 'raydocs' ? output?.json.bytes : bytes;
			if (put.bytes !== bytes || put.sha256 !== hashes.get(item.id) || reported !== bytes) {
				throw new Error(`${item.label}: storage received ${put.bytes} bytes (sha256 ${put.sha256}), the file has ${bytes}; the node reported ${String(output?.json.bytes)}`);
			}
			check = `${put.bytes} bytes, sha256 matches (${throughFake ? "fake's storage log" : 'streaming receiver'})`;
		}
		const [uploadRun] = nodeRuns(result.run, 'Upload');
		const uploadRiseKb =
			uploadRun?.startTime !== undefined && uploadRun.executionTime !== undefined
				? sampler.riseBetween(uploadRun.startTime, uploadRun.startTime + uploadRun.executionTime)
				: undefined;
		rows.push({ mode, label: item.label, fileMb: item.megabytes, memory, uploadRiseKb, seconds: result.seconds, check });
		console.error(`[bench] ${mode}: ${item.label}, ${item.megabytes} MB: peak ${megabytes(memory.peakTreeRssKb)} over ${memory.samples} samples (log ${result.logFile})`);
	}
	return rows;
}

function printResults(label: string, rows: Row[]): void {
	console.log(`\nMemory of a large upload: peak RSS of the \`n8n execute\` process tree, ${label}, ${packageLabel()}, by N8N_DEFAULT_BINARY_DATA_MODE`);
	console.log(
		`Sampled every ${SAMPLE_MS} ms from /proc (VmRSS summed over n8n and its children; VmHWM is the kernel's peak for the n8n process itself). Fake Raydocs, rate limiting off. Raydocs File Upload → Upload asks for a signed URL, then sends one PUT; the HTTP Request node (4.2, Send Body: n8n Binary File) PUTs to a URL signed before the run.\n`,
	);
	printTable(
		['Binary mode', 'Workflow', 'File size', 'Peak RSS, process tree', 'VmHWM, n8n process', 'Delta vs 1 MB baseline', 'RSS rise during the upload node', 'Wall time', 'Storage received'],
		rows.map((row) => {
			const baseline = rows.find((candidate) => candidate.mode === row.mode && candidate.fileMb === 1)!;
			return [
				row.mode,
				row.label,
				`${row.fileMb} MB`,
				megabytes(row.memory.peakTreeRssKb),
				megabytes(row.memory.rootHwmKb),
				row === baseline ? '-' : `${row.memory.peakTreeRssKb >= baseline.memory.peakTreeRssKb ? '+' : ''}${megabytes(row.memory.peakTreeRssKb - baseline.memory.peakTreeRssKb)}`,
				row.uploadRiseKb === undefined ? '-' : `+${megabytes(row.uploadRiseKb)}`,
				`${row.seconds.toFixed(1)} s`,
				row.check,
			];
		}),
	);
	const summary = [
		'| Binary mode | Workflow | File | Peak RSS | Above the 1 MB baseline | RSS rise during the upload |',
		'|---|---|---|---|---|---|',
		...rows
			.filter((row) => row.fileMb !== 1)
			.map((row) => {
				const baseline = rows.find((candidate) => candidate.mode === row.mode && candidate.fileMb === 1)!;
				const delta = row.memory.peakTreeRssKb - baseline.memory.peakTreeRssKb;
				const rise = row.uploadRiseKb === undefined ? '-' : `+${megabytes(row.uploadRiseKb)}`;
				return `| ${row.mode} | ${row.label} | ${row.fileMb} MB | ${megabytes(row.memory.peakTreeRssKb)} | ${delta >= 0 ? '+' : ''}${megabytes(delta)} (baseline ${megabytes(baseline.memory.peakTreeRssKb)}) | ${rise} |`;
			}),
	].join('\n');
	console.log(`\n${summary}`);
	if (process.env.BENCH_WRITE_DOCS === '1') writeGeneratedTable('bench:memory', summary);
}

runBench(main);
