import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

describe('Raydocs → Workflow Run → Get File', () => {
	const fake = useFakeRaydocs();

	it('returns what Raydocs says about the runtime file', async () => {
		const workflow = fake().seedWorkflow(1);
		const run = fake().seedWorkflowRun(1, workflow.id, { output: { ok: true } });
		const { items, error } = await runRaydocs(fake(), {
			resource: 'workflowRun',
			operation: 'getFile',
			workspaceId: byId(1),
			workflowId: workflow.id,
			runId: ` ${run.id} `,
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: expect.objectContaining({ url: expect.stringContaining('X-Amz-Signature='), mime: 'application/json' }),
				pairedItem: { item: 0 },
			},
		]);
		expect(apiRequests(fake())[0]).toMatchObject({
			method: 'GET',
			path: `/workspaces/1/workflows/${workflow.id}/runs/${run.id}/file`,
		});
	});

	it('passes on the 404 of a run that has no file', async () => {
		const workflow = fake().seedWorkflow(1);
		const run = fake().seedWorkflowRun(1, workflow.id, { status: 'running' });
		const { error } = await runRaydocs(fake(), {
			resource: 'workflowRun',
			operation: 'getFile',
			workspaceId: byId(1),
			workflowId: workflow.id,
			runId: run.id,
		});
		expect((error as { httpCode?: string }).httpCode).toBe('404');
		expect(error?.message).toContain(`could not find workflow run ${run.id}`);
	});
});
