/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- benchmark tooling run with Node, never shipped */
/**
 * Shared pieces of the real-n8n benchmarks (throughput.ts, memory.ts, overhead.ts, waiting.ts;
 * their start-up is setUp.ts): the bench credentials, the built-in nodes the baselines use, reading
 * numbers out of `n8n execute` run data, sampling the memory of the n8n process tree, checking that
 * nothing is left running, and printing markdown tables.
 */
import { createHash, randomBytes } from 'crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'fs';
import { join } from 'path';

import type { N8nHost, ExecutionRun, ExecutionItem, NodeRun, WorkflowJson, WorkflowNode } from '../scripts/n8n/host';
import { replaceSection } from '../scripts/generatedSection';
import { n8nBinary, type N8nLine } from '../scripts/n8n/hosts';
import { sampleInvoicePdf } from '../scripts/sampleInvoice';
import { byId } from '../test/e2e/workflows';
import type { FakeRaydocs, RequestLogEntry } from '../tools/fake-raydocs/server';

/** The benchmarks run in the current n8n line. */
export const BENCH_LINE: N8nLine = '2';

export const RAYDOCS_CREDENTIAL = { id: 'rdBenchRaydocsApi', name: 'Raydocs (bench)' };

/** What the HTTP Request baselines authenticate with, as users do: Header Auth with the bearer token. */
export const HEADER_AUTH_CREDENTIAL = { id: 'raydocsHeaderAuth', name: 'Raydocs token (Header Auth)' };

/**
 * Our node extracting every file of its input items with the seeded template, simplified to flat
 * columns: Extraction Batch → Extract Many (waiting for the results) or Extraction → Extract Document.
 */
export function extractFilesParameters(
	fake: FakeRaydocs,
	operation: 'batchExtract' | 'extractDocument',
	options: Record<string, number>,
): Record<string, unknown> {
	return {
		...(operation === 'batchExtract'
			? { resource: 'batch', operation: 'extract', waitForResults: true }
			: { resource: 'extraction', operation: 'extractDocument', inputSource: 'binary' }),
		templateId: byId(fake.state.seed!.templateId),
		allBinaries: false,
		binaryPropertyName: 'data',
		simplify: true,
		fieldLayout: 'flat',
		options,
	};
}

/** n8n's HTTP Request node (typeVersion 4.2) calling the Raydocs API with the Header Auth credential. */
export function httpRequestNode(name: string, parameters: Record<string, unknown>): Omit<WorkflowNode, 'id' | 'position'> {
	return {
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth', options: {}, ...parameters },
		credentials: { httpHeaderAuth: HEADER_AUTH_CREDENTIAL },
	};
}

/**
 * `count` distinct one-page PDFs under `dir`: the sample invoice plus a comment naming `set` and the
 * number, so that every file (and every set) is a document Raydocs has not seen before.
 */
export function writeDistinctPdfs(dir: string, count: number, set = dir): string[] {
	mkdirSync(dir, { recursive: true });
	const pdf = sampleInvoicePdf();
	return Array.from({ length: count }, (_, index) => {
		const path = join(dir, `invoice-${String(index + 1).padStart(4, '0')}.pdf`);
		writeFileSync(path, Buffer.concat([pdf, Buffer.from(`% ${set} document ${index + 1}\n`)]));
		return path;
	});
}

/**
 * A PDF-looking file of exactly `bytes` bytes (a PDF header, random filler, an EOF marker),
 * written 1 MiB at a time; returns its sha256.
 */
export function writeLargePdf(path: string, bytes: number): string {
	const head = Buffer.from('%PDF-1.4\n%bench filler\n', 'latin1');
	const tail = Buffer.from('\n%%EOF\n', 'latin1');
	const hash = createHash('sha256');
	const fd = openSync(path, 'w');
	try {
		const write = (chunk: Buffer) => {
			hash.update(chunk);
			writeSync(fd, chunk);
		};
		write(head);
		let left = bytes - head.length - tail.length;
		while (left > 0) {
			const chunk = randomBytes(Math.min(left, 1 << 20));
			write(chunk);
			left -= chunk.length;
		}
		write(tail);
	} finally {
		closeSync(fd);
	}
	return hash.digest('hex');
}

/** Node runs as `n8n execute --rawOutput` prints them, with the timing fields n8n adds. */
export type TimedNodeRun = NodeRun & { startTime?: number; executionTime?: number };

export function nodeRuns(run: ExecutionRun | undefined, nodeName: string): TimedNodeRun[] {
	return (run?.data?.resultData?.runData?.[nodeName] ?? []) as TimedNodeRun[];
}

/** The items a node produced on one output over all its runs (a node in a loop runs several times). */
export function itemsOfAllRuns(run: ExecutionRun | undefined, nodeName: string, output = 0): ExecutionItem[] {
	return nodeRuns(run, nodeName).flatMap((nodeRun) => nodeRun.data?.main?.[output] ?? []);
}

export function executionError(run: ExecutionRun | undefined): string | undefined {
	const error = run?.data?.resultData?.error;
	if (!error) return undefined;
	const node = run?.data?.resultData?.lastNodeExecuted;
	return `${node ? `${node}: ` : ''}${error.message ?? 'error'}`;
}

export const apiEntries = (fake: FakeRaydocs): RequestLogEntry[] => fake.log.filter((entry) => entry.listener === 'api');

export const storageEntries = (fake: FakeRaydocs): RequestLogEntry[] => fake.log.filter((entry) => entry.listener === 'storage');

/** Milliseconds from the first to the last entry (arrival times on the fake's clock). */
export function spanMs(entries: RequestLogEntry[]): number {
	if (entries.length < 2) return 0;
	return entries[entries.length - 1].at - entries[0].at;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Replaces a generated table of docs/performance.md (the benches write it with BENCH_WRITE_DOCS=1). */
export function writeGeneratedTable(name: string, table: string): void {
	replaceSection('docs/performance.md', name, table);
	console.log(`docs/performance.md: ${name} updated.`);
}

export function printTable(headers: string[], rows: Array<Array<string | number>>): void {
	console.log(`| ${headers.join(' | ')} |`);
	console.log(`|${headers.map(() => '---').join('|')}|`);
	for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

/** Processes whose environment names this host's user folder: n8n processes of this host. */
function processesOfHost(userFolder: string): number[] {
	const marker = `N8N_USER_FOLDER=${userFolder}\0`;
	const found: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (readFileSync(`/proc/${entry}/environ`, 'latin1').includes(marker)) found.push(Number(entry));
		} catch {
			// gone, or not ours to read
		}
	}
	return found;
}

/** Fails when a process of this host still runs after dispose(). */
export function assertNothingLeft(host: N8nHost): void {
	const left = processesOfHost(host.userFolder);
	if (left.length > 0) throw new Error(`n8n processes of ${host.runDir} are still running: ${left.join(', ')}`);
}

/** Fields of /proc/<pid>/status in kB (VmRSS, VmHWM); undefined once the process is gone. */
function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'latin1');
		const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
		return { rss: field('VmRSS'), hwm: field('VmHWM') };
	} catch {
		return undefined;
	}
}

function parentOf(pid: number): number | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
		// the command name (field 2) may contain spaces: the fields after the last ')' are fixed
		return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
	} catch {
		return undefined;
	}
}

export interface TreeMemory {
	/** Highest sum of VmRSS over the process tree in one sample. */
	peakTreeRssKb: number;
	/** Highest VmHWM (the kernel's own peak RSS) of the tree's root, the `n8n execute` process. */
	rootHwmKb: number;
	/** Processes seen in the tree (the root and e.g. n8n's task runner). */
	processes: number;
	samples: number;
}

function commandLine(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ');
	} catch {
		return '';
	}
}

/**
 * Samples every `intervalMs` the memory of the n8n commands this process starts: its children
 * running the n8n binary, and all their descendants (n8n's task runner). VmHWM catches peaks
 * that fall between two samples.
 */
export class ProcessTreeSampler {
	private timer?: NodeJS.Timeout;

	private readonly seen = new Set<number>();

	private peakTreeRssKb = 0;

	private rootHwmKb = 0;

	private samples = 0;

	/** The tree's RSS at each sample: when (Date.now()) and how much (kB). */
	readonly timeline: Array<{ at: number; kb: number }> = [];

	constructor(
		private readonly host: N8nHost,
		private readonly intervalMs = 100,
	) {}

	start(): void {
		this.sample();
		this.timer = setInterval(() => this.sample(), this.intervalMs);
	}

	stop(): TreeMemory {
		if (this.timer) clearInterval(this.timer);
		this.timer = undefined;
		return { peakTreeRssKb: this.peakTreeRssKb, rootHwmKb: this.rootHwmKb, processes: this.seen.size, samples: this.samples };
	}

	private sample(): void {
		const binary = n8nBinary(this.host.line);
		const parents = new Map<number, number>();
		for (const entry of readdirSync('/proc')) {
			if (!/^\d+$/.test(entry)) continue;
			const parent = parentOf(Number(entry));
			if (parent !== undefined) parents.set(Number(entry), parent);
		}
		const roots = [...parents].filter(([pid, parent]) => parent === process.pid && commandLine(pid).includes(binary)).map(([pid]) => pid);
		const tree = new Set(roots);
		for (let grew = true; grew; ) {
			grew = false;
			for (const [pid, parent] of parents) {
				if (!tree.has(pid) && tree.has(parent)) {
					tree.add(pid);
					grew = true;
				}
			}
		}
		if (tree.size === 0) return;
		this.samples += 1;
		let total = 0;
		for (const pid of tree) {
			const memory = memoryOf(pid);
			if (!memory) continue;
			this.seen.add(pid);
			total += memory.rss;
			if (roots.includes(pid)) this.rootHwmKb = Math.max(this.rootHwmKb, memory.hwm);
		}
		this.peakTreeRssKb = Math.max(this.peakTreeRssKb, total);
		this.timeline.push({ at: Date.now(), kb: total });
	}

	/** How far the tree's RSS rose above its level at `from` until `to` (kB): what a step of the run added. */
	riseBetween(from: number, to: number): number {
		const before = [...this.timeline].reverse().find((sample) => sample.at <= from)?.kb ?? 0;
		const during = this.timeline.filter((sample) => sample.at >= from && sample.at <= to + this.intervalMs).map((sample) => sample.kb);
		return Math.max(0, ...during) - before;
	}
}

export const megabytes = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`;

/** Replaces every occurrence of each key in the workflow's string values. */
export function fillPlaceholders(workflow: WorkflowJson, replacements: Record<string, string>): WorkflowJson {
	let text = JSON.stringify(workflow);
	for (const [placeholder, value] of Object.entries(replacements)) {
		text = text.split(JSON.stringify(placeholder).slice(1, -1)).join(JSON.stringify(value).slice(1, -1));
	}
	return JSON.parse(text) as WorkflowJson;
}
