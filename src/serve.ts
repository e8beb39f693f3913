// The production entry: one Node process, one HTTP server. SvelteKit's
// adapter-node handler serves the pages; the collaboration socket shares this
// server's upgrade event. Run after `vite build` (npm start does both).
import http from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureEngineFlags } from './lib/server/engine-flags.ts';
import { plainResponse } from './lib/server/plain-response.ts';
import { bodyTimeLeft, expectsBody, readServerTimeouts, SLOW_BODY_MESSAGE, type BodyTimeout } from './lib/server/timeouts.ts';

// The embedded mode needs V8 flags on the command line (engine-flags.ts):
// without them this process becomes, in place, the same command with them.
ensureEngineFlags();

// adapter-node assumes https when neither ORIGIN nor PROTOCOL_HEADER is set,
// which makes every form post over plain http look cross-site. Without a
// proxy in front we tell it the truth about each socket ourselves.
const OWN_PROTOCOL_HEADER = 'x-trama-socket-protocol';
const ownProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (ownProtocol) process.env.PROTOCOL_HEADER = OWN_PROTOCOL_HEADER;

// Read first: a wrong TRAMA_BODY_TIMEOUT stops the start before anything loads.
const timeouts = readServerTimeouts(process.env);

const buildDir = path.resolve(process.env.TRAMA_BUILD_DIR ?? 'build');
// Importing the bundle starts the runtime (migrations, the demo seed). A
// refusal people can act on is said in one line; anything else keeps its stack.
const { handler } = await import(pathToFileURL(path.join(buildDir, 'handler.js')).href).catch((error: Error) => {
	if (error?.name !== 'DataFolderInUse') throw error;
	console.error(error.message);
	process.exit(1);
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

// The runtime (database, auth, collab server, file endpoints) that the
// SvelteKit bundle starts in its init hook and keeps on globalThis.
interface Runtime {
	collab: { handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): boolean };
	files: { handle(request: http.IncomingMessage, response: http.ServerResponse): boolean };
	close(): Promise<void>;
}
const runtime = () => (globalThis as Record<symbol, Promise<Runtime> | undefined>)[Symbol.for('trama.runtime')];

// File uploads and downloads stream past SvelteKit, which would read a whole
// request body into memory.
const server = http.createServer(
	{
		headersTimeout: timeouts.headersTimeoutMs,
		keepAliveTimeout: timeouts.keepAliveTimeoutMs,
		connectionsCheckingInterval: timeouts.checkEveryMs,
		// Node's request timeout counts the whole request from its first byte,
		// so any value would cut an honest upload that is merely large; the
		// body rule below (limitBodyTime) takes its place.
		requestTimeout: 0
	},
	async (req, res) => {
		limitBodyTime(req, res, timeouts.body);
		if (ownProtocol) req.headers[OWN_PROTOCOL_HEADER] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
		const started = req.url?.startsWith('/api/') ? await runtime()?.catch(() => undefined) : undefined;
		if (!started?.files.handle(req, res)) handler(req, res);
	}
);

const SLOW_BODY_RESPONSE = plainResponse(408, SLOW_BODY_MESSAGE);

/**
 * Holds a request's body to the rule of timeouts.ts, for pages and file
 * endpoints alike. The clock runs only while Node reads the socket: when a
 * handler falls behind, Node stops reading, and that wait is the server's,
 * not the client's. Past the deadline, unless the handler has answered, the
 * 408 is written straight on the socket and the socket destroyed, as Node's
 * own timeouts do: the handler sees a client that went away (the file
 * endpoints drop the partial upload, a form action's formData() fails) and
 * its response, never started, goes nowhere instead of colliding with ours.
 * A handler may also answer before the body is in (a 405, a refusal): Node
 * then reads the rest to keep the connection, so a body still trickling at
 * the deadline has the connection closed once the answer is out.
 */
function limitBodyTime(req: http.IncomingMessage, res: http.ServerResponse, rule: BodyTimeout) {
	if (!expectsBody(req.headers)) return;
	const socket = req.socket;
	const readBefore = socket.bytesRead;
	let waitedMs = 0;
	let since: number | null = null;
	let timer: NodeJS.Timeout | undefined;
	const hold = () => {
		clearTimeout(timer);
		if (since !== null) waitedMs += performance.now() - since;
		since = null;
	};
	const stop = () => {
		hold();
		socket.off('pause', hold).off('resume', check).off('close', stop);
		req.off('end', stop);
	};
	function check() {
		clearTimeout(timer);
		if (req.complete) return stop();
		since ??= performance.now();
		const left = bodyTimeLeft(rule, { waitedMs: waitedMs + performance.now() - since, received: socket.bytesRead - readBefore });
		if (left > 0) {
			timer = setTimeout(check, left);
			return;
		}
		stop();
		if (!res.headersSent) {
			socket.write(SLOW_BODY_RESPONSE);
			socket.destroy();
		} else if (res.writableFinished) socket.destroy();
		else res.once('finish', () => socket.destroy());
	}
	socket.on('pause', hold).on('resume', check).on('close', stop);
	req.on('end', stop);
	if (!socket.isPaused()) check();
}

server.on('upgrade', async (request, socket, head) => {
	const started = await runtime()?.catch(() => undefined);
	if (!started?.collab.handleUpgrade(request, socket, head)) socket.destroy();
});

server.listen(port, host, () => {
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	console.log(`Trama listening on http://${shown}:${port}`);
});

async function shutdown(signal: string) {
	console.log(`${signal}: closing`);
	// A stuck connection must not keep a stopping server alive.
	setTimeout(() => process.exit(1), 5_000).unref();
	server.close();
	server.closeAllConnections();
	// Pending document changes are stored before the database closes.
	await (await runtime())?.close();
	process.exit(0);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
