// A collab server in a process of its own, so that a test can kill it -9.
// Run with: node --experimental-transform-types child-server.ts
// (CHILD_DATABASE_URL for Postgres, or CHILD_PGLITE_DIR for PGlite on disk;
// CHILD_PORT to come back on the port clients know; CHILD_REDIS_URL for the
// Redis bus instead of the database's; CHILD_SETTINGS, JSON, merged into the
// collab settings.)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openPglite } from '../../../src/lib/server/db/pglite.ts';
import { openPostgres } from '../../../src/lib/server/db/postgres.ts';
import { embeddedAuth } from '../../../src/lib/server/auth/embedded.ts';
import { createCollabServer } from '../../../src/lib/server/collab/index.ts';
import { redisBus } from '../../../src/lib/server/collab/bus-redis.ts';

const db = process.env.CHILD_DATABASE_URL
	? await openPostgres(process.env.CHILD_DATABASE_URL)
	: await openPglite(process.env.CHILD_PGLITE_DIR);
const collab = createCollabServer({
	db,
	auth: embeddedAuth(db),
	bus: process.env.CHILD_REDIS_URL ? redisBus(process.env.CHILD_REDIS_URL) : undefined,
	settings: process.env.CHILD_SETTINGS ? JSON.parse(process.env.CHILD_SETTINGS) : undefined
});
const server = http.createServer((_, response) => response.writeHead(404).end());
server.on('upgrade', (request, socket, head) => {
	if (!collab.handleUpgrade(request, socket, head)) socket.destroy();
});
server.listen(Number(process.env.CHILD_PORT ?? 0), '127.0.0.1', () => {
	process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', async () => {
	await collab.close();
	await db.close();
	process.exit(0);
});
