import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { filesScene, startFileServer, uploadThrough, type FileServer, type FilesScene, type Person } from './files/harness.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database, Queryable } from '../../src/lib/server/db/types.ts';
import type { FileStore } from '../../src/lib/server/files/store.ts';
import { docxImages } from '../../src/lib/server/documents/images.ts';
import { toDocx, type DocxMeta } from '../../src/lib/documents/docx.ts';
import { imageFileIds, imageSrc } from '../../src/lib/documents/images.ts';
import { fileUrls } from '../../src/lib/files/api.ts';
import { doc, img, p } from '../unit/documents/factories.ts';
import { unzip } from '../unit/documents/zip.ts';
import { png } from '../unit/files/samples.ts';

// A document's images in its Word export, read as the person exporting:
// the database decides which files they may see, exactly as it does for the
// image's own address, and only those bytes are read from the store and
// embedded. Files are uploaded through the real endpoint, onto a disk store.

const meta: DocxMeta = {
	title: 'Patto di comunità',
	networkName: 'Rete',
	partners: [],
	versionLabel: 'Versione corrente',
	exportedAt: new Date('2027-03-04T09:00:00Z'),
	locale: 'it'
};
const media = (files: Map<string, string>) => [...files.keys()].filter((name) => name.startsWith('word/media/'));

describe.each(backends)('the images of a Word export, on $name', (backend) => {
	let db: Database;
	let server: FileServer;
	let scene: FilesScene;
	const as = (person: Person) => <T>(fn: (tx: Queryable) => Promise<T>) => withUser(db, person.claims, fn);

	const upload = (person: Person, name: string, body: Buffer, network = scene.network) =>
		uploadThrough(server, person, fileUrls.upload(network.id), name, body);

	const storageKeyOf = async (fileId: string) =>
		(
			await db.query<{ key: string }>(
				'select v.storage_key as key from public.files f join public.file_versions v on v.id = f.current_version_id where f.id = $1',
				[fileId]
			)
		).rows[0].key;

	beforeAll(async () => {
		db = await backend.fresh();
		server = await startFileServer(db, 1024 * 1024);
		scene = await filesScene(db);
	});
	afterAll(async () => {
		await server?.close();
		await db?.close();
	});

	it('embeds, for a member who may only read, the images of the network', async () => {
		const whiteboard = (await upload(scene.editor, 'lavagna.png', png(40, 30))).id;
		const json = doc(p('Il tavolo'), img(whiteboard, 'Lavagna del tavolo'));
		const images = await docxImages(as(scene.viewer), server.store, imageFileIds(json));
		expect([...images.keys()]).toEqual([whiteboard]);
		expect(images.get(whiteboard)).toMatchObject({ type: 'png', width: 40, height: 30 });
		expect(images.get(whiteboard)!.data).toEqual(png(40, 30));
		const files = unzip(await toDocx(json, { ...meta, images }));
		expect(media(files)).toHaveLength(1);
		expect(files.get('word/document.xml')).toContain('descr="Lavagna del tavolo"');
	});

	it('embeds nothing for someone outside the network, whose export shows the alt text instead', async () => {
		const whiteboard = (await upload(scene.editor, 'lavagna.png', png(40, 30))).id;
		const json = doc(img(whiteboard, 'Lavagna del tavolo'));
		const images = await docxImages(as(scene.outsider), server.store, imageFileIds(json));
		expect(images.size).toBe(0);
		const files = unzip(await toDocx(json, { ...meta, images }));
		expect(media(files)).toHaveLength(0);
		expect(files.get('word/document.xml')).toContain('[Immagine non disponibile: Lavagna del tavolo]');
	});

	it('embeds exactly what the image’s address would show each person', async () => {
		const ours = (await upload(scene.editor, 'nostra.png', png(20, 20))).id;
		const theirs = (await upload(scene.outsider, 'loro.png', png(10, 10), scene.other)).id;
		for (const person of [scene.facilitator, scene.viewer, scene.outsider]) {
			const embedded = await docxImages(as(person), server.store, [ours, theirs]);
			for (const fileId of [ours, theirs]) {
				const shown = await fetch(server.url + imageSrc(fileId), { headers: { cookie: person.cookie } });
				await shown.body?.cancel();
				expect(embedded.has(fileId), `${fileId} for ${person.id}`).toBe(shown.status === 200);
			}
		}
		// A member of this network sees only this network's image, even in a document that shows both.
		expect([...(await docxImages(as(scene.viewer), server.store, [theirs, ours])).keys()]).toEqual([ours]);
	});

	it('reads no bytes of a file that is not an image', async () => {
		const pdf = (await upload(scene.editor, 'avviso.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'))).id;
		let reads = 0;
		const counting: FileStore = { ...server.store, get: (key, range) => (reads++, server.store.get(key, range)) };
		expect((await docxImages(as(scene.viewer), counting, [pdf])).size).toBe(0);
		expect(reads).toBe(0);
	});

	it('leaves out an image whose bytes are gone or that Word cannot hold, and goes on with the others', async () => {
		const gone = (await upload(scene.editor, 'persa.png', png(10, 10))).id;
		await server.store.remove([await storageKeyOf(gone)]);
		const webp = await upload(scene.editor, 'foto.webp', Buffer.concat([Buffer.from('RIFF\x1a\0\0\0WEBPVP8L'), Buffer.alloc(18)]));
		// An image the page shows, but not one Word can hold.
		expect(webp.contentType).toBe('image/webp');
		const kept = (await upload(scene.editor, 'tenuta.png', png(12, 12))).id;
		const images = await docxImages(as(scene.viewer), server.store, [gone, webp.id, kept]);
		expect([...images.keys()]).toEqual([kept]);
	});

	it('stops embedding images that would pass the budget, in the document’s order', async () => {
		const first = (await upload(scene.editor, 'prima.png', png(50, 50))).id;
		const second = (await upload(scene.editor, 'seconda.png', png(50, 50))).id;
		const third = (await upload(scene.editor, 'terza.png', png(1, 1))).id;
		const budget = png(50, 50).length + png(1, 1).length;
		const images = await docxImages(as(scene.viewer), server.store, [first, second, third], budget);
		expect([...images.keys()]).toEqual([first, third]);
	});
});
