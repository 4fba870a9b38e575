import type { IN8nRequestOperations, INodePropertyRouting } from 'n8n-workflow';

import { withCustomOperations, type CustomOperations } from './toolExecution';
import { sendRoutedRequest } from './transport';

/*
 * How routed operations reach the transport (docs/design/transport.md says why): the `resource`
 * property, which every operation shows, marks every request as paginated, so n8n's routing engine
 * hands each prepared request to the node's pagination function instead of sending it itself. That
 * function (sendRoutedRequest) sends it with the transport, the same code path as the custom
 * operations, and shapes the answer with the operation's own output steps. Operations that read
 * several pages name their own pagination function on the operation (sendRoutedListRequest,
 * sendCursorPaginatedRequest), which n8n uses instead; they send each page the same way.
 */

/** The `resource` property's routing: every operation's request goes to the pagination function. */
export const ROUTE_EVERY_REQUEST_THROUGH_TRANSPORT: INodePropertyRouting = { send: { paginate: true } };

/**
 * The node description's `requestOperations`: the transport, which also runs the code operations
 * when n8n executes the node through routing alone (as an AI tool, see withCustomOperations).
 */
export function transportRequestOperations(codeOperations: CustomOperations): IN8nRequestOperations {
	return { pagination: withCustomOperations(codeOperations, sendRoutedRequest) };
}
