// Issue 14, the slow-body test: an upload whose body trickles in is cut off
// with a 408 once TRAMA_BODY_TIMEOUT has passed (extended only by a byte
// rate it never reaches), and a declared length no upload may have is
// refused with a 413 before any of it is read. Nothing of either is kept.
import { readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_NAME_HEADER } from '../../src/lib/files/api.ts';
import { BOUNDARY, MULTIPART_TYPE } from './corpus.ts';
import { createDatabase, DEMO, prepareDemo, type SweepDatabase } from './database.ts';
import { isAnswer, send } from './http.ts';
import { signIn, type Session } from './identities.ts';
import { BODY_TIMEOUT_SECONDS, startServer, type AppServer } from './server.ts';

/** What the server may take beyond the limit to notice and answer. */
const MARGIN_SECONDS = 3;
/** A body the test says it will send: plausible for a photo, far more than it sends. */
const DECLARED = 200_000;
const HUGE = '10000000000';

interface Cut {
	status: number | null;
	/** From the request's first byte to the answer. */
	seconds: number;
	/** Whether the server closed the connection after answering. */
	closed: boolean;
	error?: string;
}

/**
 * Posts `head`, then one small chunk a second (the pacing is the test's
 * input, not a wait), until the server answers or `deadlineSeconds` pass.
 */
function trickle(origin: URL, request: { path: string; headers: Record<string, string>; head: Buffer }, deadlineSeconds = 20): Promise<Cut> {
	const started = performance.now();
	const seconds = () => (performance.now() - started) / 1000;
	return new Promise((resolve) => {
		let status: number | null = null;
		let answeredAt = 0;
		const outgoing = http.request({ host: origin.hostname, port: origin.port, method: 'POST', path: request.path, headers: request.headers, agent: false });
		const finish = (closed: boolean, error?: string) => {
			clearInterval(pacing);
			clearTimeout(deadline);
			outgoing.destroy();
			resolve({ status, seconds: answeredAt || seconds(), closed, error });
		};
		const pacing = setInterval(() => outgoing.write('a'.repeat(100)), 1000);
		const deadline = setTimeout(() => finish(false, `no answer within ${deadlineSeconds} s`), deadlineSeconds * 1000);
		outgoing.on('response', (response) => {
			status = response.statusCode ?? null;
			answeredAt = seconds();
			clearInterval(pacing);
			response.resume();
			// The server should end the connection it stopped reading; give it the margin to do so.
			const socket = outgoing.socket;
			if (!socket || socket.destroyed) return finish(true);
			const closing = setTimeout(() => finish(false), MARGIN_SECONDS * 1000);
			socket.once('close', () => {
				clearTimeout(closing);
				finish(true);
			});
		});
		outgoing.on('error', (error: NodeJS.ErrnoException) => {
			if (status === null) finish(true, `connection ended without an answer: ${error.code ?? error.message}`);
		});
		outgoing.write(request.head);
	});
}

const multipartHead = (name: string) =>
	Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\nfirst bytes\n`);

function countFiles(dir: string): number {
	try {
		return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
	} catch {
		return 0;
	}
}

describe('uploads whose body is slow or impossibly large (on PGlite)', () => {
	let database: SweepDatabase;
	let server: AppServer;
	let editor: Session;
	let uploadPath: string;
	let before: { rows: number; stored: number };
	const names: string[] = [];
	const named = (kind: string) => {
		const name = `${kind}-${randomBytes(4).toString('hex')}.txt`;
		names.push(name);
		return name;
	};
	const headers = (type: string, length: string, extra: Record<string, string> = {}) => ({
		'content-type': type,
		'content-length': length,
		cookie: editor.cookie,
		origin: server.origin.origin,
		accept: type.startsWith('multipart') ? 'text/html' : 'application/json',
		...extra
	});

	async function storedRows() {
		const db = await database.open();
		try {
			const { rows } = await db.query<{ count: number }>(
				`select (select count(*) from public.file_objects)::int + (select count(*) from public.file_versions)::int as count`
			);
			return rows[0].count;
		} finally {
			await db.close();
		}
	}

	beforeAll(async () => {
		database = await createDatabase('pglite');
		await prepareDemo(database);
		before = { rows: await storedRows(), stored: countFiles(path.join(database.dataDir, 'files')) };
		server = await startServer(database);
		editor = await signIn(server.origin, DEMO.editor.email);
		uploadPath = `/api/networks/${DEMO.network}/files`;
	});

	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	it(`answers a multipart upload that trickles with a 408 within ${BODY_TIMEOUT_SECONDS} s + ${MARGIN_SECONDS} s, and closes the connection`, async () => {
		const cut = await trickle(server.origin, {
			path: uploadPath,
			headers: headers(MULTIPART_TYPE, String(DECLARED)),
			head: multipartHead(named('trickle-form'))
		});
		expect(cut).toMatchObject({ status: 408, closed: true });
		expect(cut.seconds).toBeLessThan(BODY_TIMEOUT_SECONDS + MARGIN_SECONDS);
	});

	it(`answers a raw upload that trickles with a 408 within ${BODY_TIMEOUT_SECONDS} s + ${MARGIN_SECONDS} s, and closes the connection`, async () => {
		const name = named('trickle-raw');
		const cut = await trickle(server.origin, {
			path: uploadPath,
			headers: headers('application/octet-stream', String(DECLARED), { [FILE_NAME_HEADER]: name }),
			head: Buffer.from('first bytes\n')
		});
		expect(cut).toMatchObject({ status: 408, closed: true });
		expect(cut.seconds).toBeLessThan(BODY_TIMEOUT_SECONDS + MARGIN_SECONDS);
	});

	it(`refuses content-length ${HUGE} on a multipart upload with a 413 at once`, async () => {
		const reply = await send(server.origin, {
			method: 'POST',
			path: uploadPath,
			headers: headers(MULTIPART_TYPE, HUGE),
			body: multipartHead(named('huge-form')),
			endBody: false,
			timeoutMs: 10_000
		});
		expect(isAnswer(reply) ? reply.status : reply.error).toBe(413);
		expect(reply.ms).toBeLessThan(1000);
	});

	it(`refuses content-length ${HUGE} on a raw upload with a 413 at once`, async () => {
		const reply = await send(server.origin, {
			method: 'POST',
			path: uploadPath,
			headers: headers('application/octet-stream', HUGE, { [FILE_NAME_HEADER]: named('huge-raw') }),
			body: Buffer.from('first bytes\n'),
			endBody: false,
			timeoutMs: 10_000
		});
		expect(isAnswer(reply) ? reply.status : reply.error).toBe(413);
		expect(reply.ms).toBeLessThan(1000);
	});

	it('is healthy afterwards, lists none of the refused uploads, and keeps no part of them once stopped', async () => {
		const health = await send(server.origin, { method: 'GET', path: '/healthz', headers: {}, timeoutMs: 15_000 });
		expect(isAnswer(health) && health.status).toBe(200);
		for (const name of names) {
			const found = await send(server.origin, {
				method: 'GET',
				path: `/networks/${DEMO.network}/files/search?q=${encodeURIComponent(name)}`,
				headers: { cookie: editor.cookie },
				timeoutMs: 15_000
			});
			expect(isAnswer(found) && JSON.parse(found.body.toString('utf8')), `the file space lists ${name}`).toEqual({ files: [] });
		}
		// Stopped, so that nothing is still being written or cleaned up while the store is counted.
		await server.stop();
		expect({ rows: await storedRows(), stored: countFiles(path.join(database.dataDir, 'files')) }).toEqual(before);
	});
});
