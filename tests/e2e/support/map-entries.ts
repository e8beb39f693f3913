import { expect, type Page } from '@playwright/test';
import { blankEntry, type MapEntry } from '../../../src/lib/map/entry.ts';
import { putEntries, readEntries } from '../../../src/lib/map/entries-doc.ts';
import { collabClient } from './collab-client.ts';

// Entries put into a map the way a person's browser would, through a
// collab client speaking for the signed-in person of `page`, so specs can
// start from many entries without clicking each one in.

/** An entry with a fresh id and the given fields; the rest are blank. */
export const entry = (fields: Partial<MapEntry> & Pick<MapEntry, 'name'>): MapEntry => blankEntry(crypto.randomUUID(), fields);

/**
 * Adds `entries` to the map whose entries page is `entriesPath`, as the person
 * signed in on `page`, and waits until the server has them: a second client
 * that connects afterwards must see them all.
 */
export async function putMapEntries(page: Page, entriesPath: string, entries: MapEntry[]): Promise<void> {
	const documentId = entriesPath.split('/').at(-2)!;
	const writer = await collabClient(page, documentId);
	try {
		await writer.synced;
		putEntries(writer.doc, entries);
		await expect(async () => {
			const reader = await collabClient(page, documentId);
			try {
				await reader.synced;
				const ids = new Set(readEntries(reader.doc).entries.map((e) => e.id));
				expect(entries.every((e) => ids.has(e.id))).toBe(true);
			} finally {
				reader.destroy();
			}
		}).toPass({ timeout: Math.max(10_000, entries.length * 5) }); // thousands take a while to store and send back whole

	} finally {
		writer.destroy();
	}
}
