import { NodeOperationError } from 'n8n-workflow';
import type { ILoadOptionsFunctions, INode } from 'n8n-workflow';

import {
	chosenWorkspaceId,
	emptyListSaying,
	pageFromToken,
	pickerRequest,
} from '../../../../nodes/Raydocs/listSearch/pickerRequest';
import * as transport from '../../../../nodes/Raydocs/shared/transport';
import { apiRequests, useFakeRaydocs } from '../../../helpers/raydocs';
import { loadOptionsContext } from './loadOptionsContext';

/** The picker's view of the node: the workspace field as n8n holds it, a resource locator, read with extractValue. */
const withWorkspace = (value: unknown) =>
	({
		getCurrentNodeParameter: (name: string, options?: { extractValue?: boolean }) =>
			name === 'workspaceId' && options?.extractValue ? value : { __rl: true, mode: 'id', value },
	}) as unknown as ILoadOptionsFunctions;

describe('pickerRequest', () => {
	const fake = useFakeRaydocs();

	afterEach(() => jest.restoreAllMocks());

	it("returns Raydocs' answer", async () => {
		const body = await pickerRequest<{ data: Array<{ name: string }> }>(loadOptionsContext(fake(), {}), {
			method: 'GET',
			url: '/workspaces',
		});
		expect(body.data.map((workspace) => workspace.name)).toEqual(['Demo Workspace']);
		expect(apiRequests(fake()).map((request) => `${request.method} ${request.path}`)).toEqual(['GET /workspaces']);
	});

	it('drops the HTTP status from the message, which the editor already prints before it, and keeps the code', async () => {
		const error = await pickerRequest(loadOptionsContext(fake(), {}, 'rd_test_wrong'), { method: 'GET', url: '/workspaces' }).then(
			() => undefined,
			(failure: unknown) => failure as { message: string; httpCode?: string; description?: string },
		);
		expect(error).toMatchObject({
			message: 'Raydocs rejected the access token: it is invalid, expired or revoked',
			httpCode: '401',
		});
		expect(error?.description).toBeTruthy();

		const readOnlyTemplates = fake().createToken(['templates-read']);
		await expect(
			pickerRequest(loadOptionsContext(fake(), {}, readOnlyTemplates), { method: 'GET', url: '/workspaces' }),
		).rejects.toThrow(/^The Raydocs access token lacks the .*workspaces.* needed for GET \/workspaces$/);
	});

	it('keeps the message of a failure without an HTTP status: the editor shows no code for it', async () => {
		const failure = new NodeOperationError({ name: 'Raydocs' } as INode, 'The file server answered (HTTP 503)');
		jest.spyOn(transport, 'raydocsJson').mockRejectedValue(failure);
		await expect(pickerRequest(loadOptionsContext(fake(), {}), { method: 'GET', url: '/workspaces' })).rejects.toBe(failure);
		expect(failure.message).toBe('The file server answered (HTTP 503)');
	});
});

describe('chosenWorkspaceId', () => {
	it('reads the workspace picked, typed or mapped in the node, trimmed', () => {
		expect(chosenWorkspaceId(withWorkspace('12'))).toBe('12');
		expect(chosenWorkspaceId(withWorkspace(' 12 '))).toBe('12');
		expect(chosenWorkspaceId(withWorkspace(12))).toBe('12');
	});

	it('is undefined until a workspace ID is there, so that the picker lists nothing instead of failing', () => {
		expect(chosenWorkspaceId(withWorkspace(undefined))).toBeUndefined();
		expect(chosenWorkspaceId(withWorkspace(null))).toBeUndefined();
		expect(chosenWorkspaceId(withWorkspace(''))).toBeUndefined();
		expect(chosenWorkspaceId(withWorkspace('={{ $json.workspace }}'))).toBeUndefined();
		expect(chosenWorkspaceId(withWorkspace('12a'))).toBeUndefined();
		expect(chosenWorkspaceId(withWorkspace('a12'))).toBeUndefined();
	});
});

describe('pageFromToken', () => {
	it('starts at page 1, or at the page n8n hands back for "load more"', () => {
		expect(pageFromToken(undefined)).toBe(1);
		expect(pageFromToken('3')).toBe(3);
	});

	it('starts at page 1 for a token that is not a page number', () => {
		expect(pageFromToken('')).toBe(1);
		expect(pageFromToken('next')).toBe(1);
		expect(pageFromToken('0')).toBe(1);
		expect(pageFromToken('-2')).toBe(1);
	});
});

describe('emptyListSaying', () => {
	it('is a list of one line saying why, whose value chooses nothing', () => {
		expect(emptyListSaying('Choose a workspace above')).toEqual({ results: [{ name: 'Choose a workspace above', value: '' }] });
	});
});
