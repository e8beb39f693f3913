// A valid one-page PDF with a few lines of text, written by hand: the demo
// network's notice and the tests' sample. The cross-reference table points
// at each object's byte offset, as readers check.

/** A one-page A4 PDF with `lines` in Helvetica, the first as a title. */
export function onePagePdf(lines: string[]): Buffer {
	// The standard fonts speak WinAnsi: only Latin-1 letters are kept as they are.
	const latin1 = (text: string) => text.replace(/[^\x20-\x7e\xa0-\xff]/g, '-').replace(/[\\()]/g, (char) => `\\${char}`);
	const text = lines.map((line, i) => `BT /F1 ${i === 0 ? 16 : 12} Tf 72 ${760 - i * 28} Td (${latin1(line)}) Tj ET`).join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
		`<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`
	];
	let pdf = '%PDF-1.4\n';
	const offsets = objects.map((object, i) => {
		const at = Buffer.byteLength(pdf, 'latin1');
		pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
		return at;
	});
	const xref = Buffer.byteLength(pdf, 'latin1');
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('')}`;
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(pdf, 'latin1');
}
