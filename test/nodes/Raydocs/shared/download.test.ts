import { fileNameFromContentDisposition } from '../../../../nodes/Raydocs/shared/download';

describe('fileNameFromContentDisposition (downloads, exports)', () => {
	it('prefers the RFC 5987 UTF-8 name over the plain one', () => {
		expect(
			fileNameFromContentDisposition(`attachment; filename="Facture_e.pdf"; filename*=UTF-8''Facture%20%C3%A9t%C3%A9.pdf`),
		).toBe('Facture été.pdf');
	});

	it('reads quoted and bare plain names', () => {
		expect(fileNameFromContentDisposition('attachment; filename="batch export.xlsx"')).toBe('batch export.xlsx');
		expect(fileNameFromContentDisposition('attachment; filename=result.xlsx; size=10')).toBe('result.xlsx');
	});

	it('keeps a malformed encoded name as it came instead of failing the download', () => {
		expect(fileNameFromContentDisposition(`attachment; filename*=UTF-8''bad%E0%A4name.pdf`)).toBe('bad%E0%A4name.pdf');
	});

	it('gives nothing when there is no name', () => {
		expect(fileNameFromContentDisposition(undefined)).toBeUndefined();
		expect(fileNameFromContentDisposition('inline')).toBeUndefined();
	});
});
