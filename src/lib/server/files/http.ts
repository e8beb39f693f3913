// The file endpoints, as a plain Node handler in front of SvelteKit: an
// upload streams from the socket to the store (SvelteKit would take the
// whole body into memory first), and a download streams back with ranges.
// No SvelteKit imports, like the collab server: src/serve.ts and the dev
// server's plugin hand these paths over before SvelteKit sees them.
//
//   POST /api/networks/<id>/files[?folder=<id>]   a new file
//   POST /api/files/<id>/versions                 a new version
//   GET  /api/files/<id>[?version=<id>][&inline=1] the bytes
//
// A script posts the raw bytes, named in x-file-name, and gets JSON back; a
// page without scripts posts multipart/form-data and is sent back (303).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { AuthPort } from '../auth/types.ts';
import { authenticate, readOnlyCookies, sameOrigin } from '../auth/raw-request.ts';
import type { Claims } from '../db/types.ts';
import { FILE_NAME_HEADER, type FileRefusal, type UploadedFile } from '../../files/api.ts';
import { formatSize } from '../../files/size.ts';
import { DEFAULT_LOCALE, translate, type Locale } from '../../i18n/translate.ts';
import { isUuid } from '../../uuid.ts';
import { chosenLocale } from '../locale.ts';
import { log } from '../log.ts';
import { readProfile } from '../profiles.ts';
import { findServable } from './download.ts';
import { TooLarge } from './measure.ts';
import { FileRequestError } from './refusal.ts';
import { fileResponseHeaders, parseRange } from './serving.ts';
import { ObjectMissing, type FileStore } from './store.ts';
import { storeUpload, type UploadDeps, type UploadTarget } from './upload.ts';

export interface FileEndpoints {
	/** Serves req when its path is one of the file endpoints; false leaves it to the next handler. */
	handle(req: IncomingMessage, res: ServerResponse): boolean;
}

export interface FileEndpointDeps extends UploadDeps {
	auth: AuthPort;
}

/** A page without scripts may post several files at once; more are refused. */
const MAX_FORM_FILES = 20;
/** Besides its files a form has a few short fields (the page to go back to). */
const MAX_FORM_FIELDS = 10;
const MAX_FIELD_BYTES = 2048;

/**
 * What a form may send besides its files' bytes. A browser frames twenty
 * files in a few KiB; even every part with headers at busboy's 16 KiB cap
 * and every field full takes half of this.
 */
const FORM_FRAMING = 1024 * 1024;

/**
 * The most bytes a form may send: every file it may carry at the upload
 * limit, and its framing. A form that declares more is refused before a
 * byte is read; one that declares no length is cut off when it passes this.
 * The room left in the network would be tighter, but it would refuse whole
 * a form whose first files fit (stored today, the one over refused), and a
 * browser refused while still sending mostly shows a broken connection,
 * not the answer: so only what no form could be is refused early.
 */
export const formLimit = (uploadLimit: number): number => MAX_FORM_FILES * uploadLimit + FORM_FRAMING;

type Route =
	| { kind: 'upload'; target: UploadTarget }
	| { kind: 'download'; fileId: string }
	| { kind: 'unknown' };

function route(path: string, query: URLSearchParams): Route | null {
	const parts = path.split('/').filter(Boolean);
	if (parts[0] !== 'api') return null;
	if (parts[1] === 'networks' && parts[3] === 'files' && parts.length === 4) {
		const folder = query.get('folder') || null;
		if (!isUuid(parts[2]) || (folder !== null && !isUuid(folder))) return { kind: 'unknown' };
		return { kind: 'upload', target: { kind: 'file', networkId: parts[2].toLowerCase(), folderId: folder?.toLowerCase() ?? null } };
	}
	if (parts[1] !== 'files') return parts[1] === 'networks' && parts[3] === 'files' ? { kind: 'unknown' } : null;
	if (!isUuid(parts[2] ?? '')) return { kind: 'unknown' };
	const fileId = parts[2].toLowerCase();
	if (parts.length === 3) return { kind: 'download', fileId };
	if (parts.length === 4 && parts[3] === 'versions') return { kind: 'upload', target: { kind: 'version', fileId } };
	return { kind: 'unknown' };
}

export function createFileEndpoints(deps: FileEndpointDeps): FileEndpoints {
	return {
		handle(req, res) {
			// An address URL cannot parse ("http://[") is no file endpoint's: the next handler answers it.
			const url = URL.parse(req.url ?? '/', 'http://trama.invalid');
			const found = url && route(url.pathname, url.searchParams);
			if (!url || !found) return false;
			// Whatever a client sends is refused inside serve(); what reaches here is a fault of ours.
			serve(deps, req, res, found, url).catch((error: unknown) => {
				log.error({ err: error, method: req.method, path: url.pathname }, 'file request failed');
				if (!res.headersSent) refuse(res, req, DEFAULT_LOCALE, new FileRequestError('server_error', 500));
				else res.destroy();
			});
			return true;
		}
	};
}

async function serve(deps: FileEndpointDeps, req: IncomingMessage, res: ServerResponse, found: Route, url: URL) {
	let userId: string | null = null;
	try {
		if (found.kind === 'unknown') throw new FileRequestError('not_found', 404);
		const method = found.kind === 'upload' ? ['POST'] : ['GET', 'HEAD'];
		if (!method.includes(req.method ?? '')) {
			res.setHeader('allow', method.join(', '));
			throw new FileRequestError('bad_request', 405);
		}
		if (found.kind === 'upload' && !sameOrigin(req)) throw new FileRequestError('cross_site', 403);
		const user = await authenticate(req, deps.auth);
		if (!user) throw new FileRequestError('not_signed_in', 401);
		userId = user.id;
		const claims: Claims = { sub: user.id, email: user.email, role: 'authenticated' };
		if (found.kind === 'download') return await download(deps, claims, req, res, found.fileId, url);
		if (isForm(req)) return await uploadForm(deps, claims, req, res, found.target, url);
		const file = await uploadRaw(deps, claims, req, found.target);
		respondJson(res, 201, { file });
	} catch (error) {
		if (!(error instanceof FileRequestError)) throw error;
		if (error.status >= 500) log.error({ err: error.cause ?? error, method: req.method, path: url.pathname }, 'file request failed');
		// Asked only to word a refusal: a download that goes through needs no language.
		const saved = userId ? (await readProfile(deps.db, userId))?.locale : null;
		refuse(res, req, chosenLocale(readOnlyCookies(req.headers.cookie ?? ''), saved), error);
	}
}

function uploadRaw(deps: UploadDeps, claims: Claims, req: IncomingMessage, target: UploadTarget): Promise<UploadedFile> {
	const name = decodeName(req.headers[FILE_NAME_HEADER]);
	if (!name) throw new FileRequestError('bad_request', 400);
	return storeUpload(deps, claims, { target, name, body: req, declaredSize: declaredLength(req), signal: abortedWith(req) });
}

/**
 * A page without scripts: every file of the form, one after another, then
 * back to the page, whose address names a refused file's reason. A form
 * that cannot be read to its end is refused itself; files stored before
 * the break stay, as they do before a refused file.
 */
async function uploadForm(
	deps: UploadDeps,
	claims: Claims,
	req: IncomingMessage,
	res: ServerResponse,
	target: UploadTarget,
	url: URL
) {
	const limit = formLimit(deps.uploadLimit);
	const tooLarge = new FileRequestError('file_too_large', 413, { limit: deps.uploadLimit });
	if ((declaredLength(req) ?? 0) > limit) throw tooLarge;
	const form = openForm(req);
	const signal = abortedWith(req);
	let back = url.searchParams.get('return');
	let stored = 0;
	let refusal: FileRequestError | null = null;
	// A fault of ours while storing one file: the rest of the form is still read
	// (busboy waits for each file to be consumed), then it is thrown.
	let fault: unknown = null;
	let queue = Promise.resolve();
	form.on('field', (name, value) => {
		if (name === 'return') back = value;
	});
	form.on('file', (_field, body, info) => {
		queue = queue.then(async () => {
			if (refusal || fault || !info.filename) return void body.resume();
			try {
				await storeUpload(deps, claims, { target, name: info.filename, body, signal });
				stored += 1;
			} catch (error) {
				if (error instanceof FileRequestError) refusal = error;
				else fault = error;
				body.resume();
			}
		});
	});
	form.on('filesLimit', () => (refusal ??= new FileRequestError('bad_request', 400)));
	const parsed = new Promise<void>((resolve, reject) => form.on('close', resolve).on('error', reject));
	// pipe() does not tell busboy that the client left: without this the form would wait for ever.
	signal.addEventListener('abort', () => form.destroy(new Error('client left')), { once: true });
	let received = 0;
	req.on('data', (chunk: Buffer) => {
		received += chunk.length;
		if (received > limit) form.destroy(new TooLarge(limit));
	});
	req.pipe(form);
	const unread = await parsed.then(
		() => null,
		(error: unknown) => formFailure(error, signal, tooLarge)
	);
	await queue;
	if (fault) throw fault;
	if (unread) throw unread;
	if (!refusal && stored === 0) refusal = new FileRequestError('bad_request', 400);
	const to = new URL(safeReturn(back, target), 'http://trama.invalid');
	if (refusal) {
		to.searchParams.set('upload_error', refusal.code);
	} else to.searchParams.set('uploaded', String(stored));
	res.writeHead(303, { location: to.pathname + to.search, 'cache-control': 'no-store' });
	res.end();
}

/** busboy for this request, or a refusal when the form cannot even be started (no boundary, a broken content type). */
function openForm(req: IncomingMessage): busboy.Busboy {
	try {
		return busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: MAX_FORM_FILES, fields: MAX_FORM_FIELDS, fieldSize: MAX_FIELD_BYTES } });
	} catch (error) {
		throw new FileRequestError('form_unreadable', 400, {}, error);
	}
}

/**
 * Why a form was not read to its end: the client left (the files under way
 * are dropped), it passed the form limit, or busboy could not parse it (a
 * broken part header, a control character in one, a form cut short).
 */
function formFailure(error: unknown, signal: AbortSignal, tooLarge: FileRequestError): FileRequestError {
	if (signal.aborted) return new FileRequestError('upload_incomplete', 400);
	if (error instanceof TooLarge) return tooLarge;
	return new FileRequestError('form_unreadable', 400, {}, error);
}

async function download(deps: FileEndpointDeps, claims: Claims, req: IncomingMessage, res: ServerResponse, fileId: string, url: URL) {
	const version = url.searchParams.get('version');
	if (version !== null && !isUuid(version)) throw new FileRequestError('not_found', 404);
	const file = await findServable(deps.db, claims, fileId, version?.toLowerCase() ?? null);
	const etag = `"${file.sha256}"`;
	const headers: Record<string, string | number> = fileResponseHeaders({
		name: file.name,
		contentType: file.contentType,
		size: file.size,
		etag: file.sha256,
		wantInline: url.searchParams.get('inline') === '1'
	});
	if (req.headers['if-none-match'] === etag) {
		res.writeHead(304, headers);
		return res.end();
	}
	// A range of a version the client no longer has would splice two files together.
	const ifRange = req.headers['if-range'];
	const range = ifRange === undefined || ifRange === etag ? parseRange(req.headers.range ?? null, file.size) : null;
	if (range === 'unsatisfiable') {
		res.writeHead(416, { ...headers, 'content-range': `bytes */${file.size}`, 'content-length': 0 });
		return res.end();
	}
	if (range) {
		headers['content-range'] = `bytes ${range.first}-${range.last}/${file.size}`;
		headers['content-length'] = range.last - range.first + 1;
	} else headers['content-length'] = file.size;
	if (req.method === 'HEAD') {
		res.writeHead(range ? 206 : 200, headers);
		return res.end();
	}
	let bytes;
	try {
		bytes = await deps.store.get(file.storageKey, range ?? undefined);
	} catch (error) {
		if (error instanceof ObjectMissing) throw new FileRequestError('storage_failed', 500, {}, error);
		throw new FileRequestError('storage_failed', 503, {}, error);
	}
	res.writeHead(range ? 206 : 200, headers);
	// A client that goes away mid-download ends both streams; nothing to report.
	await pipeline(bytes, res).catch(() => {});
}

function refuse(res: ServerResponse, req: IncomingMessage, locale: Locale, error: FileRequestError) {
	const text = message(locale, error);
	// Someone whose browser asked (a link followed, a form sent without scripts) gets a page, not JSON.
	if ((req.headers.accept ?? '').includes('text/html')) {
		if (error.code === 'not_signed_in' && req.method === 'GET') {
			res.writeHead(303, { location: `/login?redirectTo=${encodeURIComponent(req.url ?? '/')}`, 'cache-control': 'no-store' });
			return res.end();
		}
		return respond(res, error.status, 'text/html; charset=utf-8', errorPage(locale, text));
	}
	const body: FileRefusal = { error: { code: error.code, message: text, ...error.details } };
	respondJson(res, error.status, body);
}

function message(locale: Locale, error: FileRequestError): string {
	const size = (bytes: number | undefined) => formatSize(bytes ?? 0, locale);
	return translate(locale, `uploads.errors.${error.code}` as const, {
		limit: size(error.details.limit),
		used: size(error.details.used),
		quota: size(error.details.quota)
	});
}

function respondJson(res: ServerResponse, status: number, body: unknown) {
	respond(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function respond(res: ServerResponse, status: number, type: string, body: string) {
	res.writeHead(status, {
		'content-type': type,
		'content-length': Buffer.byteLength(body),
		'cache-control': 'no-store',
		'x-content-type-options': 'nosniff',
		// A request body we did not read to the end (a refused upload) ends the connection.
		...(status >= 400 ? { connection: 'close' } : {})
	});
	res.end(body);
}

function errorPage(locale: Locale, text: string): string {
	const escaped = text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
	return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Trama</title></head><body><main><p>${escaped}</p><p><a href="/">Trama</a></p></main></body></html>`;
}

function isForm(req: IncomingMessage): boolean {
	return (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
}

/** The length the client announced, if it did. */
function declaredLength(req: IncomingMessage): number | undefined {
	const length = req.headers['content-length'];
	return length === undefined ? undefined : Number(length);
}

function decodeName(header: string | string[] | undefined): string | null {
	if (typeof header !== 'string' || !header) return null;
	try {
		return decodeURIComponent(header);
	} catch {
		return null;
	}
}

/** Aborts when the client goes away before its body has fully arrived. */
function abortedWith(req: IncomingMessage): AbortSignal {
	const controller = new AbortController();
	req.on('close', () => {
		if (!req.complete) controller.abort();
	});
	return controller.signal;
}

/** Back to a page of the file space only: never a redirect to wherever a form said. */
function safeReturn(back: string | null, target: UploadTarget): string {
	const fallback = target.kind === 'file' ? `/networks/${target.networkId}/files` : '/';
	if (!back) return fallback;
	try {
		const to = new URL(back, 'http://trama.invalid');
		const allowed = /^\/networks\/[0-9a-f-]{36}\/files(\/[0-9a-f-]{36})?$/i.test(to.pathname);
		return to.origin === 'http://trama.invalid' && allowed ? to.pathname + to.search : fallback;
	} catch {
		return fallback;
	}
}
