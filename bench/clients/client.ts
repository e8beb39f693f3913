// One simulated person: a real Yjs client holding a Tiptap-shaped document,
// connected through the provider the browser would use — y-websocket's
// WebsocketProvider for Trama and @y/websocket-server, @hocuspocus/provider
// for Hocuspocus — over the `ws` package (sending the session cookie the
// browser would send). Awareness carries a Tiptap-CollaborationCaret-like
// user field, as an open editor would.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Endpoint } from '../systems/types.ts';
import { now } from '../stats.ts';

export interface BenchClient {
	doc: Y.Doc;
	/** ms from creating the socket to the provider's `synced` event. */
	synced: Promise<number>;
	/** ms from creating the socket until `Y.Map('bench').seal` equals `seal` (and synced). */
	content(seal: string): Promise<number>;
	destroy(): void;
}

/** WebSocket traffic of every client in this process, as the clients see it. */
export const traffic = { messages: 0, bytes: 0, sentMessages: 0, sentBytes: 0 };

const socketClasses = new Map<string, typeof WebSocket>();
/** A WebSocket class that sends these headers, as both providers construct `new WebSocketPolyfill(url[, protocols])`. */
function socketWith(headers: Record<string, string>): typeof WebSocket {
	const key = JSON.stringify(headers);
	let cls = socketClasses.get(key);
	if (!cls) {
		cls = class extends WebSocket {
			constructor(url: string, protocols?: string | string[]) {
				super(url, protocols, { headers });
				this.on('message', (data: Buffer | ArrayBuffer) => {
					traffic.messages++;
					traffic.bytes += data.byteLength;
				});
				const send = this.send.bind(this);
				this.send = ((data: Uint8Array, ...rest: unknown[]) => {
					traffic.sentMessages++;
					traffic.sentBytes += data.byteLength;
					return (send as (...args: unknown[]) => void)(data, ...rest);
				}) as typeof this.send;
			}
		} as typeof WebSocket;
		socketClasses.set(key, cls);
	}
	return cls;
}

export function connect(endpoint: Endpoint, userName: string): BenchClient {
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
			WebSocketPolyfill: socketWith(endpoint.headers) as any,
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
			WebSocketPolyfill: socketWith(endpoint.headers)
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
