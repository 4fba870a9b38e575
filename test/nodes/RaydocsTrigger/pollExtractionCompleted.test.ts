import { NodeApiError } from 'n8n-workflow';

import { pollingTrigger } from '../../harness/engine';
import { apiRequests, credentialsFor, useFakeRaydocs } from '../../helpers/raydocs';
import {
	completedRun,
	extractionTrigger,
	restarted,
	resultIds,
	sessionWithDocument,
	startRun,
	triggerNode,
	waitForStatus,
} from '../../helpers/trigger';

describe('Raydocs Trigger → Extraction Completed', () => {
	const fake = useFakeRaydocs();

	it('starts from activation: earlier runs are not emitted, later ones once each', async () => {
		const sessionId = await sessionWithDocument(fake());
		await completedRun(fake(), sessionId);
		const trigger = extractionTrigger(fake(), [sessionId]);
		expect(await trigger.poll()).toBeNull();

		const newRun = await completedRun(fake(), sessionId);
		const output = await trigger.poll();
		expect(resultIds(output)).toEqual([newRun]);
		expect(output![0][0].json).toMatchObject({
			status: 'completed',
			session_id: sessionId,
			'invoice_details.invoice_number': expect.stringMatching(/^INV-/),
		});
		expect(await trigger.poll()).toBeNull();
	});

	it('emits a run created before activation that completes after it', async () => {
		const sessionId = await sessionWithDocument(fake());
		fake().setTiming({ runProcessingMs: 400 });
		const runId = await startRun(fake(), sessionId);
		const trigger = extractionTrigger(fake(), [sessionId]);
		expect(await trigger.poll()).toBeNull();
		await waitForStatus(fake(), runId);
		expect(resultIds(await trigger.poll())).toEqual([runId]);
		expect(await trigger.poll()).toBeNull();
	});

	it('emits runs that complete together, and out of order, each exactly once', async () => {
		const sessions = [await sessionWithDocument(fake()), await sessionWithDocument(fake()), await sessionWithDocument(fake())];
		const trigger = extractionTrigger(fake(), sessions);
		expect(await trigger.poll()).toBeNull();

		fake().setTiming({ runProcessingMs: 500 });
		const slow = await startRun(fake(), sessions[0]);
		fake().setTiming({ runProcessingMs: 30 });
		const fast = [await startRun(fake(), sessions[1]), await startRun(fake(), sessions[2])];
		await Promise.all(fast.map((id) => waitForStatus(fake(), id)));
		expect(resultIds(await trigger.poll()).sort()).toEqual([...fast].sort());
		await waitForStatus(fake(), slow);
		expect(resultIds(await trigger.poll())).toEqual([slow]);
		expect(await trigger.poll()).toBeNull();
	});

	it('survives a restart of n8n without emitting anything twice', async () => {
		const sessionId = await sessionWithDocument(fake());
		const first = extractionTrigger(fake(), [sessionId]);
		expect(await first.poll()).toBeNull();
		const runId = await completedRun(fake(), sessionId);
		expect(resultIds(await first.poll())).toEqual([runId]);

		const afterRestart = extractionTrigger(fake(), [sessionId], {}, {}, restarted(first.workflow));
		expect(await afterRestart.poll()).toBeNull();
		const next = await completedRun(fake(), sessionId);
		expect(resultIds(await afterRestart.poll())).toEqual([next]);
	});

	it('repeats a poll that failed half way without duplicating what was emitted', async () => {
		const sessions = [await sessionWithDocument(fake()), await sessionWithDocument(fake())];
		const trigger = extractionTrigger(fake(), sessions);
		expect(await trigger.poll()).toBeNull();
		const runs = [await completedRun(fake(), sessions[0]), await completedRun(fake(), sessions[1])];
		const before = JSON.stringify(trigger.workflow.staticData);

		// the second session cannot be read: 503 until the retries run out
		fake().fault({ method: 'GET', path: `/extractions/sessions/${sessions[1]}`, kind: 'status', status: 503, count: 4 });
		await expect(trigger.poll()).rejects.toThrow('Raydocs had a server problem (HTTP 503) after 4 attempts');
		expect(JSON.stringify(trigger.workflow.staticData)).toBe(before);

		expect(resultIds(await trigger.poll()).sort()).toEqual([...runs].sort());
		expect(await trigger.poll()).toBeNull();
	});

	it('throws NodeApiErrors n8n can classify (401)', async () => {
		const sessionId = await sessionWithDocument(fake());
		const token = fake().createToken('*', 'soon revoked');
		fake().revokeToken(token);
		const revoked = pollingTrigger({
			nodeType: triggerNode,
			credentials: { ...credentialsFor(fake()), accessToken: token },
			parameters: { event: 'extractionCompleted', sessionIds: sessionId, simplify: true, options: {} },
		});
		const failure = await revoked.poll().catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(NodeApiError);
		expect(failure).toMatchObject({ httpCode: '401', message: expect.stringMatching(/invalid, expired or revoked/) });
	});

	it('emits the existing backlog once when asked to', async () => {
		const sessionId = await sessionWithDocument(fake());
		const old = await completedRun(fake(), sessionId);
		const trigger = extractionTrigger(fake(), [sessionId], { emitBacklog: true });
		expect(resultIds(await trigger.poll())).toEqual([old]);
		expect(await trigger.poll()).toBeNull();
	});

	it('emits failed runs only when asked, with the reason', async () => {
		const sessionId = await sessionWithDocument(fake(), '%PDF %EXTRACTION_FAIL');
		const quiet = extractionTrigger(fake(), [sessionId]);
		const loud = extractionTrigger(fake(), [sessionId], { includeFailed: true });
		expect(await quiet.poll()).toBeNull();
		expect(await loud.poll()).toBeNull();
		const failed = await completedRun(fake(), sessionId);
		expect(await quiet.poll()).toBeNull();
		const output = await loud.poll();
		expect(resultIds(output)).toEqual([failed]);
		expect(output![0][0].json).toMatchObject({ status: 'failed', error: expect.stringContaining('Extraction failed') });
	});

	it('filters by template and can add the session documents', async () => {
		const sessionId = await sessionWithDocument(fake());
		const other = extractionTrigger(fake(), [sessionId], { templateId: '00000000-0000-4000-8000-000000000000' });
		const withDocuments = extractionTrigger(fake(), [sessionId], { includeDocuments: true, templateId: fake().state.seed!.templateId });
		await other.poll();
		await withDocuments.poll();
		await completedRun(fake(), sessionId);
		expect(await other.poll()).toBeNull();
		const output = await withDocuments.poll();
		expect(output![0][0].json.session_documents).toEqual([expect.objectContaining({ filename: `${sessionId}.pdf` })]);
	});

	it('filters by a template picked from the list or pasted as a link', async () => {
		const sessionId = await sessionWithDocument(fake());
		const templateId = fake().state.seed!.templateId;
		const picked = extractionTrigger(fake(), [sessionId], { templateId: { __rl: true, mode: 'list', value: templateId } });
		const linked = extractionTrigger(fake(), [sessionId], {
			templateId: { __rl: true, mode: 'url', value: `https://app.raydocs.com/extractions/templates/${templateId}/edit` },
		});
		const otherLink = extractionTrigger(fake(), [sessionId], {
			templateId: { __rl: true, mode: 'url', value: 'https://app.raydocs.com/extractions/templates/00000000-0000-4000-8000-000000000000' },
		});
		const unset = extractionTrigger(fake(), [sessionId], { templateId: { __rl: true, mode: 'list', value: '' } });
		for (const trigger of [picked, linked, otherLink, unset]) await trigger.poll();
		const run = await completedRun(fake(), sessionId);
		expect(resultIds(await picked.poll())).toEqual([run]);
		expect(resultIds(await linked.poll())).toEqual([run]);
		expect(await otherLink.poll()).toBeNull();
		expect(resultIds(await unset.poll())).toEqual([run]);
	});

	it('Fetch Test Event returns the newest finished run and leaves the state alone', async () => {
		const sessionId = await sessionWithDocument(fake());
		const manualEmpty = extractionTrigger(fake(), [sessionId], {}, {}, undefined, 'manual');
		await expect(manualEmpty.poll()).rejects.toThrow('No finished extraction yet in the watched sessions');

		await completedRun(fake(), sessionId);
		const newest = await completedRun(fake(), sessionId);
		const manual = extractionTrigger(fake(), [sessionId], {}, {}, undefined, 'manual');
		expect(resultIds(await manual.poll())).toEqual([newest]);
		expect(manual.workflow.staticData).toEqual({});
	});

	it('costs one request per watched session when idle, one more per new run at most', async () => {
		const sessions = [await sessionWithDocument(fake()), await sessionWithDocument(fake()), await sessionWithDocument(fake())];
		const trigger = extractionTrigger(fake(), sessions);
		await trigger.poll();
		fake().clearLog();
		await trigger.poll();
		expect(apiRequests(fake())).toHaveLength(3);
		expect(apiRequests(fake()).every((entry) => entry.method === 'GET' && entry.path.startsWith('/extractions/sessions/'))).toBe(true);

		await completedRun(fake(), sessions[0]);
		fake().clearLog();
		const output = await trigger.poll();
		expect(output![0]).toHaveLength(1);
		// Raydocs embeds full runs in the session, so a new run costs no extra request here;
		// with a summary-only embed it would cost one GET /extractions/results/{id}.
		expect(apiRequests(fake())).toHaveLength(3);
	});

	it('rejects a session id that is not a UUID', async () => {
		const trigger = extractionTrigger(fake(), ['my-session']);
		await expect(trigger.poll()).rejects.toThrow('Session ID "my-session" is not valid');
		expect(fake().log).toHaveLength(0);
	});
});

describe('Raydocs Trigger → state stays bounded', () => {
	const fake = useFakeRaydocs({ rateLimit: false });

	it('keeps the same state size over 1,000 polls with runs completing along the way', async () => {
		const sessionId = await sessionWithDocument(fake());
		const trigger = extractionTrigger(fake(), [sessionId]);
		let emitted = 0;
		const sizes: number[] = [];
		for (let poll = 1; poll <= 1000; poll++) {
			if (poll % 200 === 0) {
				// delete old runs as users do; their ids must leave the state too
				for (const run of [...fake().state.runs.values()]) fake().state.runs.delete(run.id);
				await completedRun(fake(), sessionId);
			}
			emitted += resultIds(await trigger.poll()).length;
			if (poll % 100 === 0) sizes.push(JSON.stringify(trigger.workflow.staticData).length);
		}
		expect(emitted).toBe(5);
		expect(Math.max(...sizes)).toBeLessThan(400);
		const state = trigger.workflow.staticData['node:Raydocs Trigger'] as { sessions: Record<string, { seen: string[] }> };
		expect(state.sessions[sessionId].seen.length).toBeLessThanOrEqual(1);
	});
});
