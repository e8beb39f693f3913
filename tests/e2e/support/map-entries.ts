import { expect, type Page } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { blankEntry, type MapEntry } from '../../../src/lib/map/entry.ts';
import { putEntries, readEntries } from '../../../src/lib/map/entries-doc.ts';

// Entries put into a map the way a person's browser would: a real
// y-websocket client in the test process, speaking for the signed-in person
// of `page` (their session cookie), so specs can start from many entries
// without clicking each one in.

/** An entry with a fresh id and the given fields; the rest are blank. */
export const entry = (fields: Partial<MapEntry> & Pick<MapEntry, 'name'>): MapEntry => blankEntry(crypto.randomUUID(), fields);

function client(page: Page, origin: string, cookie: string, documentId: string) {
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
	return { doc, synced, destroy: () => (provider.destroy(), doc.destroy()) };
}

/**
 * Adds `entries` to the map whose entries page is `entriesPath`, as the person
 * signed in on `page`, and waits until the server has them: a second client
 * that connects afterwards must see them all.
 */
export async function putMapEntries(page: Page, entriesPath: string, entries: MapEntry[]): Promise<void> {
	const documentId = entriesPath.split('/').at(-2)!;
	const origin = new URL(page.url()).origin;
	const cookie = (await page.context().cookies(origin)).map((c) => `${c.name}=${c.value}`).join('; ');
	const writer = client(page, origin, cookie, documentId);
	try {
		await writer.synced;
		putEntries(writer.doc, entries);
		await expect(async () => {
			const reader = client(page, origin, cookie, documentId);
			try {
				await reader.synced;
				const ids = new Set(readEntries(reader.doc).entries.map((e) => e.id));
				expect(entries.every((e) => ids.has(e.id))).toBe(true);
			} finally {
				reader.destroy();
			}
		}).toPass({ timeout: 10_000 });
	} finally {
		writer.destroy();
	}
}
