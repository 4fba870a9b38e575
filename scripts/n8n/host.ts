/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling that runs a real n8n; never shipped */
/**
 * One throwaway n8n instance: its own user folder (database, encryption key, installed community
 * packages), loopback ports chosen free, quiet and offline settings, and logs kept in the cache
 * folder. CLI commands (`import:*`, `execute`) and the server (`n8n start`) both run through here.
 */
import { randomBytes } from 'crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { linkDistForCustomExtensions } from './communityPackage';
import { cacheDir, installPrefix, isInstalled, N8N_HOSTS, n8nBinary, nodeBinDir, PROJECT_ROOT, type N8nLine } from './hosts';
import { freePort, registerScratchDir, runTracked, sleep, spawnTracked, stopTracked, type RunResult, type TrackedChild } from './processes';
import { N8nRest } from './rest';

/** Run folders kept for debugging; older ones are removed when a new host is created. */
const RUN_FOLDERS_KEPT = 10;

export interface N8nHostOptions {
	line: N8nLine;
	/** Names the run folder, e.g. "e2e", "demo", "dev". */
	purpose: string;
	/** The editor/REST port; default: a free one. */
	port?: number;
	/**
	 * Where n8n loads the package from. 'installed' (default): whatever installPackage() put into
	 * <userFolder>/.n8n/nodes, like users. 'dist': the project's dist/ through N8N_CUSTOM_EXTENSIONS
	 * (node types become CUSTOM.*), for `npm run dev -- --watch`.
	 */
	packageSource?: 'installed' | 'dist';
	/** Default true: fail and record every non-loopback DNS lookup or connection (scripts/n8n/netguard.cjs). */
	offline?: boolean;
	/** Extra environment for n8n, e.g. N8N_DEV_RELOAD. */
	env?: Record<string, string>;
	/** Extra Node options for n8n's processes (NODE_OPTIONS), e.g. `--cpu-prof` for a bench's profile. */
	nodeOptions?: string;
}

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	/** Plain values: n8n encrypts them with the instance key on import. */
	data: Record<string, unknown>;
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	notes?: string;
	webhookId?: string;
	disabled?: boolean;
}

export interface BinaryMetadata {
	fileName?: string;
	fileExtension?: string;
	mimeType?: string;
	fileSize?: string;
	/** Set when the bytes are kept outside the execution data (filesystem binary mode). */
	id?: string;
	/** Base64, when the bytes are kept in the execution data. */
	data?: string;
}

export interface ExecutionItem {
	json: Record<string, unknown>;
	binary?: Record<string, BinaryMetadata>;
	pairedItem?: unknown;
}

export interface NodeRun {
	data?: { main?: Array<ExecutionItem[] | null> };
	error?: { message?: string; description?: string };
	executionStatus?: string;
}

/** What `n8n execute --rawOutput` prints: the run of the workflow (IRun). */
export interface ExecutionRun {
	status?: string;
	finished?: boolean;
	mode?: string;
	data?: {
		resultData?: {
			error?: { message?: string; description?: string };
			lastNodeExecuted?: string;
			runData?: Record<string, NodeRun[]>;
		};
	};
}

export interface ExecuteResult {
	code: number;
	run?: ExecutionRun;
	/** stdout and stderr of the command, for failure messages. */
	output: string;
	seconds: number;
	logFile: string;
}

/** The items a node produced on one output (first run), e.g. nodeItems(run, 'Extract Invoice'). */
export function nodeItems(run: ExecutionRun | undefined, nodeName: string, output = 0): ExecutionItem[] {
	return run?.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[output] ?? [];
}

/**
 * n8n 2.x writes the run through its logger, so the JSON comes after (and before) info lines on
 * stdout; 1.x prints only the JSON. Either way it starts at a line that is exactly "{" and ends at
 * the first later line that is exactly "}" and makes the text parse.
 */
export function parseExecuteOutput(stdout: string): ExecutionRun | undefined {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	if (start < 0) return undefined;
	for (let end = start + 1; end < lines.length; end++) {
		if (lines[end] !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionRun;
		} catch {
			// a "}" line inside a multi-line string value: keep looking
		}
	}
	return undefined;
}

function timestamp(): string {
	return new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Keeps the newest run folders; never removes one younger than an hour (it may belong to a parallel run). */
function pruneRunFolders(runsDir: string): void {
	if (!existsSync(runsDir)) return;
	const folders = readdirSync(runsDir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => ({ path: join(runsDir, entry.name), modified: statSync(join(runsDir, entry.name)).mtimeMs }))
		.sort((a, b) => b.modified - a.modified);
	for (const folder of folders.slice(RUN_FOLDERS_KEPT)) {
		if (Date.now() - folder.modified > 3_600_000) rmSync(folder.path, { recursive: true, force: true });
	}
}

export class N8nHost {
	readonly version: string;

	/** Everything of this instance that is worth keeping: user-folder/, files/, logs/. */
	readonly runDir: string;

	/** N8N_USER_FOLDER: n8n keeps its database, config and installed packages (nodes/) in <this>/.n8n. */
	readonly userFolder: string;

	/** The only folder n8n's file nodes may read (N8N_RESTRICT_FILE_ACCESS_TO). */
	readonly filesDir: string;

	readonly logsDir: string;

	/** Where the netguard records attempts to leave the machine. */
	readonly netguardLog: string;

	/**
	 * HOME for n8n, outside the project: n8n unpacks its editor bundle (50-80 MB of minified JS)
	 * into ~/.cache/n8n/public, which the project's ESLint would otherwise crawl. Removed by dispose().
	 */
	readonly homeDir: string;

	private server?: TrackedChild;

	/** N8N_CUSTOM_EXTENSIONS; never set to an empty string (n8n would then glob its working directory). */
	private customExtensions?: string;

	private logSequence = 0;

	private readonly encryptionKey = randomBytes(24).toString('hex');

	private constructor(
		readonly options: N8nHostOptions,
		readonly port: number,
		readonly brokerPort: number,
	) {
		this.version = N8N_HOSTS[options.line].version;
		const runsDir = join(cacheDir(), 'runs');
		pruneRunFolders(runsDir);
		this.runDir = join(runsDir, `${timestamp()}-${options.purpose}-n8n${options.line}-${randomBytes(2).toString('hex')}`);
		this.userFolder = join(this.runDir, 'user-folder');
		// Outside user-folder/.n8n: n8n 2.x refuses file access inside its own folder.
		this.filesDir = join(this.runDir, 'files');
		this.logsDir = join(this.runDir, 'logs');
		this.netguardLog = join(this.logsDir, 'netguard.log');
		for (const dir of [this.userFolder, this.filesDir, this.logsDir]) mkdirSync(dir, { recursive: true });
		this.homeDir = mkdtempSync(join(tmpdir(), 'raydocs-n8n-home-'));
		registerScratchDir(this.homeDir);
	}

	static async create(options: N8nHostOptions): Promise<N8nHost> {
		if (!isInstalled(options.line)) {
			throw new Error(
				`n8n ${N8N_HOSTS[options.line].version} is not installed in ${installPrefix(options.line)}: run N8N_LINE=${options.line} bash scripts/n8n/install-n8n.sh`,
			);
		}
		const port = options.port ?? (await freePort());
		let brokerPort = await freePort();
		while (brokerPort === port) brokerPort = await freePort();
		const host = new N8nHost(options, port, brokerPort);
		if (options.packageSource === 'dist') host.customExtensions = linkDistForCustomExtensions(host);
		return host;
	}

	get line(): N8nLine {
		return this.options.line;
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** The node type prefix n8n gives our nodes: the package name, or CUSTOM for custom extensions. */
	get nodeTypePrefix(): string {
		return this.customExtensions ? 'CUSTOM' : 'n8n-nodes-raydocs';
	}

	/** A clean environment: nothing of the caller's N8N_* settings leaks in. */
	env(): NodeJS.ProcessEnv {
		const bin = nodeBinDir(this.line);
		const env: NodeJS.ProcessEnv = {
			PATH: bin ? `${bin}:${process.env.PATH ?? ''}` : process.env.PATH,
			HOME: this.homeDir,
			LANG: 'C.UTF-8',
			TZ: 'UTC',
			GENERIC_TIMEZONE: 'UTC',
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			DB_TYPE: 'sqlite',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_RESTRICT_FILE_ACCESS_TO: this.filesDir,
			// Not warn/error: `n8n execute` prints its result through the logger at info level.
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			N8N_NO_COLOR: '1',
			NO_COLOR: '1',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			...this.options.env,
		};
		if (this.line === '2') {
			// Its system task fetches api.n8n.io at start; and no Python runner (there is no Python venv).
			env.N8N_DISABLED_MODULES = 'mcp-registry';
			env.N8N_PYTHON_ENABLED = 'false';
		} else {
			// isolated-vm, the default expression engine, cannot load on Node 20 (install-n8n.sh).
			env.N8N_EXPRESSION_ENGINE = 'legacy';
			env.N8N_RUNNERS_ENABLED = 'false';
		}
		if (this.customExtensions) env.N8N_CUSTOM_EXTENSIONS = this.customExtensions;
		if (this.options.offline !== false) {
			env.NODE_OPTIONS = `--require ${join(PROJECT_ROOT, 'scripts', 'n8n', 'netguard.cjs')}`;
			env.RAYDOCS_NETGUARD_LOG = this.netguardLog;
		}
		if (this.options.nodeOptions) env.NODE_OPTIONS = [env.NODE_OPTIONS, this.options.nodeOptions].filter(Boolean).join(' ');
		return env;
	}

	private nextLogFile(label: string): string {
		this.logSequence += 1;
		return join(this.logsDir, `${String(this.logSequence).padStart(2, '0')}-${label.replace(/[^\w.-]+/g, '_')}.log`);
	}

	/** One n8n CLI command (each boots n8n: 2-4 s). */
	async cli(args: string[], options: { label?: string; timeoutMs?: number; env?: Record<string, string> } = {}): Promise<RunResult & { logFile: string }> {
		const logFile = this.nextLogFile(options.label ?? args[0]);
		const result = await runTracked(n8nBinary(this.line), args, {
			env: { ...this.env(), ...options.env },
			cwd: this.userFolder,
			logFile,
			timeoutMs: options.timeoutMs ?? 180_000,
		});
		return { ...result, logFile };
	}

	private async cliOrThrow(args: string[], label: string): Promise<RunResult> {
		const result = await this.cli(args, { label });
		if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${result.output.slice(-3000)}`);
		return result;
	}

	/**
	 * `n8n import:credentials` from a file that exists only during the import (mode 600): the
	 * values are plain text there, and nothing else should keep them.
	 */
	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		const file = join(this.runDir, `credentials-${randomBytes(4).toString('hex')}.json`);
		writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
		chmodSync(file, 0o600);
		try {
			await this.cliOrThrow(['import:credentials', '--input', file], 'import-credentials');
		} finally {
			unlinkSync(file);
		}
	}

	/** `n8n import:workflow --separate`: one boot for any number of workflows; ids are kept. */
	async importWorkflows(workflows: WorkflowJson[]): Promise<void> {
		const dir = join(this.runDir, `workflows-${String(this.logSequence + 1).padStart(2, '0')}`);
		mkdirSync(dir, { recursive: true });
		for (const workflow of workflows) {
			// n8n 1.x saves a trigger's static data only for workflow ids of at most 16 characters
			// (isWorkflowIdValid): a longer id loses the trigger's state at every restart.
			if (workflow.id.length > 16) throw new Error(`workflow id "${workflow.id}" is longer than 16 characters`);
			writeFileSync(join(dir, `${workflow.id}.json`), JSON.stringify(workflow, null, '\t'));
		}
		const result = await this.cliOrThrow(['import:workflow', '--separate', '--input', dir], 'import-workflows');
		if (!new RegExp(`imported ${workflows.length} workflows?`, 'i').test(result.output)) {
			throw new Error(`n8n did not report importing ${workflows.length} workflows:\n${result.output.slice(-2000)}`);
		}
	}

	/**
	 * Marks a workflow active, so that `n8n start` runs its triggers: 2.x publishes its current
	 * version (`publish:workflow`), 1.x sets the flag (`update:workflow --active=true`).
	 */
	async activate(workflowId: string): Promise<void> {
		const args = this.line === '2' ? ['publish:workflow', `--id=${workflowId}`] : ['update:workflow', `--id=${workflowId}`, '--active=true'];
		await this.cliOrThrow(args, `activate-${workflowId}`);
	}

	/** `n8n execute --id <id> --rawOutput`: exit code 0 when the workflow succeeded. `env`: settings for this run only. */
	async execute(workflowId: string, timeoutMs = 240_000, env?: Record<string, string>): Promise<ExecuteResult> {
		const result = await this.cli(['execute', '--id', workflowId, '--rawOutput'], { label: `execute-${workflowId}`, timeoutMs, env });
		return { code: result.code, run: parseExecuteOutput(result.output), output: result.output, seconds: result.seconds, logFile: result.logFile };
	}

	get running(): boolean {
		return this.server !== undefined && this.server.child.exitCode === null;
	}

	/** `n8n start`, resolved once /healthz/readiness answers 200. */
	async start(timeoutMs = 120_000): Promise<void> {
		if (this.running) return;
		const server = spawnTracked(n8nBinary(this.line), ['start'], { env: this.env(), cwd: this.userFolder, logFile: this.nextLogFile('start') });
		this.server = server;
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (server.child.exitCode !== null) {
				throw new Error(`n8n start exited with ${server.child.exitCode}:\n${server.output().slice(-3000)}`);
			}
			// Readiness alone is not enough: 1.x answers it before the REST routes are mounted, and
			// /rest/settings (public) answers only once they are.
			if ((await this.answers200('/healthz/readiness')) && (await this.answers200('/rest/settings'))) return;
			await sleep(250);
		}
		await this.stop();
		throw new Error(`n8n start was not ready after ${timeoutMs / 1000} s:\n${server.output().slice(-3000)}`);
	}

	/** Resolves with the exit code when the running server stops (crash or stop()). */
	async serverExit(): Promise<number> {
		if (!this.server) throw new Error('n8n is not running');
		return await this.server.exited;
	}

	private async answers200(path: string): Promise<boolean> {
		try {
			const response = await fetch(`${this.baseUrl}${path}`, { signal: AbortSignal.timeout(2000) });
			await response.arrayBuffer();
			return response.status === 200;
		} catch {
			return false; // not listening yet
		}
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (server) await stopTracked(server);
	}

	/**
	 * Stops the server and removes the scratch HOME and n8n's copy of its editor assets (about 50 MB
	 * of JavaScript that `eslint .`, the lint in `npm test`, would otherwise read on every later run);
	 * the run folder (database, logs) stays for debugging.
	 */
	async dispose(): Promise<void> {
		await this.stop();
		rmSync(this.homeDir, { recursive: true, force: true });
		rmSync(join(this.userFolder, '.cache'), { recursive: true, force: true });
	}

	/** A REST client for the running server, signed in as the instance owner (created on first use). */
	async rest(): Promise<N8nRest> {
		if (!this.running) throw new Error('n8n is not running: call start() first');
		const rest = new N8nRest(this.baseUrl, this.line);
		await rest.signIn();
		return rest;
	}

	/** What the netguard recorded: every attempt n8n made to reach beyond 127.0.0.1. */
	networkAttempts(): string[] {
		return existsSync(this.netguardLog) ? readFileSync(this.netguardLog, 'utf8').split('\n').filter(Boolean) : [];
	}

	/** Runs a test case; when it fails, prints where this host's logs are and their last lines. */
	async withLogs(label: string, body: () => Promise<void>): Promise<void> {
		let passed = false;
		try {
			await body();
			passed = true;
		} finally {
			if (!passed) process.stderr.write(`\n[${label}] case failed; logs in ${this.logsDir}\n${this.logTail()}\n`);
		}
	}

	/** The end of the newest logs, for failure messages. */
	logTail(files = 2, lines = 40): string {
		const logs = readdirSync(this.logsDir)
			.filter((name) => name.endsWith('.log') && name !== 'netguard.log')
			.sort()
			.slice(-files);
		return logs
			.map((name) => {
				const text = readFileSync(join(this.logsDir, name), 'utf8').split('\n').slice(-lines).join('\n');
				return `--- ${join(this.logsDir, name)} (last ${lines} lines) ---\n${text}`;
			})
			.join('\n');
	}
}
