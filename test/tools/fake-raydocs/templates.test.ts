import type { FakeRaydocs } from '../../../tools/fake-raydocs/server';
import { useFake } from './setup';
import { api } from './test-helpers';
import type { WirePage, WireSession, WireTemplate } from './test-helpers';

let fake: FakeRaydocs;

useFake({ rateLimit: false }, (started) => (fake = started));

const schema = {
	config: { reasoning_enabled: false },
	groups: { contract: { fields: { party: { type: 'string' }, signed: { type: 'boolean' } } } },
};

describe('templates', () => {
	it('pages through a workspace’s templates with Laravel meta', async () => {
		for (let i = 2; i <= 20; i++) fake.seedTemplate(1, { name: `Template ${i}` });
		const first = await api<WirePage<WireTemplate>>(
			fake,
			'GET',
			'/workspaces/1/extractions/templates',
		);
		expect(first.status).toBe(200);
		expect(first.body.meta).toEqual({
			current_page: 1,
			last_page: 2,
			per_page: 15,
			total: 20,
			from: 1,
			to: 15,
		});
		expect(first.body.data[0]).toMatchObject({
			name: 'Invoice Extraction',
			workspace_id: 1,
			schema_json: expect.any(Object),
			settings: expect.any(Object),
		});
		const second = await api<WirePage<WireTemplate>>(
			fake,
			'GET',
			'/workspaces/1/extractions/templates?page=2',
		);
		expect(second.body.meta).toMatchObject({ current_page: 2, from: 16, to: 20 });
		expect(second.body.data.map((t) => t.name)).toEqual([
			'Template 16',
			'Template 17',
			'Template 18',
			'Template 19',
			'Template 20',
		]);
		const beyond = await api<WirePage<WireTemplate>>(
			fake,
			'GET',
			'/workspaces/1/extractions/templates?page=3',
		);
		expect(beyond.body.data).toEqual([]);
		expect(beyond.body.meta).toMatchObject({ current_page: 3, last_page: 2, from: null, to: null });
		const small = await api<WirePage<WireTemplate>>(
			fake,
			'GET',
			'/workspaces/1/extractions/templates?per_page=7&page=3',
		);
		expect(small.body.meta).toMatchObject({ per_page: 7, last_page: 3, from: 15, to: 20 });
		fake.setVariant('listPerPage', 5);
		expect(
			(await api<WirePage<WireTemplate>>(fake, 'GET', '/workspaces/1/extractions/templates')).body
				.meta.last_page,
		).toBe(4);
	});

	it('rejects per_page outside 1..100 and treats a bad page as page 1', async () => {
		const tooMany = await api(fake, 'GET', '/workspaces/1/extractions/templates?per_page=101');
		expect(tooMany.status).toBe(422);
		expect(tooMany.body.errors).toEqual({
			per_page: ['The per page field must not be greater than 100.'],
		});
		expect((await api(fake, 'GET', '/workspaces/1/extractions/templates?per_page=0')).status).toBe(
			422,
		);
		const badPage = await api<WirePage<WireTemplate>>(
			fake,
			'GET',
			'/workspaces/1/extractions/templates?page=banana',
		);
		expect(badPage.body.meta.current_page).toBe(1);
		expect((await api(fake, 'GET', '/workspaces/5/extractions/templates')).status).toBe(404);
	});

	it('creates a template from schema_json or the intro’s `schema` key (201)', async () => {
		const canonical = await api<WireTemplate>(fake, 'POST', '/extractions/templates', {
			body: {
				name: 'Contracts',
				description: 'Contract fields',
				workspace_id: 1,
				schema_json: schema,
			},
		});
		expect(canonical.status).toBe(201);
		expect(canonical.body).toMatchObject({
			name: 'Contracts',
			description: 'Contract fields',
			workspace_id: 1,
			schema_json: { groups: schema.groups, config: { reasoning_enabled: false }, definitions: {} },
			settings: { parsing: { contextual_embedding: false } },
		});
		const alias = await api<WireTemplate>(fake, 'POST', '/extractions/templates', {
			body: { name: 'Alias', workspace_id: '1', schema },
		});
		expect(alias.status).toBe(201);
		expect(alias.body.schema_json.groups).toEqual(schema.groups);
		const bare = await api<WireTemplate>(fake, 'POST', '/extractions/templates', {
			body: { name: 'Bare', workspace_id: 1 },
		});
		expect(bare.body.schema_json.groups).toEqual({});
		expect(bare.body.description).toBeNull();
		expect(fake.state.templates).toHaveLength(4);
	});

	it('validates template bodies Laravel-style', async () => {
		const empty = await api(fake, 'POST', '/extractions/templates', { body: {} });
		expect(empty.status).toBe(422);
		expect(empty.body).toEqual({
			message: 'The name field is required. (and 1 more error)',
			errors: {
				name: ['The name field is required.'],
				workspace_id: ['The workspace id field is required.'],
			},
		});
		const badSchema = await api(fake, 'POST', '/extractions/templates', {
			body: { name: 'x', workspace_id: 1, schema_json: 'nope' },
		});
		expect(badSchema.body.errors).toEqual({
			schema_json: ['The schema json field must be an object.'],
		});
		const badGroups = await api(fake, 'POST', '/extractions/templates', {
			body: { name: 'x', workspace_id: 1, schema_json: { groups: [] } },
		});
		expect(badGroups.status).toBe(422);
		const foreign = await api(fake, 'POST', '/extractions/templates', {
			body: { name: 'x', workspace_id: 42 },
		});
		expect(foreign.body.errors).toEqual({
			workspace_id: ['The selected workspace id is invalid.'],
		});
		expect(fake.state.templates).toHaveLength(1);
	});

	it('gets, updates and deletes a template; 404 for malformed or unknown ids', async () => {
		const id = fake.state.seed!.templateId;
		const got = await api<WireTemplate>(fake, 'GET', `/extractions/templates/${id}`);
		expect(got.body.schema_json.groups.vendor.fields.address.type).toBe('string');
		const updated = await api<WireTemplate>(fake, 'PUT', `/extractions/templates/${id}`, {
			body: { name: 'Invoices v2', schema_json: schema },
		});
		expect(updated.status).toBe(200);
		expect(updated.body.name).toBe('Invoices v2');
		expect(updated.body.schema_json.groups).toEqual(schema.groups);
		expect(updated.body.description).toBe('Extract key fields from invoices');
		expect(
			(await api(fake, 'PUT', `/extractions/templates/${id}`, { body: { name: '' } })).status,
		).toBe(422);

		expect((await api(fake, 'GET', '/extractions/templates/not-a-uuid')).status).toBe(404);
		expect(
			(await api(fake, 'GET', '/extractions/templates/00000000-0000-4000-8000-000000000000'))
				.status,
		).toBe(404);

		const session = await api<WireSession>(fake, 'POST', '/extractions/sessions', {
			body: { extraction_template_id: id },
		});
		const removed = await api(fake, 'DELETE', `/extractions/templates/${id}`);
		expect(removed.status).toBe(204);
		expect(fake.state.templates).toHaveLength(0);
		expect(fake.state.sessions.has(session.body.id)).toBe(false);
	});

	it('duplicates with " (Copy)" or a given name', async () => {
		const id = fake.state.seed!.templateId;
		const copy = await api<WireTemplate>(fake, 'POST', `/extractions/templates/${id}/duplicate`);
		expect(copy.status).toBe(201);
		expect(copy.body.name).toBe('Invoice Extraction (Copy)');
		expect(copy.body.id).not.toBe(id);
		expect(copy.body.schema_json).toEqual(fake.state.templates.get(id)!.schemaJson);
		const named = await api<WireTemplate>(fake, 'POST', `/extractions/templates/${id}/duplicate`, {
			body: { name: 'Mine' },
		});
		expect(named.body.name).toBe('Mine');
	});

	it('lets readonly members read but not write, and hides templates of other workspaces', async () => {
		const id = fake.state.seed!.templateId;
		const reader = fake.seedUser();
		fake.addMember(1, reader.id, 'readonly');
		const token = fake.createToken('*', 'reader', reader.id);
		expect((await api(fake, 'GET', `/extractions/templates/${id}`, { token })).status).toBe(200);
		expect(
			(await api(fake, 'PUT', `/extractions/templates/${id}`, { token, body: { name: 'x' } }))
				.status,
		).toBe(403);
		expect(
			(
				await api(fake, 'POST', '/extractions/templates', {
					token,
					body: { name: 'x', workspace_id: 1 },
				})
			).status,
		).toBe(403);
		expect(
			(
				await api(fake, 'POST', '/extractions/sessions', {
					token,
					body: { extraction_template_id: id },
				})
			).status,
		).toBe(403);

		const outsider = fake.createToken('*', 'outsider', fake.seedUser().id);
		expect(
			(await api(fake, 'GET', `/extractions/templates/${id}`, { token: outsider })).status,
		).toBe(404);
	});
});

describe('sessions', () => {
	it('creates, reads, renames and deletes a session', async () => {
		const templateId = fake.state.seed!.templateId;
		const created = await api<WireSession>(fake, 'POST', '/extractions/sessions', {
			body: { extraction_template_id: templateId, name: 'Q1 2024 Invoices' },
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			name: 'Q1 2024 Invoices',
			extraction_template_id: templateId,
			settings: {},
			status: 'pending',
			documents: [],
			results: [],
		});
		const got = await api<WireSession>(fake, 'GET', `/extractions/sessions/${created.body.id}`);
		expect(got.body).toMatchObject({ id: created.body.id, documents: [], results: [] });
		const renamed = await api<WireSession>(
			fake,
			'PUT',
			`/extractions/sessions/${created.body.id}`,
			{ body: { name: 'Renamed' } },
		);
		expect(renamed.body.name).toBe('Renamed');
		expect(renamed.body.documents).toBeUndefined();
		expect((await api(fake, 'DELETE', `/extractions/sessions/${created.body.id}`)).status).toBe(
			204,
		);
		expect((await api(fake, 'GET', `/extractions/sessions/${created.body.id}`)).status).toBe(404);
	});

	it('requires a valid, accessible template id', async () => {
		const missing = await api(fake, 'POST', '/extractions/sessions', { body: { name: 'x' } });
		expect(missing.body.errors).toEqual({
			extraction_template_id: ['The extraction template id field is required.'],
		});
		const malformed = await api(fake, 'POST', '/extractions/sessions', {
			body: { extraction_template_id: '123' },
		});
		expect(malformed.body.errors).toEqual({
			extraction_template_id: ['The extraction template id field must be a valid UUID.'],
		});
		const unknown = await api(fake, 'POST', '/extractions/sessions', {
			body: { extraction_template_id: '00000000-0000-4000-8000-000000000000' },
		});
		expect(unknown.status).toBe(404);
		expect(unknown.body.message).toBe('Template not found.');
	});
});
