/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test-only HTTP server: these rules target node code shipped to n8n Cloud */
/**
 * The API listener's request pipeline (mirrors Laravel's order):
 *   fault injection → rate limit → route (404/405) → token (401) → abilities (403) → handler
 *   (404 no access, 403 role, 422 validation, 2xx).
 */
import type http from 'node:http';

import { HttpError, jsonReply } from './http';
import type { ApiReply } from './http';
import { clientAddressKey } from './ratelimit';
import type { SlidingWindowRateLimiter } from './ratelimit';
import { passArmedFault, receiveRequest } from './requestIntake';
import type { ListenerContext, ReceivedRequest } from './requestIntake';
import { errorReply, sendReply } from './responses';
import type { Router, RouteMatch } from './router';
import { isRecord } from './util';

export interface ApiContext extends ListenerContext {
	router: Router;
	limiter: SlidingWindowRateLimiter;
}

export async function handleApiRequest(
	context: ApiContext,
	req: http.IncomingMessage,
	res: http.ServerResponse,
): Promise<void> {
	const request = await receiveRequest(context, 'api', req, res);
	if (!request) return;
	const { entry, method, pathname } = request;
	// Matching is side-effect free: record the endpoint even for requests a fault or the limiter stops.
	const match = context.router.match(method, pathname, context.engine.variants.routeForms);
	if (match.kind === 'ok') {
		entry.endpoint = match.route.endpoint;
		if (match.route.route !== match.route.endpoint) entry.route = match.route.route;
	}

	if (!(await passArmedFault(context, request, res))) return;

	const decision = context.limiter.hit(
		clientAddressKey(req.socket.remoteAddress),
		context.engine.now(),
	);
	const rateHeaders: Record<string, string> = decision?.headers
		? {
				'X-RateLimit-Limit': String(decision.limit),
				'X-RateLimit-Remaining': String(decision.remaining),
			}
		: {};
	if (decision && !decision.allowed) {
		entry.rateLimited = true;
		rateHeaders['Retry-After'] = String(decision.retryAfterSeconds);
		if (decision.headers) rateHeaders['X-RateLimit-Reset'] = String(decision.resetAt);
		sendReply(res, entry, jsonReply(429, { message: 'Too Many Attempts.' }), rateHeaders);
		return;
	}

	let reply: ApiReply;
	try {
		reply = dispatch(context, match, request);
	} catch (error) {
		reply =
			error instanceof HttpError
				? errorReply(error)
				: jsonReply(500, {
						message: 'Server Error',
						exception: String((error as Error)?.message ?? error),
					});
	}
	sendReply(res, entry, reply, rateHeaders);
}

/** Route, token, abilities and body checks, then the route's handler. */
function dispatch(context: ApiContext, match: RouteMatch, request: ReceivedRequest): ApiReply {
	const { engine } = context;
	const { method, pathname, query, auth, parsed } = request;
	const routeText = pathname.replace(/^\//, '');
	if (match.kind === 'not-found')
		return jsonReply(404, { message: `The route ${routeText} could not be found.` });
	if (match.kind === 'method-not-allowed') {
		return jsonReply(
			405,
			{
				message: `The ${method} method is not supported for route ${routeText}. Supported methods: ${match.allowed.join(', ')}.`,
			},
			{ Allow: match.allowed.join(', ') },
		);
	}
	const record = auth.record;
	const user = record && !record.revoked ? engine.state.users.get(record.userId) : undefined;
	if (!record || !user) return jsonReply(401, { message: 'Unauthenticated.' });
	const granted = record.abilities;
	const missing = match.route.abilities.filter(
		(ability) => granted !== '*' && !granted.includes(ability),
	);
	if (missing.length > 0) {
		const names = missing.map((ability) => `"${ability}"`).join(' and ');
		return jsonReply(403, {
			message: `This action is unauthorized. Your token lacks the ${names} abilit${missing.length > 1 ? 'ies' : 'y'}.`,
		});
	}
	if (parsed.kind === 'invalid-json')
		return jsonReply(400, { message: 'The request body is not valid JSON.' });
	const body =
		parsed.kind === 'json' && isRecord(parsed.value)
			? parsed.value
			: parsed.kind === 'form'
				? parsed.value
				: {};

	engine.advance();
	return match.route.handler({
		engine,
		params: match.params,
		query,
		body,
		user,
		now: engine.now(),
	});
}
