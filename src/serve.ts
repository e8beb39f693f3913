// The production entry: one Node process, one HTTP server. SvelteKit's
// adapter-node handler serves the pages; the collaboration socket shares this
// server's upgrade event. Run after `vite build` (npm start does both).
import http from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// adapter-node assumes https when neither ORIGIN nor PROTOCOL_HEADER is set,
// which makes every form post over plain http look cross-site. Without a
// proxy in front we tell it the truth about each socket ourselves.
const OWN_PROTOCOL_HEADER = 'x-trama-socket-protocol';
const ownProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (ownProtocol) process.env.PROTOCOL_HEADER = OWN_PROTOCOL_HEADER;

const buildDir = path.resolve(process.env.TRAMA_BUILD_DIR ?? 'build');
const { handler } = await import(pathToFileURL(path.join(buildDir, 'handler.js')).href);

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
const server = http.createServer(async (req, res) => {
	if (ownProtocol) req.headers[OWN_PROTOCOL_HEADER] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
	const started = req.url?.startsWith('/api/') ? await runtime()?.catch(() => undefined) : undefined;
	if (!started?.files.handle(req, res)) handler(req, res);
});

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
