import { NodeOperationError } from 'n8n-workflow';
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mimeTypeOf, supportedTypeNames, SUPPORTED_MIME_TYPES, type InputFile } from './binaryInput';
import { withoutQuery, type DownloadFailureText } from './download';
import { failureInBrief, networkCodeNote, REFUSED_BY_N8N } from './errors';
import { ALLOW_PRIVATE_NETWORK_OPTION, downloadFileUrl } from './fileUrlGuard';

type ShowFor = NonNullable<IDisplayOptions['show']>;

/**
 * The File URL field of an operation that accepts files from the web (e.g. from an AI agent), and
 * the switch that lets it reach the private network.
 */
export function fileUrlFields(showFor: ShowFor): INodeProperties[] {
	return [
		{
			displayName: 'File URL',
			name: 'fileUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://example.com/invoices/2026-001.pdf',
			description:
				'Web address (http or https) of one PDF, Word, PowerPoint or image file. n8n downloads it without your Raydocs token, then uploads it to Raydocs like any other file.',
			displayOptions: { show: showFor },
		},
		{
			displayName: ALLOW_PRIVATE_NETWORK_OPTION,
			name: 'allowPrivateNetwork',
			type: 'boolean',
			default: false,
			// No expression, so no $fromAI() either: only the workflow's author can open the private network.
			noDataExpression: true,
			description:
				'Whether the File URL may point to this n8n host or your private network (localhost, 127.x, 10.x, 172.16-31.x, 192.168.x, link-local 169.254.x, fc00::/7, fe80::/10), e.g. a self-hosted file server. Off, such addresses and redirects to them are refused. Keep it off when an AI agent or outside input fills the File URL.',
			displayOptions: { show: showFor },
		},
	];
}

/**
 * The switch as set in the node. It is read unevaluated: an expression, or the `$fromAI()` an AI
 * agent fills (n8n 2.x keeps one even on a field without expressions), must not turn it on.
 */
export function allowsPrivateNetwork(context: IExecuteFunctions, itemIndex: number): boolean {
	const value = context.getNodeParameter('allowPrivateNetwork', itemIndex, false, { rawExpressions: true });
	if (typeof value === 'boolean') return value;
	throw new NodeOperationError(context.getNode(), `${ALLOW_PRIVATE_NETWORK_OPTION} cannot be set by an expression`, {
		itemIndex,
		description: `Switch "${ALLOW_PRIVATE_NETWORK_OPTION}" on or off in the node itself: neither an expression nor an AI agent may open the private network to the File URL.`,
	});
}

/** Download failures name the URL (without its query, which may hold a signature) and the fix. */
const describeUrlFailure: DownloadFailureText = (where, status, code, attempts) => {
	const tried = attempts > 1 ? ` after ${attempts} attempts` : '';
	const message = `Could not download the file at ${where} (${failureInBrief({ status, code })})${tried}`;
	const description =
		status === 404 || status === 410
			? 'The server has no file at this address: check the File URL.'
			: status === 401 || status === 403
				? 'The server refused the download. The File URL must be readable without signing in (a public or pre-signed link).'
				: code === REFUSED_BY_N8N
					? `Nothing was sent: n8n blocks this address for every node.${networkCodeNote(code)}`
					: `The server did not deliver the file. Check the File URL and that this n8n instance can reach it, then try again.${networkCodeNote(code)}`;
	return { message, description };
};

/** Checks the text is an absolute http(s) URL, before anything is sent. */
export function requireFileUrl(context: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const text = String(value ?? '').trim();
	let parsed: URL | undefined;
	try {
		parsed = new URL(text);
	} catch {
		// Not a URL: refused below like any other address that is no web address.
	}
	if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
		throw new NodeOperationError(
			context.getNode(),
			text ? `File URL "${text.slice(0, 200)}" is not a web address` : 'File URL is empty',
			{
				itemIndex,
				description: 'Enter the full http or https address of the file, e.g. https://example.com/invoice.pdf.',
			},
		);
	}
	return parsed.href;
}

/**
 * Downloads the file at the URL with n8n's HTTP helper and no credentials (the Raydocs token goes
 * only to the Raydocs API), within the private-network guard, and checks Raydocs can read its
 * type; the result uploads like an item's file.
 */
export async function inputFileFromUrl(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): Promise<InputFile> {
	const url = requireFileUrl(context, value, itemIndex);
	const policy = { allowPrivateNetwork: allowsPrivateNetwork(context, itemIndex) };
	const downloaded = await downloadFileUrl(context, itemIndex, url, policy, describeUrlFailure);
	if (!downloaded.size) {
		throw new NodeOperationError(context.getNode(), `The file at ${withoutQuery(url)} is empty (0 bytes)`, {
			itemIndex,
			description: 'Raydocs cannot extract data from an empty file: check the File URL.',
		});
	}
	const mimeType = mimeTypeOf(downloaded.binary, downloaded.fileName);
	if (!SUPPORTED_MIME_TYPES[mimeType]) {
		throw new NodeOperationError(
			context.getNode(),
			`Raydocs cannot read "${downloaded.fileName}" (${mimeType}) from ${withoutQuery(url)}`,
			{ itemIndex, description: `Supported types: ${supportedTypeNames()}.` },
		);
	}
	return {
		propertyName: 'fileUrl',
		binary: downloaded.binary,
		fileName: downloaded.fileName,
		mimeType,
		content: downloaded.content,
	};
}
