import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { log } from '../log.ts';
import { ObjectMissing, type FileStore } from './store.ts';
import { assertByteRange, assertObjectKey } from './store-input.ts';

export interface SupabaseStoreSettings {
	/** The project URL; Storage answers under /storage/v1. */
	url: string;
	/** The service-role (secret) key: Trama has decided who may do what before it touches Storage. */
	serviceKey: string;
	bucket: string;
}

/** Node's fetch sends a stream only when told `duplex: 'half'`, which the DOM types do not know yet. */
type StreamingRequestInit = RequestInit & { duplex: 'half' };

/** Storage's DELETE /object/{bucket} takes at most this many names at once. */
const REMOVE_BATCH = 1000;

/**
 * Objects in a private Supabase Storage bucket.
 *
 * Bucket management and removal go through supabase-js. Uploads and
 * downloads talk to the Storage REST API with fetch, because supabase-js
 * would not stream them safely: its upload takes no AbortSignal, so a
 * cancelled upload could not be stopped; its download buffers the whole
 * object in a Blob, and its asStream() hides the status, so a range the
 * server ignored (200 and the whole object) could not be told from a 206.
 */
export async function openSupabaseStore(o: SupabaseStoreSettings): Promise<FileStore> {
	const client = createClient(o.url, o.serviceKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
	await ensurePrivateBucket(client, o.bucket);
	const bucket = client.storage.from(o.bucket);

	const storage = new URL('storage/v1/', o.url.endsWith('/') ? o.url : `${o.url}/`);
	const objectUrl = (key: string) => new URL(`object/${encodeURIComponent(o.bucket)}/${key}`, storage);
	// What supabase-js sends: the key as apikey for the API gateway, and as the bearer token for Storage.
	const credentials = { apikey: o.serviceKey, authorization: `Bearer ${o.serviceKey}` };

	const remove = async (keys: string[]) => {
		keys.forEach(assertObjectKey);
		for (let start = 0; start < keys.length; start += REMOVE_BATCH) {
			// Names that match nothing are simply not in the answer.
			const { error } = await bucket.remove(keys.slice(start, start + REMOVE_BATCH));
			if (error) throw new Error(`Supabase Storage refused to remove objects: ${error.message}`, { cause: error });
		}
	};

	return {
		kind: 'supabase',

		async put(key, body, signal) {
			// One controller ends the request whichever gives up first: the caller or the body.
			const upload = new AbortController();
			let bodyError: unknown;
			const onBodyError = (error: unknown) => {
				bodyError ??= error;
				upload.abort(error);
			};
			const onAbort = () => upload.abort(signal?.reason);
			body.once('error', onBodyError);
			signal?.addEventListener('abort', onAbort, { once: true });
			let sent = false;
			let answered = false;
			try {
				assertObjectKey(key);
				signal?.throwIfAborted();
				sent = true;
				const request: StreamingRequestInit = {
					method: 'POST',
					// Refused, never overwritten, when the key exists. The type Trama serves is the one
					// its database holds, detected from the bytes; Storage's copy is never shown.
					headers: { ...credentials, 'content-type': 'application/octet-stream', 'x-upsert': 'false' },
					body: Readable.toWeb(body) as ReadableStream<Uint8Array>,
					duplex: 'half',
					// With any other mode undici's fetch clones the request to replay it after a
					// redirect; the clone tees the body and keeps every byte sent (nodejs/undici#4058).
					// Storage never redirects an upload.
					redirect: 'error',
					signal: upload.signal
				};
				const response = await fetch(objectUrl(key), request);
				answered = true;
				if (!response.ok) throw refusalError(`store ${key}`, await readRefusal(response));
				// Stored. The small JSON answer is read only so the connection can be reused.
				await response.arrayBuffer().catch(() => undefined);
			} catch (error) {
				body.destroy();
				upload.abort();
				// Storage shows an object only once its upload completed, so an interrupted request
				// leaves nothing, except when it completed just as the answer was lost. The key is a
				// fresh UUID no one else uses: removing it clears that case and harms nothing.
				if (sent && !answered) {
					await remove([key]).catch((cleanup: unknown) =>
						log.error({ err: cleanup, storageKey: key }, 'could not remove the object of an interrupted upload')
					);
				}
				throw signal?.aborted ? signal.reason : (bodyError ?? error);
			} finally {
				body.off('error', onBodyError);
				signal?.removeEventListener('abort', onAbort);
			}
		},

		async get(key, range) {
			assertObjectKey(key);
			if (range) assertByteRange(range);
			const response = await fetch(objectUrl(key), {
				headers: range ? { ...credentials, range: `bytes=${range.first}-${range.last}` } : credentials
			});
			if (!response.ok) {
				const refusal = await readRefusal(response);
				throw isMissing(refusal) ? new ObjectMissing(key) : refusalError(`read ${key}`, refusal);
			}
			const expected = range ? 206 : 200;
			if (response.status !== expected) {
				await response.body?.cancel();
				throw new Error(`Supabase Storage answered ${response.status} where ${expected} was due, reading ${key}`);
			}
			return response.body ? Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>) : Readable.from([]);
		},

		remove
	};
}

/** Creates the bucket, private; if it exists already, makes sure it is private. */
async function ensurePrivateBucket(client: SupabaseClient, name: string): Promise<void> {
	const created = await client.storage.createBucket(name, { public: false });
	if (!created.error) return;
	// Storage answers a duplicate with HTTP 400 and the real status, 409, in the body.
	if (created.error.statusCode !== '409') {
		throw new Error(`Supabase Storage: cannot create the bucket "${name}": ${created.error.message}`, { cause: created.error });
	}
	const existing = await client.storage.getBucket(name);
	if (existing.error) {
		throw new Error(`Supabase Storage: cannot read the bucket "${name}": ${existing.error.message}`, { cause: existing.error });
	}
	if (existing.data.public) {
		throw new Error(
			`The Supabase Storage bucket "${name}" is public: anyone with a link could read the files ` +
				`without Trama's permission checks. Make it private, or name another bucket in TRAMA_FILES_BUCKET.`
		);
	}
}

/** Storage's error body. Most refusals come with HTTP 400 and the meaningful status in statusCode. */
interface Refusal {
	statusCode: string;
	code: string | undefined;
	message: string;
}

async function readRefusal(response: Response): Promise<Refusal> {
	const text = await response.text().catch(() => '');
	let body: Record<string, unknown> = {};
	try {
		const parsed: unknown = JSON.parse(text);
		if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
	} catch {
		// not JSON: a proxy's page, say; the text itself is the message
	}
	return {
		statusCode: String(body.statusCode ?? response.status),
		code: typeof body.code === 'string' ? body.code : undefined,
		message: String(body.message ?? body.error ?? (text || response.statusText))
	};
}

/** NoSuchKey; older Storage versions say only statusCode 404 with no code (NoSuchBucket is not a missing object). */
const isMissing = (refusal: Refusal) =>
	refusal.code === 'NoSuchKey' || (refusal.code === undefined && refusal.statusCode === '404');

const refusalError = (action: string, { statusCode, code, message }: Refusal) =>
	new Error(`Supabase Storage refused to ${action}: ${[statusCode, code, message].filter(Boolean).join(' ')}`);
