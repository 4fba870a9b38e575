import { startFakeRaydocs, type FakeRaydocs } from '../../../tools/fake-raydocs/server';
import { useFake } from './setup';
import { api } from './test-helpers';
import type { WireWorkspace } from './test-helpers';

interface WireMember {
	id: number;
	name: string;
	email: string;
	role: string;
	photo_url: string;
}

interface WireInvite {
	id: number;
	email: string;
	role: string;
	status: string;
	created_at: string;
	valid_until: string;
}

let fake: FakeRaydocs;

useFake({ rateLimit: false }, (started) => (fake = started));

/** A second user in the seeded workspace with `role`, and a token for them. */
function member(role: 'admin' | 'user' | 'readonly'): { id: number; token: string } {
	const user = fake.seedUser({ email: `${role}@example.com` });
	fake.addMember(1, user.id, role);
	return { id: user.id, token: fake.createToken('*', role, user.id) };
}

describe('seed', () => {
	it('has Ada Admin, the Demo Workspace and the Invoice Extraction template', () => {
		const { seed } = fake.state;
		expect(seed).toEqual({
			userId: 1,
			workspaceId: 1,
			templateId: expect.stringMatching(/^[0-9a-f-]{36}$/),
		});
		expect(fake.state.users.get(1)).toMatchObject({ name: 'Ada Admin', email: 'ada@example.com' });
		expect(fake.state.workspaces.get(1)).toMatchObject({ name: 'Demo Workspace', icon: '📊' });
		expect(fake.state.workspaces.get(1)?.members.get(1)).toBe('admin');
		const template = fake.state.templates.get(seed!.templateId)!;
		expect(template.name).toBe('Invoice Extraction');
		const groups = template.schemaJson.groups as Record<
			string,
			{ fields: Record<string, { type: string }> }
		>;
		expect(Object.keys(groups)).toEqual(['invoice_details', 'vendor']);
		expect(
			Object.entries(groups.invoice_details.fields).map(([name, field]) => `${name}:${field.type}`),
		).toEqual([
			'invoice_number:string',
			'invoice_date:date',
			'total_amount:number',
			'currency:string',
		]);
		expect(Object.keys(groups.vendor.fields)).toEqual(['name', 'address']);
	});

	it('can start without seed data; the full token still works', async () => {
		const bare = await startFakeRaydocs({ seed: false, rateLimit: false });
		try {
			expect(bare.state.seed).toBeNull();
			const list = await api<{ data: unknown[] }>(bare, 'GET', '/workspaces');
			expect(list.status).toBe(200);
			expect(list.body.data).toEqual([]);
		} finally {
			await bare.close();
		}
	});
});

describe('workspaces', () => {
	it('lists only the workspaces the user belongs to, wrapped in data (default) or bare (variant)', async () => {
		const other = fake.seedUser();
		const foreign = fake.seedWorkspace('Foreign');
		foreign.members.clear();
		foreign.members.set(other.id, 'admin');
		fake.seedWorkspace('Second');
		const wrapped = await api<{ data: WireWorkspace[] }>(fake, 'GET', '/workspaces');
		expect(wrapped.body.data.map((workspace) => workspace.name)).toEqual([
			'Demo Workspace',
			'Second',
		]);
		expect(wrapped.body.data[0]).toEqual({
			id: 1,
			name: 'Demo Workspace',
			icon: '📊',
			settings: {},
			created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
			updated_at: expect.any(String),
		});
		fake.setVariant('workspacesList', 'array');
		const bare = await api<WireWorkspace[]>(fake, 'GET', '/workspaces');
		expect(bare.body.map((workspace) => workspace.name)).toEqual(['Demo Workspace', 'Second']);
	});

	it('creates a workspace (201, creator is admin, default icon) and validates the name', async () => {
		const created = await api<WireWorkspace>(fake, 'POST', '/workspaces/create', {
			body: { name: 'Invoices 2026' },
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ id: 2, name: 'Invoices 2026', icon: '📊', settings: {} });
		expect(fake.state.workspaces.get(2)?.members.get(1)).toBe('admin');
		const withIcon = await api<WireWorkspace>(fake, 'POST', '/workspaces/create', {
			body: { name: 'Rockets', icon: '🚀' },
		});
		expect(withIcon.body.icon).toBe('🚀');

		const missing = await api(fake, 'POST', '/workspaces/create', { body: {} });
		expect(missing.status).toBe(422);
		expect(missing.body).toEqual({
			message: 'The name field is required.',
			errors: { name: ['The name field is required.'] },
		});
		const wrongType = await api(fake, 'POST', '/workspaces/create', {
			body: { name: 42, icon: ['x'] },
		});
		expect(wrongType.status).toBe(422);
		expect(wrongType.body.message).toBe('The name field must be a string. (and 1 more error)');
		expect(wrongType.body.errors).toEqual({
			name: ['The name field must be a string.'],
			icon: ['The icon field must be a string.'],
		});
	});

	it('updates name and icon (admin only), 404 for unknown, foreign or non-integer ids', async () => {
		const updated = await api<WireWorkspace>(fake, 'PUT', '/workspaces/1', {
			body: { name: 'Renamed', icon: '📈' },
		});
		expect(updated.status).toBe(200);
		expect(updated.body).toMatchObject({ id: 1, name: 'Renamed', icon: '📈' });
		expect(fake.state.workspaces.get(1)?.name).toBe('Renamed');

		expect((await api(fake, 'PUT', '/workspaces/99', { body: { name: 'x' } })).status).toBe(404);
		expect((await api(fake, 'PUT', '/workspaces/abc', { body: { name: 'x' } })).status).toBe(404);
		expect((await api(fake, 'PUT', '/workspaces/1.5', { body: { name: 'x' } })).status).toBe(404);
		const stranger = fake.seedUser();
		const strangerToken = fake.createToken('*', 'stranger', stranger.id);
		const hidden = await api(fake, 'PUT', '/workspaces/1', {
			token: strangerToken,
			body: { name: 'Hijack' },
		});
		expect(hidden.status).toBe(404);
		expect(hidden.body.message).toBe('Workspace not found.');

		const user = member('user');
		const denied = await api(fake, 'PUT', '/workspaces/1', {
			token: user.token,
			body: { name: 'Nope' },
		});
		expect(denied.status).toBe(403);
		expect(fake.state.workspaces.get(1)?.name).toBe('Renamed');
	});

	it('deletes a workspace with everything in it; readonly members cannot', async () => {
		const workspace = fake.seedWorkspace('Doomed');
		const template = fake.seedTemplate(workspace.id);
		const doc = fake.seedWorkspaceDocument(workspace.id);
		const readonly = fake.seedUser();
		fake.addMember(workspace.id, readonly.id, 'readonly');
		const denied = await api(fake, 'DELETE', `/workspaces/${workspace.id}`, {
			token: fake.createToken('*', 'ro', readonly.id),
		});
		expect(denied.status).toBe(403);

		const removed = await api(fake, 'DELETE', `/workspaces/${workspace.id}`);
		expect(removed.status).toBe(204);
		expect(removed.text).toBe('');
		expect(fake.state.workspaces.has(workspace.id)).toBe(false);
		expect(fake.state.templates.has(template.id)).toBe(false);
		expect(fake.state.documents.has(doc.id)).toBe(false);
		expect((await api(fake, 'DELETE', `/workspaces/${workspace.id}`)).status).toBe(404);
	});

	it('answers 405 with Allow for a known path with the wrong method', async () => {
		const response = await api(fake, 'GET', '/workspaces/1');
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('PUT, DELETE');
		const create = await api(fake, 'GET', '/workspaces/create');
		expect(create.status).toBe(405);
		expect(create.headers.get('allow')).toBe('POST');
	});
});

describe('members', () => {
	it('lists members as a bare array with roles and photo URLs', async () => {
		member('readonly');
		const response = await api<WireMember[]>(fake, 'GET', '/workspaces/1/users');
		expect(response.status).toBe(200);
		expect(response.body).toEqual([
			{
				id: 1,
				name: 'Ada Admin',
				email: 'ada@example.com',
				role: 'admin',
				photo_url: expect.stringMatching(/^https:\/\//),
			},
			{
				id: 2,
				name: 'User 2',
				email: 'readonly@example.com',
				role: 'readonly',
				photo_url: expect.any(String),
			},
		]);
	});

	it('adds an existing user directly and invites an unknown email', async () => {
		const known = fake.seedUser({ email: 'known@example.com' });
		const added = await api<{ message: string }>(fake, 'POST', '/workspaces/1/users/add', {
			body: { email: 'known@example.com', role: 'user' },
		});
		expect(added.status).toBe(200);
		expect(added.body).toEqual({ message: 'User added successfully' });
		expect(fake.state.workspaces.get(1)?.members.get(known.id)).toBe('user');

		const invited = await api<{ message: string; invite_id: number }>(
			fake,
			'POST',
			'/workspaces/1/users/add',
			{
				body: { email: 'stranger@example.com', role: 'readonly' },
			},
		);
		expect(invited.status).toBe(200);
		expect(invited.body).toEqual({ message: 'Invitation sent', invite_id: 1 });
		expect(fake.state.invites.get(1)).toMatchObject({
			email: 'stranger@example.com',
			role: 'readonly',
			accepted: false,
		});
	});

	it('rejects invalid emails, roles, duplicates and non-admin callers', async () => {
		const invalid = await api(fake, 'POST', '/workspaces/1/users/add', {
			body: { email: 'not-an-email', role: 'owner' },
		});
		expect(invalid.status).toBe(422);
		expect(invalid.body.errors).toEqual({
			email: ['The email field must be a valid email address.'],
			role: ['The selected role is invalid.'],
		});
		const missing = await api(fake, 'POST', '/workspaces/1/users/add', { body: {} });
		expect(missing.body.errors).toEqual({
			email: ['The email field is required.'],
			role: ['The role field is required.'],
		});
		const duplicate = await api(fake, 'POST', '/workspaces/1/users/add', {
			body: { email: 'ada@example.com', role: 'user' },
		});
		expect(duplicate.status).toBe(422);
		expect(duplicate.body.errors?.email).toEqual([
			'This user is already a member of the workspace.',
		]);
		const user = member('user');
		const denied = await api(fake, 'POST', '/workspaces/1/users/add', {
			token: user.token,
			body: { email: 'x@example.com', role: 'user' },
		});
		expect(denied.status).toBe(403);
		expect(fake.state.invites).toHaveLength(0);
	});

	it('changes roles, keeps one admin, and 404s for non-members', async () => {
		const colleague = member('user');
		const promoted = await api(fake, 'PUT', `/workspaces/1/users/${colleague.id}/update-role`, {
			body: { role: 'admin' },
		});
		expect(promoted.status).toBe(200);
		expect(promoted.body).toEqual({ message: 'Role updated successfully' });
		expect(fake.state.workspaces.get(1)?.members.get(colleague.id)).toBe('admin');

		expect(
			(await api(fake, 'PUT', '/workspaces/1/users/77/update-role', { body: { role: 'user' } }))
				.status,
		).toBe(404);
		expect(
			(
				await api(fake, 'PUT', `/workspaces/1/users/${colleague.id}/update-role`, {
					body: { role: 'boss' },
				})
			).status,
		).toBe(422);
		await api(fake, 'PUT', `/workspaces/1/users/${colleague.id}/update-role`, {
			body: { role: 'readonly' },
		});
		const lastAdmin = await api(fake, 'PUT', '/workspaces/1/users/1/update-role', {
			body: { role: 'user' },
		});
		expect(lastAdmin.status).toBe(422);
		expect(lastAdmin.body.errors?.role).toEqual(['The workspace must keep at least one admin.']);
	});

	it('removes other members (204) but not yourself', async () => {
		const colleague = member('user');
		const self = await api(fake, 'DELETE', '/workspaces/1/users/1/remove');
		expect(self.status).toBe(403);
		const removed = await api(fake, 'DELETE', `/workspaces/1/users/${colleague.id}/remove`);
		expect(removed.status).toBe(204);
		expect(fake.state.workspaces.get(1)?.members.has(colleague.id)).toBe(false);
		expect((await api(fake, 'DELETE', `/workspaces/1/users/${colleague.id}/remove`)).status).toBe(
			404,
		);
	});

	it('lets a member leave, but not the only admin', async () => {
		const only = await api(fake, 'POST', '/workspaces/1/leave');
		expect(only.status).toBe(403);
		expect(only.body.message).toMatch(/only admin/);
		const colleague = member('user');
		const left = await api(fake, 'POST', '/workspaces/1/leave', { token: colleague.token });
		expect(left.status).toBe(200);
		expect(left.body).toEqual({ message: 'You have left the workspace' });
		expect((await api(fake, 'GET', '/workspaces/1/users', { token: colleague.token })).status).toBe(
			404,
		);
	});
});

describe('invites', () => {
	async function invite(email: string): Promise<number> {
		const response = await api<{ invite_id: number }>(fake, 'POST', '/workspaces/1/users/add', {
			body: { email, role: 'user' },
		});
		return response.body.invite_id;
	}

	it('lists pending invites, resends (extending validity), links and cancels them', async () => {
		const clock = { time: Date.parse('2026-03-04T10:00:00Z') };
		fake.setClock(() => clock.time);
		const id = await invite('pending@example.com');
		const listed = await api<WireInvite[]>(fake, 'GET', '/workspaces/1/invites');
		expect(listed.body).toEqual([
			{
				id,
				email: 'pending@example.com',
				role: 'user',
				status: 'pending',
				created_at: '2026-03-04T10:00:00.000000Z',
				valid_until: '2026-03-11T10:00:00.000000Z',
			},
		]);
		clock.time += 8 * 24 * 3600 * 1000;
		expect((await api<WireInvite[]>(fake, 'GET', '/workspaces/1/invites')).body[0].status).toBe(
			'expired',
		);
		const resent = await api(fake, 'POST', `/workspaces/1/invites/${id}/resend`);
		expect(resent.status).toBe(200);
		expect(resent.body).toEqual({ message: 'Invitation resent successfully' });
		expect((await api<WireInvite[]>(fake, 'GET', '/workspaces/1/invites')).body[0].status).toBe(
			'pending',
		);

		const link = await api<{ link: string }>(fake, 'GET', `/workspaces/1/invites/${id}/link`);
		expect(link.body.link).toMatch(/^https:\/\/raydocs\.com\/invite\/[A-Za-z0-9_-]+$/);

		expect((await api(fake, 'DELETE', `/workspaces/1/invites/${id}`)).status).toBe(204);
		expect((await api(fake, 'DELETE', `/workspaces/1/invites/${id}`)).status).toBe(404);
		expect((await api(fake, 'POST', `/workspaces/1/invites/${id}/resend`)).status).toBe(404);
		expect((await api(fake, 'GET', `/workspaces/1/invites/${id}/link`)).status).toBe(404);
		fake.setClock(null);
	});

	it('hides accepted invites in the prose vocabulary and shows them as accepted in the OpenAPI one', async () => {
		const first = await invite('first@example.com');
		await invite('second@example.com');
		fake.state.invites.get(first)!.accepted = true;
		expect(
			(await api<WireInvite[]>(fake, 'GET', '/workspaces/1/invites')).body.map((i) => i.email),
		).toEqual(['second@example.com']);
		fake.setVariant('inviteStatus', 'accepted-enum');
		const all = await api<WireInvite[]>(fake, 'GET', '/workspaces/1/invites');
		expect(all.body.map((i) => `${i.email}:${i.status}`)).toEqual([
			'first@example.com:accepted',
			'second@example.com:pending',
		]);
		expect((await api(fake, 'POST', `/workspaces/1/invites/${first}/resend`)).status).toBe(404);
	});

	it('rejects a second invitation to the same email and 404s invites of other workspaces', async () => {
		await invite('twice@example.com');
		const again = await api(fake, 'POST', '/workspaces/1/users/add', {
			body: { email: 'twice@example.com', role: 'user' },
		});
		expect(again.status).toBe(422);
		const other = fake.seedWorkspace('Other');
		expect((await api(fake, 'GET', `/workspaces/${other.id}/invites/1/link`)).status).toBe(404);
		expect((await api(fake, 'GET', '/workspaces/1/invites/x/link')).status).toBe(404);
	});
});
