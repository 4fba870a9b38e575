import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Raydocs } from '../../nodes/Raydocs/Raydocs.node';
import { matchEndpoint, type RaydocsEndpoint } from '../../nodes/Raydocs/shared/endpoints';
import { forgetDocumentedForms } from '../../nodes/Raydocs/shared/documentedForms';
import { resetRequestWindows } from '../../nodes/Raydocs/shared/rateLimiter';
import { retryPolicy } from '../../nodes/Raydocs/shared/retries';
import { forgetRunDurations } from '../../nodes/Raydocs/shared/runDurations';
import type { FakeRaydocs, FakeRaydocsOptions, RequestLogEntry } from '../../tools/fake-raydocs/server';
import { startFakeRaydocs } from '../../tools/fake-raydocs/server';
import { endpointsOfParameters } from '../../scripts/operations-table';
import { runNode, type RaydocsCredentialData, type RunNodeResult } from '../harness/engine';

export const raydocsNode = new Raydocs();

/** Starts a fake Raydocs for the test file and resets it (and our limiter) before each test. */
const rateLimits = new WeakMap<FakeRaydocs, { limit: number; windowMs: number }>();

export function useFakeRaydocs(options: FakeRaydocsOptions = {}): () => FakeRaydocs {
	let fake: FakeRaydocs | undefined;
	beforeAll(async () => {
		fake = await startFakeRaydocs(options);
		// With the fake's limit off, the client's is lifted too (load and state-size tests).
		if (options.rateLimit !== undefined) {
			rateLimits.set(fake, options.rateLimit || { limit: 1_000_000, windowMs: 1000 });
		}
	});
	beforeEach(() => {
		fake!.reset();
		resetRequestWindows();
		forgetRunDurations();
		forgetDocumentedForms();
		// Real backoff is half a second and up; tests keep the same sequence, scaled down.
		retryPolicy.backoffBaseMs = 20;
	});
	afterAll(async () => {
		await fake?.close();
	});
	return () => fake!;
}

/** The credential for the fake, with the same rate limit the fake enforces (scaled in some tests). */
export function credentialsFor(fake: FakeRaydocs, token = fake.token): RaydocsCredentialData {
	const rateLimit = rateLimits.get(fake) ?? { limit: 100, windowMs: 60_000 };
	return {
		accessToken: token,
		baseUrl: fake.url,
		rateLimitRequests: rateLimit.limit,
		rateLimitWindowSeconds: rateLimit.windowMs / 1000,
	};
}

// Runs in flight per fake: they share its request log, so each may see the others' requests.
const runsInFlight = new WeakMap<FakeRaydocs, Set<Set<RaydocsEndpoint>>>();

/**
 * Every run checks that the requests it sent reach only endpoints its operation declares (the
 * entries its routed request was built from, or its code's declared calls): the README's
 * operations table and the coverage test are derived from those declarations.
 */
export async function runRaydocs(
	fake: FakeRaydocs,
	parameters: INodeParameters,
	options: { token?: string; input?: INodeExecutionData[]; continueOnFail?: boolean; typeVersion?: number } = {},
): Promise<RunNodeResult> {
	const declared = endpointsOfParameters(parameters);
	const allowed = new Set(declared);
	const inFlight = runsInFlight.get(fake) ?? new Set();
	runsInFlight.set(fake, inFlight);
	for (const other of inFlight) {
		other.forEach((endpoint) => allowed.add(endpoint));
		declared.forEach((endpoint) => other.add(endpoint));
	}
	inFlight.add(allowed);
	const sentBefore = fake.log.length;
	try {
		const result = await runNode({
			nodeType: raydocsNode,
			parameters,
			credentials: credentialsFor(fake, options.token),
			input: options.input,
			continueOnFail: options.continueOnFail,
			typeVersion: options.typeVersion,
		});
		expectOnlyCallsTo(allowed, parameters, fake.log.slice(sentBefore));
		return result;
	} finally {
		inFlight.delete(allowed);
	}
}

/** Throws when a request in `sent` went to an endpoint outside `allowed`. */
export function expectOnlyCallsTo(allowed: ReadonlySet<RaydocsEndpoint>, parameters: INodeParameters, sent: RequestLogEntry[]): void {
	for (const entry of sent) {
		if (entry.listener !== 'api') continue;
		const endpoint = matchEndpoint(entry.method, entry.path)?.endpoint;
		if (!endpoint || !allowed.has(endpoint)) {
			const operation = `${String(parameters.resource)}:${String(parameters.operation)}`;
			const known = [...allowed].map((candidate) => `${candidate.method} ${candidate.path}`).join(', ');
			throw new Error(`${operation} sent ${entry.method} ${entry.path}, which is not among its declared endpoints (${known})`);
		}
	}
}

/** Requests that reached the API listener, in order. */
export function apiRequests(fake: FakeRaydocs): RequestLogEntry[] {
	return fake.log.filter((entry) => entry.listener === 'api');
}

export function requestLines(fake: FakeRaydocs): string[] {
	return apiRequests(fake).map((entry) => `${entry.method} ${entry.path}`);
}

export const byId = (id: string | number) => ({ __rl: true, mode: 'id', value: String(id) });

/** Extraction → Extract Document on binary files with the seeded template, polling fast; `extra` overrides. */
export function extractDocumentParameters(fake: FakeRaydocs, extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'extraction',
		operation: 'extractDocument',
		templateId: byId(fake.state.seed!.templateId),
		inputSource: 'binary',
		allBinaries: false,
		binaryPropertyName: 'data',
		simplify: true,
		fieldLayout: 'flat',
		options: { checkInterval: 0.1, timeout: 20 },
		...extra,
	};
}

/** An input item holding one in-memory file, as n8n's default binary mode stores it. */
export function fileItem(
	content: string | Buffer,
	fileName = 'invoice.pdf',
	mimeType = 'application/pdf',
	property = 'data',
	json: INodeExecutionData['json'] = {},
): INodeExecutionData {
	const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content);
	return {
		json,
		binary: {
			[property]: {
				data: buffer.toString('base64'),
				mimeType,
				fileName,
				fileExtension: fileName.split('.').pop(),
				bytes: buffer.length,
			},
		},
	};
}

export function storageRequests(fake: FakeRaydocs): RequestLogEntry[] {
	return fake.log.filter((entry) => entry.listener === 'storage');
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
