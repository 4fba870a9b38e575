/**
 * A real n8n-core LoadOptionsContext for the node, as the editor builds one when a list opens:
 * `currentNodeParameters` are what the user has filled in, and requests go through n8n's HTTP
 * helpers with the credential applied by the credential type's own `authenticate` block.
 */
import { LoadOptionsContext } from 'n8n-core';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeParameters,
	INodeProperties,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { RaydocsApi } from '../../../../credentials/RaydocsApi.credentials';
import type { FakeRaydocs } from '../../../fake-raydocs/server';
import { credentialsFor, raydocsNode } from '../../../helpers/raydocs';

const raydocsApi = new RaydocsApi();

class FakeRaydocsCredentials extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		if (!workflow || !node) return requestOptions;
		const resolved = workflow.expression.getParameterValue(
			raydocsApi.authenticate.properties as unknown as INodeParameters,
			null,
			0,
			0,
			node.name,
			[],
			'internal',
			{ $credentials: credentials },
		) as { headers?: IDataObject };
		return { ...requestOptions, headers: { ...requestOptions.headers, ...resolved.headers } };
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
		throw new Error('not used by list searches');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return [];
	}
}

export function loadOptionsContext(
	fake: FakeRaydocs,
	currentNodeParameters: INodeParameters,
	token = fake.token,
): LoadOptionsContext {
	const node: INode = {
		id: 'node-under-test',
		name: 'Raydocs',
		type: raydocsNode.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: currentNodeParameters,
		credentials: { raydocsApi: { id: '1', name: 'Raydocs account' } },
	};
	const nodeTypes: INodeTypes = {
		getByName: () => raydocsNode,
		getByNameAndVersion: (_name: string, version?: number) =>
			NodeHelpers.getVersionedNodeType(raydocsNode, version),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		currentNodeParameters,
		credentialsHelper: new FakeRaydocsCredentials(
			credentialsFor(fake, token) as unknown as ICredentialDataDecryptedObject,
		),
		variables: {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, workflow.getNode('Raydocs') ?? node, additionalData, 'parameters.templateId');
}
