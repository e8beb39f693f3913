// The browser's own copies of documents (IndexedDB, through y-indexeddb)
// belong to the person who made them. Public offices share computers: a
// copy is named by its person, so someone else signing in on the same
// browser never loads it (and never sends its edits under their own name),
// and signing out removes the person's copies. What was typed offline and
// has not reached the server yet is listed, so that signing out can say
// what would be lost.

const PREFIX = 'trama:';
/** Before copies were named by their person: nobody's, so removed at any sign-out. */
const UNOWNED = /^trama:[0-9a-f-]{36}$/i;

/** The IndexedDB database holding `userId`'s copy of a document. */
export const localCopyName = (userId: string, documentId: string) => `${PREFIX}${userId}:${documentId}`;

export interface UnsyncedDocument {
	id: string;
	title: string;
	/** The page it was written on, to go back and send it. */
	path: string;
}

const unsyncedKey = (userId: string) => `${PREFIX}unsynced:${userId}`;

/** The person's documents with edits made here that the server has not had yet. */
export function unsyncedDocuments(userId: string): UnsyncedDocument[] {
	try {
		const list = JSON.parse(localStorage.getItem(unsyncedKey(userId)) ?? '[]');
		const wellFormed = (d: UnsyncedDocument) => [d?.id, d?.title, d?.path].every((field) => typeof field === 'string');
		return Array.isArray(list) ? list.filter(wellFormed) : [];
	} catch {
		return [];
	}
}

function saveUnsynced(userId: string, list: UnsyncedDocument[]) {
	if (list.length === 0) localStorage.removeItem(unsyncedKey(userId));
	else localStorage.setItem(unsyncedKey(userId), JSON.stringify(list));
}

export function markUnsynced(userId: string, document: UnsyncedDocument): void {
	const list = unsyncedDocuments(userId);
	if (!list.some((d) => d.id === document.id)) saveUnsynced(userId, [...list, document]);
}

export function markSynced(userId: string, documentId: string): void {
	const list = unsyncedDocuments(userId);
	if (list.some((d) => d.id === documentId)) saveUnsynced(userId, list.filter((d) => d.id !== documentId));
}

function deleteDatabase(name: string): Promise<void> {
	return new Promise((resolve) => {
		const request = indexedDB.deleteDatabase(name);
		// Blocked means a tab still has it open: it goes once that tab lets go.
		request.onsuccess = request.onerror = request.onblocked = () => resolve();
	});
}

/** Removes the person's copies (and any nobody owns) and their list of unsent edits. */
export async function forgetLocalCopies(userId: string): Promise<void> {
	const mine = `${PREFIX}${userId}:`;
	const names = (await indexedDB.databases()).map((db) => db.name ?? '');
	await Promise.all(names.filter((name) => name.startsWith(mine) || UNOWNED.test(name)).map(deleteDatabase));
	saveUnsynced(userId, []);
}
