/**
 * Route table and matching. Matching follows Laravel: path first (unknown → 404, known path with
 * another method → 405), then auth/abilities, then the handler. The routes are the API reference's
 * endpoints and their alternate forms (endpoints.ts). Path parameters are constrained by the type
 * the reference gives them: integer, UUID, or free text; a parameter that violates its constraint
 * makes the route not match (→ 404).
 */
import type { FakeEngine } from './engine';
import { API_REFERENCE, RAYDOCS_ENDPOINTS, RAYDOCS_ENDPOINT_ALIASES, endpointKey } from './endpoints';
import type { ApiReply, Query } from './http';
import type { User } from './types';
import { INTEGER_ID_PATTERN, UUID_PATTERN } from './util';

export interface HandlerContext {
	engine: FakeEngine;
	params: Record<string, string>;
	query: Query;
	/** JSON body when it is an object, else {}. */
	body: Record<string, unknown>;
	user: User;
	now: number;
}

export type Handler = (ctx: HandlerContext) => ApiReply;

type Segment = { literal: string } | { param: string; pattern: RegExp | null };

interface CompiledRoute {
	method: string;
	/** Route template actually matched ('DELETE /workspaces/{workspaceId}/invites/{inviteId}/cancel'). */
	route: string;
	/** Canonical endpoint it implements (equal to `route` unless an alias). */
	endpoint: string;
	abilities: string[];
	segments: Segment[];
	handler: Handler;
	/**
	 * Where the documentation generations disagree on a call's form: 'reference' is the API
	 * reference's form of such a call, 'prose' the guides' alias; every other route is 'only'.
	 */
	form: 'reference' | 'prose' | 'only';
}

export type RouteForms = 'both' | 'reference' | 'prose';

export type RouteMatch =
	| { kind: 'ok'; route: CompiledRoute; params: Record<string, string> }
	| { kind: 'method-not-allowed'; allowed: string[] }
	| { kind: 'not-found' };

const PARAMETER_PATTERNS = { integer: INTEGER_ID_PATTERN, uuid: UUID_PATTERN, text: null };

function compileSegments(path: string): Segment[] {
	return path
		.split('/')
		.filter((part) => part.length > 0)
		.map((part) => {
			const param = /^\{(\w+)\}$/.exec(part);
			if (!param) return { literal: part };
			const name = param[1];
			return { param: name, pattern: PARAMETER_PATTERNS[API_REFERENCE.pathParameters[name].type] };
		});
}

function isServed(route: CompiledRoute, forms: RouteForms): boolean {
	return forms === 'both' || route.form === 'only' || route.form === forms;
}

export class Router {
	private readonly routes: CompiledRoute[] = [];

	/** `handlers` maps canonical endpoint keys ('GET /workspaces') to handlers; every endpoint needs one. */
	constructor(handlers: Record<string, Handler>) {
		const abilitiesByEndpoint = new Map(
			RAYDOCS_ENDPOINTS.map((endpoint) => [endpointKey(endpoint), endpoint.abilities]),
		);
		const aliased = new Set(RAYDOCS_ENDPOINT_ALIASES.map((alias) => alias.canonical));
		const add = (method: string, path: string, canonical: string): void => {
			const handler = handlers[canonical];
			const abilities = abilitiesByEndpoint.get(canonical);
			if (!handler || !abilities) throw new Error(`no handler for ${canonical}`);
			const route = endpointKey({ method, path });
			this.routes.push({
				method,
				route,
				endpoint: canonical,
				abilities,
				segments: compileSegments(path),
				handler,
				form: route !== canonical ? 'prose' : aliased.has(canonical) ? 'reference' : 'only',
			});
		};
		for (const endpoint of RAYDOCS_ENDPOINTS)
			add(endpoint.method, endpoint.path, endpointKey(endpoint));
		for (const alias of RAYDOCS_ENDPOINT_ALIASES) add(alias.method, alias.path, alias.canonical);
		const unused = Object.keys(handlers).filter((key) => !abilitiesByEndpoint.has(key));
		if (unused.length > 0) throw new Error(`handlers for unknown endpoints: ${unused.join(', ')}`);
	}

	/** The routes served when the server has `forms` of the calls documented in two forms. */
	served(forms: RouteForms = 'both'): Array<{ route: string; endpoint: string; abilities: string[] }> {
		return this.routes
			.filter((route) => isServed(route, forms))
			.map(({ route, endpoint, abilities }) => ({ route, endpoint, abilities }));
	}

	/** `forms`: which of two documented forms of one call this server has ('both' by default). */
	match(method: string, pathname: string, forms: RouteForms = 'both'): RouteMatch {
		const parts = pathname
			.split('/')
			.filter((part) => part.length > 0)
			.map(decodeSegment);
		const allowed: string[] = [];
		for (const route of this.routes) {
			if (!isServed(route, forms)) continue;
			const params = matchSegments(route.segments, parts);
			if (!params) continue;
			if (route.method === method) return { kind: 'ok', route, params };
			allowed.push(route.method);
		}
		return allowed.length > 0
			? { kind: 'method-not-allowed', allowed: [...new Set(allowed)] }
			: { kind: 'not-found' };
	}
}

function decodeSegment(part: string): string {
	try {
		return decodeURIComponent(part);
	} catch {
		return part;
	}
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | null {
	if (segments.length !== parts.length) return null;
	const params: Record<string, string> = {};
	for (let i = 0; i < segments.length; i++) {
		const segment = segments[i];
		if ('literal' in segment) {
			if (segment.literal !== parts[i]) return null;
		} else {
			if (segment.pattern && !segment.pattern.test(parts[i])) return null;
			params[segment.param] = parts[i];
		}
	}
	return params;
}
