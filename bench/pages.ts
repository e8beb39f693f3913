// `npm run bench:pages`: server-rendered pages of a network grown to 1,000
// documents and 10,000 discussion messages (DESIGN.md: p50 ≤ 50 ms; pages
// without the editor ship ≤ 150 KB of gzipped JavaScript), in both modes:
// embedded PGlite and a Postgres server. Needs a build (`npx vite build`)
// and, for the Postgres mode, BENCH_POSTGRES_URL (default the local server).
// Writes bench/PAGES.md; nothing fails on a slow number.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { openPglite } from '../src/lib/server/db/pglite.ts';
import type { Queryable } from '../src/lib/server/db/types.ts';
import { databaseUrl } from './db.ts';
import { quantile } from './stats.ts';

const NETWORK = 'de000000-0000-4000-8000-000000000001';
const GIULIA = 'd0000000-0000-4000-8000-000000000001';
const DOCUMENTS = 1_000;
const THREADS = 500;
const MESSAGES_PER_THREAD = 20;
const WARMUP = 20;
const REQUESTS = Number(process.env.BENCH_PAGE_REQUESTS ?? 200);
const PORT = 3900;
const serverUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const node = path.resolve('node_modules/.bin/node');

/** The network's bulk: documents, threads and messages, written as the service in a few statements. */
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
		 select $1, 'Discussione n. ' || i, 'Apro la discussione sul punto ' || i || ' del patto.', $2, now() - (i || ' minutes')::interval
		 from generate_series(1, $3) as i`,
		[NETWORK, GIULIA, THREADS]
	);
	await db.query(
		`insert into public.thread_messages (thread_id, network_id, body, author_id)
		 select t.id, t.network_id, 'Risposta ' || m || ': **d''accordo**, aggiungo un dettaglio sul calendario.', $2
		 from public.threads t cross join generate_series(1, $3) as m
		 where t.network_id = $1 and t.title like 'Discussione n. %'`,
		[NETWORK, GIULIA, MESSAGES_PER_THREAD]
	);
	await db.query('analyze');
}

function start(env: Record<string, string>): Promise<ChildProcess> {
	const child = spawn(node, ['src/serve.ts'], {
		env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', TRAMA_SEED_DEMO: '1', ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	return new Promise((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
		child.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('listening')) resolve(child);
		});
	});
}

async function stop(child: ChildProcess) {
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	await exited;
}

const base = `http://127.0.0.1:${PORT}`;

async function signIn(): Promise<string> {
	const form = new URLSearchParams({ email: 'giulia.rinaldi@trama.test', password: 'Trama-demo-2026', redirectTo: '/' });
	const response = await fetch(`${base}/login`, { method: 'POST', body: form, redirect: 'manual', headers: { origin: base } });
	const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
	if (cookies.length === 0) throw new Error(`sign-in failed: ${response.status}`);
	return cookies.join('; ');
}

interface PageResult {
	page: string;
	p50: number;
	p95: number;
	max: number;
	htmlKb: number;
	jsGzipKb: number;
}

/** Every script a page loads at start: the modulepreload links SvelteKit writes. */
async function javascriptWeight(html: string): Promise<number> {
	const urls = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => new URL(m[1], base).href);
	let bytes = 0;
	for (const url of new Set(urls)) bytes += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
	return bytes;
}

async function measure(cookie: string, name: string, url: string): Promise<PageResult> {
	const get = async () => {
		const response = await fetch(`${base}${url}`, { headers: { cookie }, redirect: 'manual' });
		if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
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
		jsGzipKb: (await javascriptWeight(html)) / 1024
	};
}

async function pagesOf(cookie: string): Promise<PageResult[]> {
	const lookup = await fetch(`${base}/networks/${NETWORK}/discussions`, { headers: { cookie } }).then((r) => r.text());
	const thread = lookup.match(/\/discussions\/([0-9a-f-]{36})/)?.[1];
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

async function pgliteMode(): Promise<PageResult[]> {
	const dir = mkdtempSync(path.join(tmpdir(), 'trama-bench-pages-'));
	try {
		// The first start migrates and seeds; the bulk goes in while no server holds the files.
		await stop(await start({ TRAMA_DATA_DIR: dir }));
		const db = await openPglite(path.join(dir, 'pglite'));
		await grow(db);
		await db.close();
		const server = await start({ TRAMA_DATA_DIR: dir });
		try {
			return await pagesOf(await signIn());
		} finally {
			await stop(server);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

async function postgresMode(): Promise<PageResult[]> {
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query('drop database if exists trama_bench_pages with (force)');
	await admin.query('create database trama_bench_pages');
	await admin.end();
	const url = databaseUrl(serverUrl, 'trama_bench_pages');
	const dir = mkdtempSync(path.join(tmpdir(), 'trama-bench-pages-'));
	const server = await start({ DATABASE_URL: url, TRAMA_DATA_DIR: dir });
	try {
		const db = new pg.Client({ connectionString: url });
		await db.connect();
		await grow({ query: (sql, params) => db.query(sql, params) as never, exec: async (sql) => void (await db.query(sql)) });
		await db.end();
		return await pagesOf(await signIn());
	} finally {
		await stop(server);
		rmSync(dir, { recursive: true, force: true });
	}
}

const row = (mode: string, r: PageResult) =>
	`| ${mode} | ${r.page} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.htmlKb.toFixed(0)} | ${r.jsGzipKb.toFixed(1)} |`;

const results = { pglite: await pgliteMode(), postgres: await postgresMode() };
const table = [
	'| mode | page | p50 ms | p95 ms | max ms | HTML KB | JS gzip KB |',
	'|---|---|---:|---:|---:|---:|---:|',
	...results.pglite.map((r) => row('PGlite', r)),
	...results.postgres.map((r) => row('Postgres 15', r))
].join('\n');
console.log(table);
writeFileSync(
	'bench/PAGES.md',
	`# Server-rendered pages of a grown network

\`npm run bench:pages\` on ${new Date().toISOString().slice(0, 10)}: the demo network with ${DOCUMENTS.toLocaleString('en')} documents and ${(THREADS * MESSAGES_PER_THREAD).toLocaleString('en')} messages (${THREADS} threads), signed in as its facilitator, ${REQUESTS} sequential requests per page after ${WARMUP} unmeasured ones, one built server on loopback. Targets (DESIGN.md): p50 ≤ 50 ms; ≤ 150 KB gzipped JavaScript on pages without the editor. No peer system renders these pages, so there is no side-by-side column.

${table}
`
);
