/**
 * Runs our nodes through n8n-core's real execution engine (WorkflowExecute → RoutingNode, or
 * PollContext for triggers) against a real HTTP server. Only the credential store is replaced.
 */
import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PollContext,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
	ExecutionError,
	INodeProperties,
	WorkflowExecuteMode,
	IRunExecutionData,
} from 'n8n-workflow';

import { RaydocsApi } from '../../credentials/RaydocsApi.credentials';

const credentialTypes: Record<string, ICredentialType> = { raydocsApi: new RaydocsApi() };

/** Resolves credentials the way n8n does for generic `authenticate` blocks. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		return { ...(this.data[type] ?? {}) };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || !workflow || !node) return requestOptions;
		const resolved = workflow.expression.getParameterValue(
			authenticate.properties as unknown as INodeParameters,
			null,
			0,
			0,
			node.name,
			[],
			'internal',
			{ $credentials: credentials },
		) as { headers?: IDataObject; qs?: IDataObject };
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, ...resolved.headers },
			qs: { ...requestOptions.qs, ...resolved.qs },
		};
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by the engine in these tests');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return [];
	}
}

export interface RaydocsCredentialData {
	accessToken: string;
	baseUrl: string;
	rateLimitRequests?: number;
	rateLimitWindowSeconds?: number;
}

function nodeTypesFor(nodeType: INodeType): INodeTypes {
	return {
		getByName: () => nodeType,
		getByNameAndVersion: (_name: string, version?: number) =>
			NodeHelpers.getVersionedNodeType(nodeType, version),
		getKnownTypes: () => ({}),
	};
}

function additionalDataFor(
	credentials: RaydocsCredentialData,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	// Only what the engine reads for a single-node run; no jest mocks, so scripts can use it too.
	return {
		hooks,
		currentNodeParameters: undefined,
		encryptedRunnerIdentity: undefined,
		executionId: undefined,
		executionContext: undefined,
		parentExecution: undefined,
		evaluationRunId: undefined,
		evalLlmMockHandler: undefined,
		restartExecutionId: undefined,
		variables: {},
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		credentialsHelper: new TestCredentialsHelper({
			raydocsApi: { ...credentials } as unknown as ICredentialDataDecryptedObject,
		}),
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		restApiUrl: 'http://127.0.0.1:5678/rest',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		userId: 'test-user',
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used in these runs');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

function nodeFor(nodeType: INodeType, parameters: INodeParameters, name = 'Raydocs', typeVersion = 1): INode {
	return {
		id: 'node-under-test',
		name,
		type: nodeType.description.name,
		typeVersion,
		position: [0, 0],
		parameters,
		credentials: { raydocsApi: { id: '1', name: 'Raydocs account' } },
	};
}

export interface RunNodeOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials: RaydocsCredentialData;
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** The node version saved in the workflow; default 1 (what workflows saved before 1.1 hold). */
	typeVersion?: number;
}

export interface RunNodeResult {
	items: INodeExecutionData[];
	error?: ExecutionError;
	run: IRun;
}

/** Executes one node with the given input items through WorkflowExecute, as a manual run does. */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const node = nodeFor(options.nodeType, options.parameters, 'Raydocs', options.typeVersion);
	if (options.continueOnFail) node.onError = 'continueRegularOutput';
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(options.nodeType),
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: workflow.id,
		name: 'Test workflow',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	});
	let finish!: (run: IRun) => void;
	const finished = new Promise<IRun>((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));
	const additionalData = additionalDataFor(options.credentials, hooks);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node, data: { main: [options.input ?? [{ json: {} }]] }, source: null },
			],
		},
	});
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	const run = await finished;
	const task = run.data.resultData.runData[node.name]?.[0];
	return {
		items: task?.data?.main?.[0] ?? [],
		error: task?.error ?? run.data.resultData.error,
		run,
	};
}

/**
 * Runs the node the way n8n runs a declarative node used as an AI tool (the `…Tool` variant under
 * an AI Agent or MCP Server Trigger): the tool input is the one item, on the ai_tool input, and
 * n8n calls the RoutingNode directly (node-types.ts assigns it as `execute`), without WorkflowExecute
 * and so without looking at `customOperations`.
 */
export async function runNodeAsTool(options: RunNodeOptions & { toolInput?: IDataObject }): Promise<INodeExecutionData[][]> {
	// n8n names the tool variant of a node `<type>Tool`.
	const node = { ...nodeFor(options.nodeType, options.parameters, 'Raydocs Tool', options.typeVersion) };
	node.type = `${node.type}Tool`;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: nodeTypesFor(options.nodeType) });
	const toolItem = { json: options.toolInput ?? {} };
	const inputData = { ai_tool: [[toolItem]] };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(options.credentials),
		'internal' as WorkflowExecuteMode,
		createRunExecutionData({}),
		0,
		// $fromAI() reads the tool's arguments from the connection input.
		[toolItem],
		inputData,
		{ node, data: inputData, source: null },
		[],
	);
	const versioned = NodeHelpers.getVersionedNodeType(options.nodeType, node.typeVersion);
	return (await new RoutingNode(context, versioned).runNode()) ?? [];
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * Tests a credential the way n8n's CredentialsTester does (both lines): the credential type's own
 * `test` if it has one, else the function named by `testedBy` on a node that uses it, called with a
 * real CredentialTestContext.
 */
export async function testCredential(credentials: RaydocsCredentialData): Promise<CredentialTestResult> {
	const credentialType = credentialTypes.raydocsApi;
	const testRequest = credentialType.test!;
	const probeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: 'raydocsApi', required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: testRequest.request },
				},
			],
		},
	};
	const node = nodeFor(probeType, {}, 'Temp-Node');
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(probeType),
	});
	const additionalData = additionalDataFor(credentials);
	const runExecutionData: IRunExecutionData = createRunExecutionData({});
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal' as WorkflowExecuteMode,
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const routingNode = new RoutingNode(context, probeType, {
		id: '1',
		name: 'Raydocs account',
		type: 'raydocsApi',
		data: { ...credentials } as unknown as ICredentialDataDecryptedObject,
	});
	try {
		await routingNode.runNode();
	} catch (error) {
		const response = (error as { cause?: { response?: { status?: number; statusText?: string } } })
			.cause?.response;
		if (response?.status) {
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === response.status) {
					return { status: 'Error', message: rule.properties.message as string };
				}
			}
			return {
				status: 'Error',
				message: response.statusText || `Received HTTP status code: ${response.status}`,
			};
		}
		return { status: 'Error', message: (error as Error).message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

export interface PollOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials: RaydocsCredentialData;
	/** Keep the same workflow across calls so static data (the trigger's state) carries over. */
	workflow?: Workflow;
	mode?: 'trigger' | 'manual';
	nodeName?: string;
	/** The time n8n gives one poll (hosts that have getPollBudgetMs); the host's own default if unset. */
	pollBudgetMs?: number;
}

export interface PollHandle {
	workflow: Workflow;
	poll(): Promise<INodeExecutionData[][] | null>;
}

/** A polling trigger under a real PollContext; call poll() as n8n's scheduler would. */
export function pollingTrigger(options: PollOptions): PollHandle {
	const node = nodeFor(options.nodeType, options.parameters, options.nodeName ?? 'Raydocs Trigger');
	const workflow =
		options.workflow ??
		new Workflow({
			id: 'test-workflow',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: nodeTypesFor(options.nodeType),
			staticData: {},
		});
	const additionalData = additionalDataFor(options.credentials);
	const mode = options.mode ?? 'trigger';
	return {
		workflow,
		async poll() {
			const context = new PollContext(
				workflow,
				workflow.getNode(node.name) ?? node,
				additionalData,
				mode,
				mode === 'manual' ? 'manual' : 'activate',
			);
			if (options.pollBudgetMs !== undefined) {
				const budget = options.pollBudgetMs;
				Object.assign(context, { getPollBudgetMs: () => budget });
			}
			return await options.nodeType.poll!.call(context);
		},
	};
}

/**
 * A LoadOptionsContext as the editor builds one when a picker list opens: `currentNodeParameters`
 * are what the user has filled in; requests go through n8n's helpers with the credential applied.
 */
export function loadOptionsContext(
	nodeType: INodeType,
	credentials: RaydocsCredentialData,
	currentNodeParameters: INodeParameters,
	path: string,
): LoadOptionsContext {
	const node = nodeFor(nodeType, currentNodeParameters);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: nodeTypesFor(nodeType) });
	const additionalData = { ...additionalDataFor(credentials), currentNodeParameters };
	return new LoadOptionsContext(workflow, workflow.getNode(node.name) ?? node, additionalData, path);
}

export interface DurablePollHandle {
	/** The poll n8n runs when it activates the workflow: under durable cursors, what it stages is dropped. */
	activate(): Promise<INodeExecutionData[][] | null>;
	/** A scheduled poll: starts from the committed cursor and commits what it staged (with its emission, or alone). */
	poll(): Promise<INodeExecutionData[][] | null>;
	/** What n8n's poller_state table holds for the node. */
	committedCursor(): IDataObject;
}

/**
 * A polling trigger as n8n 2.41 runs it with the durable scheduler and durable poll cursors
 * (n8n: workflows/triggers/trigger-execution-context.factory.js, getExecutePollFunctions; n8n-core:
 * execution-engine/poll-trigger-executor.js): the node's static data is a copy of the committed
 * cursor, staged per poll; a scheduled poll commits it, the activation (test) poll never does; each
 * scheduled poll builds its workflow from the static data n8n saved (after activation and after each
 * emission), so global static data outlives the activation poll.
 */
export function durablePollingTrigger(options: PollOptions): DurablePollHandle {
	const node = nodeFor(options.nodeType, options.parameters, options.nodeName ?? 'Raydocs Trigger');
	const additionalData = additionalDataFor(options.credentials);
	let committed: IDataObject = {};
	let savedStaticData: IDataObject = {};
	const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

	async function run(testing: boolean): Promise<INodeExecutionData[][] | null> {
		const workflow = new Workflow({
			id: 'test-workflow',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: nodeTypesFor(options.nodeType),
			staticData: clone(savedStaticData),
		});
		const staged = clone(committed);
		const context = new PollContext(
			workflow,
			workflow.getNode(node.name) ?? node,
			additionalData,
			'trigger',
			testing ? 'activate' : 'update',
			undefined,
			undefined,
			undefined,
			undefined,
			() => staged,
			() => options.pollBudgetMs ?? 36_000,
		);
		const result = await options.nodeType.poll!.call(context);
		// activation saves the workflow's static data; a scheduled poll saves it when it emits
		if (testing || result !== null) savedStaticData = clone(workflow.staticData);
		// the test poll commits the cursor only with an emission; a scheduled poll always does
		if (!testing || result !== null) committed = clone(staged);
		return result;
	}

	return {
		activate: async () => await run(true),
		poll: async () => await run(false),
		committedCursor: () => clone(committed),
	};
}
