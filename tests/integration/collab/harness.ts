// A collab server on a loopback port, and real y-websocket clients for it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createCollabServer, type CollabSettings } from '../../../src/lib/server/collab/index.ts';
import { FRAGMENT } from '../../../src/lib/editor/fragment.ts';
import { fragmentText } from '../../../src/lib/server/collab/text.ts';
import { embeddedAuth } from '../../../src/lib/server/auth/embedded.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';

export interface RunningCollab {
	collab: ReturnType<typeof createCollabServer>;
	port: number;
	url: string;
	close(): Promise<void>;
}

/** Settings that keep tests quick: changes stored and rooms unloaded within tens of milliseconds. */
export const QUICK: Partial<CollabSettings> = {
	flushDelayMs: 20,
	idleUnloadMs: 20,
	maxRetryDelayMs: 100,
	projectEveryMs: 0,
	compactEveryMs: 0
};

export async function startCollab(db: Database, settings: Partial<CollabSettings> = {}): Promise<RunningCollab> {
	const collab = createCollabServer({ db, auth: embeddedAuth(db), settings: { ...QUICK, ...settings } });
	const server = http.createServer((_, response) => response.writeHead(404).end());
	server.on('upgrade', (request, socket, head) => {
		if (!collab.handleUpgrade(request, socket, head)) socket.destroy();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		collab,
		port,
		url: `ws://127.0.0.1:${port}/collab`,
		async close() {
			await collab.close();
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	};
}

/** A WebSocket class that sends the person's session cookie, as a browser would. */
export function socketWithCookie(cookie: string | null) {
	return class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers: cookie ? { cookie } : {} });
		}
	};
}

export interface Client {
	doc: Y.Doc;
	provider: WebsocketProvider;
	text(): string;
	/** Appends a paragraph, as Tiptap would. */
	write(text: string): void;
	closes: { code: number; reason: string }[];
	destroy(): void;
}

export function connect(url: string, documentId: string, cookie: string | null, doc = new Y.Doc()): Client {
	const provider = new WebsocketProvider(url, documentId, doc, {
		WebSocketPolyfill: socketWithCookie(cookie) as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		maxBackoffTime: 100
	});
	const closes: Client['closes'] = [];
	provider.on('connection-close', (event) => {
		if (event) closes.push({ code: event.code, reason: event.reason });
	});
	const fragment = doc.getXmlFragment(FRAGMENT);
	return {
		doc,
		provider,
		closes,
		text: () => fragmentText(fragment),
		write(text) {
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(0, [new Y.XmlText(text)]);
			fragment.push([paragraph]);
		},
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

/** The document's paragraphs, one string each: what a test counts when every write is one paragraph. */
export function paragraphs(doc: Y.Doc): string[] {
	return doc
		.getXmlFragment(FRAGMENT)
		.toArray()
		.map((node) => (node as Y.XmlElement).toArray().map(String).join(''));
}

/** Polls until `check` stops throwing, or fails with its last error after the deadline. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			return await check();
		} catch (error) {
			if (Date.now() > deadline) throw error;
			await new Promise((resolve) => setTimeout(resolve, 15));
		}
	}
}

/** The HTTP status an upgrade request gets: 101 when the socket opens. */
export function upgradeStatus(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
	return new Promise((resolve, reject) => {
		const request = http.request({
			port,
			host: '127.0.0.1',
			path,
			headers: {
				Connection: 'Upgrade',
				Upgrade: 'websocket',
				'Sec-WebSocket-Version': '13',
				'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
				...headers
			}
		});
		request.on('upgrade', (_, socket) => {
			socket.destroy();
			resolve(101);
		});
		request.on('response', (response) => {
			response.resume();
			resolve(response.statusCode ?? 0);
		});
		request.on('error', reject);
		request.end();
	});
}

/** A raw socket speaking for `cookie`, for sending what no honest client would. */
export async function rawSocket(url: string, documentId: string, cookie: string) {
	const socket = new WebSocket(`${url}/${documentId}`, { headers: { cookie } });
	const received: Uint8Array[] = [];
	const closed = new Promise<{ code: number; reason: string }>((resolve) =>
		socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
	);
	socket.on('message', (data) => received.push(new Uint8Array(data as Buffer)));
	await new Promise((resolve, reject) => {
		socket.once('open', resolve);
		socket.once('error', reject);
	});
	return { socket, received, closed };
}
