import type { FakeRaydocs } from '../../../../tools/fake-raydocs/server';
import { byId, runRaydocs } from '../../../helpers/raydocs';

/** Opens a session of the seeded template through the node and forgets that request. */
export async function newSession(fake: FakeRaydocs): Promise<string> {
	const { items } = await runRaydocs(fake, {
		resource: 'session',
		operation: 'create',
		templateId: byId(fake.state.seed!.templateId),
		additionalFields: {},
	});
	fake.clearLog();
	return String(items[0].json.id);
}

/** Three documents stored in the seeded workspace. */
export function seedWorkspaceDocuments(fake: FakeRaydocs): Array<{ id: string }> {
	const workspaceId = fake.state.seed!.workspaceId;
	return [1, 2, 3].map((index) => fake.seedWorkspaceDocument(workspaceId, { filename: `doc-${index}.pdf`, content: `%PDF ${index}` }));
}
