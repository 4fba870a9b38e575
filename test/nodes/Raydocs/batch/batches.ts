import type { INodeParameters } from 'n8n-workflow';

import type { FakeRaydocs } from '../../../../tools/fake-raydocs/server';
import { byId, fileItem, runRaydocs } from '../../../helpers/raydocs';

/** Uploads `count` small files through File Upload → Upload and forgets those requests. */
export async function uploadKeys(fake: FakeRaydocs, count: number): Promise<string[]> {
	const { items } = await runRaydocs(
		fake,
		{ resource: 'file', operation: 'upload', allBinaries: false, binaryPropertyName: 'data' },
		{ input: Array.from({ length: count }, (_, index) => fileItem(`%PDF key ${index}`, `k${index}.pdf`)) },
	);
	fake.clearLog();
	return items.map((item) => String(item.json.key));
}

/** A Batch operation's parameters on the seeded template. */
export function batchParameters(fake: FakeRaydocs, operation: string, extra: INodeParameters = {}): INodeParameters {
	return { resource: 'batch', operation, templateId: byId(fake.state.seed!.templateId), ...extra };
}

/** The path of the seeded template's batch endpoints. */
export const batchPath = (fake: FakeRaydocs) => `/extractions/templates/${fake.state.seed!.templateId}/sessions/batch`;

/** Creates `count` sessions of the seeded template (one per uploaded file) and forgets those requests. */
export async function seedBatchSessions(fake: FakeRaydocs, count: number): Promise<string[]> {
	const keys = await uploadKeys(fake, count);
	const { items } = await runRaydocs(fake, batchParameters(fake, 'create', { keys, autoExtract: false }));
	fake.clearLog();
	return items.map((item) => String(item.json.id));
}
