/* eslint-disable @n8n/community-nodes/no-restricted-globals -- drives real n8n processes in tests; never shipped */
/**
 * The jest hooks every real-n8n suite (test/e2e, test/compat) starts with: the fake Raydocs server
 * and one n8n host (or several side by side) with the package installed like a user installs it,
 * stopped after the suite; and, for a block of cases against `n8n start`, the host started with its
 * REST client.
 */
import { installPackage } from '../../scripts/n8n/communityPackage';
import { N8nHost, type CredentialImport } from '../../scripts/n8n/host';
import { ensureInstalled, isInstalled, N8N_HOSTS, type N8nLine } from '../../scripts/n8n/hosts';
import type { N8nRest } from '../../scripts/n8n/rest';
import {
	startFakeRaydocs,
	type FakeRaydocs,
	type FakeRaydocsOptions,
} from '../../tools/fake-raydocs/server';

export interface FakeAndN8n {
	fake: FakeRaydocs;
	host: N8nHost;
}

interface SuiteOptions {
	line: N8nLine;
	purpose: string;
	/** Start of the line naming the run folder, e.g. "[e2e] trigger in n8n 2.41.1". */
	announce: string;
	fake: FakeRaydocsOptions;
	/** Raydocs credentials to import for the fake's full token (100 requests / 60 s). */
	credentials?: Array<{ id: string; name: string }>;
	/** 'install' (default) installs a missing release (minutes); 'fail' stops (compat, whose runner installs). */
	whenMissing?: 'install' | 'fail';
	timeoutMs?: number;
}

/** One n8n of a suite that runs several side by side, e.g. one per poll scheduler. */
export interface HostVariant {
	/** Names the host in the run folder and the announcement. */
	label: string;
	/** Extra environment for n8n, e.g. the durable poll scheduler's switches. */
	env?: Record<string, string>;
	/** More credentials for this host (asked for when it is set up), imported with the Raydocs ones in one `n8n import:credentials`. */
	credentials?: () => CredentialImport[];
	/** Runs as soon as this host is ready (the others may still be setting up), before `setUp`. */
	ready?: (host: N8nHost, fake: FakeRaydocs) => void | Promise<void>;
}

/**
 * Registers the suite's beforeAll/afterAll: the fake Raydocs server and one n8n host per variant,
 * set up side by side, each with the package installed like a user installs it and the credentials
 * imported. `setUp` gets them all (by label); the hosts are disposed before the fake is closed,
 * after any afterAll the suite declared earlier.
 */
export function useFakeAndN8nHosts(
	options: SuiteOptions & { hosts: HostVariant[] },
	setUp: (suite: { fake: FakeRaydocs; hosts: Record<string, N8nHost> }) => void | Promise<void>,
): void {
	let fake: FakeRaydocs | undefined;
	const hosts: Record<string, N8nHost> = {};
	beforeAll(
		async () => {
			if (options.whenMissing === 'fail') {
				if (!isInstalled(options.line))
					throw new Error(
						`n8n ${N8N_HOSTS[options.line].version} is not installed: npm run test:compat installs it`,
					);
			} else {
				// A no-op version check when `npm run n8n:install` ran; a full install (minutes) otherwise.
				await ensureInstalled(options.line);
			}
			const started = await startFakeRaydocs(options.fake);
			fake = started;
			const { token, url } = started;
			const raydocsCredentials: CredentialImport[] = (options.credentials ?? []).map((credential) => ({
				...credential,
				type: 'raydocsApi',
				data: { accessToken: token, baseUrl: url, rateLimitRequests: 100, rateLimitWindowSeconds: 60 },
			}));
			await Promise.all(
				options.hosts.map(async (variant) => {
					const purpose = variant.label ? `${options.purpose}-${variant.label}` : options.purpose;
					const host = await N8nHost.create({ line: options.line, purpose, env: variant.env });
					hosts[variant.label] = host;
					process.stdout.write(`${options.announce}${variant.label ? ` (${variant.label})` : ''}; run folder ${host.runDir}\n`);
					await installPackage(host);
					const credentials = [...raydocsCredentials, ...(variant.credentials?.() ?? [])];
					if (credentials.length) await host.importCredentials(credentials);
					await variant.ready?.(host, started);
				}),
			);
			await setUp({ fake: started, hosts });
		},
		options.timeoutMs ?? 30 * 60_000,
	);

	afterAll(async () => {
		for (const host of Object.values(hosts)) await host.dispose();
		await fake?.close();
	});
}

/** useFakeAndN8nHosts with one host: `setUp` gets the fake and that host. */
export function useFakeAndN8n(options: SuiteOptions, setUp: (suite: FakeAndN8n) => void | Promise<void>): void {
	useFakeAndN8nHosts({ ...options, hosts: [{ label: '' }] }, async ({ fake, hosts }) => await setUp({ fake, host: hosts[''] }));
}

/** For the cases of one describe block: `n8n start` before them (REST client ready), stopped after. */
export function useStartedN8n(host: () => N8nHost, started: (rest: N8nRest) => void): void {
	beforeAll(async () => {
		await host().start();
		started(await host().rest());
	}, 180_000);

	afterAll(async () => {
		// undefined when the suite's set-up failed
		await (host() as N8nHost | undefined)?.stop();
	});
}
