// The demo network's file space: two folders and the kind of files a
// co-programming table collects, made here (a one-page PDF, a chart of the
// table's board as a PNG, a spreadsheet of services as CSV) and uploaded
// through the same path as anyone's upload.
import { Readable } from 'node:stream';
import { deflateSync, crc32 } from 'node:zlib';
import type { Database } from '../db/types.ts';
import { withUser } from '../db/with-user.ts';
import type { FileStore } from './store.ts';
import { storeUpload } from './upload.ts';

const NETWORK = 'de000000-0000-4000-8000-000000000001';
const MARCO = { sub: 'd0000000-0000-4000-8000-000000000002', email: 'marco.ferri@trama.test', role: 'authenticated' as const };
const GIULIA = { sub: 'd0000000-0000-4000-8000-000000000001', email: 'giulia.rinaldi@trama.test', role: 'authenticated' as const };
const NOTICES = 'df000000-0000-4000-8000-000000000001';
const PHOTOS = 'df000000-0000-4000-8000-000000000002';

export async function seedDemoFiles(db: Database, store: FileStore): Promise<void> {
	await withUser(db, GIULIA, (tx) =>
		tx.query(
			`insert into public.file_folders (id, network_id, name) values ($1, $3, 'Avviso e modulistica'), ($2, $3, 'Foto dei tavoli')`,
			[NOTICES, PHOTOS, NETWORK]
		)
	);
	const deps = { db, store, uploadLimit: Number.MAX_SAFE_INTEGER };
	const put = (claims: typeof MARCO, folderId: string | null, name: string, bytes: Buffer) =>
		storeUpload(deps, claims, { target: { kind: 'file', networkId: NETWORK, folderId }, name, body: Readable.from([bytes]) });
	await put(GIULIA, NOTICES, 'Avviso pubblico – manifestazione di interesse.pdf', onePagePdf([
		'Ambito territoriale di Frosinone',
		'Avviso pubblico di co-programmazione (art. 55 D.Lgs. 117/2017)',
		'Manifestazione di interesse degli enti del Terzo Settore',
		'Scadenza: 15 dicembre 2026'
	]));
	await put(MARCO, null, 'Servizi per il lavoro – elenco.csv', Buffer.from(
		'\uFEFFservizio;ente;sistema;posti\n' +
			'Sportello orientamento;Centro per l’impiego di Frosinone;lavoro;40\n' +
			'Laboratorio di falegnameria;Cooperativa sociale Il Ponte;sociale;12\n' +
			'Gruppo di supporto tra pari;ASL – Dipartimento di Salute Mentale;sanitario;15\n'
	));
	await put(MARCO, PHOTOS, 'Lavagna del tavolo del 12 novembre.png', boardPng());
}

/** A valid one-page PDF with a few lines of text, in Helvetica. */
function onePagePdf(lines: string[]): Buffer {
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

/** A 320×200 picture of a board with four coloured sticky notes, one per system. */
function boardPng(): Buffer {
	const width = 320;
	const height = 200;
	const notes = [
		{ x: 30, y: 30, rgb: [0xf4, 0xd0, 0x3f] },
		{ x: 170, y: 30, rgb: [0x8e, 0xc5, 0xfc] },
		{ x: 30, y: 110, rgb: [0xa8, 0xe6, 0xa3] },
		{ x: 170, y: 110, rgb: [0xf7, 0xa1, 0xa1] }
	];
	const rows: Buffer[] = [];
	for (let y = 0; y < height; y++) {
		const row = Buffer.alloc(1 + width * 3);
		for (let x = 0; x < width; x++) {
			const note = notes.find((n) => x >= n.x && x < n.x + 120 && y >= n.y && y < n.y + 60);
			const rgb = note?.rgb ?? [0xfa, 0xfa, 0xf5];
			row.set(rgb, 1 + x * 3);
		}
		rows.push(row);
	}
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		return Buffer.concat([length, body, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from('89504e470d0a1a0a', 'hex'),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.concat(rows))),
		chunk('IEND', Buffer.alloc(0))
	]);
}
