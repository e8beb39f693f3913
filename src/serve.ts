// The production entry: one Node process, one HTTP server. SvelteKit's
// adapter-node handler serves the pages; the collaboration socket will share
// this server's upgrade event. Run after `vite build` (npm start does both).
import http from 'node:http';
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

const server = http.createServer((req, res) => {
	if (ownProtocol) req.headers[OWN_PROTOCOL_HEADER] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
	handler(req, res);
});
server.listen(port, host, () => {
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	console.log(`Trama listening on http://${shown}:${port}`);
});

// The runtime (database, auth) that the SvelteKit bundle keeps on globalThis.
const runtimeKey = Symbol.for('trama.runtime');

async function shutdown(signal: string) {
	console.log(`${signal}: closing`);
	// A stuck connection must not keep a stopping server alive.
	setTimeout(() => process.exit(1), 5_000).unref();
	server.close();
	server.closeAllConnections();
	const runtime = await (globalThis as Record<symbol, Promise<{ db: { close(): Promise<void> } }>>)[runtimeKey];
	await runtime?.db.close();
	process.exit(0);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
