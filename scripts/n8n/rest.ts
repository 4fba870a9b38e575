/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test tooling for a throwaway local n8n; never shipped */
/**
 * n8n's internal REST API (the one the editor uses), headless. A fresh database has a "shell"
 * owner without email once the CLI imported something; `POST /rest/owner/setup` completes it and
 * returns the auth cookie. That cookie is bound to the `browser-id` header, so every call sends
 * the same one.
 */
import { createRequire } from 'module';
import { join } from 'path';

import { installPrefix, type N8nLine } from './hosts';
import { sleep } from './processes';

export const LOCAL_OWNER = {
	email: 'owner@example.com',
	firstName: 'Local',
	lastName: 'Owner',
	password: 'Raydocs-local-1',
};

export interface NodeTypeDescription {
	name: string;
	displayName?: string;
	version: number | number[];
	credentials?: Array<{ name: string }>;
}

export interface CredentialTypeDescription {
	name: string;
	displayName?: string;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface CredentialToTest {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

interface RestExecution {
	id: string;
	mode: string;
	status: string;
	stoppedAt?: string | null;
	/** The run data, serialised with `flatted` (n8n ships it). */
	data: string;
}

export interface FinishedExecution {
	id: string;
	/** 'trigger' for runs a trigger started, 'manual' for the editor's runs. */
	mode: string;
	status: string;
	/** The run data (IRunExecutionData). */
	data: unknown;
}

export class N8nRest {
	private cookie = '';

	private readonly browserId = 'raydocs-harness';

	constructor(
		readonly baseUrl: string,
		readonly line: N8nLine,
	) {}

	async request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		const auth = response.headers.getSetCookie().find((cookie) => cookie.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			// not JSON (an HTML error page): keep the text
		}
		return { status: response.status, body: parsed as T };
	}

	/** REST answers wrap their payload in `{ data }`; static type files do not. */
	private async data<T>(method: string, path: string, body?: unknown): Promise<T> {
		const { status, body: answer } = await this.request<{ data: T }>(method, path, body);
		if (status !== 200) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(answer).slice(0, 500)}`);
		return answer.data;
	}

	/** Sets up the owner on a fresh instance, or logs in when it already exists. */
	async signIn(owner = LOCAL_OWNER): Promise<void> {
		const setup = await this.request('POST', '/rest/owner/setup', owner);
		if (setup.status === 200) return;
		const login = await this.request('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
		if (login.status !== 200) {
			throw new Error(`could not sign in to n8n: owner setup answered ${setup.status}, login ${login.status}`);
		}
	}

	/** Every node type the instance loaded (the editor's /types/nodes.json). */
	async nodeTypes(): Promise<NodeTypeDescription[]> {
		const { status, body } = await this.request<NodeTypeDescription[]>('GET', '/types/nodes.json');
		if (status !== 200) throw new Error(`GET /types/nodes.json answered ${status}`);
		return body;
	}

	async credentialTypes(): Promise<CredentialTypeDescription[]> {
		const { status, body } = await this.request<CredentialTypeDescription[]>('GET', '/types/credentials.json');
		if (status !== 200) throw new Error(`GET /types/credentials.json answered ${status}`);
		return body;
	}

	/** The editor's "Test" button: n8n runs the credential type's `test` request and its rules. */
	async testCredential(credential: CredentialToTest): Promise<CredentialTestResult> {
		return await this.data<CredentialTestResult>('POST', '/rest/credentials/test', { credentials: credential });
	}

	/**
	 * Runs a workflow in manual mode from the given trigger, as the editor's "Execute workflow" or
	 * "Fetch test event" does, and waits for it to finish. Polling triggers run their poll() in
	 * this mode only. Returns the execution with its run data parsed.
	 */
	async runManually(
		workflowId: string,
		triggerName: string,
		timeoutMs = 120_000,
	): Promise<FinishedExecution> {
		let body: Record<string, unknown> = { triggerToStartFrom: { name: triggerName } };
		if (this.line === '1') {
			// 1.x runs the workflow the request carries; 2.x reads it from the database.
			body = { ...body, workflowData: await this.data<unknown>('GET', `/rest/workflows/${workflowId}`) };
		}
		const { executionId } = await this.data<{ executionId: string }>('POST', `/rest/workflows/${workflowId}/run`, body);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const execution = await this.execution(executionId);
			if (execution) return execution;
			await sleep(250);
		}
		throw new Error(`execution ${executionId} did not finish within ${timeoutMs / 1000} s`);
	}

	/** The ids of a workflow's executions, newest first (the editor's Executions tab). */
	async executionIds(workflowId: string): Promise<string[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await this.data<{ results: Array<{ id: string }> }>('GET', `/rest/executions?filter=${filter}&limit=100`);
		return page.results.map((execution) => execution.id);
	}

	/** A finished execution with its run data parsed; undefined while it is still running. */
	async execution(executionId: string): Promise<FinishedExecution | undefined> {
		const execution = await this.data<RestExecution>('GET', `/rest/executions/${executionId}`);
		// n8n 1.82 may report stoppedAt while the run data is still the empty "[]" it starts with.
		if (!execution.stoppedAt || execution.data === '[]') return undefined;
		return { id: execution.id, mode: execution.mode, status: execution.status, data: this.parseFlatted(execution.data) };
	}

	/** Execution data is stored in `flatted` form; the host's own copy of flatted reads it. */
	private parseFlatted(text: string): unknown {
		const requireFromHost = createRequire(join(installPrefix(this.line), 'package.json'));
		const flatted = requireFromHost('flatted') as { parse(text: string): unknown };
		return flatted.parse(text);
	}
}
