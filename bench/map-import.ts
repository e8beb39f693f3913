// `npm run bench:map`: importing 10,000 rows into a territorial map.
// In this process: parsing and checking a Windows-1252 ; CSV and the same
// rows as GeoJSON (what the page's worker does), applying the entries to a
// Y.Doc and the size of that update. Against the built app on Postgres: the
// time until a second y-websocket client has them, and until the SQL
// projection holds them when this branch has one. In Chromium: the page's
// longest main-thread task while it reads the file and while it applies it.
// Needs a build (`npx vite build`) and the Postgres server (BENCH_POSTGRES_URL).
// Writes bench/MAP.md and the map section of bench/RESULTS.md.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import { chromium } from '@playwright/test';
import { analyse, type Analysis } from '../src/lib/map/import/analyse.ts';
import { entriesMap, putEntries } from '../src/lib/map/entries-doc.ts';
import { CHROMIUM_FLAGS, locateChromium } from '../tests/debian-programs.ts';
import { signIn, startApp, stopApp } from './app-server.ts';
import { connect } from './clients/client.ts';
import { databaseUrl } from './db.ts';
import { benchCsv, benchGeoJson, benchRows, DEMO_PARTNERS } from './map-rows.ts';
import { now } from './stats.ts';

const ROWS = Number(process.env.BENCH_MAP_ROWS ?? 10_000);
const RUNS = 5;
const PORT = 3920;
const NETWORK = '/networks/de000000-0000-4000-8000-000000000001';
const serverUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (value: number, digits = 0) => value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Median time of `RUNS` analyses after one warm-up, and the last analysis. */
function timeAnalysis(bytes: Uint8Array, fileName: string): { ms: number; analysis: Analysis } {
	const run = () => {
		const result = analyse(bytes, { fileName, partners: DEMO_PARTNERS, existingIds: [] });
		if (result.error) throw new Error(`${fileName} refused: ${JSON.stringify(result.error)}`);
		return result.analysis;
	};
	run();
	const times: number[] = [];
	let analysis!: Analysis;
	for (let i = 0; i < RUNS; i++) {
		const started = now();
		analysis = run();
		times.push(now() - started);
	}
	return { ms: median(times), analysis };
}

function timeApply(analysis: Analysis): { ms: number; bytes: number } {
	const times: number[] = [];
	let bytes = 0;
	for (let i = 0; i < RUNS; i++) {
		const doc = new Y.Doc();
		const started = now();
		putEntries(doc, analysis.entries);
		times.push(now() - started);
		bytes = Y.encodeStateAsUpdate(doc).byteLength;
		doc.destroy();
	}
	return { ms: median(times), bytes };
}

async function newMap(base: string, cookie: string, title: string): Promise<string> {
	const response = await fetch(`${base}${NETWORK}/documents?/create`, {
		method: 'POST',
		body: new URLSearchParams({ title, kind: 'territorial_map' }),
		headers: { cookie, origin: base, 'x-sveltekit-action': 'true' }
	});
	const result = (await response.json()) as { type: string; location?: string };
	if (result.type !== 'redirect' || !result.location) throw new Error(`map not created: ${JSON.stringify(result)}`);
	return result.location;
}

/** Resolves when `doc` holds `count` entries. */
function holding(doc: Y.Doc, count: number): Promise<void> {
	const map = entriesMap(doc);
	return new Promise((resolve) => {
		const check = () => map.size >= count && (map.unobserve(check), resolve());
		map.observe(check);
		check();
	});
}

interface Live {
	secondClientMs: number;
	projection: { ms: number } | { missing: string };
}

async function live(base: string, cookie: string, db: pg.Client, analysis: Analysis): Promise<Live> {
	const documentPath = await newMap(base, cookie, 'Bench: mappa importata');
	const documentId = documentPath.split('/').at(-1)!;
	const endpoint = { protocol: 'y-websocket' as const, url: `${base.replace('http', 'ws')}/collab`, room: documentId, headers: { cookie, origin: base } };
	const reader = connect(endpoint, 'Lettore');
	const writer = connect(endpoint, 'Importatore');
	try {
		await Promise.all([reader.synced, writer.synced]);
		const count = analysis.entries.length;
		const started = now();
		putEntries(writer.doc, analysis.entries);
		await holding(reader.doc, count);
		const secondClientMs = now() - started;
		const { rows } = await db.query<{ ok: boolean }>(
			`select exists (select 1 from information_schema.columns where table_schema = 'public' and table_name = 'map_entries' and column_name = 'document_id') as ok`
		);
		if (!rows[0].ok) return { secondClientMs, projection: { missing: 'this branch has no public.map_entries (the projection is built on another branch)' } };
		const deadline = started + 60_000;
		for (;;) {
			const { rows } = await db.query<{ n: number }>('select count(*)::int as n from public.map_entries where document_id = $1', [documentId]);
			if (rows[0].n >= count) return { secondClientMs, projection: { ms: now() - started } };
			if (now() > deadline) return { secondClientMs, projection: { missing: `only ${rows[0].n} of ${count} rows after 60 s` } };
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	} finally {
		reader.destroy();
		writer.destroy();
	}
}

interface PagePhases {
	readMs: number;
	readLongest: number;
	applyMs: number;
	applyLongest: number;
}

/** The entries page in Chromium, importing `bytes`: how long each phase took and its longest main-thread task. */
async function inBrowser(base: string, cookie: string, bytes: Uint8Array, valid: number): Promise<PagePhases> {
	const browser = await chromium.launch({ executablePath: locateChromium() ?? undefined, args: CHROMIUM_FLAGS });
	try {
		const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 800 } });
		await context.addCookies(cookie.split('; ').map((pair) => ({ name: pair.split('=')[0], value: pair.slice(pair.indexOf('=') + 1), url: base })));
		await context.addInitScript(() => {
			const tasks: { start: number; duration: number }[] = ((window as unknown as { longTasks: unknown }).longTasks = []);
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
			}).observe({ type: 'longtask', buffered: true });
		});
		const page = await context.newPage();
		// The network view draws little: what is measured is the import and the store, not another view's rendering.
		await page.goto(`${base}${await newMap(base, cookie, 'Bench: import nel browser')}/entries?view=network`);
		await page.getByRole('status').filter({ hasText: 'Connesso' }).waitFor();
		await page.getByRole('button', { name: 'Importa da CSV o GeoJSON' }).click();
		const clock = () => page.evaluate(() => performance.now());
		const longest = (from: number, to: number) =>
			page.evaluate(
				([from, to]) => Math.max(0, ...(window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start >= from && t.start <= to).map((t) => t.duration)),
				[from, to]
			);
		// The file reaches the page as a download would, rather than through
		// setInputFiles, whose own copying into the page is a long task of the harness.
		await page.route('**/bench-import.csv', (route) => route.fulfill({ body: Buffer.from(bytes), contentType: 'text/csv' }));
		const t0 = await clock();
		await page.evaluate(async () => {
			const blob = await (await fetch('/bench-import.csv')).blob();
			const files = new DataTransfer();
			files.items.add(new File([blob], 'mappa-10000.csv', { type: 'text/csv' }));
			const input = document.querySelector<HTMLInputElement>('#import-file')!;
			input.files = files.files;
			input.dispatchEvent(new Event('change', { bubbles: true }));
		});
		const confirm = page.getByRole('button', { name: /^Importa le .* righe valide$/ });
		await confirm.waitFor({ timeout: 60_000 });
		const t1 = await clock();
		await confirm.click();
		await page.getByRole('status').filter({ hasText: new RegExp(`^${valid} voci$`) }).waitFor({ timeout: 60_000 });
		const t2 = await clock();
		// Long tasks are reported after they end: give the last one time to arrive.
		await page.waitForTimeout(200);
		return { readMs: t1 - t0, readLongest: await longest(t0, t1), applyMs: t2 - t1, applyLongest: await longest(t1, t2) };
	} finally {
		await browser.close();
	}
}

// The machine is shared: a busy one makes every figure slower, so the load is noted with them.
const load = loadavg()[0];

// In this process.
const rows = benchRows(ROWS);
const csv = benchCsv(rows);
const geojson = benchGeoJson(rows);
const csvRead = timeAnalysis(csv, 'mappa.csv');
const geoRead = timeAnalysis(geojson, 'mappa.geojson');
const applied = timeApply(csvRead.analysis);
const valid = csvRead.analysis.entries.length;

// Against the built app on Postgres.
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query('drop database if exists trama_bench_map with (force)');
await admin.query('create database trama_bench_map');
await admin.end();
const url = databaseUrl(serverUrl, 'trama_bench_map');
const dir = mkdtempSync(path.join(tmpdir(), 'trama-bench-map-'));
const server = await startApp(PORT, { DATABASE_URL: url, TRAMA_DATA_DIR: dir });
let sync: Live;
let page: PagePhases;
try {
	const cookie = await signIn(server.base, 'marco.ferri@trama.test');
	const db = new pg.Client({ connectionString: url });
	await db.connect();
	try {
		sync = await live(server.base, cookie, db, csvRead.analysis);
	} finally {
		await db.end();
	}
	page = await inBrowser(server.base, cookie, csv, valid);
} finally {
	await stopApp(server);
	rmSync(dir, { recursive: true, force: true });
}

const MB = 1024 * 1024;
/** The Long Tasks API reports only tasks over 50 ms. */
const task = (ms: number) => (ms > 0 ? `${fmt(ms)} ms` : 'under 50 ms');
const projection = 'ms' in sync.projection ? `${fmt(sync.projection.ms)} ms` : `not measured: ${sync.projection.missing}`;
const table = [
	'| step | result |',
	'|---|---|',
	`| CSV file (; , Windows-1252) | ${fmt(ROWS)} rows, ${fmt(csv.byteLength / MB, 1)} MB; ${fmt(valid)} valid, ${fmt(csvRead.analysis.refused)} with problems |`,
	`| GeoJSON file | ${fmt(ROWS)} features, ${fmt(geojson.byteLength / MB, 1)} MB; ${fmt(geoRead.analysis.entries.length)} valid, ${fmt(geoRead.analysis.refused)} with problems |`,
	`| parse + check, CSV (median of ${RUNS}) | ${fmt(csvRead.ms)} ms |`,
	`| parse + check, GeoJSON (median of ${RUNS}) | ${fmt(geoRead.ms)} ms |`,
	`| apply ${fmt(valid)} entries to a Y.Doc, one transaction (median of ${RUNS}) | ${fmt(applied.ms)} ms |`,
	`| encoded update (Y.encodeStateAsUpdate) | ${fmt(applied.bytes / MB, 2)} MB (${fmt(applied.bytes / valid)} bytes an entry) |`,
	`| until a second y-websocket client has them all (built app, Postgres) | ${fmt(sync.secondClientMs)} ms |`,
	`| until the SQL projection holds them | ${projection} |`,
	`| page, reading the CSV in the worker until the review shows | ${fmt(page.readMs)} ms; longest main-thread task ${task(page.readLongest)} |`,
	`| page, applying the valid rows until the count shows them | ${fmt(page.applyMs)} ms; longest main-thread task ${task(page.applyLongest)} |`
].join('\n');
const when = new Date().toISOString();
const summary = `${fmt(ROWS)} rows: read and checked in ${fmt(csvRead.ms)} ms (CSV) and ${fmt(geoRead.ms)} ms (GeoJSON) off the page's thread, whose longest task while reading was ${task(page.readLongest)}; applying them took ${fmt(applied.ms)} ms in a Y.Doc (${fmt(applied.bytes / MB, 2)} MB update), ${fmt(sync.secondClientMs)} ms to reach a second client, and the page's longest task while applying was ${task(page.applyLongest)}.`;
writeFileSync(
	'bench/MAP.md',
	`# Trama territorial map import — results

Generated by \`npm run bench:map\` (bench/map-import.ts) on ${when}: ${fmt(ROWS)} real-looking rows of an Italian social district (bench/map-rows.ts; every hundredth row has a mistake an import must report), on the 2-core machine. Parsing and checking run here in Node as the page's Web Worker runs them; the live figures use the built app in Postgres mode over loopback; the page figures use Chromium with a PerformanceObserver on \`longtask\` (tasks over 50 ms), the entries page open on its network view so that the import and the entries' store are measured rather than another view's drawing. Load average when the run started: ${fmt(load, 2)} on 2 cores.

Reading happens in the worker, so the page's longest task while reading stays short whatever the file's size. Applying is one Yjs transaction, so an import arrives whole or not at all: its cost (writing the entries, the providers encoding the update for the socket and IndexedDB, the entries' store reading them back) is one task that grows with the number of rows.

${summary}

${table}
`
);
// RESULTS.md is rewritten by \`npm run bench\`, which keeps this section (writeResults).
const results = readFileSync('bench/RESULTS.md', 'utf8').replace(/\n*<!-- map -->[\s\S]*<!-- \/map -->\n?/, '\n');
const section = `<!-- map -->\n## Map import (\`npm run bench:map\`, ${when})\n\n${summary} Details: bench/MAP.md.\n<!-- /map -->`;
writeFileSync('bench/RESULTS.md', `${results.trimEnd()}\n\n${section}\n`);
console.log(`${summary}\n\n${table}`);
