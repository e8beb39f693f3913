// One simulated person: a real Yjs client holding a Tiptap-shaped document,
// connected through the provider the browser would use — y-websocket's
// WebsocketProvider for Trama and @y/websocket-server, @hocuspocus/provider
// for Hocuspocus — over the `ws` package (sending the session cookie the
// browser would send). Awareness carries a Tiptap-CollaborationCaret-like
// user field, as an open editor would.
//
// A client made with { dropUpdates: true } (W2's editors) reads every message
// the server sends it off its socket, as any client does, but drops the
// document updates among them instead of handing them to its provider: it
// sends its own edits and applies nothing of the others'. Its sync at
// connection, presence and everything else go through as usual.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { Endpoint, Protocol } from '../systems/types.ts';
import { now } from '../stats.ts';

export interface BenchClient {
	doc: Y.Doc;
	/** ms from creating the socket to the provider's `synced` event. */
	synced: Promise<number>;
	/** ms from creating the socket until `Y.Map('bench').seal` equals `seal` (and synced). */
	content(seal: string): Promise<number>;
	destroy(): void;
}

/**
 * WebSocket traffic of every client in this process, as the clients see it;
 * `dropped`: updates read and not applied; `opened`: sockets opened (reconnections, during a run).
 */
export const traffic = { messages: 0, bytes: 0, sentMessages: 0, sentBytes: 0, dropped: 0, opened: 0 };

type Incoming = Buffer | ArrayBuffer | Buffer[];
const asBytes = (data: Incoming): Uint8Array =>
	Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
const sizeOf = (data: Incoming): number => (Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength);

// y-protocols' sync message types: 0 step 1, 1 step 2, 2 update.
const SYNC = 0;
const SYNC_UPDATE = 2;
/** Hocuspocus's SyncReply: a sync message that does not ask back. */
const HOCUSPOCUS_SYNC_REPLY = 4;

/**
 * Whether a server message is a document update (sync message type 2): in
 * y-websocket's framing [0, 2, update], in Hocuspocus's [document name, 0 | 4, 2, update].
 */
export function isDocumentUpdate(message: Uint8Array, protocol: Protocol): boolean {
	try {
		const decoder = decoding.createDecoder(message);
		if (protocol === 'hocuspocus') decoding.readVarString(decoder);
		const type = decoding.readVarUint(decoder);
		if (type !== SYNC && !(protocol === 'hocuspocus' && type === HOCUSPOCUS_SYNC_REPLY)) return false;
		return decoding.readVarUint(decoder) === SYNC_UPDATE;
	} catch {
		return false;
	}
}

const socketClasses = new Map<string, typeof WebSocket>();
/**
 * A WebSocket class that sends these headers, as both providers construct
 * `new WebSocketPolyfill(url[, protocols])`; with `dropUpdates`, document
 * updates are read off the socket and not passed on to the provider.
 */
function socketWith(headers: Record<string, string>, protocol: Protocol, dropUpdates: boolean): typeof WebSocket {
	const key = JSON.stringify([headers, protocol, dropUpdates]);
	let cls = socketClasses.get(key);
	if (!cls) {
		cls = class extends WebSocket {
			constructor(url: string, protocols?: string | string[]) {
				super(url, protocols, { headers });
				traffic.opened++;
				const send = this.send.bind(this);
				this.send = ((data: Uint8Array, ...rest: unknown[]) => {
					traffic.sentMessages++;
					traffic.sentBytes += data.byteLength;
					return (send as (...args: unknown[]) => void)(data, ...rest);
				}) as typeof this.send;
			}

			// ws hands each received message to its listeners (the provider's
			// onmessage / addEventListener among them) through this one call.
			override emit(event: string | symbol, ...args: any[]): boolean {
				if (event === 'message') {
					const data = args[0] as Incoming;
					traffic.messages++;
					traffic.bytes += sizeOf(data);
					if (dropUpdates && isDocumentUpdate(asBytes(data), protocol)) {
						traffic.dropped++;
						return true;
					}
				}
				return super.emit(event, ...args);
			}
		} as typeof WebSocket;
		socketClasses.set(key, cls);
	}
	return cls;
}

export function connect(endpoint: Endpoint, userName: string, options: { dropUpdates?: boolean } = {}): BenchClient {
	const Socket = socketWith(endpoint.headers, endpoint.protocol, options.dropUpdates ?? false);
	const doc = new Y.Doc();
	const started = now();
	let resolveSynced!: (ms: number) => void;
	const synced = new Promise<number>((resolve) => (resolveSynced = resolve));
	let syncedAt = 0;
	const onSynced = () => {
		if (syncedAt) return;
		syncedAt = now();
		resolveSynced(syncedAt - started);
	};
	const user = { name: userName, color: '#1f6feb' };
	let destroy: () => void;
	if (endpoint.protocol === 'y-websocket') {
		const provider = new WebsocketProvider(endpoint.url, endpoint.room, doc, {
			WebSocketPolyfill: Socket as any,
			// Node has BroadcastChannel: without this, clients in one worker would
			// exchange updates behind the server's back.
			disableBc: true,
			maxBackoffTime: 2_500
		});
		provider.awareness.setLocalStateField('user', user);
		provider.on('sync', (state: boolean) => state && onSynced());
		destroy = () => provider.destroy();
	} else {
		const socket = new HocuspocusProviderWebsocket({
			url: endpoint.url,
			WebSocketPolyfill: Socket
		});
		const provider = new HocuspocusProvider({ websocketProvider: socket, name: endpoint.room, document: doc });
		provider.attach();
		provider.setAwarenessField('user', user);
		provider.on('synced', ({ state }: { state: boolean }) => state && onSynced());
		destroy = () => {
			provider.destroy();
			socket.destroy();
		};
	}
	return {
		doc,
		synced,
		content(seal) {
			const bench = doc.getMap('bench');
			return new Promise<number>((resolve) => {
				const check = () => {
					if (syncedAt && bench.get('seal') === seal) {
						bench.unobserve(check);
						resolve(Math.max(syncedAt, now()) - started);
						return true;
					}
					return false;
				};
				if (check()) return;
				bench.observe(check);
				synced.then(check);
			});
		},
		destroy: () => {
			destroy();
			doc.destroy();
		}
	};
}
