import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../databases.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { formLimit } from '../../../src/lib/server/files/http.ts';
import { sweepFiles } from '../../../src/lib/server/files/sweeper.ts';
import { fileUrls, FILE_NAME_HEADER, type FileRefusal } from '../../../src/lib/files/api.ts';
import { pdf, png } from '../../unit/files/samples.ts';
import { sha256 } from './bodies.ts';
import { filesScene, postUpload, startFileServer, uploadThrough, type FileServer, type FilesScene, type Person } from './harness.ts';

const LIMIT = 1024 * 1024;
const PNG = png(4, 4, 'noise');
const PDF = pdf('Avviso pubblico');

describe.each(backends)('file endpoints on $name', (backend) => {
	let db: Database;
	let server: FileServer;
	let scene: FilesScene;

	beforeAll(async () => {
		db = await backend.fresh();
		server = await startFileServer(db, LIMIT);
		scene = await filesScene(db);
	});
	afterAll(async () => {
		await server?.close();
		await db?.close();
	});

	const upload = (
		person: Person | null,
		name: string,
		body: Buffer,
		{ url = fileUrls.upload(scene.network.id), headers = {} }: { url?: string; headers?: Record<string, string> } = {}
	) => postUpload(server, person, url, name, body, headers);
	const uploaded = (person: Person, name: string, body: Buffer, url = fileUrls.upload(scene.network.id)) =>
		uploadThrough(server, person, url, name, body);
	const download = (person: Person | null, url: string, headers: Record<string, string> = {}) =>
		fetch(server.url + url, { headers: { ...(person ? { cookie: person.cookie } : {}), ...headers } });
	const refusal = async (response: Response) => ((await response.json()) as FileRefusal).error;
	const rowsNamed = async (name: string) =>
		(await db.query('select 1 from public.files where network_id = $1 and name = $2', [scene.network.id, name])).rows.length;
	const objects = () => server.storedFiles().filter((file) => file.startsWith('objects'));

	it('stores an upload under a server-chosen key and serves the same bytes, typed from the bytes', async () => {
		const file = await uploaded(scene.editor, 'verbale tavolo.pdf', PNG);
		expect(file).toMatchObject({ name: 'verbale tavolo.pdf', size: PNG.length, contentType: 'image/png', version: 1 });
		const stored = objects();
		expect(stored.every((entry) => /^objects\/[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(entry))).toBe(true);

		const response = await download(scene.viewer, fileUrls.content(file.id));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/png');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="verbale tavolo.pdf"/);
		expect(response.headers.get('accept-ranges')).toBe('bytes');
		expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(PNG));
	});

	it('previews images and PDFs inline only when asked, and HTML or SVG never', async () => {
		const pdf = await uploaded(scene.editor, 'avviso.pdf', PDF);
		const inline = await download(scene.viewer, fileUrls.content(pdf.id, { inline: true }));
		expect(inline.headers.get('content-type')).toBe('application/pdf');
		expect(inline.headers.get('content-disposition')).toMatch(/^inline;/);

		for (const [name, body] of [
			['pagina.html', '<!doctype html><script>window.__xss = 1</script>'],
			['disegno.png', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
			['foto.jpg', '<html><body onload="alert(1)">']
		]) {
			const file = await uploaded(scene.editor, name, Buffer.from(body));
			const served = await download(scene.viewer, fileUrls.content(file.id, { inline: true }));
			expect(served.headers.get('content-disposition'), name).toMatch(/^attachment;/);
			expect(served.headers.get('content-type'), name).toBe('application/octet-stream');
			expect(served.headers.get('content-security-policy'), name).toContain('sandbox');
			expect(await served.text()).toBe(body);
		}
	});

	it('makes hostile names safe and still readable', async () => {
		const cases: [string, (name: string) => void][] = [
			['../../etc/passwd', (name) => expect(name).toBe('passwd')],
			['..\\..\\windows\\system.ini', (name) => expect(name).toBe('system.ini')],
			['fattura\u202Efdp.exe', (name) => expect(name).toBe('fatturafdp.exe')],
			['riga\u0000\u0007\nnuova.txt', (name) => expect(name).not.toMatch(/[\u0000-\u001f]/)],
			['CON.txt', (name) => expect(name).toBe('_CON.txt')],
			[`${'è'.repeat(500)}.docx`, (name) => {
				expect(name.length).toBeLessThanOrEqual(200);
				expect(name.endsWith('.docx')).toBe(true);
			}]
		];
		for (const [raw, check] of cases) {
			const file = await uploaded(scene.editor, raw, Buffer.from(`contenuto di ${raw}`));
			check(file.name);
			const response = await download(scene.editor, fileUrls.content(file.id));
			expect(response.headers.get('content-disposition')).not.toMatch(/[\r\n]/);
		}
	});

	it('numbers a name already taken in the folder instead of replacing that file', async () => {
		const first = await uploaded(scene.editor, 'bilancio.xlsx', Buffer.from('uno'));
		const second = await uploaded(scene.editor, 'Bilancio.xlsx', Buffer.from('due'));
		expect(second.name).toBe('Bilancio (2).xlsx');
		expect(await (await download(scene.editor, fileUrls.content(first.id))).text()).toBe('uno');
	});

	it('refuses a file over the limit with 413 before storing anything', async () => {
		const before = server.storedFiles();
		const response = await upload(scene.editor, 'troppo.bin', Buffer.alloc(LIMIT + 1));
		expect(response.status).toBe(413);
		const error = await refusal(response);
		expect(error).toMatchObject({ code: 'file_too_large', limit: LIMIT });
		expect(error.message).toBe('Il file supera il limite di 1 MB per caricamento.');
		expect(server.storedFiles()).toEqual(before);
		expect(await rowsNamed('troppo.bin')).toBe(0);
	});

	it('cuts off a body that announces no length once it passes the limit', async () => {
		const before = server.storedFiles();
		const { status, body } = await rawRequest(server.port, '/api/networks/' + scene.network.id + '/files', {
			cookie: scene.editor.cookie,
			[FILE_NAME_HEADER]: 'senza-lunghezza.bin',
			'transfer-encoding': 'chunked'
		}, (request) => {
			for (let i = 0; i < 3; i++) request.write(Buffer.alloc(LIMIT / 2));
			request.end();
		});
		expect(status).toBe(413);
		expect(JSON.parse(body).error.code).toBe('file_too_large');
		expect(server.storedFiles()).toEqual(before);
		expect(await rowsNamed('senza-lunghezza.bin')).toBe(0);
	});

	it("refuses with 413 what would pass the network's quota, and says how much is used", async () => {
		const { rows } = await db.query<{ used: string }>('select used from public.file_space($1)', [scene.network.id]);
		const used = Number(rows[0].used);
		await db.query('update public.networks set file_quota = $2 where id = $1', [scene.network.id, used + 1000]);
		try {
			const response = await upload(scene.editor, 'oltre.bin', randomBytes(1001));
			expect(response.status).toBe(413);
			const error = await refusal(response);
			expect(error).toMatchObject({ code: 'quota_exceeded', used, quota: used + 1000 });
			expect(error.message).toMatch(/^Spazio della rete esaurito/);
			expect(await rowsNamed('oltre.bin')).toBe(0);
			await uploaded(scene.editor, 'entra.bin', randomBytes(1000));
		} finally {
			await db.query('update public.networks set file_quota = default where id = $1', [scene.network.id]);
		}
	});

	it('keeps nothing of an upload cut off halfway', async () => {
		const before = server.storedFiles();
		await sendHalfAndLeave(
			server.port,
			fileUrls.upload(scene.network.id),
			{ cookie: scene.editor.cookie, [FILE_NAME_HEADER]: 'interrotto.bin', 'content-length': LIMIT - 10 },
			Buffer.alloc(LIMIT / 2)
		);
		// The server notices the closed socket and removes its temporary file.
		await expect.poll(() => server.storedFiles(), { timeout: 5000 }).toEqual(before);
		expect(await rowsNamed('interrotto.bin')).toBe(0);
	});

	it('serves byte ranges, and the whole file when the range is of another version', async () => {
		const bytes = randomBytes(1000);
		const file = await uploaded(scene.editor, 'intervalli.bin', bytes);
		const url = fileUrls.content(file.id);
		const part = await download(scene.viewer, url, { range: 'bytes=100-199' });
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toBe('bytes 100-199/1000');
		expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(100, 200));

		const tail = await download(scene.viewer, url, { range: 'bytes=-10' });
		expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(990));
		const open = await download(scene.viewer, url, { range: 'bytes=990-' });
		expect(open.headers.get('content-length')).toBe('10');

		const beyond = await download(scene.viewer, url, { range: 'bytes=1000-' });
		expect(beyond.status).toBe(416);
		expect(beyond.headers.get('content-range')).toBe('bytes */1000');

		const etag = part.headers.get('etag')!;
		expect((await download(scene.viewer, url, { 'if-none-match': etag })).status).toBe(304);
		const stale = await download(scene.viewer, url, { range: 'bytes=0-9', 'if-range': '"another"' });
		expect(stale.status).toBe(200);
		expect(stale.headers.get('content-length')).toBe('1000');
		await stale.arrayBuffer();
	});

	it('adds versions and serves any of them', async () => {
		const file = await uploaded(scene.editor, 'patto.txt', Buffer.from('prima stesura'));
		const second = await uploaded(scene.facilitator, 'patto-v2.txt', Buffer.from('seconda stesura'), fileUrls.newVersion(file.id));
		expect(second).toMatchObject({ id: file.id, name: 'patto.txt', version: 2 });
		expect(await (await download(scene.viewer, fileUrls.content(file.id))).text()).toBe('seconda stesura');
		const { rows } = await db.query<{ id: string }>('select id from public.file_versions where file_id = $1 and number = 1', [file.id]);
		expect(await (await download(scene.viewer, fileUrls.content(file.id, { version: rows[0].id }))).text()).toBe('prima stesura');
	});

	it('lets the database refuse: viewers do not upload, other networks see nothing', async () => {
		const file = await uploaded(scene.editor, 'riservato.txt', Buffer.from('solo per la rete'));

		const byViewer = await upload(scene.viewer, 'da-viewer.txt', Buffer.from('x'));
		expect(byViewer.status).toBe(403);
		expect((await refusal(byViewer)).message).toBe('You are not allowed to do this in this network.');
		const versionByViewer = await upload(scene.viewer, 'v.txt', Buffer.from('x'), { url: fileUrls.newVersion(file.id) });
		expect(versionByViewer.status).toBe(403);

		const byOutsider = await download(scene.outsider, fileUrls.content(file.id));
		expect(byOutsider.status).toBe(403);
		expect((await refusal(byOutsider)).code).toBe('forbidden');
		expect((await upload(scene.outsider, 'intruso.txt', Buffer.from('x'))).status).toBe(404);
		expect((await download(scene.outsider, fileUrls.content(file.id), { accept: 'text/html' })).headers.get('content-type')).toMatch(/^text\/html/);

		expect((await download(null, fileUrls.content(file.id))).status).toBe(401);
		const signIn = await fetch(server.url + fileUrls.content(file.id), { headers: { accept: 'text/html' }, redirect: 'manual' });
		expect(signIn.status).toBe(303);
		expect(signIn.headers.get('location')).toBe(`/login?redirectTo=${encodeURIComponent(fileUrls.content(file.id))}`);
		expect((await download(scene.viewer, fileUrls.content(crypto.randomUUID()))).status).toBe(404);
		expect((await upload(scene.editor, 'x.txt', Buffer.from('x'), { url: fileUrls.upload(scene.network.id, crypto.randomUUID()) })).status).toBe(404);
	});

	it('refuses an upload posted from another site', async () => {
		const response = await upload(scene.editor, 'csrf.txt', Buffer.from('x'), { headers: { origin: 'https://evil.example' } });
		expect(response.status).toBe(403);
		expect((await refusal(response)).code).toBe('cross_site');
		expect(await rowsNamed('csrf.txt')).toBe(0);
	});

	it('takes a form without scripts: several files, then back to the folder', async () => {
		const form = new FormData();
		form.append('return', `/networks/${scene.network.id}/files`);
		form.append('files', new Blob([new Uint8Array(PDF)]), 'modulo firmato.pdf');
		form.append('files', new Blob([new Uint8Array(PNG)]), 'lavagna.png');
		const response = await fetch(server.url + fileUrls.upload(scene.network.id), {
			method: 'POST',
			body: form,
			headers: { cookie: scene.editor.cookie },
			redirect: 'manual'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/networks/${scene.network.id}/files?uploaded=2`);
		expect(await rowsNamed('modulo firmato.pdf')).toBe(1);
		expect(await rowsNamed('lavagna.png')).toBe(1);

		const tooLarge = new FormData();
		tooLarge.append('return', 'https://evil.example/');
		tooLarge.append('files', new Blob([new Uint8Array(LIMIT + 1)]), 'enorme.bin');
		const refused = await fetch(server.url + fileUrls.upload(scene.network.id), {
			method: 'POST',
			body: tooLarge,
			headers: { cookie: scene.editor.cookie },
			redirect: 'manual'
		});
		expect(refused.headers.get('location')).toBe(`/networks/${scene.network.id}/files?upload_error=file_too_large`);
		expect(await rowsNamed('enorme.bin')).toBe(0);
	});

	describe('a form that cannot be read', () => {
		const postForm = (headers: Record<string, string | number>, body: Buffer) =>
			rawRequest(server.port, fileUrls.upload(scene.network.id), { cookie: scene.editor.cookie, ...headers }, (request) =>
				request.end(body)
			);
		const refusalIn = (body: string) => (JSON.parse(body) as FileRefusal).error;

		it('answers multipart without a boundary with 400 and says what to do, storing nothing', async () => {
			const before = server.storedFiles();
			const { status, body } = await postForm({ 'content-type': 'multipart/form-data' }, formBody(filePart('filename="senza-confine.txt"')));
			expect(status).toBe(400);
			const error = refusalIn(body);
			expect(error.code).toBe('form_unreadable');
			expect(error.message).toMatch(/^Il modulo inviato non è leggibile.*Ricarica la pagina e scegli di nuovo i file\.$/);
			expect(server.storedFiles()).toEqual(before);
			expect(await rowsNamed('senza-confine.txt')).toBe(0);
		});

		it('answers a broken part header with 400, storing nothing', async () => {
			const before = server.storedFiles();
			const broken = `--${BOUNDARY}\r\nContent-Disposition form-data; name="files"; filename="rotto.txt"\r\n\r\ncontenuto\r\n--${BOUNDARY}--\r\n`;
			const { status, body } = await postForm({ 'content-type': FORM_TYPE }, Buffer.from(broken));
			expect(status).toBe(400);
			expect(refusalIn(body).code).toBe('form_unreadable');
			expect(server.storedFiles()).toEqual(before);
			expect(await rowsNamed('rotto.txt')).toBe(0);
		});

		it('stores a file whose encoded name holds a NUL under the name without it', async () => {
			const { status } = await postForm({ 'content-type': FORM_TYPE }, formBody(filePart("filename*=UTF-8''nota%00bene.txt", 'nota bene')));
			expect(status).toBe(303);
			expect(await rowsNamed('notabene.txt')).toBe(1);
		});

		it('refuses a raw NUL byte in a part header as a form it cannot read, not as an upload cut short', async () => {
			const before = server.storedFiles();
			const { status, body } = await postForm({ 'content-type': FORM_TYPE }, formBody(filePart('filename="nul\u0000byte.txt"')));
			expect(status).toBe(400);
			expect(refusalIn(body).code).toBe('form_unreadable');
			expect(server.storedFiles()).toEqual(before);
			expect(await rowsNamed('nulbyte.txt')).toBe(0);
		});

		it('refuses with 413 a form declaring more than its files could carry, before it sends a byte', async () => {
			const before = server.storedFiles();
			const { status, body } = await rawRequest(
				server.port,
				fileUrls.upload(scene.network.id),
				{ cookie: scene.editor.cookie, 'content-type': FORM_TYPE, 'content-length': 10_000_000_000 },
				// Only the headers: an endpoint that waited for the body would never answer.
				(request) => request.flushHeaders()
			);
			expect(status).toBe(413);
			expect(refusalIn(body)).toMatchObject({ code: 'file_too_large', limit: LIMIT });
			expect(server.storedFiles()).toEqual(before);
		});

		it('cuts off with 413 a form that declares no length once it passes what its files could carry', async () => {
			const before = server.storedFiles();
			// A part without a disposition, which busboy skips: only the form's own limit stops it.
			const junk = Buffer.alloc(formLimit(LIMIT) + 1, 'x');
			const { status, body } = await rawRequest(
				server.port,
				fileUrls.upload(scene.network.id),
				{ cookie: scene.editor.cookie, 'content-type': FORM_TYPE, 'transfer-encoding': 'chunked' },
				(request) => {
					request.write(`--${BOUNDARY}\r\nX-Junk: 1\r\n\r\n`);
					request.on('error', () => {});
					request.end(junk);
				}
			);
			expect(status).toBe(413);
			expect(refusalIn(body).code).toBe('file_too_large');
			expect(server.storedFiles()).toEqual(before);
		});

		it('keeps nothing of a form whose client leaves halfway', async () => {
			const before = server.storedFiles();
			const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="a-metà.bin"\r\n\r\n`);
			await sendHalfAndLeave(
				server.port,
				fileUrls.upload(scene.network.id),
				{ cookie: scene.editor.cookie, 'content-type': FORM_TYPE, 'content-length': LIMIT },
				Buffer.concat([head, Buffer.alloc(LIMIT / 2)])
			);
			await expect.poll(() => server.storedFiles(), { timeout: 5000 }).toEqual(before);
			expect(await rowsNamed('a-metà.bin')).toBe(0);
		});
	});

	it('deletes for good what stayed 30 days in the bin, and removes bytes no version uses', async () => {
		const file = await uploaded(scene.editor, 'vecchio.txt', Buffer.from('da buttare'));
		const kept = await uploaded(scene.editor, 'recente.txt', Buffer.from('da tenere'));
		await db.query(`update public.files set deleted_at = now() - interval '31 days' where id = $1`, [file.id]);
		await db.query(`update public.files set deleted_at = now() - interval '29 days' where id = $1`, [kept.id]);
		const before = objects().length;
		const swept = await sweepFiles(db, server.store);
		expect(swept.purged).toBeGreaterThanOrEqual(1);
		expect(objects().length).toBe(before - swept.removed);
		expect(await rowsNamed('vecchio.txt')).toBe(0);
		expect(await rowsNamed('recente.txt')).toBe(1);
		expect((await db.query('select 1 from public.file_removals')).rows).toHaveLength(0);
	});
});

const BOUNDARY = 'trama-prova-confine';
const FORM_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** One file part of a form; the disposition's file name is written as given, byte for byte. */
const filePart = (fileName: string, content = 'contenuto') =>
	`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; ${fileName}\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n`;

/** A form's body in bytes, each character one byte, as a hand-made client would send it. */
const formBody = (...parts: string[]) => Buffer.from(`${parts.join('')}--${BOUNDARY}--\r\n`, 'latin1');

/** A request written by hand, for bodies fetch will not send (chunked past the limit, broken forms). */
function rawRequest(
	port: number,
	path: string,
	headers: Record<string, string | number>,
	write: (request: http.ClientRequest) => void
): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const request = http.request({ port, host: '127.0.0.1', method: 'POST', path, headers }, (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk) => (body += chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
		});
		request.on('error', reject);
		write(request);
	});
}

/** A client that sends part of what it announced, then goes away. */
function sendHalfAndLeave(port: number, path: string, headers: Record<string, string | number>, part: Buffer): Promise<void> {
	return new Promise((resolve) => {
		const request = http.request({ port, host: '127.0.0.1', method: 'POST', path, headers });
		request.on('error', () => resolve());
		request.write(part, () => setTimeout(() => request.destroy(), 100));
	});
}
