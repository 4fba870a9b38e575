/* eslint-disable @n8n/community-nodes/no-restricted-globals -- drives real n8n processes in tests; never shipped */
/**
 * The jest hooks every real-n8n suite (test/e2e, test/compat) starts with: the fake Raydocs server
 * and one n8n host with the package installed like a user installs it, both stopped after the
 * suite; and, for a block of cases against `n8n start`, the host started with its REST client.
 */
import { installPackage } from '../../scripts/n8n/communityPackage';
import { N8nHost } from '../../scripts/n8n/host';
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

/**
 * Registers the suite's beforeAll/afterAll. `setUp` gets both once the package is installed and
 * the credentials imported; it is where the suite keeps them and adds its own set-up. The host is
 * disposed before the fake is closed, after any afterAll the suite declared earlier.
 */
export function useFakeAndN8n(
	options: {
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
	},
	setUp: (suite: FakeAndN8n) => void | Promise<void>,
): void {
	let fake: FakeRaydocs | undefined;
	let host: N8nHost | undefined;
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
			fake = await startFakeRaydocs(options.fake);
			host = await N8nHost.create({ line: options.line, purpose: options.purpose });
			process.stdout.write(`${options.announce}; run folder ${host.runDir}\n`);
			await installPackage(host);
			const { token, url } = fake;
			if (options.credentials?.length) {
				await host.importCredentials(
					options.credentials.map((credential) => ({
						...credential,
						type: 'raydocsApi',
						data: {
							accessToken: token,
							baseUrl: url,
							rateLimitRequests: 100,
							rateLimitWindowSeconds: 60,
						},
					})),
				);
			}
			await setUp({ fake, host });
		},
		options.timeoutMs ?? 30 * 60_000,
	);

	afterAll(async () => {
		await host?.dispose();
		await fake?.close();
	});
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
