import { NodeHelpers } from 'n8n-workflow';

import { RaydocsApi } from '../../credentials/RaydocsApi.credentials';
import { runNode } from '../harness/engine';
import { byId, extractDocumentParameters, fileItem, raydocsNode, runRaydocs, useFakeRaydocs } from '../helpers/raydocs';

/**
 * The bad-input suite: each mistake gets an error that names the field and how to fix it, and is
 * caught before any request is sent.
 */
describe('Bad input', () => {
	const fake = useFakeRaydocs();
	const extract = () => extractDocumentParameters(fake());

	afterEach(() => {
		expect(fake().log).toHaveLength(0);
	});

	it('a missing binary property names it and the ones the item has', async () => {
		const { error } = await runRaydocs(fake(), { ...extract(), binaryPropertyName: 'file' }, { input: [fileItem('%PDF', 'a.pdf', 'application/pdf', 'attachment_0')] });
		expect(error?.message).toBe('This item has no binary field "file"');
		expect((error as { description?: string }).description).toContain('"attachment_0"');
	});

	it('an item without any file says where files come from', async () => {
		const { error } = await runRaydocs(fake(), extract(), { input: [{ json: { subject: 'no attachment' } }] });
		expect(error?.message).toBe('This item has no binary data (no file) to upload');
	});

	it('an empty file is refused', async () => {
		const { error } = await runRaydocs(fake(), extract(), { input: [fileItem('', 'empty.pdf')] });
		expect(error?.message).toBe('The file in binary field "data" is empty (0 bytes)');
	});

	it('an unsupported MIME type lists the supported ones', async () => {
		const { error } = await runRaydocs(fake(), extract(), { input: [fileItem('<html/>', 'page.html', 'text/html')] });
		expect(error?.message).toBe('Raydocs cannot read "page.html" (text/html) in binary field "data"');
		expect((error as { description?: string }).description).toContain('PDF');
	});

	it('a template id that is not a UUID', async () => {
		const { error } = await runRaydocs(fake(), { ...extract(), templateId: byId('={{ "invoice-template" }}') }, { input: [fileItem('%PDF')] });
		expect(error?.message).toBe('Template ID "invoice-template" is not valid: Raydocs template IDs are UUIDs');
	});

	it('a workspace id that is not a whole number', async () => {
		const { error } = await runRaydocs(fake(), { resource: 'workspace', operation: 'delete', workspaceId: byId('={{ "12a" }}') });
		expect(error?.message).toBe('Workspace ID "12a" is not valid: Raydocs workspace IDs are whole numbers');
	});

	it('template schema JSON that does not parse', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'template',
			operation: 'create',
			workspaceId: byId(fake().state.seed!.workspaceId),
			name: 'Broken',
			schemaJson: '{ "groups": { ',
			additionalFields: {},
		});
		expect(error?.message).toMatch(/^Schema JSON is not valid JSON/);
	});

	it('more than 50 upload keys in one batch', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'batch',
			operation: 'create',
			templateId: byId(fake().state.seed!.templateId),
			keys: Array.from({ length: 60 }, (_, index) => `tmp/${index}`).join(','),
			autoExtract: true,
		});
		expect(error?.message).toBe('60 upload keys is more than one batch takes (at most 50)');
	});

	it('a base URL that is not a URL', async () => {
		const { error } = await runNode({
			nodeType: raydocsNode,
			parameters: { resource: 'workspace', operation: 'getAll', returnAll: true },
			credentials: { accessToken: fake().token, baseUrl: 'api dot raydocs dot com' },
		});
		expect(error?.message).toBe('The Base URL of the Raydocs credential is not a URL: "api dot raydocs dot com"');
	});

	it('an empty token', async () => {
		const { error } = await runNode({
			nodeType: raydocsNode,
			parameters: { resource: 'workspace', operation: 'getAll', returnAll: true },
			credentials: { accessToken: ' ', baseUrl: fake().url },
		});
		expect(error?.message).toBe('The Raydocs credential has no access token');
	});
});

describe('Credential form', () => {
	const credential = new RaydocsApi();
	const notice = credential.properties.find((property) => property.name === 'plainHttpNotice')!;
	const shown = (baseUrl: string) =>
		NodeHelpers.displayParameter({ baseUrl }, notice, null, { properties: credential.properties } as never, { baseUrl });

	it.each([
		['http://api.example.com', true],
		['http://10.0.0.5:8080', true],
		['https://api.raydocs.com', false],
		['http://127.0.0.1:8787', false],
		['http://localhost:8787', false],
	])('warns about plain http to another host: %s → %s', (baseUrl, expected) => {
		expect(shown(baseUrl)).toBe(expected);
	});
});
