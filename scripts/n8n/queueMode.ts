/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- test tooling that installs and runs Redis and a queue-mode n8n; never shipped */
/**
 * n8n in queue mode on this machine: Redis (Debian's redis-server, on a free loopback port), one
 * main process (editor, REST, triggers, scheduling) and W workers (`n8n worker`) that take the
 * executions from Redis. All of them share one SQLite file, one encryption key and the readable
 * files folder; each has its own user folder with the package installed into its .n8n/nodes, as the
 * README tells users to do, and its own log (the worker logs are the only record of which worker
 * ran an execution). n8n only warns that SQLite is not officially supported with scaling.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync } from 'fs';
import { connect } from 'net';
import { delimiter, join } from 'path';

import { installIntoUserFolder, packProject } from './communityPackage';
import { N8nHost, type N8nHostOptions } from './host';
import { n8nBinary } from './hosts';
import { freePort, sleep, spawnTracked, stopTracked, type TrackedChild } from './processes';

const REDIS_PACKAGE = 'redis-server';

function onPath(command: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(delimiter).concat('/usr/bin', '/usr/sbin')) {
		if (dir && existsSync(join(dir, command))) return join(dir, command);
	}
	return undefined;
}

/**
 * The path of redis-server. When it is missing, root installs Debian's package (apt-get, waiting
 * for another apt to release its lock); anyone else gets the command to run.
 */
export function ensureRedisServer(): string {
	const found = onPath('redis-server');
	if (found) return found;
	const command = `apt-get install -y --no-install-recommends ${REDIS_PACKAGE}`;
	if (process.getuid?.() !== 0) {
		throw new Error(`redis-server is not installed and only root can install it: run\n  sudo apt-get update && sudo ${command}`);
	}
	process.stderr.write(`[queue] installing Debian's ${REDIS_PACKAGE} (apt-get)\n`);
	const apt = (args: string[]) =>
		spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		}).status;
	if (apt(['install', '-y', '--no-install-recommends', REDIS_PACKAGE]) !== 0) {
		// a fresh machine may have no package lists yet
		if (apt(['update']) !== 0 || apt(['install', '-y', '--no-install-recommends', REDIS_PACKAGE]) !== 0) {
			throw new Error(`could not install ${REDIS_PACKAGE}: run \`apt-get update && ${command}\` and look at its output`);
		}
	}
	const installed = onPath('redis-server');
	if (!installed) throw new Error(`${REDIS_PACKAGE} was installed but redis-server is not on PATH`);
	return installed;
}

/** Sends PING; true on +PONG. */
async function redisAnswers(port: number): Promise<boolean> {
	return await new Promise<boolean>((done) => {
		const socket = connect({ host: '127.0.0.1', port });
		const finish = (answer: boolean) => {
			socket.destroy();
			done(answer);
		};
		socket.setTimeout(1000, () => finish(false));
		socket.once('error', () => finish(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => finish(data.toString().startsWith('+PONG')));
	});
}

/** A throwaway Redis: loopback only, nothing saved to disk, stopped by its PID. */
export class RedisServer {
	private constructor(
		readonly port: number,
		private readonly process: TrackedChild,
	) {}

	/** `runDir` names the process (its title holds it), so the harness's reaper recognises it. */
	static async start(runDir: string): Promise<RedisServer> {
		const binary = ensureRedisServer();
		const port = await freePort();
		mkdirSync(runDir, { recursive: true });
		const child = spawnTracked(
			binary,
			['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', runDir, '--proc-title-template', `{title} {listen-addr} ${runDir}`],
			{ cwd: runDir, env: process.env, logFile: join(runDir, 'redis.log') },
		);
		const redis = new RedisServer(port, child);
		const deadline = Date.now() + 20_000;
		while (!(await redisAnswers(port))) {
			if (child.child.exitCode !== null || Date.now() > deadline) {
				await redis.stop();
				throw new Error(`redis-server did not answer on 127.0.0.1:${port}:\n${child.output().slice(-2000)}`);
			}
			await sleep(100);
		}
		return redis;
	}

	get pid(): number | undefined {
		return this.process.child.pid;
	}

	async stop(): Promise<void> {
		await stopTracked(this.process, 5000);
	}
}

export interface QueueModeOptions extends Pick<N8nHostOptions, 'line' | 'purpose' | 'offline'> {
	workers?: number;
	/** Jobs one worker runs at once (`n8n worker --concurrency`); n8n's default is 10. */
	workerConcurrency?: number;
	/** true: the editor's manual runs go to the workers too (OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS). */
	offloadManualExecutions?: boolean;
	env?: Record<string, string>;
}

export interface QueueWorker {
	name: string;
	userFolder: string;
	logFile: string;
	healthPort: number;
	brokerPort: number;
	process?: TrackedChild;
}

export class QueueModeN8n {
	private constructor(
		readonly redis: RedisServer,
		/** The main process: `start()`/`stop()`/`rest()`/`importWorkflows()` as for a single instance. */
		readonly main: N8nHost,
		readonly workers: QueueWorker[],
		private readonly options: QueueModeOptions,
	) {}

	/** Starts Redis and prepares (does not start) the main and the workers. */
	static async create(options: QueueModeOptions): Promise<QueueModeN8n> {
		const queueEnv = (redisPort: number): Record<string, string> => ({
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
			// its own key prefix, should a Redis ever be shared between runs
			QUEUE_BULL_PREFIX: `raydocs${process.pid}`,
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: String(options.offloadManualExecutions ?? true),
			...options.env,
		});
		let redis: RedisServer | undefined;
		try {
			// Redis lives in the main's run folder (its process title names it, for the reaper) and the
			// main's environment needs Redis' port: the queue settings go in before anything starts.
			const env: Record<string, string> = {};
			const main = await N8nHost.create({ ...options, env });
			redis = await RedisServer.start(join(main.runDir, 'redis'));
			Object.assign(env, queueEnv(redis.port));
			const workers: QueueWorker[] = [];
			for (let index = 1; index <= (options.workers ?? 2); index++) {
				const name = `worker${index}`;
				const userFolder = join(main.runDir, `${name}-user-folder`);
				mkdirSync(userFolder, { recursive: true });
				workers.push({ name, userFolder, logFile: join(main.logsDir, `${name}.log`), healthPort: await freePort(), brokerPort: await freePort() });
			}
			return new QueueModeN8n(redis, main, workers, options);
		} catch (error) {
			await redis?.stop();
			throw error;
		}
	}

	/** The database every process uses: the main's default SQLite file. */
	get databaseFile(): string {
		return join(this.main.userFolder, '.n8n', 'database.sqlite');
	}

	/** Packs the project once and installs it into the main's and every worker's .n8n/nodes. */
	async installPackage(): Promise<void> {
		const tarball = await packProject(join(this.main.runDir, 'pack'));
		await installIntoUserFolder(this.main.userFolder, tarball, join(this.main.logsDir, 'npm-install-main.log'));
		for (const worker of this.workers) {
			await installIntoUserFolder(worker.userFolder, tarball, join(this.main.logsDir, `npm-install-${worker.name}.log`));
		}
	}

	private workerEnv(worker: QueueWorker): NodeJS.ProcessEnv {
		const env: NodeJS.ProcessEnv = {
			...this.main.env(),
			N8N_USER_FOLDER: worker.userFolder,
			DB_SQLITE_DATABASE: this.databaseFile,
			N8N_RUNNERS_BROKER_PORT: String(worker.brokerPort),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(worker.healthPort),
			// its default is every interface
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		};
		delete env.OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS;
		return env;
	}

	/** Starts one worker and waits for its readiness endpoint. */
	async startWorker(worker: QueueWorker, timeoutMs = 120_000): Promise<void> {
		if (worker.process && worker.process.child.exitCode === null) return;
		const concurrency = String(this.options.workerConcurrency ?? 10);
		const child = spawnTracked(n8nBinary(this.main.line), ['worker', `--concurrency=${concurrency}`], {
			env: this.workerEnv(worker),
			cwd: worker.userFolder,
			logFile: worker.logFile,
		});
		worker.process = child;
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (child.child.exitCode !== null) throw new Error(`${worker.name} exited with ${child.child.exitCode}:\n${child.output().slice(-3000)}`);
			if (await this.answers(`http://127.0.0.1:${worker.healthPort}/healthz/readiness`)) return;
			if (Date.now() > deadline) throw new Error(`${worker.name} was not ready after ${timeoutMs / 1000} s:\n${child.output().slice(-3000)}`);
			await sleep(250);
		}
	}

	async stopWorker(worker: QueueWorker): Promise<void> {
		const child = worker.process;
		worker.process = undefined;
		if (child) await stopTracked(child);
	}

	private async answers(url: string): Promise<boolean> {
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
			await response.arrayBuffer();
			return response.ok;
		} catch {
			return false;
		}
	}

	/** Settings every process gets from its next start on, e.g. another poll scheduler (stop them first). */
	useEnvironment(extra: Record<string, string>): void {
		Object.assign(this.main.options.env ?? {}, extra);
	}

	/** Main first (it migrates the shared database), then the workers together. */
	async start(): Promise<void> {
		await this.main.start(180_000);
		await Promise.all(this.workers.map(async (worker) => await this.startWorker(worker)));
	}

	/** The worker whose log says it ran the execution, or undefined (main ran it, or nobody yet). */
	workerOf(executionId: string): string | undefined {
		const line = `Worker started execution ${executionId} `;
		return this.workers.find((worker) => existsSync(worker.logFile) && readFileSync(worker.logFile, 'utf8').includes(line))?.name;
	}

	/** Stops workers, main and Redis, by PID; the run folder stays for debugging. */
	async dispose(): Promise<void> {
		for (const worker of this.workers) await this.stopWorker(worker);
		await this.main.dispose();
		await this.redis.stop();
	}
}
