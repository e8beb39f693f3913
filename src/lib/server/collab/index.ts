// The collaboration server: y-websocket's protocol at /collab/<documentId>,
// attached to any http.Server's upgrade event. No SvelteKit imports, so it
// can run in the app's process (the default) or alone.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AuthPort } from '../auth/types.ts';
import type { Database } from '../db/types.ts';
import { authorize, documentIdFromPath, type Admission } from './auth.ts';
import { authenticate, sameOrigin } from '../auth/raw-request.ts';
import { Connection, type ConnectionLimits } from './connection.ts';
import { CLOSE } from './protocol.ts';
import { Room, type RoomSettings } from './room.ts';
import { UpdateWriter } from './writer.ts';
import type { CollabServer } from './types.ts';
import { log } from '../log.ts';
import { plainResponse } from '../plain-response.ts';
import { CHANNEL } from '../live/hub.ts';
import { recheckScope, type RecheckScope } from './access-events.ts';
import { singleProcess, type CollabBus } from './bus.ts';
import { postgresBus } from './bus-postgres.ts';

export type { CollabServer } from './types.ts';

export interface CollabSettings extends RoomSettings, ConnectionLimits {
	/** Changes reach Postgres within this delay, all documents in one batch (the target is 500 ms). */
	flushDelayMs: number;
	/** Retries of a failed store back off up to this delay. */
	maxRetryDelayMs: number;
	/** Frames and messages above this size close the connection (1009). */
	maxMessageBytes: number;
	/** A document nobody has open leaves memory after this delay. */
	idleUnloadMs: number;
	/** Upgrades waiting for their session and role check; more are refused (503). */
	maxPendingUpgrades: number;
	/** Dead peers are found by a ping this often. */
	heartbeatMs: number;
}

export const DEFAULT_SETTINGS: CollabSettings = {
	flushDelayMs: 200,
	maxRetryDelayMs: 5_000,
	projectAfterQuietMs: 2_000,
	projectEveryMs: 60_000,
	compactAfterRows: 200,
	compactEveryMs: 30_000,
	autoVersionEveryMs: 10 * 60_000,
	maxMessageBytes: 16 * 1024 * 1024,
	idleUnloadMs: 30_000,
	maxPendingUpgrades: 256,
	heartbeatMs: 30_000,
	messagesPerSecond: 200,
	messageBurst: 1_000,
	maxClientIds: 4,
	maxBufferedBytes: 64 * 1024 * 1024
};

interface OpenRoom {
	room: Room;
	ready: Promise<Room>;
	/** Connections and server operations using the room: it stays while any remain. */
	holders: number;
	unloadTimer: NodeJS.Timeout | null;
}

/**
 * `bus` carries changes and presence between the processes serving a
 * document: by default NOTIFY on a Postgres server, nothing on the embedded
 * database (one process by nature); Redis when the caller passes one. The
 * server closes it.
 */
export function createCollabServer(options: {
	db: Database;
	auth: AuthPort;
	bus?: CollabBus;
	settings?: Partial<CollabSettings>;
}): CollabServer {
	const { db, auth } = options;
	const bus = options.bus ?? (db.kind === 'postgres' ? postgresBus(db) : singleProcess);
	const settings = { ...DEFAULT_SETTINGS, ...options.settings };
	const wss = new WebSocketServer({ noServer: true, maxPayload: settings.maxMessageBytes, perMessageDeflate: false });
	const writer = new UpdateWriter(db, settings);
	const rooms = new Map<string, OpenRoom>();
	const connections = new Set<Connection>();
	let pendingUpgrades = 0;
	let closing = false;

	const heartbeat = setInterval(() => {
		for (const connection of connections) {
			if (!connection.alive) connection.socket.terminate();
			connection.alive = false;
			connection.socket.ping();
		}
	}, settings.heartbeatMs);
	heartbeat.unref();

	/** Opens (or joins) the room; the caller must call release() once done with it. */
	async function hold(documentId: string): Promise<{ room: Room; release: () => void }> {
		let open = rooms.get(documentId);
		if (!open) {
			const room = new Room(documentId, db, settings, writer, bus);
			const created: OpenRoom = { room, ready: room.load().then(() => room), holders: 0, unloadTimer: null };
			rooms.set(documentId, created);
			created.ready.catch(() => {
				if (rooms.get(documentId) === created) rooms.delete(documentId);
				room.destroy();
			});
			open = created;
		}
		const entry = open;
		entry.holders += 1;
		if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
		entry.unloadTimer = null;
		try {
			const room = await entry.ready;
			return { room, release: () => release(documentId, entry) };
		} catch (error) {
			entry.holders -= 1;
			throw error;
		}
	}

	function release(documentId: string, entry: OpenRoom) {
		entry.holders -= 1;
		if (entry.holders > 0 || closing) return;
		entry.unloadTimer = setTimeout(() => void unload(documentId, entry), settings.idleUnloadMs);
	}

	// A room leaves memory only once everything in it is stored; if storing
	// fails it stays, and the next attempt comes with the next timer.
	async function unload(documentId: string, entry: OpenRoom) {
		entry.unloadTimer = null;
		try {
			await entry.room.settle();
		} catch {
			if (entry.holders === 0 && !closing) entry.unloadTimer = setTimeout(() => void unload(documentId, entry), settings.maxRetryDelayMs);
			return;
		}
		if (entry.holders > 0 || entry.room.dirty || rooms.get(documentId) !== entry) return;
		rooms.delete(documentId);
		entry.room.destroy();
	}

	function attach(socket: WebSocket, room: Room, admission: Admission, releaseRoom: () => void) {
		const connection = new Connection(
			socket,
			room,
			admission,
			settings,
			(closed) => {
				room.peers.delete(closed);
				connections.delete(closed);
				releaseRoom();
			}
		);
		room.peers.add(connection);
		connections.add(connection);
	}

	async function admitAndAttach(request: IncomingMessage, socket: Duplex, head: Buffer, documentId: string) {
		const user = await authenticate(request, auth);
		if (!user) return refuse(socket, 401, 'sign in first');
		// The document loads while the database answers for the person, so the
		// first one to open it waits for the longer of the two, not both. Nothing
		// of it is sent before the answer; on a refusal the room is let go.
		const holding = hold(documentId).catch((error: unknown) => {
			log.error({ err: error, documentId }, 'collab: loading a document failed');
			return null;
		});
		const admission = await authorize(db, user, documentId).catch(async (error: unknown) => {
			(await holding)?.release();
			throw error;
		});
		const held = await holding;
		if ('status' in admission) {
			held?.release();
			return refuse(socket, admission.status, admission.reason);
		}
		if (socket.destroyed) return held?.release();
		wss.handleUpgrade(request, socket, head, (ws) => {
			// Nothing was sent: the client keeps its changes and tries again.
			if (!held) return ws.close(CLOSE.retryLater, 'document could not be loaded; retrying');
			if (ws.readyState !== ws.OPEN) return held.release();
			attach(ws, held.room, admission, held.release);
		});
	}

	/**
	 * Asks the database again what the matching connections may do; one whose
	 * access changed is closed (4403) so that its page reloads with the new
	 * rights, and one whose document is gone is told so (4410).
	 */
	async function recheck(scope: RecheckScope) {
		const affected = [...connections].filter(
			({ room, admission }) =>
				(!scope.documentId || room.id === scope.documentId) &&
				(!scope.networkId || admission.networkId === scope.networkId) &&
				(!scope.userId || admission.user.id === scope.userId)
		);
		await Promise.all(
			affected.map(async (connection) => {
				const now = await authorize(db, connection.admission.user, connection.room.id);
				if ('status' in now && now.status === 404) connection.close(CLOSE.gone, 'this document was deleted');
				else if ('status' in now || now.readOnly !== connection.admission.readOnly) {
					connection.close(CLOSE.accessChanged, 'your access to this document changed; reload the page');
				}
			})
		);
	}

	// Access changes, however and wherever made, arrive as the database's announcements.
	const listening = db.listen(CHANNEL, (payload) => {
		const scope = recheckScope(payload);
		if (scope) recheck(scope).catch((error: unknown) => log.error({ err: error, scope }, 'collab: rechecking access failed'));
	});
	listening.catch((error: unknown) => log.error({ err: error }, 'collab: listening for access changes failed'));

	return {
		handleUpgrade(request, socket, head) {
			const documentId = documentIdFromPath(request.url);
			if (documentId === undefined) return false;
			socket.on('error', () => socket.destroy());
			if (closing) refuse(socket, 503, 'server is restarting');
			else if (documentId === null) refuse(socket, 404, 'no such document');
			else if (!sameOrigin(request)) refuse(socket, 403, 'cross-site socket refused');
			else if (pendingUpgrades >= settings.maxPendingUpgrades) refuse(socket, 503, 'too many connections opening');
			else {
				pendingUpgrades += 1;
				admitAndAttach(request, socket, head, documentId)
					.catch((error) => {
						log.error({ err: error, documentId }, 'collab: admitting a socket failed');
						refuse(socket, 503, 'try again shortly');
					})
					.finally(() => (pendingUpgrades -= 1));
			}
			return true;
		},

		async encodeState(documentId) {
			const { room, release } = await hold(documentId);
			try {
				return room.wholeState();
			} finally {
				release();
			}
		},

		async restore(documentId, state, userId) {
			const { room, release } = await hold(documentId);
			try {
				room.replaceContent(state, { userId });
				// Everyone already sees the change; a failed store is retried while the room stays open.
				await room.flush().catch(() => {});
			} finally {
				release();
			}
		},

		async change(documentId, userId, apply) {
			const { room, release } = await hold(documentId);
			try {
				const result = apply(room.doc, { userId });
				await room.flush();
				return result;
			} finally {
				release();
			}
		},

		async project(documentId) {
			const room = await rooms.get(documentId)?.ready.catch(() => null);
			await room?.projectNow();
		},

		async close() {
			closing = true;
			await (await listening.catch(() => null))?.();
			clearInterval(heartbeat);
			for (const connection of connections) connection.close(CLOSE.shuttingDown, 'server is restarting');
			await Promise.allSettled(
				[...rooms.values()].map(async (entry) => {
					if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
					await entry.ready.catch(() => null);
					await entry.room.settle();
					entry.room.destroy();
				})
			);
			rooms.clear();
			writer.stop();
			await bus.close();
			wss.close();
		},

		stats: () => ({ documents: rooms.size, connections: connections.size })
	};
}

function refuse(socket: Duplex, status: number, reason: string) {
	if (!socket.writable) return socket.destroy();
	socket.end(plainResponse(status, reason));
}
