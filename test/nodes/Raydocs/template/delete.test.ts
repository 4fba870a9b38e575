import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Template → Delete', () => {
	const fake = useFakeRaydocs();

	it('returns { deleted: true } for the 204', async () => {
		const template = fake().seedTemplate(1, { name: 'Doomed' });
		const { items, error } = await runRaydocs(fake(), {
			resource: 'template',
			operation: 'delete',
			templateId: byId(template.id),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'DELETE',
			path: `/extractions/templates/${template.id}`,
			status: 204,
		});
		expect(fake().state.templates.has(template.id)).toBe(false);
	});

	it('says which template was not found on 404', async () => {
		const template = fake().seedTemplate(1);
		await runRaydocs(fake(), { resource: 'template', operation: 'delete', templateId: byId(template.id) });
		const { error } = await runRaydocs(fake(), {
			resource: 'template',
			operation: 'delete',
			templateId: byId(template.id),
		});
		expect(error?.message).toContain(`could not find template ${template.id}`);
	});

	it('names templates-write on 403', async () => {
		const template = fake().seedTemplate(1);
		const token = fake().createToken(['templates-read'], 'read-only');
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'template', operation: 'delete', templateId: byId(template.id) },
			{ token },
		);
		expect(error?.message).toContain('"templates-write"');
		expect(fake().state.templates.has(template.id)).toBe(true);
	});
});
