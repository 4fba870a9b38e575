/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- benchmark tooling run with Node, never shipped */
/**
 * The start-up and shut-down every benchmark shares: the fake Raydocs server; for the real-n8n
 * benches, an n8n 2.x host with the package packed and installed like a user installs it and the
 * bench credentials for the fake's token; everything stopped (and checked stopped) however the
 * bench ends; the whole time printed at the end, and exit code 1 on failure.
 */
import { installIntoHost, installPackage } from '../scripts/n8n/communityPackage';
import { N8nHost } from '../scripts/n8n/host';
import { ensureInstalled, N8N_HOSTS } from '../scripts/n8n/hosts';
import type { RateLimitConfig } from '../tools/fake-raydocs/ratelimit';
import { DEFAULT_RATE_LIMIT, startFakeRaydocs, type FakeRaydocs, type FakeRaydocsOptions } from '../tools/fake-raydocs/server';
import { assertNothingLeft, BENCH_LINE, HEADER_AUTH_CREDENTIAL, RAYDOCS_CREDENTIAL } from './realN8n';

/** Runs a bench's main; prints "Whole benchmark: N s." after it unless `timed` is false. */
export function runBench(main: () => Promise<void>, options: { timed?: boolean } = {}): void {
	const started = Date.now();
	main().then(
		() => {
			if (options.timed !== false) console.log(`\nWhole benchmark: ${Math.round((Date.now() - started) / 1000)} s.`);
		},
		(error: Error) => {
			console.error(error);
			process.exit(1);
		},
	);
}

/** A fake Raydocs server for the length of `run`. */
export async function withFake<T>(options: FakeRaydocsOptions, run: (fake: FakeRaydocs) => Promise<T>): Promise<T> {
	const fake = await startFakeRaydocs(options);
	try {
		return await run(fake);
	} finally {
		await fake.close();
	}
}

export interface RealN8nBench {
	fake: FakeRaydocs;
	host: N8nHost;
	/** "n8n 2.41.1 on Node 24", for the printed results. */
	label: string;
}

/**
 * The fake and a bench host with the credentials imported, for the length of `run`; afterwards
 * the host is disposed, the fake closed, and no n8n process of the host may be left.
 */
export async function withRealN8nBench<T>(
	options: {
		purpose: string;
		fake: FakeRaydocsOptions;
		/** The Raydocs credential's rate limit; by default the fake's own (Raydocs' 100 / 60 s when the fake has none). */
		credentialRateLimit?: { requests: number; windowSeconds: number };
		/** Environment of the n8n processes. */
		hostEnv?: Record<string, string>;
		/** Node options of the n8n processes (e.g. a CPU profile). */
		nodeOptions?: string;
	},
	run: (bench: RealN8nBench) => Promise<T>,
): Promise<T> {
	let host: N8nHost | undefined;
	try {
		return await withFake(options.fake, async (fake) => {
			try {
				host = await benchHost(options.purpose, options.hostEnv, options.nodeOptions);
				await importBenchCredentials(host, fake, options.credentialRateLimit ?? matchingRateLimit(options.fake.rateLimit));
				return await run({ fake, host, label: `n8n ${host.version} on ${N8N_HOSTS[host.line].runtime}` });
			} finally {
				await host?.dispose();
			}
		});
	} finally {
		if (host) assertNothingLeft(host);
	}
}

function matchingRateLimit(rateLimit: RateLimitConfig | false | undefined): { requests: number; windowSeconds: number } {
	const limit = rateLimit || DEFAULT_RATE_LIMIT;
	return { requests: limit.limit, windowSeconds: limit.windowMs / 1000 };
}

/**
 * n8n 2.x on its own Node, with the packed package installed into its user folder; with
 * BENCH_PACKAGE=<tarball>, that build instead (e.g. the package before a change, for "before" rows).
 */
async function benchHost(purpose: string, env?: Record<string, string>, nodeOptions?: string): Promise<N8nHost> {
	await ensureInstalled(BENCH_LINE);
	const host = await N8nHost.create({ line: BENCH_LINE, purpose, env, nodeOptions });
	if (process.env.BENCH_PACKAGE) await installIntoHost(host, process.env.BENCH_PACKAGE);
	else await installPackage(host);
	return host;
}

/** What the printed results say about the package measured: this checkout, or BENCH_PACKAGE. */
export function packageLabel(): string {
	return process.env.BENCH_PACKAGE ? `package ${process.env.BENCH_PACKAGE.split('/').pop()}` : 'this checkout';
}

/** The Raydocs credential and the Header Auth credential, both for the fake's full token. */
async function importBenchCredentials(
	host: N8nHost,
	fake: FakeRaydocs,
	rateLimit: { requests: number; windowSeconds: number },
): Promise<void> {
	await host.importCredentials([
		{
			...RAYDOCS_CREDENTIAL,
			type: 'raydocsApi',
			data: { accessToken: fake.token, baseUrl: fake.url, rateLimitRequests: rateLimit.requests, rateLimitWindowSeconds: rateLimit.windowSeconds },
		},
		{ ...HEADER_AUTH_CREDENTIAL, type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${fake.token}` } },
	]);
}
