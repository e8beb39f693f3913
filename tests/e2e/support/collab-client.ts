import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

// A real y-websocket client in the test process, speaking for the person
// signed in on a page (their session cookie): what a browser's socket does,
// without its editor, so a spec can send what no page would.

export interface CollabClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** Resolves once the server's copy is in. */
	synced: Promise<void>;
	destroy(): void;
}

export async function collabClient(page: Page, documentId: string): Promise<CollabClient> {
	const origin = new URL(page.url()).origin;
	const cookie = (await page.context().cookies(origin)).map((c) => `${c.name}=${c.value}`).join('; ');
	const doc = new Y.Doc();
	const Socket = class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers: { cookie, origin } });
		}
	};
	const provider = new WebsocketProvider(`${origin.replace(/^http/, 'ws')}/collab`, documentId, doc, {
		WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
	return { doc, provider, synced, destroy: () => (provider.destroy(), doc.destroy()) };
}
