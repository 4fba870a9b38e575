/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test tooling that runs n8n processes; never shipped */
/**
 * Child processes for the harness: always asynchronous (the fake Raydocs server runs in this
 * process's event loop, so a synchronous wait would stall every request n8n sends it), bounded by
 * a timeout, and killed by their process group id. Each child leads its own group so that n8n's
 * task-runner grandchild goes with it, and so that a Ctrl-C in the terminal reaches the harness
 * (which cleans up) rather than racing it.
 *
 * Three nets catch children that outlive their harness: an 'exit' handler here; the reaper
 * (reaper.cjs), a small detached process that stops the recorded groups once this process is gone,
 * however it ended (in jest, 'exit' handlers of test code do not run on Ctrl-C); and the EXIT trap
 * of scripts/n8n/e2e.sh, which reads $RAYDOCS_N8N_PIDFILE.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'child_process';
import { randomBytes } from 'crypto';
import { appendFileSync, createWriteStream, type WriteStream } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

import { cacheDir } from './hosts';

/** A free TCP port on 127.0.0.1, found by letting the OS pick one. */
export async function freePort(): Promise<number> {
	return await new Promise<number>((done, fail) => {
		const server = createServer();
		server.unref();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => done(port));
		});
	});
}

const liveChildren = new Set<ChildProcess>();

/**
 * Kills the child's whole process group (it was spawned detached, so its pid is the group id).
 * `evenIfExited` also reaches members left behind by a leader that already exited.
 */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals, evenIfExited = false): void {
	const exited = child.exitCode !== null || child.signalCode !== null;
	if (child.pid === undefined || (exited && !evenIfExited)) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// the group is empty
	}
}

/** Last resort when this process exits without the normal teardown (an uncaught error, process.exit). */
process.once('exit', () => {
	for (const child of liveChildren) killGroup(child, 'SIGKILL');
});

export interface TrackedSpawnOptions extends Omit<SpawnOptions, 'detached' | 'stdio'> {
	/** Receives stdout and stderr, interleaved as they come. */
	logFile?: string;
}

export interface TrackedChild {
	child: ChildProcess;
	/** What the child printed so far (stdout and stderr). */
	output(): string;
	exited: Promise<number>;
}

let reaperPidFile: string | undefined;

/** Starts the reaper once, on the first child; returns the file it watches. */
function reaperFile(): string {
	if (reaperPidFile) return reaperPidFile;
	reaperPidFile = join(tmpdir(), `raydocs-n8n-children-${process.pid}-${randomBytes(3).toString('hex')}`);
	appendFileSync(reaperPidFile, '');
	const reaper = spawn(process.execPath, [join(__dirname, 'reaper.cjs'), String(process.pid), reaperPidFile, cacheDir()], {
		detached: true,
		stdio: 'ignore',
	});
	reaper.unref();
	return reaperPidFile;
}

/** A folder the reaper removes if this process dies before removing it itself. */
export function registerScratchDir(path: string): void {
	appendFileSync(reaperFile(), `dir:${path}\n`);
}

function recordPid(pid: number): void {
	appendFileSync(reaperFile(), `${pid}\n`);
	if (process.env.RAYDOCS_N8N_PIDFILE) appendFileSync(process.env.RAYDOCS_N8N_PIDFILE, `${pid}\n`);
}

export function spawnTracked(command: string, args: string[], options: TrackedSpawnOptions): TrackedChild {
	const { logFile, ...spawnOptions } = options;
	const child = spawn(command, args, { ...spawnOptions, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	liveChildren.add(child);
	if (child.pid !== undefined) recordPid(child.pid);
	const log: WriteStream | undefined = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
	const chunks: string[] = [];
	const collect = (chunk: Buffer) => {
		chunks.push(chunk.toString());
		log?.write(chunk);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const exited = new Promise<number>((done) => {
		child.once('error', (error) => {
			// e.g. ENOENT: the command could not start, and 'close' may never come
			chunks.push(`\n[spawn error] ${error.message}\n`);
			liveChildren.delete(child);
			log?.end();
			done(127);
		});
		child.once('close', (code, signal) => {
			liveChildren.delete(child);
			log?.end();
			done(code ?? (signal ? 128 : 1));
		});
	});
	return { child, output: () => chunks.join(''), exited };
}

export interface RunResult {
	code: number;
	output: string;
	timedOut: boolean;
	seconds: number;
}

/** Runs a command to completion; after `timeoutMs` its group gets SIGTERM, then SIGKILL 10 s later. */
export async function runTracked(
	command: string,
	args: string[],
	options: TrackedSpawnOptions & { timeoutMs: number },
): Promise<RunResult> {
	const { timeoutMs, ...spawnOptions } = options;
	const started = Date.now();
	const tracked = spawnTracked(command, args, spawnOptions);
	let timedOut = false;
	const terminate = setTimeout(() => {
		timedOut = true;
		killGroup(tracked.child, 'SIGTERM');
	}, timeoutMs);
	const kill = setTimeout(() => killGroup(tracked.child, 'SIGKILL'), timeoutMs + 10_000);
	const code = await tracked.exited;
	clearTimeout(terminate);
	clearTimeout(kill);
	killGroup(tracked.child, 'SIGKILL', true);
	return { code, output: tracked.output(), timedOut, seconds: (Date.now() - started) / 1000 };
}

/** Stops a child: SIGTERM to its group, then SIGKILL after `graceMs`; resolves when it has exited. */
export async function stopTracked(tracked: TrackedChild, graceMs = 15_000): Promise<void> {
	if (tracked.child.exitCode === null && tracked.child.signalCode === null) {
		killGroup(tracked.child, 'SIGTERM');
		const kill = setTimeout(() => killGroup(tracked.child, 'SIGKILL'), graceMs);
		await tracked.exited;
		clearTimeout(kill);
	}
	// n8n's task runner may outlive its parent by a moment; make sure the group is empty.
	killGroup(tracked.child, 'SIGKILL', true);
}

export const sleep = async (ms: number): Promise<void> => await new Promise((done) => setTimeout(done, ms));
