import { NodeOperationError, sleep } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IExecuteFunctions,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	IPollFunctions,
} from 'n8n-workflow';

import { normalizeBaseUrl } from './baseUrl';
import { requestedItemCount } from './descriptions';
import { sendInDocumentedForm } from './documentedForms';
import { matchEndpoint } from './endpoints';
import { failureOfResponse, MALFORMED_RESPONSE, raydocsApiError, readHttpFailure, type HttpFailure } from './errors';
import { nextPageOf, readListAnswer } from './listResponse';
import { acquireRequestSlot, pauseRequests, type RequestPriority, type SlotAnswer, type SlotDeadline } from './rateLimiter';
import { retryPolicy, transientRetryWaitMs } from './retries';
import { rateLimitedWaitMs } from './serverRateLimit';
import { NEW_TOKEN_FIX } from './tokenHelp';

export const CREDENTIAL_TYPE = 'raydocsApi';

export type RaydocsContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| IExecutePaginationFunctions
	| ILoadOptionsFunctions
	| IPollFunctions;

interface CredentialSettings {
	baseUrl: string;
	accessToken: string;
	limiterKey: string;
	requests: number;
	windowSeconds: number;
}

/** Checked before any request: a typo in the credential reads as such, not as a network error. */
function assertUsableCredential(context: RaydocsContext, baseUrl: string, accessToken: unknown): void {
	const protocol = URL.canParse(baseUrl) ? new URL(baseUrl).protocol : '';
	if (protocol !== 'https:' && protocol !== 'http:') {
		throw new NodeOperationError(context.getNode(), `The Base URL of the Raydocs credential is not a URL: "${baseUrl}"`, {
			description: 'Open the Raydocs credential and set Base URL to https://api.raydocs.com (or your deployment\'s address, starting with https://).',
		});
	}
	if (typeof accessToken !== 'string' || accessToken.trim() === '') {
		throw new NodeOperationError(context.getNode(), 'The Raydocs credential has no access token', { description: NEW_TOKEN_FIX });
	}
}

async function credentialSettings(context: RaydocsContext): Promise<CredentialSettings> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const baseUrl = normalizeBaseUrl(credentials.baseUrl);
	assertUsableCredential(context, baseUrl, credentials.accessToken);
	const requests = Math.max(1, Number(credentials.rateLimitRequests) || 100);
	const windowSeconds = Math.max(0.001, Number(credentials.rateLimitWindowSeconds) || 60);
	// Raydocs counts per IP address, not per token: every credential for this API shares one window.
	return { baseUrl, accessToken: String(credentials.accessToken), limiterKey: baseUrl, requests, windowSeconds };
}

function itemIndexOf(context: RaydocsContext): number | undefined {
	return 'getItemIndex' in context ? context.getItemIndex() : undefined;
}

function pathBelow(url: string, baseUrl: string): string {
	const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
	return path.split('?')[0] || '/';
}

/** How long to wait before the next attempt, or undefined when the failure is final. */
function retryWaitMs(failure: HttpFailure, attempt: number, retrySafe: boolean, windowMs: number): number | undefined {
	if (failure.status === 429) {
		// Raydocs did not process a refused call: it is repeated whatever it was.
		const waitMs = rateLimitedWaitMs(failure.headers, windowMs);
		return attempt < retryPolicy.maxRateLimitedAttempts && waitMs <= retryPolicy.maxRetryAfterMs ? waitMs : undefined;
	}
	return retrySafe ? transientRetryWaitMs(failure, attempt, 'api') : undefined;
}

/** The failure of an answer that is no failure by its status but not JSON either (axios hands back the raw text). */
function malformedBody(response: IN8nHttpFullResponse, options: IHttpRequestOptions): HttpFailure | undefined {
	const body: unknown = response.body;
	if (options.encoding === 'arraybuffer' || typeof body !== 'string' || body.trim() === '') return undefined;
	return { headers: {}, code: MALFORMED_RESPONSE, message: 'The response body is not valid JSON' };
}

/**
 * One attempt: sends a fresh copy of the options (n8n's helpers write the Authorization header into
 * the options they get), tells the limiter what the answer said (its X-RateLimit-* headers; a
 * refused 429 gives its slot back), and reads the status itself.
 */
async function attemptOnce(
	context: RaydocsContext,
	options: IHttpRequestOptions,
	settleSlot: (answer?: SlotAnswer) => void,
): Promise<{ response: IN8nHttpFullResponse } | { failure: HttpFailure }> {
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
			...options,
			headers: { ...options.headers },
			returnFullResponse: true,
			// The status is read here: n8n 1.x's errors lose the headers (Retry-After).
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		const failure = readHttpFailure(error);
		settleSlot({ headers: failure.headers, refused: failure.status === 429 });
		return { failure };
	}
	const failure = failureOfResponse(response) ?? malformedBody(response, options);
	settleSlot({ headers: response.headers, refused: failure?.status === 429 });
	return failure ? { failure } : { response };
}

/**
 * Sends one Raydocs call with the credential, the one way out for every request the node makes:
 * waits for a rate-limit slot, repeats what is safe to repeat (a 429 as Raydocs asks), and turns
 * the final failure into an actionable NodeApiError without the token. `options.url` is a path
 * below the credential's Base URL, which is where the request goes.
 */
async function sendWithPolicy(
	context: RaydocsContext,
	options: IHttpRequestOptions,
	{ priority = 'normal', deadline = Infinity }: { priority?: RequestPriority; deadline?: number } = {},
): Promise<IN8nHttpFullResponse> {
	const settings = await credentialSettings(context);
	const method = (options.method ?? 'GET').toUpperCase();
	const path = pathBelow(options.url, settings.baseUrl);
	const retrySafe = matchEndpoint(method, path)?.endpoint.retrySafe ?? method !== 'POST';
	const windowMs = settings.windowSeconds * 1000;
	// The token goes to the credential's host only, whatever the options say.
	const request: IHttpRequestOptions = { ...options, baseURL: settings.baseUrl };
	const slotDeadline = budgetDeadline(context, settings, deadline);
	for (let attempt = 1; ; attempt++) {
		const settleSlot = await acquireRequestSlot(settings.limiterKey, settings.requests, windowMs, priority, slotDeadline);
		const outcome = await attemptOnce(context, request, settleSlot);
		if ('response' in outcome) return outcome.response;
		const { failure } = outcome;
		const waitMs = retryWaitMs(failure, attempt, retrySafe, windowMs);
		// A wait past the deadline is not waited: the failure is final for this caller.
		if (waitMs !== undefined && Date.now() + waitMs <= deadline) {
			if (failure.status === 429) pauseRequests(settings.limiterKey, Date.now() + waitMs);
			await sleep(waitMs);
			continue;
		}
		throw raydocsApiError(
			context.getNode(),
			failure,
			{
				method,
				path,
				body: options.body,
				attempts: attempt,
				retrySafe,
				rateLimit: { requests: settings.requests, windowSeconds: settings.windowSeconds },
				secrets: [settings.accessToken],
			},
			itemIndexOf(context),
		);
	}
}

/** Refuses a wait for the budget past a caller's deadline, with what it would have been (nothing was sent). */
function budgetDeadline(context: RaydocsContext, settings: CredentialSettings, deadline: number): SlotDeadline | undefined {
	if (deadline === Infinity) return undefined;
	return {
		at: deadline,
		refuse: (freeInMs) =>
			new NodeOperationError(
				context.getNode(),
				`The Raydocs request budget (${settings.requests} requests per ${settings.windowSeconds} s) has no room for ${Math.ceil(freeInMs / 1000)} s, longer than this poll may take`,
				{
					description:
						'Nothing was sent. The next poll tries again. If this repeats, other Raydocs work on this n8n (or on the same IP address) is using the budget: check less often, or spread that work out.',
				},
			),
	};
}

export interface RaydocsRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, e.g. `/workspaces`. */
	url: string;
	qs?: IHttpRequestOptions['qs'];
	body?: IHttpRequestOptions['body'];
	headers?: IHttpRequestOptions['headers'];
	/** Binary download (Excel exports): the body comes back as a Buffer. */
	binary?: boolean;
	timeout?: number;
	/** 'low' for the status checks of a wait: they give way to uploads and run starts. */
	priority?: RequestPriority;
	/**
	 * When the caller must be done (epoch ms; a trigger's poll): a wait for the rate limit or a
	 * Retry-After that would end later is not waited, and the call fails at once.
	 */
	deadline?: number;
}

/** A programmatic Raydocs call (custom operations, pickers, the trigger), with the full response. */
export async function raydocsRequest(context: RaydocsContext, request: RaydocsRequest): Promise<IN8nHttpFullResponse> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		body: request.body,
		headers: { Accept: 'application/json', ...request.headers },
		json: !request.binary,
		timeout: request.timeout ?? retryPolicy.requestTimeoutMs,
	};
	if (request.binary) options.encoding = 'arraybuffer';
	return await sendWithPolicy(context, options, { priority: request.priority, deadline: request.deadline });
}

/** Same as raydocsRequest, returning only the parsed body. */
export async function raydocsJson<T = unknown>(context: RaydocsContext, request: RaydocsRequest): Promise<T> {
	return (await raydocsRequest(context, request)).body as T;
}

/**
 * Sends a request n8n's routing engine prepared (routing, pre-send results, proxy, timeout and,
 * from n8n 1.123 on, the credential's allowed domains) through sendWithPolicy, in the documented form of
 * the call the server has. The engine's options are copied, never written to.
 */
async function sendPreparedRequest(
	context: IExecutePaginationFunctions,
	options: DeclarativeRestApiSettings.HttpRequestOptions,
): Promise<IN8nHttpFullResponse> {
	const { method = 'GET', url = '', body } = options;
	const baseUrlOf = async () => (await credentialSettings(context)).baseUrl;
	return await sendInDocumentedForm(baseUrlOf, { method, url, body }, async (form) =>
		await sendWithPolicy(context, {
			// what n8n hands its own HTTP helper, with expressions resolved
			...(options as Omit<IHttpRequestOptions, 'url'>),
			method: form.method as IHttpRequestMethods,
			url: form.url,
			body: form.body as IHttpRequestOptions['body'],
			timeout: Math.min(options.timeout ?? Infinity, retryPolicy.requestTimeoutMs),
		}),
	);
}

type OutputStep = DeclarativeRestApiSettings.ResultOptions['postReceive'][number];
type OutputFunction = Extract<OutputStep['actions'][number], (...args: never[]) => unknown>;

/**
 * The operation's output steps (its `postReceive`, as n8n collected them for the item) as the
 * functions they are. The node declares functions only (the description test holds it): a
 * declarative action (`set`, `rootProperty`...) needs n8n's expression engine, so it fails here,
 * loudly and before anything is sent, instead of being skipped.
 */
function outputFunctionsOf(context: IExecutePaginationFunctions, steps: readonly OutputStep[]): OutputFunction[] {
	return steps.flatMap((step) =>
		step.actions.map((action) => {
			if (typeof action === 'function') return action;
			throw new NodeOperationError(context.getNode(), `The Raydocs node declares an output step of type "${action.type}", which it cannot run`, {
				description: 'This is a defect of the Raydocs node, not of your workflow: please report it. Nothing was sent to Raydocs.',
			});
		}),
	);
}

/**
 * The items of a routed answer, made as n8n's engine makes them (RoutingNode's
 * postProcessResponseData): without output steps, a top-level array gives one item per element
 * and any other body one item; otherwise each step runs in turn on `[{ json: body }]` and the full
 * response.
 */
export async function routedOutput(
	context: IExecutePaginationFunctions,
	steps: readonly OutputFunction[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as INodeExecutionData['json'];
	if (steps.length === 0) return Array.isArray(body) ? (body as INodeExecutionData['json'][]).map((json) => ({ json })) : [{ json: body }];
	let items: INodeExecutionData[] = [{ json: body }];
	for (const step of steps) items = await step.call(context, items, response);
	return items;
}

/**
 * The node's pagination function (see transportWiring.ts), through which n8n hands over every
 * routed request: sends it with the transport and shapes the answer with the operation's output
 * steps.
 */
export async function sendRoutedRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const steps = outputFunctionsOf(this, requestData.postReceive);
	const response = await sendPreparedRequest(this, requestData.options);
	return await routedOutput(this, steps, response);
}

/**
 * Get Many: follows Laravel's page numbers for Return All, or stops as soon as Limit is reached.
 * Every page keeps the user's filters because only `page` changes between requests.
 */
export async function sendRoutedListRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const steps = outputFunctionsOf(this, requestData.postReceive);
	const limit = requestedItemCount(this, requestData);
	const collected: INodeExecutionData[] = [];
	const firstPage = Number((requestData.options.qs ?? {}).page ?? 1);
	for (let page: number | undefined = firstPage; page !== undefined && collected.length < limit; ) {
		const qs = page === firstPage ? requestData.options.qs : { ...requestData.options.qs, page };
		const response = await sendPreparedRequest(this, { ...requestData.options, qs });
		const items = await routedOutput(this, steps, response);
		collected.push(...readListAnswer(items).items.map((json) => ({ json })));
		page = nextPageOf(response.body, page);
	}
	return Number.isFinite(limit) ? collected.slice(0, limit) : collected;
}
