/** A small, valid one-page PDF invoice, built in code so the demo needs no file on disk. */
export function sampleInvoicePdf(): Buffer {
	const lines = [
		'ACME Supplies Ltd - 1 Market Street, Springfield',
		'INVOICE INV-2026-001      Date: 2026-11-02',
		'Bill to: Example Corp',
		'3 x Paper boxes ........ 45.00 EUR',
		'1 x Toner ............... 82.50 EUR',
		'Total due: 127.50 EUR',
	];
	const text = lines.map((line, index) => `BT /F1 12 Tf 50 ${760 - index * 20} Td (${line}) Tj ET`).join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let pdf = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, index) => {
		offsets.push(Buffer.byteLength(pdf));
		pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = Buffer.byteLength(pdf);
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(pdf, 'latin1');
}
