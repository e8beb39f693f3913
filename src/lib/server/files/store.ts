import type { Readable } from 'node:stream';

/** Bytes first..last of an object, both included, as HTTP ranges count them. */
export interface ByteRange {
	first: number;
	last: number;
}

/**
 * Where a file's bytes live: local disk in the embedded mode, Supabase
 * Storage when the Supabase settings are present. Keys are chosen by the
 * server (a UUID per stored object), never by whoever uploaded the file.
 * Who may read or write which object is decided by the database before
 * the store is touched; the store itself trusts its caller.
 */
export interface FileStore {
	readonly kind: 'disk' | 'supabase';
	/**
	 * Streams body under key. The object becomes readable only once every
	 * byte is stored: if body errors or signal aborts, put rejects and
	 * leaves nothing behind under key (nor any temporary object).
	 */
	put(key: string, body: Readable, signal?: AbortSignal): Promise<void>;
	/** The object's bytes, or only those in range; rejects with ObjectMissing when there is no such object. */
	get(key: string, range?: ByteRange): Promise<Readable>;
	/** Removes the objects; keys that name nothing are ignored. */
	remove(keys: string[]): Promise<void>;
}

export class ObjectMissing extends Error {
	constructor(key: string) {
		super(`no stored object ${key}`);
		this.name = 'ObjectMissing';
	}
}
