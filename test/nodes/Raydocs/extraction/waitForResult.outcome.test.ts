import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { outputForOutcome, readWaitOptions } from '../../../../nodes/Raydocs/resources/extraction/waitForResult';
import type { RunOutcome } from '../../../../nodes/Raydocs/shared/waitForRuns';

const node = { name: 'Raydocs' } as INode;
const SESSION = '11111111-1111-4111-8111-111111111111';
const RESULT = '22222222-2222-4222-8222-222222222222';

/** The node's parameters for item 3 only; any other item reads the defaults. */
function contextFor(parameters: IDataObject): IExecuteFunctions {
	return {
		getNode: () => node,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) =>
			itemIndex === 3 && name in parameters ? parameters[name] : fallback,
	} as unknown as IExecuteFunctions;
}

function failureOf(run: () => unknown): NodeOperationError {
	try {
		run();
	} catch (error) {
		return error as NodeOperationError;
	}
	throw new Error('no error');
}

const completed = {
	id: RESULT,
	status: 'completed',
	extraction_session_id: SESSION,
	title: 'Invoice',
	data: { invoice: { total: 42 } },
};

describe('Wait for Result → outputForOutcome: the output item of a finished wait, or its error', () => {
	it("shapes a completed run as the item's own Simplify and Field Layout ask", () => {
		const outcome: RunOutcome = { run: completed, timedOut: false };
		expect(outputForOutcome(contextFor({ fieldLayout: 'nested' }), 3, outcome, { resultId: RESULT })).toMatchObject({
			result_id: RESULT,
			session_id: SESSION,
			status: 'completed',
			invoice: { total: 42 },
		});
		expect(outputForOutcome(contextFor({ simplify: false }), 3, outcome, { resultId: RESULT })).toEqual({
			result_id: RESULT,
			session_id: SESSION,
			...completed,
		});
	});

	it('throws the error the wait met', () => {
		const error = new NodeApiError(node, { message: 'gone' }, { message: 'Raydocs could not find the result' });
		expect(failureOf(() => outputForOutcome(contextFor({}), 3, { timedOut: false, error }, { resultId: RESULT }))).toBe(error);
	});

	describe('a wait that timed out', () => {
		it('fails by default, with the ids to resume and the last status seen', () => {
			const error = failureOf(() =>
				outputForOutcome(contextFor({}), 3, { timedOut: true, lastStatus: 'processing' }, { sessionId: SESSION, resultId: RESULT }),
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(
				`Raydocs had not finished the extraction (session ${SESSION}, result ${RESULT}) when the wait timed out`,
			);
			expect(error.description).toBe(
				`Last status: processing. Raise "Timeout (Seconds)" under Options, or set "On Timeout" to "Output a Pending Item" and resume with Extraction → Wait for Result using result ID ${RESULT}.`,
			);
			expect(error.context.itemIndex).toBe(3);
		});

		it('says so when no status was seen, and names only the result when there is no session', () => {
			const error = failureOf(() => outputForOutcome(contextFor({}), 3, { timedOut: true }, { resultId: RESULT }));
			expect(error.message).toBe(`Raydocs had not finished the extraction (result ${RESULT}) when the wait timed out`);
			expect(error.description).toMatch(/^Last status: unknown\. /);
		});

		it('outputs a pending item to resume with when On Timeout asks for it', () => {
			const pendingOn = contextFor({ options: { onTimeout: 'pending' } });
			expect(
				outputForOutcome(pendingOn, 3, { timedOut: true, lastStatus: 'processing' }, { sessionId: SESSION, resultId: RESULT }),
			).toEqual({
				status: 'pending',
				raydocs_status: 'processing',
				session_id: SESSION,
				result_id: RESULT,
				resume_with: 'Raydocs → Extraction → Wait for Result',
			});
			expect(outputForOutcome(pendingOn, 3, { timedOut: true }, { resultId: RESULT })).toMatchObject({
				raydocs_status: null,
				session_id: null,
			});
		});
	});

	describe('a failed run', () => {
		const failed = { ...completed, status: 'failed', error: 'The PDF is password-protected', data: null };

		it("fails with Raydocs' reason and where to look", () => {
			const error = failureOf(() =>
				outputForOutcome(contextFor({}), 3, { run: failed, timedOut: false }, { sessionId: SESSION, resultId: RESULT }),
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe('Raydocs could not extract the document: The PDF is password-protected');
			expect(error.description).toBe(
				`Result ${RESULT} in session ${SESSION} failed. Check the file (is it readable, not password-protected?) or set "On Failed Extraction" to "Output the Failed Result".`,
			);
			expect(error.context.itemIndex).toBe(3);
			const withoutSession = failureOf(() => outputForOutcome(contextFor({}), 3, { run: failed, timedOut: false }, { resultId: RESULT }));
			expect(withoutSession.description).toMatch(new RegExp(`^Result ${RESULT} failed\\. `));
		});

		it('is output as it is when On Failed Extraction asks for it', () => {
			const outputOn = contextFor({ options: { onFailure: 'output' } });
			expect(outputForOutcome(outputOn, 3, { run: failed, timedOut: false }, { resultId: RESULT })).toMatchObject({
				result_id: RESULT,
				status: 'failed',
				error: 'The PDF is password-protected',
			});
		});
	});
});

describe('Wait for Result → readWaitOptions', () => {
	it("reads the item's Check Interval and Timeout, with the defaults for the rest", () => {
		expect(readWaitOptions(contextFor({ options: { checkInterval: 2, timeout: 60 } }), 3)).toMatchObject({
			intervalMs: 2000,
			timeoutMs: 60_000,
		});
		expect(readWaitOptions(contextFor({ options: { checkInterval: 2 } }), 0)).toMatchObject({ intervalMs: 5000, timeoutMs: 300_000 });
	});
});
