import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodePropertyRouting } from 'n8n-workflow';

import { Raydocs } from '../../../../nodes/Raydocs/Raydocs.node';
import { ROUTE_EVERY_REQUEST_THROUGH_TRANSPORT } from '../../../../nodes/Raydocs/shared/transportWiring';
import { apiRequests, byId, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

/** shared/transportWiring.ts: every routed request reaches Raydocs through the transport. */
describe('Transport wiring', () => {
	const fake = useFakeRaydocs();

	it('is what the node description uses', () => {
		const { description } = new Raydocs();
		const resource = description.properties.find((property) => property.name === 'resource');
		expect(resource?.routing).toBe(ROUTE_EVERY_REQUEST_THROUGH_TRANSPORT);
		expect(ROUTE_EVERY_REQUEST_THROUGH_TRANSPORT).toEqual({ send: { paginate: true } });
		expect(typeof description.requestOperations?.pagination).toBe('function');
	});

	it("declares every output step as a function, the only kind the transport runs (a 'set' or 'rootProperty' would fail)", () => {
		const routings: INodePropertyRouting[] = [];
		const walk = (entries: Array<INodeProperties | INodePropertyOptions | INodePropertyCollection>) => {
			for (const entry of entries) {
				if ('routing' in entry && entry.routing) routings.push(entry.routing);
				if ('options' in entry && Array.isArray(entry.options)) walk(entry.options as INodeProperties[]);
				if ('values' in entry && Array.isArray(entry.values)) walk(entry.values);
			}
		};
		walk(new Raydocs().description.properties);
		const steps = routings.flatMap((routing) => routing.output?.postReceive ?? []);
		// deletes, downloads, exports, chunks, lists, include-schema...
		expect(steps.length).toBeGreaterThan(10);
		expect(steps.filter((step) => typeof step !== 'function')).toEqual([]);
	});

	it('sends a routed single-object request through the transport, which retries a 503', async () => {
		const workspace = fake().seedWorkspace('Retried');
		fake().fault({ method: 'PUT', path: `/workspaces/${workspace.id}`, kind: 'status', status: 503, count: 1 });
		const { items, error } = await runRaydocs(fake(), {
			resource: 'workspace',
			operation: 'update',
			workspaceId: byId(workspace.id),
			updateFields: { name: 'Renamed' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: workspace.id, name: 'Renamed' });
		expect(apiRequests(fake()).map((entry) => [entry.method, entry.status])).toEqual([
			['PUT', 503],
			['PUT', 200],
		]);
	});

	it('sends a routed list request through the transport too (the operation keeps its own page-following hook)', async () => {
		fake().fault({ method: 'GET', path: '/workspaces', kind: 'status', status: 503, count: 1 });
		const { items, error } = await runRaydocs(fake(), { resource: 'workspace', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(apiRequests(fake()).map((entry) => entry.status)).toEqual([503, 200]);
	});
});
