import type { IN8nRequestOperations, INodePropertyRouting } from 'n8n-workflow';

import { withCustomOperations, type CustomOperations } from './toolExecution';
import { sendRoutedRequest } from './transport';

/*
 * Why the node uses n8n's pagination hook to send every routed request: n8n's declarative engine
 * sends a routed request itself, with no place for our rate limiter, retries and error messages,
 * except when the request is marked "paginate". Then (n8n 1.82 to 2.x alike) it hands the prepared
 * request to the node's `requestOperations.pagination` function together with `makeRoutingRequest`,
 * and lets that function decide how and how often to send it. So the `resource` property, which
 * every operation shows, marks every request as paginated (ROUTE_EVERY_REQUEST_THROUGH_TRANSPORT),
 * and the node's pagination function is the transport (transportRequestOperations): one way out
 * for every routed operation, whether it reads one page or many.
 *
 * An operation that needs more than one plain request keeps its own `routing.operations.pagination`
 * (n8n lets it replace the node's function): the Get Many operations follow pages
 * (sendRoutedListRequest), downloads fetch the signed URL they get (sendRoutedDownloadRequest),
 * Workflow Run → Get Many reads a cursor. Each of those sends its requests through
 * sendRoutedRequest, so they share the same transport. They are declared on the operation rather
 * than chosen here because the operation is where the description says it returns a list; a table
 * of operation names here would repeat the descriptions.
 */

/** The `resource` property's routing: turns on the engine's pagination hook for every operation. */
export const ROUTE_EVERY_REQUEST_THROUGH_TRANSPORT: INodePropertyRouting = { send: { paginate: true } };

/**
 * The node description's `requestOperations`: the transport, which also runs the code operations
 * when n8n executes the node through routing alone (as an AI tool, see withCustomOperations).
 */
export function transportRequestOperations(codeOperations: CustomOperations): IN8nRequestOperations {
	return { pagination: withCustomOperations(codeOperations, sendRoutedRequest) };
}
