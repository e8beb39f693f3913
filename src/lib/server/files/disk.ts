import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ObjectMissing, type FileStore } from './store.ts';
import { assertByteRange, assertObjectKey } from './store-input.ts';

/**
 * A temporary file untouched for this long was left by a process that died
 * mid-upload. Younger ones may belong to another process sharing the
 * directory and still writing, so opening a store leaves them alone.
 */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Objects on local disk, the embedded mode's store: `<dir>/objects/ab/<key>`
 * (the key's first two characters spread objects over 256 folders).
 *
 * A put streams into `<dir>/tmp/<key>.<random>`, flushes it to the disk and
 * only then renames it into place. A rename within one filesystem is atomic,
 * so whatever happens (a failed body, an abort, a crash) a key names either
 * a complete file or nothing; a crash can only leave a temporary file, which
 * a later open sweeps away.
 */
export async function openDiskStore(dir: string): Promise<FileStore> {
	const objects = path.join(dir, 'objects');
	const temporary = path.join(dir, 'tmp');
	await mkdir(objects, { recursive: true, mode: 0o700 });
	await mkdir(temporary, { recursive: true, mode: 0o700 });
	await removeStale(temporary, Date.now() - STALE_AFTER_MS);

	const pathOf = (key: string) => {
		assertObjectKey(key);
		return path.join(objects, key.slice(0, 2), key);
	};

	return {
		kind: 'disk',

		async put(key, body, signal) {
			/** What this put has written so far, to take back if it fails. */
			let written: string | undefined;
			try {
				const target = pathOf(key);
				const partial = path.join(temporary, `${key}.${randomBytes(8).toString('hex')}`);
				written = partial;
				// Piped before any await: a body that fails meanwhile must already have a listener.
				await pipeline(body, createWriteStream(partial, { flags: 'wx', mode: 0o600, flush: true }), { signal });
				const folder = path.dirname(target);
				const newFolder = await mkdir(folder, { recursive: true, mode: 0o700 });
				// rename would silently replace: keys are fresh UUIDs, so a second put of one is a caller's bug to make loud.
				if (await exists(target)) throw new Error(`object ${key} exists already`);
				await rename(partial, target);
				written = target;
				// The rename itself is durable only once the folder that records it is.
				await syncDirectory(folder);
				if (newFolder) await syncDirectory(objects);
			} catch (error) {
				body.destroy();
				if (written) await rm(written, { force: true });
				throw signal?.aborted ? signal.reason : error;
			}
		},

		async get(key, range) {
			const file = pathOf(key);
			if (range) assertByteRange(range);
			// Opened first, so "missing" is decided once, not raced against a later read.
			const handle = await open(file, 'r').catch((error: unknown) => {
				throw isMissing(error) ? new ObjectMissing(key) : error;
			});
			return handle.createReadStream(range ? { start: range.first, end: range.last } : {});
		},

		async remove(keys) {
			const files = keys.map(pathOf);
			await Promise.all(files.map((file) => rm(file, { force: true })));
		}
	};
}

/** Removes the files in dir last modified before `before` (ms since the epoch). */
async function removeStale(dir: string, before: number): Promise<void> {
	for (const name of await readdir(dir)) {
		const file = path.join(dir, name);
		const info = await stat(file).catch(unlessMissing);
		if (info && info.mtimeMs < before) await rm(file, { force: true });
	}
}

async function syncDirectory(dir: string): Promise<void> {
	const handle = await open(dir, 'r');
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
}

/** Whether file exists; errors other than "no such file" (permissions, a failing disk) propagate. */
async function exists(file: string): Promise<boolean> {
	return (await stat(file).catch(unlessMissing)) !== undefined;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/** For a catch: nothing when the file is gone (another process removed it), the error otherwise. */
function unlessMissing(error: unknown): undefined {
	if (isMissing(error)) return undefined;
	throw error;
}
