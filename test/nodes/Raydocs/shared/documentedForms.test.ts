import type { NodeApiError } from 'n8n-workflow';

import {
	documentedFormsOf,
	forgetDocumentedForms,
	sendInDocumentedForm,
	type RequestForm,
} from '../../../../nodes/Raydocs/shared/documentedForms';
import { routeAnswer } from '../../../../nodes/Raydocs/shared/errors';
import type { Variants } from '../../../../tools/fake-raydocs/types';
import { apiRequests, byId, requestLines, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { seedInvite } from '../workspaceInvite/invites';

const TEMPLATE = '550e8400-e29b-41d4-a716-446655440000';
const SESSION = '770e8400-e29b-41d4-a716-446655440001';

describe('documentedFormsOf', () => {
	it('gives the guides\' form after the reference form of each call the docs disagree on', () => {
		expect(documentedFormsOf({ method: 'DELETE', url: '/workspaces/1/invites/5' }).forms).toEqual([
			{ method: 'DELETE', url: '/workspaces/1/invites/5' },
			{ method: 'DELETE', url: '/workspaces/1/invites/5/cancel', body: undefined },
		]);
		const body = { session_ids: [SESSION] };
		expect(
			documentedFormsOf({ method: 'POST', url: `/extractions/templates/${TEMPLATE}/sessions/batch/delete`, body })
				.forms[1],
		).toEqual({ method: 'DELETE', url: `/extractions/templates/${TEMPLATE}/sessions/batch`, body });
	});

	it('moves the export format from the body into the path, json when none was given', () => {
		const url = `/extractions/templates/${TEMPLATE}/sessions/batch/export`;
		expect(
			documentedFormsOf({ method: 'POST', url, body: { session_ids: [SESSION], format: 'excel' } }).forms[1],
		).toEqual({ method: 'POST', url: `${url}/excel`, body: { session_ids: [SESSION] } });
		expect(documentedFormsOf({ method: 'POST', url, body: { session_ids: [SESSION] } }).forms[1]?.url).toBe(
			`${url}/json`,
		);
	});

	it('leaves every other call alone', () => {
		const request = { method: 'GET', url: '/workspaces' };
		expect(documentedFormsOf(request)).toEqual({ forms: [request] });
		const unknown = { method: 'POST', url: '/no/such/endpoint' };
		expect(documentedFormsOf(unknown)).toEqual({ forms: [unknown] });
	});

	it('uses the default format when the body gives an empty one', () => {
		const url = `/extractions/templates/${TEMPLATE}/sessions/batch/export`;
		expect(documentedFormsOf({ method: 'POST', url, body: { session_ids: [SESSION], format: '' } }).forms[1]).toEqual({
			method: 'POST',
			url: `${url}/json`,
			body: { session_ids: [SESSION] },
		});
	});
});

describe('routeAnswer', () => {
	const answer = (status: number, body?: unknown) => routeAnswer({ status, headers: {}, body, message: '' });
	it('tells a missing route from a missing record', () => {
		expect(answer(405, { message: 'The DELETE method is not supported for route x.' })).toBe('missing route');
		expect(answer(404, { message: 'The route api/x could not be found.' })).toBe('missing route');
		// no Raydocs error at all: something in front of it has no such path
		expect(answer(404, '<html>Not Found</html>')).toBe('missing route');
		expect(answer(404, { message: 'Invite not found.' })).toBe('missing record');
		expect(answer(404, { message: 'No query results for model [App\\Models\\Invite] 5' })).toBe('missing record');
		expect(answer(403, { message: 'This action is unauthorized.' })).toBe('other');
	});
});

describe('sendInDocumentedForm', () => {
	beforeEach(() => forgetDocumentedForms());
	// As the transport raises them: routeMissing is what raydocsApiError read from the answer.
	const failure = (status: number, message?: string) =>
		Object.assign(new Error(`HTTP ${status}`), {
			httpCode: String(status),
			errorResponse: { body: message ? { message } : null, routeMissing: routeAnswer({ status, headers: {}, body: message ? { message } : undefined, message: '' }) === 'missing route' },
		});
	const request = { method: 'DELETE', url: '/workspaces/1/invites/5' };
	const baseUrl = async () => 'https://api.example.test';

	it('shows the record error of the form the server has, and goes there first next time', async () => {
		const sent: string[] = [];
		const send = async (form: RequestForm) => {
			sent.push(form.url);
			throw form.url.endsWith('/cancel')
				? failure(404, 'Invite not found.')
				: failure(404, 'The route workspaces/1/invites/5 could not be found.');
		};
		await expect(sendInDocumentedForm(baseUrl, request, send)).rejects.toMatchObject({
			errorResponse: { body: { message: 'Invite not found.' } },
		});
		await expect(sendInDocumentedForm(baseUrl, request, send)).rejects.toThrow();
		expect(sent).toEqual(['/workspaces/1/invites/5', '/workspaces/1/invites/5/cancel', '/workspaces/1/invites/5/cancel']);
	});

	it('gives up with the first error when neither form has a route', async () => {
		const routeError = (url: string) => failure(404, `The route ${url} could not be found.`);
		await expect(
			sendInDocumentedForm(baseUrl, request, async (form) => {
				throw routeError(form.url);
			}),
		).rejects.toMatchObject({ errorResponse: { body: { message: `The route ${request.url} could not be found.` } } });
	});

	it('does not try the other form after a 403, a 422 or a missing record', async () => {
		for (const [status, message] of [[403, 'This action is unauthorized.'], [422, 'Invalid.'], [404, 'Invite not found.']] as const) {
			forgetDocumentedForms();
			const sent: string[] = [];
			const error = failure(status, message);
			await expect(
				sendInDocumentedForm(baseUrl, request, async (form) => {
					sent.push(form.url);
					throw error;
				}),
			).rejects.toBe(error);
			expect(sent).toEqual(['/workspaces/1/invites/5']);
		}
	});

	it('sends a call documented in one form once, as it is, without reading the base URL', async () => {
		const single = { method: 'GET', url: '/workspaces' };
		const sent: RequestForm[] = [];
		const error = failure(404, 'The route workspaces could not be found.');
		const readBaseUrl = jest.fn(baseUrl);
		await expect(
			sendInDocumentedForm(readBaseUrl, single, async (form) => {
				sent.push(form);
				throw error;
			}),
		).rejects.toBe(error);
		expect(sent).toEqual([single]);
		expect(readBaseUrl).not.toHaveBeenCalled();
	});

	it('remembers per base URL', async () => {
		const sent: string[] = [];
		const onlyCancel = async (form: RequestForm) => {
			sent.push(form.url);
			if (!form.url.endsWith('/cancel')) throw failure(405, 'The DELETE method is not supported for route x.');
			return 'ok';
		};
		await sendInDocumentedForm(baseUrl, request, onlyCancel);
		await sendInDocumentedForm(baseUrl, request, onlyCancel);
		await sendInDocumentedForm(async () => 'https://other.example.test', request, onlyCancel);
		expect(sent.map((url) => url.endsWith('/cancel'))).toEqual([false, true, true, false, true]);
	});
});

describe.each<Variants['routeForms']>(['reference', 'prose'])('against a server with only the %s form', (routeForms) => {
	const fake = useFakeRaydocs();
	const templateId = () => fake().state.seed!.templateId;
	const batchPath = () => `/extractions/templates/${templateId()}/sessions/batch`;
	beforeEach(() => fake().setVariant('routeForms', routeForms));

	async function sessions(count: number): Promise<string[]> {
		const ids: string[] = [];
		for (let index = 0; index < count; index++) {
			const { items } = await runRaydocs(fake(), {
				resource: 'session',
				operation: 'create',
				templateId: byId(templateId()),
				name: `s${index}`,
			});
			ids.push(String(items[0].json.id));
		}
		fake().clearLog();
		return ids;
	}

	it('Workspace Invite → Cancel cancels the invite, then goes straight to the working form', async () => {
		const first = await seedInvite(fake(), 'a@example.com');
		const second = await seedInvite(fake(), 'b@example.com');
		for (const inviteId of [first, second]) {
			const { items, error } = await runRaydocs(fake(), {
				resource: 'workspaceInvite',
				operation: 'cancel',
				workspaceId: byId(1),
				inviteId: String(inviteId),
			});
			expect(error).toBeUndefined();
			expect(items[0].json).toEqual({ deleted: true });
			expect(fake().state.invites.has(inviteId)).toBe(false);
		}
		const cancel = (id: number) => `DELETE /workspaces/1/invites/${id}${routeForms === 'prose' ? '/cancel' : ''}`;
		expect(requestLines(fake())).toEqual(
			routeForms === 'reference'
				? [cancel(first), cancel(second)]
				: [`DELETE /workspaces/1/invites/${first}`, cancel(first), cancel(second)],
		);
	});

	it('Workspace Invite → Cancel of a missing invite names the invite', async () => {
		const { error } = await runRaydocs(fake(), {
			resource: 'workspaceInvite',
			operation: 'cancel',
			workspaceId: byId(1),
			inviteId: '31',
		});
		expect((error as NodeApiError).httpCode).toBe('404');
		expect(error?.message).toContain('could not find invite 31 in workspace 1');
	});

	it('Extraction Batch → Delete deletes the sessions', async () => {
		const ids = await sessions(2);
		const { items, error } = await runRaydocs(fake(), {
			resource: 'batch',
			operation: 'delete',
			templateId: byId(templateId()),
			sessionIds: ids,
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ deleted: true });
		expect(ids.some((id) => fake().state.sessions.has(id))).toBe(false);
		const last = apiRequests(fake()).pop()!;
		expect(last).toMatchObject(
			routeForms === 'reference'
				? { method: 'POST', path: `${batchPath()}/delete`, body: { session_ids: ids } }
				: { method: 'DELETE', path: batchPath(), body: { session_ids: ids } },
		);
	});

	it('Extraction Batch → Export returns the sessions in JSON and as an Excel file', async () => {
		const ids = await sessions(2);
		const json = await runRaydocs(fake(), {
			resource: 'batch',
			operation: 'export',
			templateId: byId(templateId()),
			sessionIds: ids,
			format: 'json',
		});
		expect(json.error).toBeUndefined();
		expect(json.items.map((item) => item.json.session_id)).toEqual(ids);
		const excel = await runRaydocs(fake(), {
			resource: 'batch',
			operation: 'export',
			templateId: byId(templateId()),
			sessionIds: ids,
			format: 'excel',
			binaryPropertyName: 'data',
		});
		expect(excel.error).toBeUndefined();
		expect(excel.items[0].binary?.data?.fileName).toMatch(/\.xlsx$/);
		expect(apiRequests(fake()).pop()).toMatchObject(
			routeForms === 'reference'
				? { path: `${batchPath()}/export`, body: { session_ids: ids, format: 'excel' } }
				: { path: `${batchPath()}/export/excel`, body: { session_ids: ids } },
		);
	});

	it('Template → Create keeps the schema whichever key the server reads', async () => {
		fake().setVariant('templateSchemaKey', routeForms === 'reference' ? 'schema_json' : 'schema');
		const schema = { groups: { totals: { fields: { amount: { type: 'number', description: 'Total' } } } } };
		const { items, error } = await runRaydocs(fake(), {
			resource: 'template',
			operation: 'create',
			workspaceId: byId(1),
			name: 'Receipts',
			schemaJson: JSON.stringify(schema),
		});
		expect(error).toBeUndefined();
		expect(items[0].json.schema_json).toMatchObject(schema);
	});
});
