import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import {
	fileFromResponse,
	redirectLocation,
	requestFile,
	withoutQuery,
	type DownloadedFile,
	type DownloadFailureText,
} from './download';

/**
 * Which addresses a File URL may reach. A File URL is often filled by an AI agent, so by default
 * it must not reach services inside the n8n host's network (a database console, a router, a cloud
 * metadata service at 169.254.169.254). Only the address as written is seen: n8n gives a
 * community node no DNS lookup, so a public name that resolves to a private address passes.
 */

/** The option that lets a File URL reach the private network (self-hosted file servers). */
export const ALLOW_PRIVATE_NETWORK_OPTION = 'Allow Private Network Addresses';

/** Redirects followed for one File URL; each one is checked like the first address. */
export const MAX_FILE_URL_REDIRECTS = 10;

interface Ipv4Range {
	base: number;
	bits: number;
	kind: string;
}

/**
 * A host URL parsing wrote as IPv4, as a number. Parsing has turned every spelling into four
 * decimal parts; a name (whose last label is never a number) keeps a part that is not one.
 */
function ipv4Number(hostname: string): number | undefined {
	const parts = hostname.split('.');
	if (!parts.every((part) => String(Number(part)) === part)) return undefined;
	return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

function ipv4Range(cidr: string, kind: string): Ipv4Range {
	const [base, bits] = cidr.split('/');
	return { base: ipv4Number(base)!, bits: Number(bits), kind: `${kind}, ${cidr}` };
}

const IPV4_RANGES: Ipv4Range[] = [
	ipv4Range('0.0.0.0/8', 'unspecified'),
	ipv4Range('10.0.0.0/8', 'private'),
	// Shared address space (carrier-grade NAT); some clouds serve metadata here (100.100.100.200).
	ipv4Range('100.64.0.0/10', 'shared, not public'),
	ipv4Range('127.0.0.0/8', 'loopback'),
	ipv4Range('169.254.0.0/16', 'link-local, where clouds serve instance metadata'),
	ipv4Range('172.16.0.0/12', 'private'),
	ipv4Range('192.0.0.0/24', 'reserved for protocol assignments, not public'),
	ipv4Range('192.168.0.0/16', 'private'),
	ipv4Range('198.18.0.0/15', 'reserved for network tests, not public'),
];

function ipv4Kind(address: number): string | undefined {
	// Division, not bit operators: those would turn addresses from 128.0.0.0 on negative.
	const inRange = (range: Ipv4Range) => Math.floor(address / 2 ** (32 - range.bits)) === Math.floor(range.base / 2 ** (32 - range.bits));
	return IPV4_RANGES.find(inRange)?.kind;
}

/** The eight 16-bit groups of an IPv6 address as URL parsing writes it (hex groups, `::` at most once). */
function ipv6Groups(address: string): number[] {
	const [head, tail] = address.split('::').map((half) => half.split(':').filter(Boolean));
	const groups = tail ? [...head, ...Array<string>(8 - head.length - tail.length).fill('0'), ...tail] : head;
	return groups.map((group) => Number(`0x${group}`));
}

/**
 * The IPv4 address an IPv6 address carries to, where it carries one: IPv4-mapped (::ffff:a.b.c.d),
 * IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d), 6to4 (2002:aabb:ccdd::) and Teredo
 * (2001:0::, the client's address in the last 32 bits with every bit inverted).
 */
function embeddedIpv4(groups: number[]): number | undefined {
	const zeroFrom = (start: number, end: number) => groups.slice(start, end).every((group) => group === 0);
	if (zeroFrom(0, 5) && (groups[5] === 0xffff || groups[5] === 0)) return groups[6] * 65536 + groups[7];
	if (groups[0] === 0x64 && groups[1] === 0xff9b && zeroFrom(2, 6)) return groups[6] * 65536 + groups[7];
	if (groups[0] === 0x2002) return groups[1] * 65536 + groups[2];
	if (groups[0] === 0x2001 && groups[1] === 0) return (groups[6] ^ 0xffff) * 65536 + (groups[7] ^ 0xffff);
	return undefined;
}

function ipv6Kind(groups: number[]): string | undefined {
	const zeroUntil = (index: number) => groups.slice(0, index).every((group) => group === 0);
	if (zeroUntil(8)) return 'unspecified, ::';
	if (zeroUntil(7) && groups[7] === 1) return 'loopback, ::1';
	const embedded = embeddedIpv4(groups);
	if (embedded !== undefined) {
		const kind = ipv4Kind(embedded);
		return kind ? `${kind}, inside an IPv6 address` : undefined;
	}
	if ((groups[0] & 0xfe00) === 0xfc00) return 'private (unique local), fc00::/7';
	if ((groups[0] & 0xffc0) === 0xfe80) return 'link-local, fe80::/10';
	if ((groups[0] & 0xffc0) === 0xfec0) return 'private (site-local), fec0::/10';
	return undefined;
}

/** Names that mean this machine: `localhost` and its subdomains (RFC 6761), and Debian's IPv6 aliases. */
const LOCAL_NAMES = new Set(['localhost', 'localhost.localdomain', 'ip6-localhost', 'ip6-loopback']);

/**
 * Why a URL's host is on the private network, or undefined when it may be public. It reads the
 * host as URL parsing leaves it: IPv4 in dotted decimal whatever its spelling (`0x7f.1`,
 * `2130706433` and `0177.0.0.1` all become 127.0.0.1), IPv6 in brackets, names in lower case.
 */
export function privateNetworkKind(url: URL): string | undefined {
	const host = url.hostname;
	if (host.startsWith('[')) return ipv6Kind(ipv6Groups(host.slice(1, -1)));
	const ipv4 = ipv4Number(host);
	if (ipv4 !== undefined) return ipv4Kind(ipv4);
	const name = host.replace(/\.+$/, '');
	if (LOCAL_NAMES.has(name) || name.endsWith('.localhost')) return 'a name of this machine';
	return undefined;
}

export interface FileUrlPolicy {
	allowPrivateNetwork: boolean;
}

/** Refuses an address outside the policy; `redirectedFrom` names the File URL that led there. */
export function checkFileUrlAddress(
	context: IExecuteFunctions,
	itemIndex: number,
	url: string,
	policy: FileUrlPolicy,
	redirectedFrom?: string,
): void {
	if (policy.allowPrivateNetwork) return;
	const parsed = new URL(url);
	const kind = privateNetworkKind(parsed);
	if (!kind) return;
	const where = `${parsed.hostname} (${kind})`;
	const message = redirectedFrom
		? `File URL ${withoutQuery(redirectedFrom)} redirected to a private network address: ${where}`
		: `File URL ${withoutQuery(url)} points to a private network address: ${where}`;
	throw new NodeOperationError(context.getNode(), message, {
		itemIndex,
		description:
			`The node does not download from loopback, private, link-local or localhost addresses unless "${ALLOW_PRIVATE_NETWORK_OPTION}" is on, ` +
			'so that a File URL (often filled by an AI agent) cannot reach services inside your network. ' +
			`If the file is on your own server, turn on "${ALLOW_PRIVATE_NETWORK_OPTION}" below File URL; otherwise use the file's public address.`,
	});
}

/**
 * Downloads a File URL, checking the address before the first request and before every redirect,
 * which it follows itself (n8n's helper would follow them unchecked), at most
 * MAX_FILE_URL_REDIRECTS times.
 */
export async function downloadFileUrl(
	context: IExecuteFunctions,
	itemIndex: number,
	url: string,
	policy: FileUrlPolicy,
	describeFailure: DownloadFailureText,
): Promise<DownloadedFile> {
	checkFileUrlAddress(context, itemIndex, url, policy);
	let current = url;
	for (let redirects = 0; ; redirects++) {
		const response = await requestFile(context, current, describeFailure, { followRedirects: false });
		const location = redirectLocation(response.statusCode, response.headers ?? {});
		if (location === undefined) return await fileFromResponse(context, current, response);
		if (redirects === MAX_FILE_URL_REDIRECTS) {
			throw new NodeOperationError(context.getNode(), `File URL ${withoutQuery(url)} redirected more than ${MAX_FILE_URL_REDIRECTS} times`, {
				itemIndex,
				description: 'The node stops following redirects there. Use the final address of the file.',
			});
		}
		current = redirectTarget(context, itemIndex, url, current, location);
		checkFileUrlAddress(context, itemIndex, current, policy, url);
	}
}

/** The absolute http(s) address a redirect's Location names (relative to the address that sent it). */
function redirectTarget(context: IExecuteFunctions, itemIndex: number, fileUrl: string, from: string, location: string): string {
	let target: URL | undefined;
	try {
		target = new URL(location, from);
	} catch {
		// Refused below like any other target that is no web address.
	}
	if (target?.protocol === 'http:' || target?.protocol === 'https:') return target.href;
	const where = target ? `a ${target.protocol} address` : 'an address that is not a URL';
	throw new NodeOperationError(context.getNode(), `File URL ${withoutQuery(fileUrl)} redirected to ${where}`, {
		itemIndex,
		description: 'The node downloads only over http and https. Use the final address of the file.',
	});
}
