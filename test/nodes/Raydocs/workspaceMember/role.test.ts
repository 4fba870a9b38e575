import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeProperties } from 'n8n-workflow';

import { workspaceRoleField } from '../../../../nodes/Raydocs/resources/workspaceMember/role';
import { requestSentFor } from '../../../helpers/fieldProbe';
import { useFakeRaydocs } from '../../../helpers/raydocs';

describe('Workspace member role field (Add, Update Role)', () => {
	const fake = useFakeRaydocs();
	const showFor = { operation: ['probe'] };

	it('sends the chosen role in the body, "user" unless another is chosen', async () => {
		const admin = await requestSentFor(fake(), [workspaceRoleField(showFor, 'Role')], { operation: 'probe', role: 'admin' });
		expect(admin?.body).toEqual({ role: 'admin' });
		const operation: INodeProperties = { displayName: 'Operation', name: 'operation', type: 'hidden', default: 'probe' };
		const unchanged = NodeHelpers.getNodeParameters([operation, workspaceRoleField(showFor, 'Role')], {}, true, false, null, null);
		expect(unchanged).toEqual({ operation: 'probe', role: 'user' });
	});

	it('offers the three roles Raydocs knows, and n8n flags an empty one', () => {
		const field = workspaceRoleField(showFor, 'Role');
		expect((field.options as Array<{ value: string }>).map((option) => option.value).sort()).toEqual(['admin', 'readonly', 'user']);
		const issues = NodeHelpers.getNodeParametersIssues([field], { parameters: { operation: 'probe', role: '' } } as unknown as INode, null);
		expect(Object.keys(issues?.parameters ?? {})).toEqual(['role']);
	});

	it('is shown only for its operation', () => {
		const field = workspaceRoleField({ operation: ['add'], resource: ['workspaceMember'] }, 'Role');
		expect(NodeHelpers.displayParameter({ resource: 'workspaceMember', operation: 'add' }, field, null, null)).toBe(true);
		expect(NodeHelpers.displayParameter({ resource: 'workspaceMember', operation: 'remove' }, field, null, null)).toBe(false);
	});
});
