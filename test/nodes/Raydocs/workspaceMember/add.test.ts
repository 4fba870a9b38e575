import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Workspace Member → Add', () => {
	const fake = useFakeRaydocs();

	const add = (email: string, role = 'user') => ({
		resource: 'workspaceMember',
		operation: 'add',
		workspaceId: byId(1),
		email,
		role,
	});

	it('adds a person who has an account and says no invite was needed', async () => {
		const bob = fake().seedUser({ name: 'Bob', email: 'bob@example.com' });
		const { items, error } = await runRaydocs(fake(), add('  bob@example.com ', 'readonly'));
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					message: 'User added successfully',
					invited: false,
					invite_id: null,
					email: 'bob@example.com',
					role: 'readonly',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'POST',
			path: '/workspaces/1/users/add',
			body: { email: 'bob@example.com', role: 'readonly' },
			status: 200,
		});
		expect(fake().state.workspaces.get(1)?.members.get(bob.id)).toBe('readonly');
	});

	it('returns the invite ID when Raydocs invites an unknown email', async () => {
		const { items } = await runRaydocs(fake(), add('new.person@example.com', 'admin'));
		expect(items[0].json).toMatchObject({
			message: 'Invitation sent',
			invited: true,
			invite_id: expect.any(Number),
		});
		const invite = fake().state.invites.get(items[0].json.invite_id as number);
		expect(invite).toMatchObject({ email: 'new.person@example.com', role: 'admin' });
	});

	it('shows the field error of a 422', async () => {
		const { error } = await runRaydocs(fake(), add('ada@example.com'));
		expect((error as { httpCode?: string }).httpCode).toBe('422');
		expect(error?.message).toContain('email: This user is already a member of the workspace.');
	});

	it('names workspace-users-write on 403', async () => {
		const token = fake().createToken(['workspace-users-read'], 'read-only');
		const { error } = await runRaydocs(fake(), add('x@example.com'), { token });
		expect(error?.message).toContain('"workspace-users-write"');
	});
});
