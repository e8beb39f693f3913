// One app process as far as the live channel goes, for the two-process test:
// its own database pool and live hub, the same liveStream() the /live route
// serves, and a way to post a thread as someone. The test stands in for the
// session cookie by naming the person in the request.
// Run with: node --experimental-transform-types child-app.ts (CHILD_DATABASE_URL names the database).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { openPostgres } from '../../../src/lib/server/db/postgres.ts';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import { createLiveHub } from '../../../src/lib/server/live/hub.ts';
import { liveStream } from '../../../src/lib/server/live/stream.ts';
import { claimsFor } from '../factories.ts';

export interface PostThread {
	user: { id: string; email: string };
	networkId: string;
	title: string;
	body: string;
}

const db = await openPostgres(process.env.CHILD_DATABASE_URL!, 4);
const live = createLiveHub(db);
await live.start();

/** GET /live?user=<id>&network=<id>: the person's live channel, as the route serves it. */
function serveLive(url: URL, request: http.IncomingMessage, response: http.ServerResponse) {
	const gone = new AbortController();
	request.on('close', () => gone.abort());
	const who = { userId: url.searchParams.get('user') ?? '', networkId: url.searchParams.get('network') };
	const stream = liveStream(live, who, gone.signal);
	response.writeHead(stream.status, Object.fromEntries(stream.headers));
	Readable.fromWeb(stream.body as NodeReadableStream<Uint8Array>).pipe(response);
}

/** POST /threads: starts a thread as the person named in the body; answers with its id. */
async function postThread(request: http.IncomingMessage, response: http.ServerResponse) {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	const post = JSON.parse(Buffer.concat(chunks).toString()) as PostThread;
	const { rows } = await withUser(db, claimsFor(post.user), (tx) =>
		tx.query<{ id: string }>('insert into public.threads (network_id, title, body) values ($1, $2, $3) returning id', [
			post.networkId,
			post.title,
			post.body
		])
	);
	response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: rows[0].id }));
}

const server = http.createServer((request, response) => {
	const url = new URL(request.url ?? '/', 'http://child');
	if (request.method === 'GET' && url.pathname === '/live') return serveLive(url, request, response);
	if (request.method === 'POST' && url.pathname === '/threads') {
		return void postThread(request, response).catch((error: Error) => response.writeHead(500).end(error.message));
	}
	response.writeHead(404).end();
});
server.listen(0, '127.0.0.1', () => {
	process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', async () => {
	server.closeAllConnections();
	server.close();
	await live.close();
	await db.close();
	process.exit(0);
});
