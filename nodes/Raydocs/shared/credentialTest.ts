import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { isUnknownRoute, readHttpFailure, redactSecrets, retryAfterMs } from './errors';
import { normalizeBaseUrl } from './baseUrl';

/** Name under which both nodes offer the test (their credential entry's `testedBy` spells it out). */
export const CREDENTIAL_TEST_NAME = 'raydocsApiTest';

const TEST_TIMEOUT_MS = 30_000;

export interface CredentialTestAnswer {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

function parsedBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/**
 * Raydocs answers every error with a JSON `{message}` (Laravel). An error without one came from
 * something in front of it or instead of it (a proxy, a firewall, a storage host, a wrong Base URL),
 * and then says nothing about the token.
 */
function raydocsMessage(answer: CredentialTestAnswer): string | undefined {
	const contentType = String(answer.headers['content-type'] ?? answer.headers['Content-Type'] ?? '');
	const body = answer.body as { message?: unknown } | null;
	if (!/json/i.test(contentType) || typeof body !== 'object' || body === null) return undefined;
	return typeof body.message === 'string' ? redactSecrets(body.message.trim()) : undefined;
}

function isWorkspaceList(body: unknown): boolean {
	return Array.isArray(body) || (typeof body === 'object' && body !== null && Array.isArray((body as { data?: unknown }).data));
}

/**
 * The verdict on the answer to `GET /workspaces`, in the credential's own words. Used on every n8n
 * line: n8n 1.x shows its generic texts ("Authorization failed - please check your credentials")
 * for the rules of a declarative `test` and sends the request twice after a 401.
 */
export function judgeCredentialTestAnswer(answer: CredentialTestAnswer, baseUrl: string): INodeCredentialTestResult {
	const status = answer.statusCode;
	const said = raydocsMessage(answer);
	const saidSuffix = said ? ` Raydocs said: "${said}"` : '';
	const notRaydocs = `The answer did not come from the Raydocs API (no Raydocs error body): a proxy, firewall or another service at ${baseUrl} answered, so the token was not checked. Check the Base URL (https://api.raydocs.com unless you use a different deployment) and any proxy in between.`;
	if (status >= 200 && status < 300) {
		if (isWorkspaceList(answer.body)) return { status: 'OK', message: 'Connection successful!' };
		return {
			status: 'Error',
			message: `${baseUrl} answered GET /workspaces with HTTP ${status} but not with a Raydocs workspace list. Check the Base URL: it should be the API root, e.g. https://api.raydocs.com.`,
		};
	}
	if (status === 401) {
		if (!said) return { status: 'Error', message: `HTTP 401 for GET /workspaces. ${notRaydocs}` };
		return {
			status: 'Error',
			message:
				'Raydocs rejected the access token: it is invalid, expired or revoked. Create a new token in Raydocs (Settings → Access Tokens) and paste it here.',
		};
	}
	if (status === 403) {
		if (!said) return { status: 'Error', message: `HTTP 403 for GET /workspaces. ${notRaydocs}` };
		return {
			status: 'Error',
			message: `The access token is valid but lacks the "workspaces-read" ability. Edit the token in Raydocs (Settings → Access Tokens) and grant "workspaces-read" plus the abilities your workflows need.${saidSuffix}`,
		};
	}
	if (status === 404) {
		const words = said ? ` ("${said}")` : '';
		const routeMissing = isUnknownRoute(said ? answer.body : undefined);
		return {
			status: 'Error',
			message: routeMissing
				? `No Raydocs API answered at this base URL (HTTP 404 for /workspaces${words}). Check the Base URL: it should be https://api.raydocs.com unless you use a different deployment, without a path or version.`
				: `Raydocs answered HTTP 404 for /workspaces${words}. Check the Base URL: it should be https://api.raydocs.com unless you use a different deployment.`,
		};
	}
	if (status === 429) {
		const wait = retryAfterMs({ headers: answer.headers, message: '' });
		const after = wait !== undefined ? ` Try again in ${Math.ceil(wait / 1000)} s.` : ' Try again in a minute.';
		return {
			status: 'Error',
			message: `Raydocs' rate limit is reached for this token or IP (HTTP 429), so the token could not be checked now.${after}`,
		};
	}
	if (status >= 500) {
		return {
			status: 'Error',
			message: `Raydocs had a server problem (HTTP ${status}), so the token could not be checked. Try again later.${saidSuffix}`,
		};
	}
	return {
		status: 'Error',
		message: said
			? `Raydocs answered GET /workspaces with HTTP ${status}: "${said}"`
			: `HTTP ${status} for GET /workspaces. ${notRaydocs}`,
	};
}

/**
 * The credential test: one `GET /workspaces` with the token, read whatever its status, judged by
 * judgeCredentialTestAnswer. Redirects are not followed, so the token goes to the Base URL only.
 */
export async function testRaydocsCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted<ICredentialDataDecryptedObject>,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const baseUrl = normalizeBaseUrl(data.baseUrl);
	const token = typeof data.accessToken === 'string' ? data.accessToken.trim() : '';
	if (!/^https?:\/\/[^/]/i.test(baseUrl)) {
		return { status: 'Error', message: `The Base URL is not a URL: "${baseUrl}". Use https://api.raydocs.com unless you use a different deployment.` };
	}
	if (!token) {
		return { status: 'Error', message: 'The access token is empty. Create a token in Raydocs (Settings → Access Tokens) and paste it here.' };
	}
	try {
		// A credential test gets no other HTTP helper on n8n 1.x or 2.x (CredentialTestContext).
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		const response = (await this.helpers.request({
			method: 'GET',
			uri: `${baseUrl}/workspaces`,
			headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			followRedirect: false,
			timeout: TEST_TIMEOUT_MS,
		})) as { statusCode: number; headers?: Record<string, unknown>; body?: unknown };
		return judgeCredentialTestAnswer(
			{ statusCode: Number(response.statusCode), headers: { ...response.headers }, body: parsedBody(response.body) },
			baseUrl,
		);
	} catch (error) {
		const failure = readHttpFailure(error);
		const why = failure.code ? ` (network code ${failure.code})` : '';
		return {
			status: 'Error',
			message: redactSecrets(
				`Could not reach ${baseUrl}${why}. Check the Base URL and that this n8n instance can reach it.`,
			),
		};
	}
}
