// The demo network's file space: two folders and the kind of files a
// co-programming table collects, made here (a one-page PDF, a chart of the
// table's board as a PNG, a spreadsheet of services as CSV) and uploaded
// through the same path as anyone's upload.
import { Readable } from 'node:stream';
import type { Database } from '../db/types.ts';
import { withUser } from '../db/with-user.ts';
import type { FileStore } from './store.ts';
import { onePagePdf } from './one-page-pdf.ts';
import { rgbPng } from './png.ts';
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
	const pixels = Buffer.alloc(width * height * 3);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const note = notes.find((n) => x >= n.x && x < n.x + 120 && y >= n.y && y < n.y + 60);
			pixels.set(note?.rgb ?? [0xfa, 0xfa, 0xf5], (y * width + x) * 3);
		}
	}
	return rgbPng(width, height, pixels);
}
