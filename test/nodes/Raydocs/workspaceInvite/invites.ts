import type { FakeRaydocs } from '../../../../tools/fake-raydocs/server';
import { byId, runRaydocs } from '../../../helpers/raydocs';

/** Invites someone through the node (the fake has no invite seeder) and forgets that request. */
export async function seedInvite(fake: FakeRaydocs, email: string, workspaceId = 1): Promise<number> {
	const { items } = await runRaydocs(fake, {
		resource: 'workspaceMember',
		operation: 'add',
		workspaceId: byId(workspaceId),
		email,
		role: 'user',
	});
	fake.clearLog();
	return items[0].json.invite_id as number;
}
