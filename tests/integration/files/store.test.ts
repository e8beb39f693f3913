import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../collab/harness.ts';
import { unique } from '../factories.ts';
import { startFakeStorage, type FakeStorage } from '../fake-storage.ts';
import { bytesOf, digestOf, generatedBody, MB, sha256 } from './bodies.ts';
import { openDiskStore } from '../../../src/lib/server/files/disk.ts';
import { openStore } from '../../../src/lib/server/files/open-store.ts';
import { openSupabaseStore, type SupabaseStoreSettings } from '../../../src/lib/server/files/supabase.ts';
import { ObjectMissing, type FileStore } from '../../../src/lib/server/files/store.ts';

// One contract, two stores: local disk in a temporary folder, and Supabase
// Storage through the real supabase-js and fetch against a fake Storage
// server (fake-storage.ts). Whatever a store is, a key names a complete
// object or nothing.

interface Subject {
	store: FileStore;
	/** Files of puts still under way, where the store keeps its bytes: temporary files, partial uploads. */
	partials(): Promise<string[]>;
	close(): Promise<void>;
}

const tempDir = (name: string) => mkdtemp(path.join(os.tmpdir(), `trama-${name}-`));

const subjects: { name: string; open(): Promise<Subject> }[] = [
	{
		name: 'disk',
		async open() {
			const dir = await tempDir('disk-store');
			return {
				store: await openDiskStore(dir),
				partials: () => readdir(path.join(dir, 'tmp')),
				close: () => rm(dir, { recursive: true, force: true })
			};
		}
	},
	{
		name: 'supabase',
		async open() {
			const fake = await startFakeStorage();
			return {
				store: await openSupabaseStore({ url: fake.url, serviceKey: fake.serviceKey, bucket: 'trama-files' }),
				partials: () => fake.partialUploads(),
				close: () => fake.close()
			};
		}
	}
];

/**
 * The largest growth of the process's RSS over its value at the start,
 * sampled while fn runs. Garbage is collected before each sample (the
 * integration project runs with --expose-gc): what counts is what the
 * process holds on to, not how long V8 waits before freeing spent chunks.
 */
async function rssGrowthDuring(fn: () => Promise<unknown>): Promise<number> {
	globalThis.gc?.();
	const start = process.memoryUsage().rss;
	let peak = start;
	const sample = () => {
		globalThis.gc?.();
		peak = Math.max(peak, process.memoryUsage().rss);
	};
	const timer = setInterval(sample, 50);
	try {
		await fn();
	} finally {
		clearInterval(timer);
		sample();
	}
	return peak - start;
}

describe.each(subjects)('the $name store', ({ open }) => {
	let subject: Subject;
	let store: FileStore;
	beforeAll(async () => {
		subject = await open();
		store = subject.store;
	});
	afterAll(() => subject?.close());

	const stored = async (bytes: Buffer) => {
		const key = randomUUID();
		await store.put(key, Readable.from([bytes]));
		return key;
	};
	const nothingLeftOf = async (key: string) => {
		await expect(store.get(key)).rejects.toBeInstanceOf(ObjectMissing);
		// A store may finish tidying just after put rejected (a server sees the cut-off request a moment later).
		await eventually(async () => expect(await subject.partials()).toEqual([]));
	};

	it.each([
		['nothing', 0],
		['one byte', 1],
		['20 MB', 20 * MB]
	])('gives back exactly what it stored: %s', async (_, size) => {
		const key = randomUUID();
		const body = generatedBody(size);
		await store.put(key, body.stream);
		expect(await digestOf(await store.get(key))).toEqual({ sha256: body.sha256(), bytes: size });
		expect(await subject.partials()).toEqual([]);
	});

	it('serves ranges: first to last, from an offset to the end, the first and the last byte alone', async () => {
		const bytes = randomBytes(MB + 17);
		const key = await stored(bytes);
		const end = bytes.length - 1;
		for (const [first, last] of [
			[1000, 4999],
			[end - 70_000, end],
			[0, 0],
			[end, end]
		]) {
			const got = await bytesOf(await store.get(key, { first, last }));
			expect({ first, last, bytes: got.length, sha256: sha256(got) }).toEqual({
				first,
				last,
				bytes: last - first + 1,
				sha256: sha256(bytes.subarray(first, last + 1))
			});
		}
	});

	it('refuses a range that is not one', async () => {
		const key = await stored(randomBytes(100));
		for (const range of [
			{ first: 10, last: 9 },
			{ first: -1, last: 9 },
			{ first: 0.5, last: 9 }
		]) {
			await expect(store.get(key, range)).rejects.toThrow(RangeError);
		}
	});

	it('answers a missing key with ObjectMissing, and removing it is a no-op', async () => {
		const key = randomUUID();
		const missing = await store.get(key).catch((error: unknown) => error);
		expect(missing).toBeInstanceOf(ObjectMissing);
		expect((missing as Error).message).toContain(key);
		await expect(store.remove([key])).resolves.toBeUndefined();
		await expect(store.get(key, { first: 0, last: 0 })).rejects.toBeInstanceOf(ObjectMissing);
	});

	it('removes an object, and a second removal is a no-op', async () => {
		const kept = await stored(Buffer.from('resta'));
		const key = await stored(Buffer.from('da togliere'));
		await store.remove([key]);
		await expect(store.get(key)).rejects.toBeInstanceOf(ObjectMissing);
		await expect(store.remove([key])).resolves.toBeUndefined();
		expect((await bytesOf(await store.get(kept))).toString()).toBe('resta');
	});

	it('removes more objects at once than Storage takes in one request', async () => {
		const keys = Array.from({ length: 1001 }, () => randomUUID());
		for (const key of keys) await store.put(key, Readable.from([Buffer.from(key)]));
		await store.remove(keys);
		for (const key of [keys[0], keys[999], keys[1000]]) {
			await expect(store.get(key)).rejects.toBeInstanceOf(ObjectMissing);
		}
	});

	it('refuses to put a key that exists, and keeps the object stored first', async () => {
		const key = await stored(Buffer.from('prima versione'));
		await expect(store.put(key, Readable.from([Buffer.from('sovrascritta')]))).rejects.toThrow();
		expect((await bytesOf(await store.get(key))).toString()).toBe('prima versione');
		expect(await subject.partials()).toEqual([]);
	});

	it('shows nothing under a key until its last byte is stored', async () => {
		const key = randomUUID();
		const body = new PassThrough();
		const head = randomBytes(MB);
		body.write(head);
		const putting = store.put(key, body);
		await eventually(async () => expect(await subject.partials()).toHaveLength(1));
		await expect(store.get(key)).rejects.toBeInstanceOf(ObjectMissing);
		const tail = randomBytes(MB);
		body.end(tail);
		await putting;
		expect(sha256(await bytesOf(await store.get(key)))).toBe(sha256(Buffer.concat([head, tail])));
		expect(await subject.partials()).toEqual([]);
	});

	it('a body that fails halfway: put rejects with its error and leaves nothing', async () => {
		const key = randomUUID();
		const failure = new Error('the uploader’s connection broke');
		const body = generatedBody(20 * MB, { cutAt: 5 * MB, cutWith: failure });
		await expect(store.put(key, body.stream)).rejects.toBe(failure);
		expect(body.produced()).toBe(5 * MB);
		await nothingLeftOf(key);
	});

	it('a body that stops halfway without an error (the client went away): put rejects and leaves nothing', async () => {
		const key = randomUUID();
		const body = generatedBody(20 * MB, { cutAt: 5 * MB });
		await expect(store.put(key, body.stream)).rejects.toThrow();
		await nothingLeftOf(key);
	});

	it('an abort halfway: put rejects with the reason, stops reading and leaves nothing', async () => {
		const key = randomUUID();
		const cancel = new AbortController();
		const reason = new Error('annullato da chi caricava');
		const body = generatedBody(20 * MB, { onProgress: (produced) => produced >= 5 * MB && cancel.abort(reason) });
		await expect(store.put(key, body.stream, cancel.signal)).rejects.toBe(reason);
		expect(body.stream.destroyed).toBe(true);
		expect(body.produced()).toBeLessThan(20 * MB);
		await nothingLeftOf(key);
	});

	it('an abort before the first byte: put rejects with the reason and stores nothing', async () => {
		const key = randomUUID();
		const reason = new Error('già annullato');
		const body = generatedBody(MB);
		await expect(store.put(key, body.stream, AbortSignal.abort(reason))).rejects.toBe(reason);
		await nothingLeftOf(key);
	});

	it.each([
		['empty', ''],
		['not a UUID', 'avviso-pubblico.pdf'],
		['upper case', randomUUID().toUpperCase()],
		['a path', `../../${randomUUID()}`],
		['a UUID and a path', `${randomUUID()}/../x`],
		['a UUID and a newline', `${randomUUID()}\n`]
	])('refuses a key that is not a lower-case UUID: %s', async (_, key) => {
		const body = Readable.from([Buffer.from('x')]);
		await expect(store.put(key, body)).rejects.toThrow(TypeError);
		expect(body.destroyed).toBe(true);
		await expect(store.get(key)).rejects.toThrow(TypeError);
		// Checked before anything is removed.
		const kept = await stored(Buffer.from('resta'));
		await expect(store.remove([kept, key])).rejects.toThrow(TypeError);
		expect((await bytesOf(await store.get(kept))).toString()).toBe('resta');
		expect(await subject.partials()).toEqual([]);
	});

	it('keeps memory bounded: 300 MB in and out grow the process by less than 64 MB', { timeout: 300_000 }, async () => {
		const key = randomUUID();
		const size = 300 * MB;
		const body = generatedBody(size);
		const growthIn = await rssGrowthDuring(() => store.put(key, body.stream));
		let read: { sha256: string; bytes: number } | undefined;
		const growthOut = await rssGrowthDuring(async () => (read = await digestOf(await store.get(key))));
		await store.remove([key]);
		expect(read).toEqual({ sha256: body.sha256(), bytes: size });
		expect(growthIn / MB).toBeLessThan(64);
		expect(growthOut / MB).toBeLessThan(64);
	});
});

describe('the disk store on its own', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await tempDir('disk-store');
	});
	afterAll(() => rm(dir, { recursive: true, force: true }));

	it('keeps each object at objects/<first two characters>/<key>, readable by this account alone', async () => {
		const store = await openDiskStore(dir);
		const key = randomUUID();
		await store.put(key, Readable.from([Buffer.from('firmato')]));
		const file = await stat(path.join(dir, 'objects', key.slice(0, 2), key));
		expect({ size: file.size, mode: file.mode & 0o777 }).toEqual({ size: 7, mode: 0o600 });
	});

	it('sweeps temporary files older than a day when it opens, and leaves younger ones to their writers', async () => {
		await openDiskStore(dir);
		const stale = path.join(dir, 'tmp', `${randomUUID()}.crashed`);
		const live = path.join(dir, 'tmp', `${randomUUID()}.writing`);
		await writeFile(stale, 'half a file');
		await writeFile(live, 'being written');
		const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
		await utimes(stale, twoDaysAgo, twoDaysAgo);
		await openDiskStore(dir);
		expect(await readdir(path.join(dir, 'tmp'))).toEqual([path.basename(live)]);
	});
});

describe('the supabase store against Storage’s answers', () => {
	let fake: FakeStorage;
	beforeAll(async () => {
		fake = await startFakeStorage();
	});
	afterAll(() => fake?.close());

	const open = (settings: Partial<SupabaseStoreSettings> = {}) =>
		openSupabaseStore({ url: fake.url, serviceKey: fake.serviceKey, bucket: 'trama-files', ...settings });

	it('creates its bucket, private, on first open, and opens again on the bucket it finds', async () => {
		const bucket = unique('files');
		await open({ bucket });
		expect(fake.buckets.get(bucket)?.public).toBe(false);
		await expect(open({ bucket })).resolves.toMatchObject({ kind: 'supabase' });
		expect(fake.buckets.get(bucket)?.public).toBe(false);
	});

	it('refuses to open on a public bucket', async () => {
		const bucket = unique('public');
		fake.buckets.set(bucket, { public: true, createdAt: new Date().toISOString() });
		await expect(open({ bucket })).rejects.toThrow(/public/);
	});

	it('refuses to open with a key the project does not know', async () => {
		await expect(open({ serviceKey: 'sb_secret_not-this-project', bucket: unique('files') })).rejects.toThrow(
			/Invalid API key/
		);
	});

	it('uploads without asking Storage to overwrite (x-upsert: false)', async () => {
		const store = await open();
		const from = fake.requests.length;
		await store.put(randomUUID(), Readable.from([Buffer.from('x')]));
		const [upload] = fake.requests.slice(from);
		expect(upload).toMatchObject({ method: 'POST', status: 200, upsert: 'false' });
	});

	it('a failing Storage is an error, never a missing object or a stored one', async () => {
		const store = await open();
		const key = randomUUID();
		fake.failNext();
		await expect(store.put(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(/500 InternalError/);
		await expect(store.get(key)).rejects.toBeInstanceOf(ObjectMissing);
		await store.put(key, Readable.from([Buffer.from('x')]));
		fake.failNext();
		const failure = await store.get(key).catch((error: unknown) => error);
		expect(failure).not.toBeInstanceOf(ObjectMissing);
		expect((failure as Error).message).toMatch(/500 InternalError/);
	});

	it('refuses a whole object sent where a range was asked', async () => {
		const store = await open();
		const key = randomUUID();
		await store.put(key, Readable.from([randomBytes(1000)]));
		fake.settings.honourRanges = false;
		try {
			await expect(store.get(key, { first: 10, last: 19 })).rejects.toThrow(/200 where 206/);
		} finally {
			fake.settings.honourRanges = true;
		}
	});
});

describe('openStore', () => {
	it('opens the store the settings name: a folder on disk, or a bucket in Supabase Storage', async () => {
		const dir = await tempDir('open-store');
		const fake = await startFakeStorage();
		try {
			expect((await openStore({ kind: 'disk', dir })).kind).toBe('disk');
			expect((await readdir(dir)).sort()).toEqual(['objects', 'tmp']);
			const settings = { kind: 'supabase', url: fake.url, serviceKey: fake.serviceKey, bucket: 'trama-files' } as const;
			expect((await openStore(settings)).kind).toBe('supabase');
			expect(fake.buckets.get('trama-files')?.public).toBe(false);
		} finally {
			await fake.close();
			await rm(dir, { recursive: true, force: true });
		}
	});
});
