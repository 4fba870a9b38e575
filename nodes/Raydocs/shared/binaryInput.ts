import { NodeOperationError } from 'n8n-workflow';
import type { IBinaryData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/** File types Raydocs parses (its documentation lists PDF, Word, images and PowerPoint). */
export const SUPPORTED_MIME_TYPES: Record<string, string> = {
	'application/pdf': 'PDF',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
	'application/msword': 'Word (.doc)',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint (.pptx)',
	'image/png': 'PNG',
	'image/jpeg': 'JPEG',
	'image/jpg': 'JPEG',
	'image/tiff': 'TIFF',
};

/** "PDF, Word (.docx), ..." for messages. */
export function supportedTypeNames(): string {
	return [...new Set(Object.values(SUPPORTED_MIME_TYPES))].join(', ');
}

const EXTENSION_MIME_TYPES: Record<string, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	doc: 'application/msword',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	tif: 'image/tiff',
	tiff: 'image/tiff',
};

export interface InputFile {
	propertyName: string;
	binary: IBinaryData;
	fileName: string;
	mimeType: string;
	/** Bytes the node fetched itself (File URL input); an item's files are read through n8n's helpers. */
	content?: Buffer;
}

/** Parses "data, attachment_0" into property names. */
export function parsePropertyNames(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
}

export function mimeTypeOf(binary: IBinaryData, fileName: string): string {
	const declared = (binary.mimeType ?? '').split(';')[0].trim().toLowerCase();
	if (declared && declared !== 'application/octet-stream') return declared;
	// A name without a dot is all extension, which no type has.
	const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
	return EXTENSION_MIME_TYPES[extension] ?? (declared || 'application/octet-stream');
}

/**
 * The files an item offers under the chosen binary properties, checked before anything is sent:
 * a missing, empty or unsupported file is reported with what the item does have.
 */
export function inputFilesOf(
	context: IExecuteFunctions,
	item: INodeExecutionData,
	itemIndex: number,
	options: { propertyNames: string[]; allBinaries: boolean },
): InputFile[] {
	const binaries = item.binary ?? {};
	const available = Object.keys(binaries);
	const names = options.allBinaries ? available : options.propertyNames;
	const node = context.getNode();
	if (!available.length) {
		throw new NodeOperationError(node, 'This item has no binary data (no file) to upload', {
			itemIndex,
			description:
				'Connect a node that outputs files, e.g. Read/Write Files from Disk, an email trigger with attachments, or HTTP Request with Response Format "File".',
		});
	}
	if (!names.length) {
		throw new NodeOperationError(node, 'No binary field is named in "Input Binary Fields"', {
			itemIndex,
			description: `Enter one or more binary field names separated by commas. This item has: ${available.map((name) => `"${name}"`).join(', ')}.`,
		});
	}
	return names.map((propertyName) => {
		const binary = binaries[propertyName];
		if (!binary) {
			throw new NodeOperationError(node, `This item has no binary field "${propertyName}"`, {
				itemIndex,
				description: `The item has: ${available.map((name) => `"${name}"`).join(', ')}. Set "Input Binary Fields" to one of them, or turn on "All Binary Fields".`,
			});
		}
		const fileName = binary.fileName || `${propertyName}.${binary.fileExtension ?? 'bin'}`;
		const size = binary.bytes ?? (binary.id ? undefined : Buffer.byteLength(binary.data ?? '', 'base64'));
		if (size === 0) {
			throw new NodeOperationError(node, `The file in binary field "${propertyName}" is empty (0 bytes)`, {
				itemIndex,
				description: 'Check the node that produced the file: Raydocs cannot extract data from an empty file.',
			});
		}
		const mimeType = mimeTypeOf(binary, fileName);
		if (!SUPPORTED_MIME_TYPES[mimeType]) {
			throw new NodeOperationError(
				node,
				`Raydocs cannot read "${fileName}" (${mimeType}) in binary field "${propertyName}"`,
				{
					itemIndex,
					description: `Supported types: ${supportedTypeNames()}. Convert the file first, or set its MIME type if it is mislabelled.`,
				},
			);
		}
		return { propertyName, binary, fileName, mimeType };
	});
}
