import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { firstPollState, keepFirstPollState } from '../../../nodes/RaydocsTrigger/firstPollState';

function context(nodeId: string, global: IDataObject): IPollFunctions {
	return {
		getNode: () => ({ id: nodeId, name: 'Raydocs Trigger' }),
		getWorkflowStaticData: (type: string) => {
			if (type !== 'global') throw new Error(`only the global static data, not ${type}`);
			return global;
		},
	} as unknown as IPollFunctions;
}

describe('firstPollState', () => {
	it('has nothing before a first state was kept', () => {
		expect(firstPollState(context('a', {}))).toBeUndefined();
		expect(firstPollState(context('a', { raydocsTriggerFirstPoll: { b: { sessions: {} } } }))).toBeUndefined();
	});

	it("keeps a copy of each node's first state by node id, beside the others and other global data", () => {
		const global: IDataObject = { someoneElse: true };
		const state = { sessions: { s1: { seen: ['r1'] } } };
		keepFirstPollState(context('a', global), state);
		keepFirstPollState(context('b', global), { workflowRuns: { createdAfter: 't' } });
		state.sessions.s1.seen.push('later');
		expect(global).toEqual({
			someoneElse: true,
			raydocsTriggerFirstPoll: { a: { sessions: { s1: { seen: ['r1'] } } }, b: { workflowRuns: { createdAfter: 't' } } },
		});
	});

	it('replaces the entry with a new object, so that n8n sees the global static data change', () => {
		const global: IDataObject = { raydocsTriggerFirstPoll: { b: {} } };
		const before = global.raydocsTriggerFirstPoll;
		keepFirstPollState(context('a', global), { sessions: {} });
		expect(global.raydocsTriggerFirstPoll).not.toBe(before);
	});

	it('gives a copy: changing it leaves the kept state alone', () => {
		const global: IDataObject = {};
		keepFirstPollState(context('a', global), { sessions: { s1: { seen: ['r1'] } } });
		const read = firstPollState(context('a', global)) as { sessions: Record<string, { seen: string[] }> };
		read.sessions.s1.seen.push('r2');
		expect(firstPollState(context('a', global))).toEqual({ sessions: { s1: { seen: ['r1'] } } });
	});
});
