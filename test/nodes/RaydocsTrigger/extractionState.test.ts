import type { IDataObject } from 'n8n-workflow';

import {
	decideSession,
	readExtractionState,
	writeExtractionState,
} from '../../../nodes/RaydocsTrigger/extractionState';

const run = (id: string, status: string) => ({ id, status });
const options = (init: { emitStatuses?: string[]; emitBacklog?: boolean } = {}) => ({
	emitStatuses: new Set(init.emitStatuses ?? ['completed']),
	emitBacklog: init.emitBacklog ?? false,
	now: '2026-11-29T10:00:00.000Z',
});

describe('readExtractionState', () => {
	it('starts empty, at the first session, on a trigger that never polled', () => {
		expect(readExtractionState({})).toEqual({ sessions: {}, nextSessionIndex: 0 });
	});

	it('reads the sessions and where the last poll stopped', () => {
		const staticData: IDataObject = {
			sessions: { s1: { seen: ['r1'], since: 'then' } },
			nextSessionIndex: 3,
		};
		expect(readExtractionState(staticData)).toEqual({
			sessions: { s1: { seen: ['r1'], since: 'then' } },
			nextSessionIndex: 3,
		});
	});

	it('starts at the first session when the stored index is not a number', () => {
		expect(readExtractionState({ nextSessionIndex: '2' }).nextSessionIndex).toBe(0);
	});

	it('gives a copy, so that a poll that fails half way leaves the stored state untouched', () => {
		const staticData: IDataObject = { sessions: { s1: { seen: ['r1'], since: 'then' } } };
		const state = readExtractionState(staticData);
		state.sessions.s1.seen.push('r2');
		state.sessions.s2 = { seen: [], since: 'now' };
		expect(staticData.sessions).toEqual({ s1: { seen: ['r1'], since: 'then' } });
	});
});

describe('writeExtractionState', () => {
	it('replaces the sessions and the next index, and drops the old pending list', () => {
		const staticData: IDataObject = { sessions: { old: { seen: [], since: 'x' } }, pending: ['r9'], other: 1 };
		writeExtractionState(staticData, { sessions: { s1: { seen: ['r1'], since: 'then' } }, nextSessionIndex: 2 });
		expect(staticData).toEqual({ sessions: { s1: { seen: ['r1'], since: 'then' } }, nextSessionIndex: 2, other: 1 });
	});

	it('stores index 0 when the poll went through every session', () => {
		const staticData: IDataObject = { nextSessionIndex: 4 };
		writeExtractionState(staticData, { sessions: {} });
		expect(staticData.nextSessionIndex).toBe(0);
	});
});

describe('decideSession', () => {
	describe('a session seen for the first time', () => {
		it('remembers its finished runs without emitting them', () => {
			const decision = decideSession(undefined, [run('a', 'completed'), run('b', 'failed'), run('c', 'running')], options());
			expect(decision).toEqual({ emit: [], watch: { seen: ['a', 'b'], since: '2026-11-29T10:00:00.000Z' } });
		});

		it('emits the finished runs of the wanted statuses when the backlog is wanted', () => {
			const decision = decideSession(
				undefined,
				[run('a', 'completed'), run('b', 'failed'), run('c', 'running')],
				options({ emitBacklog: true }),
			);
			expect(decision.emit).toEqual([run('a', 'completed')]);
			expect(decision.watch.seen).toEqual(['a', 'b']);
		});
	});

	describe('a session watched before', () => {
		const previous = { seen: ['a'], since: 'earlier' };

		it('emits each newly finished run once, and keeps when watching began', () => {
			const runs = [run('a', 'completed'), run('b', 'completed'), run('c', 'running')];
			const first = decideSession(previous, runs, options());
			expect(first).toEqual({ emit: [run('b', 'completed')], watch: { seen: ['a', 'b'], since: 'earlier' } });
			expect(decideSession(first.watch, runs, options()).emit).toEqual([]);
		});

		it('emits a run that was running last time once it finishes', () => {
			const watch = decideSession(previous, [run('a', 'completed'), run('c', 'running')], options()).watch;
			expect(watch.seen).toEqual(['a']);
			expect(decideSession(watch, [run('a', 'completed'), run('c', 'completed')], options()).emit).toEqual([
				run('c', 'completed'),
			]);
		});

		it('remembers failed runs it does not emit, so that asking for failures later does not replay them', () => {
			const decision = decideSession(previous, [run('a', 'completed'), run('f', 'failed')], options());
			expect(decision.emit).toEqual([]);
			expect(decision.watch.seen).toEqual(['a', 'f']);
			expect(
				decideSession(decision.watch, [run('a', 'completed'), run('f', 'failed')], options({ emitStatuses: ['completed', 'failed'] }))
					.emit,
			).toEqual([]);
		});

		it('emits failed runs when asked', () => {
			expect(
				decideSession(previous, [run('a', 'completed'), run('f', 'failed')], options({ emitStatuses: ['completed', 'failed'] })).emit,
			).toEqual([run('f', 'failed')]);
		});

		it('forgets ids Raydocs no longer returns, so the state never outgrows one read', () => {
			const decision = decideSession({ seen: ['gone', 'a'], since: 'earlier' }, [run('a', 'completed')], options());
			expect(decision.watch.seen).toEqual(['a']);
		});

		it('ignores the backlog option: only runs finished since the last poll are emitted', () => {
			const decision = decideSession(previous, [run('a', 'completed'), run('b', 'completed')], options({ emitBacklog: true }));
			expect(decision.emit).toEqual([run('b', 'completed')]);
		});
	});
});
