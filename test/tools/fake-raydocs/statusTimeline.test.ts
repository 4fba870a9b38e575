import {
	documentStatusAt,
	lastTransition,
	parsingStatusAt,
	runStatusAt,
	runStatusSince,
	sessionStatusFor,
} from '../../../tools/fake-raydocs/statusTimeline';
import type {
	ExtractionRun,
	Parsing,
	RunStatus,
	WorkspaceDocument,
} from '../../../tools/fake-raydocs/types';

/** Requested at 100, processing from 110, ready at 130, processed at 145. */
function parsing(init: Partial<Parsing> = {}): Parsing {
	return {
		id: 'p',
		configHash: 'cfg',
		parserVersion: 'v1',
		requestedAt: 100,
		startedAt: 110,
		readyAt: 130,
		processedAt: 145,
		fails: false,
		status: 'queued',
		...init,
	};
}

function documentWith(parsings: Parsing[]): WorkspaceDocument {
	return { createdAt: 50, parsings } as unknown as WorkspaceDocument;
}

/** Created at 100; documents settled at 120, queued until 140, terminal at 190. */
function run(failure: string | null = null): ExtractionRun {
	return {
		createdAt: 100,
		timeline: { docsSettledAt: 120, queuedUntil: 140, terminalAt: 190, failure },
	} as unknown as ExtractionRun;
}

describe('parsingStatusAt', () => {
	it('is queued before it starts, processing until ready, then ready or failed, each from its own timestamp on', () => {
		expect([109, 110, 129, 130].map((now) => parsingStatusAt(parsing(), now))).toEqual([
			'queued',
			'processing',
			'processing',
			'ready',
		]);
		expect(parsingStatusAt(parsing({ fails: true }), 130)).toBe('failed');
	});
});

describe('documentStatusAt', () => {
	it('follows the latest parsing: uploaded, queued, parsing, parsed, then processed', () => {
		const doc = documentWith([parsing()]);
		expect([99, 100, 110, 130, 145].map((now) => documentStatusAt(doc, now))).toEqual([
			'uploaded',
			'queued',
			'parsing',
			'parsed',
			'processed',
		]);
		expect(documentStatusAt(documentWith([parsing({ fails: true })]), 130)).toBe('failed');
	});

	it('ignores a parsing requested for later (a batch session that has not started yet)', () => {
		const doc = documentWith([
			parsing(),
			parsing({ requestedAt: 200, startedAt: 210, readyAt: 230, processedAt: 245 }),
		]);
		expect(documentStatusAt(doc, 150)).toBe('processed');
		expect(documentStatusAt(doc, 200)).toBe('queued');
	});
});

describe('runStatusAt and runStatusSince', () => {
	it('moves parsing_pending → created → processing → completed at the timeline boundaries', () => {
		const statuses = [119, 120, 139, 140, 189, 190].map((now) => runStatusAt(run(), now));
		expect(statuses).toEqual([
			'parsing_pending',
			'created',
			'created',
			'processing',
			'processing',
			'completed',
		]);
		expect(runStatusAt(run('Extraction failed'), 190)).toBe('failed');
	});

	it('dates each status from the boundary that began it', () => {
		const since = (status: RunStatus) => runStatusSince(run(), status);
		expect([
			since('parsing_pending'),
			since('created'),
			since('processing'),
			since('completed'),
		]).toEqual([100, 120, 140, 190]);
	});
});

describe('sessionStatusFor', () => {
	it('shows the latest run as the session status (pending before any run or while it waits)', () => {
		const withStatus = (status: RunStatus) => ({ status }) as ExtractionRun;
		expect(sessionStatusFor(undefined)).toBe('pending');
		expect(sessionStatusFor(withStatus('created'))).toBe('pending');
		expect(sessionStatusFor(withStatus('processing'))).toBe('processing');
		expect(sessionStatusFor(withStatus('completed'))).toBe('completed');
		expect(sessionStatusFor(withStatus('failed'))).toBe('failed');
	});
});

describe('lastTransition', () => {
	it('is the latest timestamp of the visible parsing that has passed, or the creation without one', () => {
		expect(lastTransition(documentWith([]), 500)).toBe(50);
		expect(lastTransition(documentWith([parsing()]), 99)).toBe(50);
		expect(lastTransition(documentWith([parsing()]), 120)).toBe(110);
		expect(lastTransition(documentWith([parsing()]), 500)).toBe(145);
	});
});
