import { apiRequests, byId, runRaydocs, useFakeRaydocs, UUID } from '../../../helpers/raydocs';

describe('Raydocs → Session → Create', () => {
	const fake = useFakeRaydocs();

	it('sends the template ID and the added name', async () => {
		const template = fake().seedTemplate(1, { name: 'Receipts' });
		const { items, error } = await runRaydocs(fake(), {
			resource: 'session',
			operation: 'create',
			workspaceId: { __rl: true, mode: 'list', value: '1' },
			templateId: { __rl: true, mode: 'list', value: template.id },
			additionalFields: { name: 'March receipts' },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ name: 'March receipts', extraction_template_id: template.id });
		expect(String(items[0].json.id)).toMatch(UUID);
		expect(apiRequests(fake())).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: '/extractions/sessions',
				body: { extraction_template_id: template.id, name: 'March receipts' },
				status: 201,
			}),
		]);
	});

	it('sends neither the workspace nor a name that was not added', async () => {
		const template = fake().seedTemplate(1);
		await runRaydocs(fake(), {
			resource: 'session',
			operation: 'create',
			workspaceId: byId(1),
			templateId: byId(`  ${template.id}  `),
			additionalFields: {},
		});
		expect(apiRequests(fake())[0].body).toEqual({ extraction_template_id: template.id });
	});

	it('rejects a template ID from an expression that is not a UUID before sending anything', async () => {
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'session', operation: 'create', templateId: byId('={{ $json.t }}'), additionalFields: {} },
			{ input: [{ json: { t: 42 } }] },
		);
		expect(error?.message).toBe('Template ID "42" is not valid: Raydocs template IDs are UUIDs');
		expect(apiRequests(fake())).toHaveLength(0);
	});

	it('fails with the 404 when the template does not exist', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'session',
			operation: 'create',
			templateId: byId('22222222-2222-4222-8222-222222222222'),
			additionalFields: {},
		});
		expect((error as { httpCode?: string }).httpCode).toBe('404');
		// the thing not found, in words, with the ID the request named
		expect(error?.message).toBe('Raydocs has no template with the ID 22222222-2222-4222-8222-222222222222 (HTTP 404)');
		expect((error as { description?: string }).description).toBe("Check the ID. Raydocs also answers 404 when the token's user has no access to it.");
	});

	it('names sessions-write on 403', async () => {
		const template = fake().seedTemplate(1);
		const token = fake().createToken(['sessions-read'], 'read-only');
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'session', operation: 'create', templateId: byId(template.id), additionalFields: {} },
			{ token },
		);
		expect(error?.message).toContain('"sessions-write"');
	});
});
