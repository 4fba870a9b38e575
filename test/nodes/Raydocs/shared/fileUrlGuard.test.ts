import {
	ALLOW_PRIVATE_NETWORK_OPTION,
	checkFileUrlAddress,
	downloadFileUrl,
	MAX_FILE_URL_REDIRECTS,
	privateNetworkKind,
	type FileUrlPolicy,
} from '../../../../nodes/Raydocs/shared/fileUrlGuard';
import type { DownloadFailureText } from '../../../../nodes/Raydocs/shared/download';
import { errorParts, failureOf, fileContext, type Answer } from '../../../helpers/fileContext';
import { recordedWaits } from '../../../helpers/recordedSleep';

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('n8n-workflow', () => require('../../../helpers/recordedSleep').n8nWorkflowWithRecordedSleep());

/** The kind of address a URL's host is, as the guard sees it after URL parsing. */
const kindOf = (url: string) => privateNetworkKind(new URL(url));

const OFF: FileUrlPolicy = { allowPrivateNetwork: false };
const ON: FileUrlPolicy = { allowPrivateNetwork: true };

const refusalHelp =
	`The node does not download from loopback, private, link-local or localhost addresses unless "${ALLOW_PRIVATE_NETWORK_OPTION}" is on, ` +
	'so that a File URL (often filled by an AI agent) cannot reach services inside your network. ' +
	`If the file is on your own server, turn on "${ALLOW_PRIVATE_NETWORK_OPTION}" below File URL; otherwise use the file's public address.`;

describe('privateNetworkKind', () => {
	it.each([
		['http://127.0.0.1/', 'loopback, 127.0.0.0/8'],
		['http://127.255.255.254:8080/f.pdf', 'loopback, 127.0.0.0/8'],
		['http://10.0.0.1/', 'private, 10.0.0.0/8'],
		['http://10.255.255.255/', 'private, 10.0.0.0/8'],
		['http://172.16.0.1/', 'private, 172.16.0.0/12'],
		['http://172.31.255.255/', 'private, 172.16.0.0/12'],
		['http://192.168.1.20/', 'private, 192.168.0.0/16'],
		['http://169.254.169.254/latest/meta-data/', 'link-local, where clouds serve instance metadata, 169.254.0.0/16'],
		['http://100.100.100.200/', 'shared, not public, 100.64.0.0/10'],
		['http://192.0.0.170/', 'reserved for protocol assignments, not public, 192.0.0.0/24'],
		['http://198.18.0.1/', 'reserved for network tests, not public, 198.18.0.0/15'],
		['http://198.19.255.255/', 'reserved for network tests, not public, 198.18.0.0/15'],
		['http://0.0.0.0/', 'unspecified, 0.0.0.0/8'],
		['http://[::1]/', 'loopback, ::1'],
		['http://[::]/', 'unspecified, ::'],
		['http://[fd00:ec2::254]/', 'private (unique local), fc00::/7'],
		['http://[fc00::1]/', 'private (unique local), fc00::/7'],
		['http://[fe80::1]/', 'link-local, fe80::/10'],
		['http://[febf:ffff::1]/', 'link-local, fe80::/10'],
		['http://[fec0::1]/', 'private (site-local), fec0::/10'],
		['http://localhost/', 'a name of this machine'],
		['http://files.localhost:3000/', 'a name of this machine'],
		['http://ip6-localhost/', 'a name of this machine'],
		['http://localhost.localdomain/', 'a name of this machine'],
		['http://127.0.0.1.localhost/', 'a name of this machine'],
	])('%s is %s', (url, kind) => {
		expect(kindOf(url)).toBe(kind);
	});

	it.each([
		// Spellings URL parsing turns into the dotted form the guard reads.
		['decimal', 'http://2130706433/', 'loopback, 127.0.0.0/8'],
		['hexadecimal', 'http://0x7f000001/', 'loopback, 127.0.0.0/8'],
		['octal', 'http://0177.0.0.1/', 'loopback, 127.0.0.0/8'],
		['mixed', 'http://0x7f.1/', 'loopback, 127.0.0.0/8'],
		['short', 'http://10.1/', 'private, 10.0.0.0/8'],
		['a bare zero', 'http://0/', 'unspecified, 0.0.0.0/8'],
		['percent-encoded', 'http://%31%32%37.0.0.1/', 'loopback, 127.0.0.0/8'],
		['full-width digits', 'http://１２７.０.０.１/', 'loopback, 127.0.0.0/8'],
		['a trailing dot', 'http://127.0.0.1./', 'loopback, 127.0.0.0/8'],
		['a name with a trailing dot', 'http://localhost./', 'a name of this machine'],
		['a name with two trailing dots', 'http://LOCALHOST../', 'a name of this machine'],
		['user info in front', 'http://example.com@169.254.169.254/', 'link-local, where clouds serve instance metadata, 169.254.0.0/16'],
		['IPv4-mapped IPv6', 'http://[::ffff:127.0.0.1]/', 'loopback, 127.0.0.0/8, inside an IPv6 address'],
		['IPv4-mapped IPv6 in hex', 'http://[0:0:0:0:0:ffff:a9fe:a9fe]/', 'link-local, where clouds serve instance metadata, 169.254.0.0/16, inside an IPv6 address'],
		['IPv4-compatible IPv6', 'http://[::10.0.0.1]/', 'private, 10.0.0.0/8, inside an IPv6 address'],
		['NAT64 IPv6', 'http://[64:ff9b::192.168.0.1]/', 'private, 192.168.0.0/16, inside an IPv6 address'],
		['6to4 IPv6', 'http://[2002:a00:1::1]/', 'private, 10.0.0.0/8, inside an IPv6 address'],
		['6to4 IPv6 of the metadata address', 'http://[2002:a9fe:a9fe::]/', 'link-local, where clouds serve instance metadata, 169.254.0.0/16, inside an IPv6 address'],
		['Teredo IPv6 (client bits inverted)', 'http://[2001:0:4136:e378:8000:63bf:3f57:fefe]/', 'private, 192.168.0.0/16, inside an IPv6 address'],
		['IPv4-compatible IPv6 of 0.0.0.2', 'http://[::2]/', 'unspecified, 0.0.0.0/8, inside an IPv6 address'],
	])('sees through a %s spelling: %s', (_spelling, url, kind) => {
		expect(kindOf(url)).toBe(kind);
	});

	it.each([
		'https://example.com/invoice.pdf',
		'http://8.8.8.8/',
		'http://9.255.255.255/',
		'http://11.0.0.0/',
		'http://100.63.255.255/',
		'http://100.128.0.0/',
		'http://126.255.255.255/',
		'http://128.0.0.1/',
		'http://169.253.255.255/',
		'http://169.255.0.0/',
		'http://172.15.255.255/',
		'http://172.32.0.0/',
		'http://192.167.255.255/',
		'http://192.169.0.0/',
		'http://192.0.1.0/',
		'http://191.255.255.255/',
		'http://198.17.255.255/',
		'http://198.20.0.0/',
		'http://255.255.255.255/',
		'http://1.0.0.0/',
		'http://[2001:db8::1]/',
		'http://[2001:db8:1:2:3:4:5:6]/',
		'http://[::1:7f00:1]/',
		'http://[64:1::a00:1]/',
		'http://[65:ff9b::a00:1]/',
		'http://[64:ff9b:1::a00:1]/',
		'http://[::ffff:8.8.8.8]/',
		'http://[64:ff9b::8.8.8.8]/',
		'http://[2002:808:808::1]/',
		'http://[2003:a00:1::1]/',
		'http://[2001:0:4136:e378:8000:63bf:f7f7:f7f7]/',
		'http://[2001:1:4136:e378:8000:63bf:3f57:fefe]/',
		'http://[fbff::1]/',
		'http://[fe00::1]/',
		'http://[ff02::1]/',
		'http://localhost.example.com/',
		'http://mylocalhost/',
		'http://127.0.0.1.example.com/',
	])('%s may be public', (url) => {
		expect(kindOf(url)).toBeUndefined();
	});
});

describe('checkFileUrlAddress', () => {
	const { context } = fileContext();
	const refusal = async (url: string, policy = OFF, redirectedFrom?: string) =>
		errorParts(await failureOf(() => checkFileUrlAddress(context, 2, url, policy, redirectedFrom)));

	it('names the address, its kind and the option, without the query', async () => {
		expect(await refusal('http://169.254.169.254/latest/meta-data/?token=secret')).toEqual({
			message: 'File URL http://169.254.169.254/latest/meta-data/ points to a private network address: 169.254.169.254 (link-local, where clouds serve instance metadata, 169.254.0.0/16)',
			description: refusalHelp,
			itemIndex: 2,
		});
	});

	it('names the File URL a redirect came from', async () => {
		expect((await refusal('http://[::1]:8080/x?sig=1', OFF, 'https://files.example.com/a.pdf?sig=2')).message).toBe(
			'File URL https://files.example.com/a.pdf redirected to a private network address: [::1] (loopback, ::1)',
		);
	});

	it('lets public addresses through, and private ones when the option is on', () => {
		expect(() => checkFileUrlAddress(context, 0, 'https://example.com/a.pdf', OFF)).not.toThrow();
		expect(() => checkFileUrlAddress(context, 0, 'http://127.0.0.1:8080/a.pdf', ON)).not.toThrow();
		expect(() => checkFileUrlAddress(context, 0, 'http://localhost/a.pdf', ON)).not.toThrow();
	});
});

describe('downloadFileUrl', () => {
	const describeFailure: DownloadFailureText = (where, status) => ({ message: `failed at ${where} (${status ?? 'no answer'})`, description: 'd' });
	const redirect = (location: string, statusCode = 302): Answer => ({ statusCode, headers: { location } });
	const pdf = (body = '%PDF'): Answer => ({ headers: { 'content-type': 'application/pdf' }, body: Buffer.from(body) });
	const serving = (answers: Record<string, Answer | ((index: number) => Answer)>) =>
		fileContext({
			web: (request, index) => {
				const answer = answers[request.url];
				if (!answer) return { statusCode: 404 };
				return typeof answer === 'function' ? answer(index) : answer;
			},
		});

	it('refuses a private address before any request', async () => {
		const { context, sent } = serving({});
		const error = await failureOf(() => downloadFileUrl(context, 1, 'http://10.0.0.5/scan.pdf', OFF, describeFailure));
		expect(errorParts(error).message).toBe('File URL http://10.0.0.5/scan.pdf points to a private network address: 10.0.0.5 (private, 10.0.0.0/8)');
		expect(errorParts(error).itemIndex).toBe(1);
		expect(sent).toEqual([]);
	});

	it('follows redirects itself, relative ones too, and names the file by the last address', async () => {
		const { context, sent } = serving({
			'https://example.com/download?id=7': redirect('https://cdn.example.com/files/a/invoice.pdf?sig=1', 301),
			'https://cdn.example.com/files/a/invoice.pdf?sig=1': redirect('../b/invoice-2026.pdf', 307),
			'https://cdn.example.com/files/b/invoice-2026.pdf': pdf('%PDF redirected'),
		});
		const file = await downloadFileUrl(context, 0, 'https://example.com/download?id=7', OFF, describeFailure);
		expect(file).toMatchObject({ fileName: 'invoice-2026.pdf', size: 15 });
		expect(sent.map((request) => [request.method, request.url, request.options.disableFollowRedirect, request.authenticated])).toEqual([
			['GET', 'https://example.com/download?id=7', true, false],
			['GET', 'https://cdn.example.com/files/a/invoice.pdf?sig=1', true, false],
			['GET', 'https://cdn.example.com/files/b/invoice-2026.pdf', true, false],
		]);
	});

	it('refuses a redirect to a private address before following it', async () => {
		const { context, sent } = serving({ 'https://example.com/a.pdf': redirect('http://169.254.169.254/latest/meta-data/iam') });
		const error = errorParts(await failureOf(() => downloadFileUrl(context, 0, 'https://example.com/a.pdf', OFF, describeFailure)));
		expect(error).toEqual({
			message:
				'File URL https://example.com/a.pdf redirected to a private network address: 169.254.169.254 (link-local, where clouds serve instance metadata, 169.254.0.0/16)',
			description: refusalHelp,
			itemIndex: 0,
		});
		expect(sent.map((request) => request.url)).toEqual(['https://example.com/a.pdf']);
	});

	it('follows a redirect to a private address when the option is on', async () => {
		const { context, sent } = serving({
			'http://127.0.0.1:9000/a.pdf': redirect('http://192.168.0.10/a.pdf'),
			'http://192.168.0.10/a.pdf': pdf(),
		});
		await expect(downloadFileUrl(context, 0, 'http://127.0.0.1:9000/a.pdf', ON, describeFailure)).resolves.toMatchObject({ fileName: 'a.pdf' });
		expect(sent).toHaveLength(2);
	});

	it(`follows at most ${MAX_FILE_URL_REDIRECTS} redirects, also with the option on`, async () => {
		const chain = (length: number) =>
			Object.fromEntries(
				Array.from({ length: length + 1 }, (_, hop) => [
					`http://127.0.0.1/hop/${hop}`,
					hop < length ? redirect(`/hop/${hop + 1}`) : pdf(),
				]),
			);
		const longest = serving(chain(MAX_FILE_URL_REDIRECTS));
		await expect(downloadFileUrl(longest.context, 0, 'http://127.0.0.1/hop/0', ON, describeFailure)).resolves.toMatchObject({ size: 4 });
		expect(longest.sent).toHaveLength(MAX_FILE_URL_REDIRECTS + 1);

		const tooLong = serving(chain(MAX_FILE_URL_REDIRECTS + 1));
		const error = errorParts(await failureOf(() => downloadFileUrl(tooLong.context, 4, 'http://127.0.0.1/hop/0', ON, describeFailure)));
		expect(error).toEqual({
			message: `File URL http://127.0.0.1/hop/0 redirected more than ${MAX_FILE_URL_REDIRECTS} times`,
			description: 'The node stops following redirects there. Use the final address of the file.',
			itemIndex: 4,
		});
		expect(tooLong.sent).toHaveLength(MAX_FILE_URL_REDIRECTS + 1);
	});

	it('refuses a redirect to what is no web address', async () => {
		const help = 'The node downloads only over http and https. Use the final address of the file.';
		for (const [location, where] of [
			['file:///etc/passwd', 'a file: address'],
			['ftp://example.com/a.pdf', 'a ftp: address'],
			['http://[not-ipv6', 'an address that is not a URL'],
		]) {
			const { context, sent } = serving({ 'https://example.com/a.pdf': redirect(location) });
			expect(errorParts(await failureOf(() => downloadFileUrl(context, 0, 'https://example.com/a.pdf', ON, describeFailure)))).toEqual({
				message: `File URL https://example.com/a.pdf redirected to ${where}`,
				description: help,
				itemIndex: 0,
			});
			expect(sent).toHaveLength(1);
		}
	});

	it('reports a redirect status without a Location as a failed download', async () => {
		const { context } = serving({ 'https://example.com/a.pdf': { statusCode: 302, headers: {} } });
		expect(errorParts(await failureOf(() => downloadFileUrl(context, 0, 'https://example.com/a.pdf', OFF, describeFailure))).message).toBe(
			'failed at https://example.com/a.pdf (302)',
		);
	});

	it('retries a hop that fails for a moment, like any download', async () => {
		recordedWaits.length = 0;
		const { context, sent } = serving({
			'https://example.com/a.pdf': redirect('https://cdn.example.com/a.pdf'),
			'https://cdn.example.com/a.pdf': (index) => (index === 1 ? { statusCode: 503 } : pdf()),
		});
		await expect(downloadFileUrl(context, 0, 'https://example.com/a.pdf', OFF, describeFailure)).resolves.toMatchObject({ fileName: 'a.pdf' });
		expect(sent.map((request) => request.url)).toEqual(['https://example.com/a.pdf', 'https://cdn.example.com/a.pdf', 'https://cdn.example.com/a.pdf']);
		expect(recordedWaits).toEqual([500]);
	});
});
