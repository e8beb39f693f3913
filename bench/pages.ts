// `npm run bench:pages`: server-rendered pages of a network grown to 1,000
// documents and 10,000 discussion messages (DESIGN.md: p50 ≤ 50 ms; pages
// without the editor ship ≤ 150 KB of gzipped JavaScript), in both modes:
// embedded PGlite and a Postgres server. Needs a build (`npx vite build`)
// and, for the Postgres mode, BENCH_POSTGRES_URL (default the local server).
// Writes bench/PAGES.md; nothing fails on a slow number.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { openPglite } from '../src/lib/server/db/pglite.ts';
import type { Queryable } from '../src/lib/server/db/types.ts';
import { databaseUrl } from './db.ts';
import { quantile } from './stats.ts';
import { signIn, startApp, stopApp } from './app-server.ts';

const NETWORK = 'de000000-0000-4000-8000-000000000001';
const GIULIA = 'd0000000-0000-4000-8000-000000000001';
const DOCUMENTS = 1_000;
const THREADS = 500;
const MESSAGES_PER_THREAD = 20;
const WARMUP = 20;
const REQUESTS = Number(process.env.BENCH_PAGE_REQUESTS ?? 200);
/** Open pages listening at once, and replies posted while they listen (under the 12 posts/minute limit). */
const LISTENERS = 200;
const POSTS = 10;
const PORT = 3900;
const serverUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/**
 * The network's bulk: documents, threads and messages, written as the service
 * in a few statements. Posts are dated over an hour ago, so the rate limit
 * (12 a minute) leaves the live measurement's replies alone.
 */
async function grow(db: Queryable) {
	await db.query(
		`insert into public.documents (network_id, kind, title, created_by, content_text)
		 select $1, (array['territorial_map','community_pact','co_design','minutes','free']::public.document_kind[])[1 + i % 5],
		        'Documento di lavoro n. ' || i, $2, repeat('Servizi, bisogni e risorse del territorio. ', 40)
		 from generate_series(1, $3) as i`,
		[NETWORK, GIULIA, DOCUMENTS]
	);
	await db.query(
		`insert into public.threads (network_id, title, body, author_id, created_at)
		 select $1, 'Discussione n. ' || i, 'Apro la discussione sul punto ' || i || ' del patto.', $2, now() - ((60 + i) || ' minutes')::interval
		 from generate_series(1, $3) as i`,
		[NETWORK, GIULIA, THREADS]
	);
	await db.query(
		`insert into public.thread_messages (thread_id, network_id, body, author_id, created_at)
		 select t.id, t.network_id, 'Risposta ' || m || ': **d''accordo**, aggiungo un dettaglio sul calendario.', $2,
		        t.created_at + (m || ' seconds')::interval
		 from public.threads t cross join generate_series(1, $3) as m
		 where t.network_id = $1 and t.title like 'Discussione n. %'`,
		[NETWORK, GIULIA, MESSAGES_PER_THREAD]
	);
	await db.query('analyze');
}

const base = `http://127.0.0.1:${PORT}`;

interface PageResult {
	page: string;
	p50: number;
	p95: number;
	max: number;
	htmlKb: number;
	jsGzipKb: number;
}

/**
 * Every script a page loads at start: the modulepreloads SvelteKit announces.
 * A server-rendered page lists them in its Link header (the HTML carries them
 * only when prerendered), so both are read.
 */
async function javascriptWeight(pageUrl: string, html: string, linkHeader: string): Promise<number> {
	const inHtml = [...html.matchAll(/<link\b[^>]*>/g)]
		.map(([tag]) => tag)
		.filter((tag) => tag.includes('rel="modulepreload"'))
		.map((tag) => tag.match(/href="([^"]+)"/)![1]);
	const inHeader = [...linkHeader.matchAll(/<([^>]+)>;[^,]*rel="modulepreload"/g)].map(([, href]) => href);
	// Paths are relative to the page.
	const urls = [...inHtml, ...inHeader].map((href) => new URL(href, pageUrl).href);
	if (urls.length === 0) throw new Error('no modulepreload links: has SvelteKit changed how it writes them?');
	let bytes = 0;
	for (const url of new Set(urls)) bytes += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
	return bytes;
}

async function measure(cookie: string, name: string, url: string): Promise<PageResult> {
	let linkHeader = '';
	const get = async () => {
		const response = await fetch(`${base}${url}`, { headers: { cookie }, redirect: 'manual' });
		if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
		linkHeader = response.headers.get('link') ?? '';
		return response.text();
	};
	let html = '';
	for (let i = 0; i < WARMUP; i++) html = await get();
	const times: number[] = [];
	for (let i = 0; i < REQUESTS; i++) {
		const t = performance.now();
		await get();
		times.push(performance.now() - t);
	}
	const sorted = Float64Array.from(times).sort();
	return {
		page: name,
		p50: quantile(sorted, 0.5),
		p95: quantile(sorted, 0.95),
		max: sorted[sorted.length - 1],
		htmlKb: Buffer.byteLength(html) / 1024,
		jsGzipKb: (await javascriptWeight(`${base}${url}`, html, linkHeader)) / 1024
	};
}

interface LiveResult {
	p50: number;
	p95: number;
	max: number;
	samples: number;
}

/** An open page's live stream, resolved once open: onReply gets the moment each reply is announced. */
async function listen(cookie: string, onReply: (at: number) => void, signal: AbortSignal): Promise<void> {
	const response = await fetch(`${base}/live?network=${NETWORK}`, { headers: { cookie }, signal });
	if (response.status !== 200) throw new Error(`/live: ${response.status}`);
	const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
	let buffer = '';
	let ready!: () => void;
	const opened = new Promise<void>((resolve) => (ready = resolve));
	void (async () => {
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) return;
				buffer += value;
				let end;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const message = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					if (message.includes('event: ready')) ready();
					if (message.includes('"thread_replied"')) onReply(performance.now());
				}
			}
		} catch {
			// Aborted at the end of the measurement.
		}
	})();
	await opened;
}

/**
 * From a reply posted through the thread page's form to its announcement on
 * every open page of the network: the route a change takes to be seen live
 * (trigger → pg_notify → LISTEN → the process's hub → server-sent events).
 * A page then reloads what changed, one more request as measured above.
 */
async function liveFanOut(cookie: string, thread: string): Promise<LiveResult> {
	const abort = new AbortController();
	let sentAt = 0;
	const delays: number[] = [];
	let heard = 0;
	let allHeard = () => {};
	try {
		await Promise.all(
			Array.from({ length: LISTENERS }, () =>
				listen(cookie, (at) => {
					delays.push(at - sentAt);
					if (++heard === LISTENERS) allHeard();
				}, abort.signal)
			)
		);
		for (let i = 0; i < POSTS; i++) {
			heard = 0;
			const everyone = new Promise<void>((resolve) => (allHeard = resolve));
			sentAt = performance.now();
			const response = await fetch(`${base}/networks/${NETWORK}/discussions/${thread}?/reply`, {
				method: 'POST',
				body: new URLSearchParams({ body: `Misura della diretta n. ${i + 1}.` }),
				headers: { cookie, origin: base, 'x-sveltekit-action': 'true' }
			});
			const outcome = (await response.json()) as { type: string };
			if (outcome.type !== 'success') throw new Error(`reply refused: ${JSON.stringify(outcome)}`);
			await everyone;
		}
	} finally {
		abort.abort();
	}
	const sorted = Float64Array.from(delays).sort();
	return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted[sorted.length - 1], samples: sorted.length };
}

interface ModeResult {
	pages: PageResult[];
	live: LiveResult;
}

async function measureMode(cookie: string): Promise<ModeResult> {
	const lookup = await fetch(`${base}/networks/${NETWORK}/discussions`, { headers: { cookie } }).then((r) => r.text());
	const thread = lookup.match(/\/discussions\/([0-9a-f-]{36})/)?.[1];
	if (!thread) throw new Error('no thread on the discussions page');
	return { pages: await pagesOf(cookie, thread), live: await liveFanOut(cookie, thread) };
}

async function pagesOf(cookie: string, thread: string): Promise<PageResult[]> {
	const pages: [string, string][] = [
		['network home', `/networks/${NETWORK}`],
		['documents (1,000)', `/networks/${NETWORK}/documents`],
		['discussions (500 threads)', `/networks/${NETWORK}/discussions`],
		['a thread (20 messages)', `/networks/${NETWORK}/discussions/${thread}`],
		['activity record', `/networks/${NETWORK}/activity`],
		['notifications', '/notifications']
	];
	const results: PageResult[] = [];
	for (const [name, url] of pages) results.push(await measure(cookie, name, url));
	return results;
}

async function pgliteMode(): Promise<ModeResult> {
	const dir = mkdtempSync(path.join(tmpdir(), 'trama-bench-pages-'));
	try {
		// The first start migrates and seeds; the bulk goes in while no server holds the files.
		await stopApp(await startApp(PORT, { TRAMA_DATA_DIR: dir }));
		const db = await openPglite(path.join(dir, 'pglite'));
		await grow(db);
		await db.close();
		const server = await startApp(PORT, { TRAMA_DATA_DIR: dir });
		try {
			return await measureMode(await signIn(base));
		} finally {
			await stopApp(server);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

async function postgresMode(): Promise<ModeResult> {
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query('drop database if exists trama_bench_pages with (force)');
	await admin.query('create database trama_bench_pages');
	await admin.end();
	const url = databaseUrl(serverUrl, 'trama_bench_pages');
	const dir = mkdtempSync(path.join(tmpdir(), 'trama-bench-pages-'));
	const server = await startApp(PORT, { DATABASE_URL: url, TRAMA_DATA_DIR: dir });
	try {
		const db = new pg.Client({ connectionString: url });
		await db.connect();
		await grow({ query: (sql, params) => db.query(sql, params) as never, exec: async (sql) => void (await db.query(sql)) });
		await db.end();
		return await measureMode(await signIn(base));
	} finally {
		await stopApp(server);
		rmSync(dir, { recursive: true, force: true });
	}
}

const row = (mode: string, r: PageResult) =>
	`| ${mode} | ${r.page} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.htmlKb.toFixed(0)} | ${r.jsGzipKb.toFixed(1)} |`;

const results = { pglite: await pgliteMode(), postgres: await postgresMode() };
const table = [
	'| mode | page | p50 ms | p95 ms | max ms | HTML KB | JS gzip KB |',
	'|---|---|---:|---:|---:|---:|---:|',
	...results.pglite.pages.map((r) => row('PGlite', r)),
	...results.postgres.pages.map((r) => row('Postgres 15', r))
].join('\n');
const liveRow = (mode: string, r: LiveResult) =>
	`| ${mode} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.samples} |`;
const liveTable = [
	'| mode | p50 ms | p95 ms | max ms | announcements heard |',
	'|---|---:|---:|---:|---:|',
	liveRow('PGlite', results.pglite.live),
	liveRow('Postgres 15', results.postgres.live)
].join('\n');
console.log(`${table}\n\n${liveTable}`);
writeFileSync(
	'bench/PAGES.md',
	`# Server-rendered pages of a grown network

\`npm run bench:pages\` on ${new Date().toISOString().slice(0, 10)}: the demo network with ${DOCUMENTS.toLocaleString('en')} documents and ${(THREADS * MESSAGES_PER_THREAD).toLocaleString('en')} messages (${THREADS} threads), signed in as its facilitator, ${REQUESTS} sequential requests per page after ${WARMUP} unmeasured ones, one built server on loopback. Targets (DESIGN.md): p50 ≤ 50 ms; ≤ 150 KB gzipped JavaScript on pages without the editor. No peer system renders these pages, so there is no side-by-side column.

${table}

## Live: a reply reaching every open page

${POSTS} replies posted one after another through the thread page's form while ${LISTENERS} pages of the network hold \`/live\` open on the same server: time from sending the form to each page's stream announcing the reply (target: every page within a second). A page then reloads the changed data, one request as in the table above.

${liveTable}
`
);
