import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Workflow Run → Get Output', () => {
	const fake = useFakeRaydocs();

	it('returns the public output of the run', async () => {
		const workflow = fake().seedWorkflow(1);
		const run = fake().seedWorkflowRun(1, workflow.id);
		const { items, error } = await runRaydocs(fake(), {
			resource: 'workflowRun',
			operation: 'getOutput',
			workspaceId: byId(1),
			workflowId: workflow.id,
			runId: run.id,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json.documents).toEqual([
			expect.objectContaining({ type: 'documentRef', filename: 'export.zip', mime: 'application/zip' }),
		]);
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'GET',
			path: `/workspaces/1/workflows/${workflow.id}/runs/${run.id}/output`,
		});
	});

	it('names workflow-runs-output-read on 403', async () => {
		const workflow = fake().seedWorkflow(1);
		const run = fake().seedWorkflowRun(1, workflow.id, { output: { ok: true } });
		const token = fake().createToken(['workspaces-read', 'workflows-read'], 'no-output');
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'workflowRun', operation: 'getOutput', workspaceId: byId(1), workflowId: workflow.id, runId: run.id },
			{ token },
		);
		expect(error?.message).toContain('"workflow-runs-output-read"');
	});

	it('says which run was not found on 404', async () => {
		const workflow = fake().seedWorkflow(1);
		const missing = 'fedcbafe-dcba-4fed-8cba-fedcbafedcba';
		const { error } = await runRaydocs(fake(), {
			resource: 'workflowRun',
			operation: 'getOutput',
			workspaceId: byId(1),
			workflowId: workflow.id,
			runId: missing,
		});
		expect(error?.message).toContain(`could not find workflow run ${missing}`);
	});

	it('rejects a run ID that is not a UUID before sending anything', async () => {
		const workflow = fake().seedWorkflow(1);
		const { error } = await runRaydocs(fake(), {
			resource: 'workflowRun',
			operation: 'getOutput',
			workspaceId: byId(1),
			workflowId: workflow.id,
			runId: '17',
		});
		expect(error?.message).toBe('Workflow run ID "17" is not valid: Raydocs workflow run IDs are UUIDs');
		expect(apiRequests(fake())).toHaveLength(0);
	});
});
