import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';

import {
	inputFilesOf,
	mimeTypeOf,
	parsePropertyNames,
	supportedTypeNames,
} from '../../../../nodes/Raydocs/shared/binaryInput';
import { errorParts, failureOf, fileContext } from '../../../helpers/fileContext';

const pdf = (extra: Partial<IBinaryData> = {}): IBinaryData => ({
	data: Buffer.from('%PDF-1.4').toString('base64'),
	mimeType: 'application/pdf',
	fileName: 'invoice.pdf',
	...extra,
});

describe('parsePropertyNames', () => {
	it('splits a comma list and drops blanks and spaces', () => {
		expect(parsePropertyNames(' data, attachment_0 ,,  ')).toEqual(['data', 'attachment_0']);
		expect(parsePropertyNames(undefined)).toEqual([]);
		expect(parsePropertyNames(null)).toEqual([]);
	});
});

describe('supportedTypeNames', () => {
	it('names each supported kind once', () => {
		expect(supportedTypeNames()).toBe('PDF, Word (.docx), Word (.doc), PowerPoint (.pptx), PNG, JPEG, TIFF');
	});
});

describe('mimeTypeOf', () => {
	it('trusts a declared type, without its parameters and in lower case', () => {
		expect(mimeTypeOf({ data: '', mimeType: ' Application/PDF ; name=x' }, 'scan.png')).toBe('application/pdf');
	});

	it('takes the type from the extension when the declared one is generic or missing', () => {
		expect(mimeTypeOf({ data: '', mimeType: 'application/octet-stream' }, 'Scan.PNG')).toBe('image/png');
		expect(mimeTypeOf({ data: '', mimeType: '' }, 'report.docx')).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		);
		expect(mimeTypeOf({ data: '' } as IBinaryData, 'photo.tif')).toBe('image/tiff');
	});

	it('keeps the generic type when the extension says nothing either', () => {
		expect(mimeTypeOf({ data: '', mimeType: 'application/octet-stream' }, 'blob.xyz')).toBe('application/octet-stream');
		expect(mimeTypeOf({ data: '' } as IBinaryData, 'noextension')).toBe('application/octet-stream');
	});
});

describe('inputFilesOf', () => {
	const { context } = fileContext();
	const filesOf = (item: INodeExecutionData, propertyNames: string[], allBinaries = false) =>
		inputFilesOf(context, item, 3, { propertyNames, allBinaries });
	const failureFor = async (item: INodeExecutionData, propertyNames: string[], allBinaries = false) =>
		errorParts(await failureOf(() => filesOf(item, propertyNames, allBinaries)));

	it('returns the named files with their names and types', () => {
		const invoice = pdf();
		const scan = pdf({ fileName: 'scan.jpg', mimeType: 'image/jpeg' });
		expect(filesOf({ json: {}, binary: { data: invoice, attachment_0: scan } }, ['attachment_0'])).toEqual([
			{ propertyName: 'attachment_0', binary: scan, fileName: 'scan.jpg', mimeType: 'image/jpeg' },
		]);
	});

	it('takes every binary field when "All Binary Fields" is on', () => {
		const item = { json: {}, binary: { data: pdf(), other: pdf({ fileName: 'b.pdf' }) } };
		expect(filesOf(item, ['missing'], true).map((file) => file.fileName)).toEqual(['invoice.pdf', 'b.pdf']);
	});

	it('names a file without a name after its field and extension', () => {
		const [withExtension] = filesOf({ json: {}, binary: { data: pdf({ fileName: undefined, fileExtension: 'pdf' }) } }, ['data']);
		expect(withExtension.fileName).toBe('data.pdf');
		const [withoutExtension] = filesOf({ json: {}, binary: { data: pdf({ fileName: undefined }) } }, ['data']);
		expect(withoutExtension.fileName).toBe('data.bin');
		expect(withoutExtension.mimeType).toBe('application/pdf');
	});

	it('accepts a file kept by id (its size is not known before reading it)', () => {
		const stored = { id: 'filesystem-v2:abc', mimeType: 'application/pdf', fileName: 'kept.pdf', data: '' } as IBinaryData;
		expect(filesOf({ json: {}, binary: { data: stored } }, ['data'])).toHaveLength(1);
	});

	it('refuses an item without files, saying where files come from', async () => {
		expect(await failureFor({ json: {} }, ['data'])).toMatchObject({
			message: 'This item has no binary data (no file) to upload',
			itemIndex: 3,
			description: expect.stringContaining('Read/Write Files from Disk'),
		});
		expect((await failureFor({ json: {}, binary: {} }, ['data'])).message).toBe('This item has no binary data (no file) to upload');
	});

	it('refuses an empty field list, naming the fields the item has', async () => {
		expect(await failureFor({ json: {}, binary: { data: pdf(), mail: pdf() } }, [])).toEqual({
			message: 'No binary field is named in "Input Binary Fields"',
			itemIndex: 3,
			description: 'Enter one or more binary field names separated by commas. This item has: "data", "mail".',
		});
	});

	it('refuses a field the item does not have, naming the ones it has', async () => {
		expect(await failureFor({ json: {}, binary: { data: pdf(), mail: pdf() } }, ['data', 'attachment_0'])).toEqual({
			message: 'This item has no binary field "attachment_0"',
			itemIndex: 3,
			description: 'The item has: "data", "mail". Set "Input Binary Fields" to one of them, or turn on "All Binary Fields".',
		});
	});

	it('refuses an empty file, by its byte count or its data', async () => {
		const byCount = await failureFor({ json: {}, binary: { data: pdf({ bytes: 0 }) } }, ['data']);
		expect(byCount).toMatchObject({ message: 'The file in binary field "data" is empty (0 bytes)', itemIndex: 3 });
		expect(byCount.description).toMatch(/cannot extract data from an empty file/);
		const byData = await failureFor({ json: {}, binary: { data: pdf({ data: '' }) } }, ['data']);
		expect(byData.message).toBe('The file in binary field "data" is empty (0 bytes)');
		// A declared size wins over the (placeholder) data.
		expect(filesOf({ json: {}, binary: { data: pdf({ data: '', bytes: 10 }) } }, ['data'])).toHaveLength(1);
	});

	it('refuses a type Raydocs cannot read, listing the supported ones', async () => {
		const csv = pdf({ fileName: 'table.csv', mimeType: 'text/csv' });
		expect(await failureFor({ json: {}, binary: { data: csv } }, ['data'])).toEqual({
			message: 'Raydocs cannot read "table.csv" (text/csv) in binary field "data"',
			itemIndex: 3,
			description: `Supported types: ${supportedTypeNames()}. Convert the file first, or set its MIME type if it is mislabelled.`,
		});
	});
});
