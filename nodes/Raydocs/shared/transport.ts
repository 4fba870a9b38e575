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
import { sendInDocumentedForm } from './documentedForms';
import { matchEndpoint } from './endpoints';
import {
	assertSuccessStatus,
	MALFORMED_RESPONSE,
	raydocsApiError,
	readHttpFailure,
	type HttpFailure,
} from './errors';
import { requestedItemCount } from './descriptions';
import { readListPage } from './listResponse';
import { acquireRequestSlot, pauseRequests, type RequestPriority, type SlotAnswer } from './rateLimiter';
import { rateLimitedWaitMs } from './serverRateLimit';

export const CREDENTIAL_TYPE = 'raydocsApi';

export type RaydocsContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| IExecutePaginationFunctions
	| ILoadOptionsFunctions
	| IPollFunctions;

/** How hard the transport tries before it gives up; tests shorten the waits. */
export const retryPolicy = {
	/** Attempts for 429 answers, which Raydocs did not process. */
	maxRateLimitedAttempts: 6,
	/** Attempts for 502/503/504, dropped connections and unparsable bodies on retry-safe calls. */
	maxTransientAttempts: 4,
	/** First backoff for transient faults; doubles each time. */
	backoffBaseMs: 500,
	/** Longest single wait the node accepts from Retry-After before it gives up. */
	maxRetryAfterMs: 120_000,
	/** Longest wait for one answer (n8n's own default for declarative nodes). */
	requestTimeoutMs: 300_000,
};

const TRANSIENT_STATUSES = new Set<number | undefined>([502, 503, 504]);

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
		throw new NodeOperationError(context.getNode(), 'The Raydocs credential has no access token', {
			description: 'Create a token in Raydocs (profile → Settings → Access Tokens) and paste it into the credential\'s Access Token field.',
		});
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

function pathOf(url: string, baseUrl: string): string {
	const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
	return path.split('?')[0] || '/';
}

/** How long to wait before the next attempt, or undefined when the failure is final. */
function retryWaitMs(failure: HttpFailure, attempt: number, retrySafe: boolean, windowMs: number): number | undefined {
	if (failure.status === 429) {
		const waitMs = rateLimitedWaitMs(failure.headers, windowMs);
		return attempt < retryPolicy.maxRateLimitedAttempts && waitMs <= retryPolicy.maxRetryAfterMs ? waitMs : undefined;
	}
	// No status but a code: the connection failed, or the body was not JSON (MALFORMED_RESPONSE).
	const transient = TRANSIENT_STATUSES.has(failure.status) || (failure.status === undefined && failure.code !== undefined);
	if (transient && retrySafe && attempt < retryPolicy.maxTransientAttempts) {
		return retryPolicy.backoffBaseMs * 2 ** (attempt - 1);
	}
	return undefined;
}

/**
 * Sends one logical Raydocs call: waits for a rate-limit slot, retries what is safe to retry, and
 * turns the final failure into an actionable NodeApiError.
 */
async function sendWithPolicy<T>(
	context: RaydocsContext,
	method: string,
	url: string,
	send: (baseUrl: string, onResponseHeaders: (headers: unknown) => void) => Promise<T>,
	validate?: (result: T) => void,
	priority: RequestPriority = 'normal',
): Promise<T> {
	const settings = await credentialSettings(context);
	const path = pathOf(url, settings.baseUrl);
	const endpoint = matchEndpoint(method, path);
	const retrySafe = endpoint?.endpoint.retrySafe ?? method.toUpperCase() !== 'POST';
	for (let attempt = 1; ; attempt++) {
		const settleSlot = await acquireRequestSlot(
			settings.limiterKey,
			settings.requests,
			settings.windowSeconds * 1000,
			priority,
		);
		const outcome = await attemptOnce(send, settings.baseUrl, settleSlot, validate);
		if ('result' in outcome) return outcome.result;
		const { failure } = outcome;
		const waitMs = retryWaitMs(failure, attempt, retrySafe, settings.windowSeconds * 1000);
		if (waitMs !== undefined) {
			if (failure.status === 429) pauseRequests(settings.limiterKey, Date.now() + waitMs);
			await sleep(waitMs);
			continue;
		}
		throw raydocsApiError(
			context.getNode(),
			failure,
			{
				method: method.toUpperCase(),
				path,
				attempts: attempt,
				retrySafe,
				rateLimit: { requests: settings.requests, windowSeconds: settings.windowSeconds },
				secrets: [settings.accessToken],
			},
			itemIndexOf(context),
		);
	}
}

/**
 * One attempt: sends, tells the limiter what the answer said (once: a refused 429 gives its slot
 * back), then checks the result.
 */
async function attemptOnce<T>(
	send: (baseUrl: string, onResponseHeaders: (headers: unknown) => void) => Promise<T>,
	baseUrl: string,
	settleSlot: (answer?: SlotAnswer) => void,
	validate?: (result: T) => void,
): Promise<{ result: T } | { failure: HttpFailure }> {
	let result: T;
	try {
		let headers: unknown;
		result = await send(baseUrl, (received) => (headers = received));
		settleSlot({ headers });
	} catch (error) {
		const failure = readHttpFailure(error);
		settleSlot({ headers: failure.headers, refused: failure.status === 429 });
		return { failure };
	}
	try {
		validate?.(result);
		return { result };
	} catch (error) {
		return { failure: readHttpFailure(error) };
	}
}

class MalformedResponseError extends Error {
	code = MALFORMED_RESPONSE;
}

function assertJsonBody(body: unknown): void {
	// axios hands back the raw text when a JSON body does not parse.
	if (typeof body === 'string' && body.trim() !== '') {
		throw new MalformedResponseError('The response body is not valid JSON');
	}
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
}

/** A programmatic Raydocs call (custom operations, pickers, the trigger), with the full response. */
export async function raydocsRequest(
	context: RaydocsContext,
	request: RaydocsRequest,
): Promise<IN8nHttpFullResponse> {
	return await sendWithPolicy(
		context,
		request.method,
		request.url,
		async (baseUrl, onResponseHeaders) => {
			const options: IHttpRequestOptions = {
				method: request.method,
				baseURL: baseUrl,
				url: request.url,
				qs: request.qs,
				body: request.body,
				headers: { Accept: 'application/json', ...request.headers },
				json: !request.binary,
				returnFullResponse: true,
				// The status is checked here: n8n 1.x's errors lose the headers (Retry-After).
				ignoreHttpStatusErrors: true,
				timeout: request.timeout ?? retryPolicy.requestTimeoutMs,
			};
			if (request.binary) options.encoding = 'arraybuffer';
			const response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				CREDENTIAL_TYPE,
				options,
			)) as IN8nHttpFullResponse;
			onResponseHeaders(response.headers);
			assertSuccessStatus(response);
			return response;
		},
		request.binary ? undefined : (response) => assertJsonBody(response.body),
		request.priority,
	);
}

/** Same as raydocsRequest, returning only the parsed body. */
export async function raydocsJson<T = unknown>(
	context: RaydocsContext,
	request: RaydocsRequest,
): Promise<T> {
	return (await raydocsRequest(context, request)).body as T;
}

function assertJsonItems(items: INodeExecutionData[]): void {
	for (const item of items) assertJsonBody(item.json as unknown);
}

/**
 * The declarative node's one way out: every routed operation reaches Raydocs through here (the node
 * enables "pagination" for all of them), so all of them share the limiter, retries and messages.
 */
export async function sendRoutedRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const { method = 'GET', url = '', body } = requestData.options;
	const baseUrlOf = async () => (await credentialSettings(this)).baseUrl;
	return await sendInDocumentedForm(baseUrlOf, { method, url, body }, async (form) =>
		await sendWithPolicy(
			this,
			form.method,
			form.url,
			// A fresh copy per attempt: the engine writes into the options it is given.
			async (_baseUrl, onResponseHeaders) =>
				await withResponseCheck(requestData, onResponseHeaders, async () =>
					await this.makeRoutingRequest({
						...requestData,
						options: {
							...requestData.options,
							method: form.method as IHttpRequestMethods,
							url: form.url,
							body: form.body as IHttpRequestOptions['body'],
							headers: { ...requestData.options.headers },
							timeout: Math.min(requestData.options.timeout ?? Infinity, retryPolicy.requestTimeoutMs),
							ignoreHttpStatusErrors: true,
						},
					}),
				),
			assertJsonItems,
		),
	);
}

type PostReceiveStep = DeclarativeRestApiSettings.ResultOptions['postReceive'][number];

/** The status check takes no parameter value from the node (n8n passes `data.parameterValue` to it). */
const NO_PARAMETER_VALUE: PostReceiveStep['data'] = { parameterValue: undefined };

/**
 * Routed requests go out with `ignoreHttpStatusErrors` (so that status, body and headers of a
 * failure can be read on n8n 1.x as on 2.x). The engine then hands every answer to the operation's
 * postReceive steps, which see the full response (makeRoutingRequest itself returns only items):
 * a first step passes the headers on to the limiter (X-RateLimit-*) and raises an HttpStatusError
 * before any output shaping runs. The engine post-processes with the `postReceive` array of the
 * request data given to the pagination hook; copies share that array, so the step is added to it
 * for the duration of one call, and the call fails loudly if the engine did not run it.
 */
async function withResponseCheck(
	requestData: DeclarativeRestApiSettings.ResultOptions,
	onResponseHeaders: (headers: unknown) => void,
	send: () => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	let checked = false;
	// Without postReceive steps the engine splits a top-level array into items itself; the check
	// takes over that job when it is the only step.
	const splitArrays = requestData.postReceive.length === 0;
	const step: PostReceiveStep = {
		data: NO_PARAMETER_VALUE,
		actions: [
			async function checkStatus(items: INodeExecutionData[], response: IN8nHttpFullResponse) {
				checked = true;
				onResponseHeaders(response.headers);
				assertSuccessStatus(response);
				// before any output step reshapes a body that did not parse
				assertJsonBody(response.body);
				if (splitArrays && Array.isArray(response.body)) {
					return (response.body as INodeExecutionData['json'][]).map((json) => ({ json }));
				}
				return items;
			},
		],
	};
	requestData.postReceive.unshift(step);
	try {
		const items = await send();
		if (!checked) {
			throw new Error('This n8n version did not let the Raydocs node check the HTTP status of its answer');
		}
		return items;
	} finally {
		const index = requestData.postReceive.indexOf(step);
		if (index >= 0) requestData.postReceive.splice(index, 1);
	}
}

/**
 * Get Many: follows `meta.current_page/last_page` for Return All, or stops as soon as Limit is
 * reached. Every page keeps the user's filters because only `page` changes between requests.
 */
export async function sendRoutedListRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const limit = requestedItemCount(this, requestData);
	const collected: INodeExecutionData[] = [];
	const firstPage = Number((requestData.options.qs ?? {}).page ?? 1);
	for (let page = firstPage; ; ) {
		const qs = page === firstPage ? requestData.options.qs : { ...requestData.options.qs, page };
		const pageItems = await sendRoutedRequest.call(this, {
			...requestData,
			options: { ...requestData.options, qs },
		});
		const listPage = readListPage(pageItems);
		collected.push(...listPage.items);
		// no last page: the answer is the whole list
		const hasMore = (listPage.currentPage ?? page) < (listPage.lastPage ?? 0) && listPage.items.length > 0;
		if (!hasMore || collected.length >= limit) break;
		page = (listPage.currentPage ?? page) + 1;
	}
	return Number.isFinite(limit) ? collected.slice(0, limit) : collected;
}
