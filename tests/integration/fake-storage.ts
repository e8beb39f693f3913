import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * A stand-in for Supabase Storage on a loopback port of its own, with the
 * endpoints src/lib/server/files/supabase.ts reaches: POST /bucket and
 * GET /bucket/{id} and DELETE /object/{bucket} through supabase-js,
 * POST and GET /object/{bucket}/{name} with fetch. It behaves as
 * supabase/storage does where the store relies on it:
 * - the API gateway turns away a request without the project's key as
 *   `apikey`; Storage wants a valid bearer token besides;
 * - refusals are HTTP 400 with the meaningful status inside the body,
 *   `{ statusCode, code, error, message }` (src/internal/errors);
 * - an upload becomes an object only once its body has arrived whole; a
 *   request cut off midway is discarded. Without `x-upsert: true` an
 *   existing name is refused;
 * - GET honours `Range: bytes=first-last` with 206 and Content-Range;
 * - DELETE takes at most 1,000 names and ignores those that match nothing.
 * Objects live in a temporary folder, so large uploads cost disk, not memory.
 */

export interface SeenStorageRequest {
	method: string;
	/** Path under /storage/v1, e.g. '/object/trama-files/…'. */
	path: string;
	upsert: string | undefined;
	/** What the fake answered; 0 while the request is still arriving. */
	status: number;
}

export interface FakeBucket {
	public: boolean;
	createdAt: string;
}

export interface FakeStorage {
	/** The Supabase project URL (Storage lives under /storage/v1). */
	url: string;
	serviceKey: string;
	/** Every request that reached the server, oldest first. */
	requests: SeenStorageRequest[];
	buckets: Map<string, FakeBucket>;
	settings: {
		/** Off: GET ignores Range and sends the whole object with 200, as some proxies do. */
		honourRanges: boolean;
	};
	/** The next request fails with 500, as Storage does when its database or S3 is unwell. */
	failNext(): void;
	/** Files of uploads still arriving: there while a body streams in, gone when it completes or is cut off. */
	partialUploads(): Promise<string[]>;
	close(): Promise<void>;
}

const MAX_DELETE = 1000;

class Refusal extends Error {
	constructor(
		readonly statusCode: string,
		readonly code: string,
		readonly error: string,
		message: string,
		readonly httpStatus = 400
	) {
		super(message);
	}
}

const noSuchBucket = () => new Refusal('404', 'NoSuchBucket', 'Bucket not found', 'Bucket not found');
const duplicate = () => new Refusal('409', 'ResourceAlreadyExists', 'Duplicate', 'The resource already exists');

export async function startFakeStorage(): Promise<FakeStorage> {
	const serviceKey = `sb_secret_${randomBytes(24).toString('base64url')}`;
	const root = await mkdtemp(path.join(os.tmpdir(), 'trama-fake-storage-'));
	const partialDir = path.join(root, 'partial');
	await mkdir(partialDir);
	const buckets = new Map<string, FakeBucket>();
	const requests: SeenStorageRequest[] = [];
	const settings: FakeStorage['settings'] = { honourRanges: true };
	let failing = false;

	const bucketDir = (bucket: string) => path.join(root, 'objects', encodeURIComponent(bucket));
	const objectFile = (bucket: string, name: string) => path.join(bucketDir(bucket), encodeURIComponent(name));
	const sizeOf = (file: string) => stat(file).then((info) => info.size, () => undefined);

	const readJson = async (req: http.IncomingMessage) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
	};

	const bucketJson = (id: string) => {
		const bucket = buckets.get(id)!;
		return {
			id,
			name: id,
			owner: '',
			public: bucket.public,
			type: 'STANDARD',
			file_size_limit: null,
			allowed_mime_types: null,
			created_at: bucket.createdAt,
			updated_at: bucket.createdAt
		};
	};

	/** POST /object/{bucket}/{name}: the body goes to a partial file, renamed into place once it is whole. */
	const upload = async (req: http.IncomingMessage, bucket: string, name: string) => {
		if (!buckets.has(bucket)) throw noSuchBucket();
		const upsert = req.headers['x-upsert'] === 'true';
		const target = objectFile(bucket, name);
		if (!upsert && (await sizeOf(target)) !== undefined) throw duplicate();
		const partial = path.join(partialDir, randomUUID());
		try {
			await pipeline(req, createWriteStream(partial));
		} catch (error) {
			await rm(partial, { force: true });
			throw error; // the client went away: there is no one to answer
		}
		if (!upsert && (await sizeOf(target)) !== undefined) {
			await rm(partial, { force: true });
			throw duplicate();
		}
		await mkdir(bucketDir(bucket), { recursive: true });
		await rename(partial, target);
		return { Key: `${bucket}/${name}`, Id: randomUUID() };
	};

	const handle = async (req: http.IncomingMessage, res: http.ServerResponse, seen: SeenStorageRequest) => {
		const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
			seen.status = status;
			res.writeHead(status, { 'content-type': 'application/json', ...headers });
			res.end(JSON.stringify(body));
		};
		// The API gateway in front of Storage.
		const apikey = req.headers.apikey;
		if (apikey !== serviceKey) return send(401, { message: apikey ? 'Invalid API key' : 'No API key found in request' });
		if (req.headers.authorization !== `Bearer ${serviceKey}`) {
			throw new Refusal('400', 'InvalidJWT', 'InvalidJWT', 'invalid signature');
		}
		if (failing) {
			failing = false;
			throw new Refusal('500', 'InternalError', 'InternalError', 'Internal server error', 500);
		}

		const segments = seen.path.split('/').slice(1).map(decodeURIComponent);
		const route = `${req.method} /${segments[0]}`;
		if (route === 'POST /bucket' && segments.length === 1) {
			const body = await readJson(req);
			const id = String(body.id ?? body.name);
			if (buckets.has(id)) throw new Refusal('409', 'BucketAlreadyExists', 'Duplicate', 'The resource already exists');
			buckets.set(id, { public: body.public === true, createdAt: new Date().toISOString() });
			return send(200, { name: id });
		}
		if (route === 'GET /bucket' && segments.length === 2) {
			if (!buckets.has(segments[1])) throw noSuchBucket();
			return send(200, bucketJson(segments[1]));
		}
		if (route === 'DELETE /object' && segments.length === 2) {
			const [, bucket] = segments;
			if (!buckets.has(bucket)) throw noSuchBucket();
			const { prefixes } = await readJson(req);
			if (!Array.isArray(prefixes) || prefixes.length < 1 || prefixes.length > MAX_DELETE) {
				throw new Refusal('400', 'InvalidRequest', 'Bad Request', `body/prefixes must hold 1 to ${MAX_DELETE} items`);
			}
			const removed = [];
			for (const name of prefixes.map(String)) {
				if ((await sizeOf(objectFile(bucket, name))) === undefined) continue;
				await rm(objectFile(bucket, name));
				removed.push({ name, bucket_id: bucket, id: randomUUID() });
			}
			return send(200, removed);
		}
		if (route === 'POST /object' && segments.length >= 3) {
			return send(200, await upload(req, segments[1], segments.slice(2).join('/')));
		}
		if (route === 'GET /object' && segments.length >= 3) {
			const [, bucket, ...rest] = segments;
			if (!buckets.has(bucket)) throw noSuchBucket();
			const file = objectFile(bucket, rest.join('/'));
			const size = await sizeOf(file);
			if (size === undefined) throw new Refusal('404', 'NoSuchKey', 'not_found', 'Object not found');
			const asked = settings.honourRanges ? /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '') : null;
			const headers = { 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes' };
			if (!asked) {
				seen.status = 200;
				res.writeHead(200, { ...headers, 'content-length': String(size) });
				return pipeline(createReadStream(file), res);
			}
			const first = Number(asked[1]);
			const last = Math.min(asked[2] ? Number(asked[2]) : size - 1, size - 1);
			if (first > last) throw new Refusal('416', 'InvalidRange', 'invalid_range', 'invalid range provided', 416);
			seen.status = 206;
			res.writeHead(206, {
				...headers,
				'content-length': String(last - first + 1),
				'content-range': `bytes ${first}-${last}/${size}`
			});
			return pipeline(createReadStream(file, { start: first, end: last }), res);
		}
		throw new Refusal('404', 'NotFound', 'Not Found', `Route ${req.method}:${seen.path} not found`, 404);
	};

	const server = http.createServer((req, res) => {
		const target = new URL(req.url ?? '/', 'http://storage.invalid');
		const seen: SeenStorageRequest = {
			method: req.method ?? 'GET',
			path: target.pathname.replace(/^\/storage\/v1/, ''),
			upsert: req.headers['x-upsert'] as string | undefined,
			status: 0
		};
		requests.push(seen);
		handle(req, res, seen).catch((error: unknown) => {
			if (res.headersSent || req.socket.destroyed) return void res.destroy();
			const refusal = error instanceof Refusal ? error : new Refusal('500', 'InternalError', 'InternalError', String(error), 500);
			seen.status = refusal.httpStatus;
			res.writeHead(refusal.httpStatus, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({ statusCode: refusal.statusCode, code: refusal.code, error: refusal.error, message: refusal.message })
			);
		});
	});

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		url,
		serviceKey,
		requests,
		buckets,
		settings,
		failNext: () => void (failing = true),
		partialUploads: () => readdir(partialDir),
		close: async () => {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
			await rm(root, { recursive: true, force: true });
		}
	};
}
