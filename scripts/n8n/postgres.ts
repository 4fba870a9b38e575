/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test tooling that runs a PostgreSQL server; never shipped */
/**
 * A throwaway PostgreSQL server for the examples that deliver into a database: Debian's
 * `postgresql` package (installed with apt-get when missing and we are root), a fresh data folder
 * under the cache folder, listening on 127.0.0.1 only on a free port, password authentication,
 * stopped by its PID (fast shutdown) and its folder removed. Run as the `postgres` system user
 * when we are root, since PostgreSQL refuses to run as root.
 */
import { spawnSync } from 'child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { randomBytes } from 'crypto';
import { join } from 'path';

import { cacheDir } from './hosts';
import { freePort, registerScratchDir, runTracked, sleep, spawnTracked, type TrackedChild } from './processes';

const INSTALL_COMMAND = 'apt-get update && apt-get install -y --no-install-recommends postgresql';

/** The role the examples' Postgres credential signs in with. */
export const POSTGRES_USER = 'raydocs';

/** The newest /usr/lib/postgresql/<major>/bin, where Debian puts the server binaries. */
function binDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const majors = readdirSync(root)
		.filter((name) => existsSync(join(root, name, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? join(root, majors[0], 'bin') : undefined;
}

/** Debian's PostgreSQL binaries, installed first when missing (as root). */
export function ensurePostgres(): string {
	const found = binDir();
	if (found) return found;
	if (process.getuid?.() !== 0) {
		throw new Error(`PostgreSQL is not installed. Install Debian's package as root: ${INSTALL_COMMAND}`);
	}
	process.stdout.write(`[postgres] installing Debian's postgresql package (${INSTALL_COMMAND})\n`);
	const result = spawnSync('bash', ['-c', INSTALL_COMMAND.replace(/apt-get install/, 'apt-get -o DPkg::Lock::Timeout=600 install')], {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		timeout: 15 * 60_000,
	});
	const installed = binDir();
	if (result.status !== 0 || !installed) throw new Error(`Installing postgresql failed (exit ${result.status}); run as root: ${INSTALL_COMMAND}`);
	return installed;
}

/** The uid and gid to run the server as: the `postgres` system user when we are root. */
function serverUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
	const uid = id('-u');
	const gid = id('-g');
	if (!Number.isInteger(uid) || uid <= 0) throw new Error('running as root, but there is no "postgres" user to run PostgreSQL as');
	return { uid, gid };
}

export class ThrowawayPostgres {
	private constructor(
		readonly port: number,
		readonly password: string,
		private readonly bin: string,
		private readonly dataDir: string,
		private readonly server: TrackedChild,
	) {}

	static async start(): Promise<ThrowawayPostgres> {
		const bin = ensurePostgres();
		const user = serverUser();
		const root = join(cacheDir(), 'runs', `postgres-${Date.now()}-${randomBytes(3).toString('hex')}`);
		const dataDir = join(root, 'data');
		mkdirSync(root, { recursive: true });
		registerScratchDir(root);
		const password = randomBytes(12).toString('hex');
		const passwordFile = join(root, 'password');
		writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
		if (user) {
			chownSync(root, user.uid, user.gid);
			chownSync(passwordFile, user.uid, user.gid);
		}
		const asUser = user ? { uid: user.uid, gid: user.gid } : {};
		const initdb = await runTracked(
			join(bin, 'initdb'),
			['-D', dataDir, '-U', POSTGRES_USER, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--no-sync', '--locale=C.UTF-8'],
			{ ...asUser, cwd: root, logFile: join(root, 'initdb.log'), timeoutMs: 120_000 },
		);
		rmSync(passwordFile, { force: true });
		if (initdb.code !== 0) throw new Error(`initdb failed (exit ${initdb.code}):\n${initdb.output.slice(-2000)}`);

		const port = await freePort();
		const server = spawnTracked(
			join(bin, 'postgres'),
			// no Unix socket: TCP on 127.0.0.1 only; durability off, the data is thrown away
			['-D', dataDir, '-h', '127.0.0.1', '-p', String(port), '-k', '', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
			{ ...asUser, cwd: root, logFile: join(root, 'server.log') },
		);
		const postgres = new ThrowawayPostgres(port, password, bin, root, server);
		const deadline = Date.now() + 60_000;
		while (Date.now() < deadline) {
			if (server.child.exitCode !== null) throw new Error(`postgres exited with ${server.child.exitCode}:\n${server.output().slice(-2000)}`);
			const ready = await runTracked(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], { timeoutMs: 10_000 });
			if (ready.code === 0) return postgres;
			await sleep(200);
		}
		await postgres.stop();
		throw new Error(`postgres was not ready after 60 s:\n${server.output().slice(-2000)}`);
	}

	/** The server's PID (the postmaster): what stop() signals. */
	get pid(): number | undefined {
		return this.server.child.pid;
	}

	/** Runs SQL with psql; throws with psql's message when it fails. */
	async sql(database: string, statements: string): Promise<string> {
		const result = await runTracked(
			join(this.bin, 'psql'),
			['-h', '127.0.0.1', '-p', String(this.port), '-U', POSTGRES_USER, '-d', database, '-v', 'ON_ERROR_STOP=1', '-X', '-q', '-A', '-t', '-c', statements],
			{ env: { ...process.env, PGPASSWORD: this.password, PGCONNECT_TIMEOUT: '10' }, timeoutMs: 60_000 },
		);
		if (result.code !== 0) throw new Error(`psql failed (exit ${result.code}): ${result.output.slice(-2000)}`);
		return result.output.trim();
	}

	/** The rows of a query as JSON objects (PostgreSQL builds the JSON). */
	async rows(database: string, query: string): Promise<Array<Record<string, unknown>>> {
		const text = await this.sql(database, `select coalesce(json_agg(t), '[]'::json) from (${query}) t`);
		return JSON.parse(text) as Array<Record<string, unknown>>;
	}

	async createDatabase(name: string): Promise<void> {
		if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
		await this.sql('postgres', `create database ${name}`);
	}

	/** What n8n's Postgres credential needs to reach one database of this server. */
	credentialData(database: string): Record<string, unknown> {
		return { host: '127.0.0.1', port: this.port, database, user: POSTGRES_USER, password: this.password, ssl: 'disable', allowUnauthorizedCerts: false };
	}

	/** Fast shutdown by the server's PID, then the data folder goes. */
	async stop(): Promise<void> {
		const { child } = this.server;
		if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
			process.kill(child.pid, 'SIGINT');
			const killer = setTimeout(() => child.pid !== undefined && process.kill(child.pid, 'SIGKILL'), 20_000);
			await this.server.exited;
			clearTimeout(killer);
		}
		rmSync(this.dataDir, { recursive: true, force: true });
	}
}
