import type { FakeRaydocs } from '../../../../tools/fake-raydocs/server';
import { byId, runRaydocs } from '../../../helpers/raydocs';

/** Opens a session through the node (the fake has no session seeder) and forgets that request. */
export async function seedSession(fake: FakeRaydocs, name = 'Seeded session'): Promise<string> {
	const templateId = fake.state.seed?.templateId ?? fake.seedTemplate(1).id;
	const { items } = await runRaydocs(fake, {
		resource: 'session',
		operation: 'create',
		templateId: byId(templateId),
		additionalFields: { name },
	});
	fake.clearLog();
	return items[0].json.id as string;
}
