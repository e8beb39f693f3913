import { isUuid } from '../../uuid.ts';
import type { ByteRange } from './store.ts';

/**
 * Keys are made by the server with randomUUID(), which writes lower case.
 * Anything else reaching a store is a bug upstream, maybe a client's value
 * that slipped through: refusing it here means such a bug can never name a
 * path outside the store, another bucket's object, or the same object twice
 * under two spellings.
 */
export function assertObjectKey(key: string): void {
	if (typeof key !== 'string' || !isUuid(key) || key !== key.toLowerCase()) {
		throw new TypeError(`not an object key: ${JSON.stringify(key)}`);
	}
}

/** A range a store can pass on as it is: whole bytes, first ≤ last. Keeping it within the object is the caller's part: it knows the size. */
export function assertByteRange({ first, last }: ByteRange): void {
	if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || first < 0 || last < first) {
		throw new RangeError(`not a byte range: ${first}-${last}`);
	}
}
