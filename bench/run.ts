// `npm run bench`: Trama's collab server against Hocuspocus and the stock
// y-websocket server, same harness, same run, interleaved per workload.
// See bench/README.md.
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import pg from 'pg';
import { ClientPool } from './clients/pool.ts';
import { config } from './config.ts';
import { createDocuments, createPeople, recreateDatabase, seedAll } from './db.ts';
import { buildDocument } from './docs/build.ts';
import { commitInfo, consoleTable, machineInfo, markdown, writeResults, type Notes, type Results } from './report.ts';
import { cpuWindow, setBenchDatabase, waitForQuiet } from './server/machine.ts';
import { SYSTEMS } from './systems/index.ts';
import { tramaAvailable } from './systems/trama.ts';
import type { SystemName } from './systems/types.ts';
import { combineRounds, type Context, type EditingResult } from './workloads/context.ts';
import { memory } from './workloads/memory.ts';
import { open } from './workloads/open.ts';
import { w1 } from './workloads/w1.ts';
import { w1x2 } from './workloads/w1x2.ts';
import { w2 } from './workloads/w2.ts';
import { w3 } from './workloads/w3.ts';

const started = new Date();
const commit = commitInfo();
const t0 = performance.now();
const log = (message: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${message}`);

let tramaNote = process.env.BENCH_TRAMA_SETTINGS
	? `measured with settings ${process.env.BENCH_TRAMA_SETTINGS} over the defaults.`
	: 'measured with its default settings.';
let systems = config.systems.filter((s) => s in SYSTEMS);
if (systems.some((s) => s.startsWith('trama')) && !tramaAvailable()) {
	systems = systems.filter((s) => !s.startsWith('trama'));
	tramaNote =
		'not measured — src/lib/server/collab/index.ts (createCollabServer) does not exist yet; bench/systems/trama.ts is written against its interface and runs as soon as it does.';
	log(`Trama skipped: ${tramaNote}`);
}
if (process.env.BENCH_TRAMA_BUS === 'none') tramaNote += ' On one process without its Postgres bus (BENCH_TRAMA_BUS=none; W1 × 2 keeps it).';
if (!config.systems.includes('trama')) tramaNote = 'not selected for this run.';
// trama-redis is Trama with another bus: it runs only across processes (w1x2).
if (!config.workloads.includes('w1x2')) systems = systems.filter((s) => !SYSTEMS[s].onlyMultiProcess);

/** Whether a Redis answers PING at the URL (W1 × 2's Redis fan-out needs one). */
function redisAnswers(url: string): Promise<boolean> {
	const { hostname, port } = new URL(url);
	return new Promise((resolve) => {
		const socket = net.connect(Number(port || 6379), hostname);
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2_000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
	});
}
const redisUp = config.workloads.includes('w1x2') ? await redisAnswers(config.redisUrl) : false;
if (config.workloads.includes('w1x2') && !redisUp) log(`no Redis answers at ${config.redisUrl}: w1x2 runs only the systems that do not need it`);

log(`systems: ${systems.join(', ')}; workloads: ${config.workloads.join(', ')}${config.quick ? ' (quick)' : ''}`);
const databaseUrl = await recreateDatabase(config.postgresUrl, config.database);
setBenchDatabase(config.database);
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const fixture = await createPeople(db, 200, 200);
const documents = {
	w1: await createDocuments(db, fixture, 'W1', config.w1.documents),
	w2: await createDocuments(db, fixture, 'W2', 1),
	w3: await createDocuments(db, fixture, 'W3', config.w3.documents),
	memory: await createDocuments(db, fixture, 'memoria', config.memory.base + config.memory.documents),
	open1mb: (await createDocuments(db, fixture, '1 MB', 1))[0],
	open16mb: (await createDocuments(db, fixture, '16 MB', 1))[0]
};
log('building documents (cached in bench/.cache)');
const typical = buildDocument(config.typicalBytes, 'typical');
const oneMb = buildDocument(1024 * 1024, '1mb');
const sixteenMb = buildDocument(16 * 1024 * 1024, '16mb');
log(`seeding ${systems.length} systems' storage`);
const chosen = systems.map((s) => SYSTEMS[s]);
await seedAll(
	db,
	chosen,
	[...documents.w1, ...documents.w2, ...documents.w3, ...documents.memory].map((id) => ({ id, state: typical }))
);
await seedAll(db, chosen, [
	{ id: documents.open1mb, state: oneMb },
	{ id: documents.open16mb, state: sixteenMb }
]);
await db.query('vacuum analyze');
await db.end();

const pool = new ClientPool(config.workers);
const ctx: Context = { config, databaseUrl, pool, fixture, documents, log };
const results: Results = { w1: {}, w1x2: {}, w2: {}, w3: {}, memory: {}, open: {} };
const runners = { w1, w1x2, w2, w3, memory, open } as const;
const errors: string[] = [];

// Fresh client processes run their code unoptimised at first; whichever
// system came first would pay for that. A short unmeasured W1 per client
// protocol, against a peer server, warms them up.
if (config.workloads.some((w) => w === 'w1' || w === 'w1x2' || w === 'w2')) {
	const protocols = new Set(systems.map((s) => SYSTEMS[s].protocol));
	for (const protocol of protocols) {
		// Against a peer where there is one, so Trama's first run is not also its warm-up.
		const name =
			systems.find((s) => !s.startsWith('trama') && SYSTEMS[s].protocol === protocol) ??
			systems.find((s) => SYSTEMS[s].protocol === protocol)!;
		log(`warming up the clients (${SYSTEMS[name].protocol} protocol, not measured)`);
		await w1(SYSTEMS[name], { ...ctx, config: { ...config, warmupSeconds: 0, w1: { ...config.w1, measureSeconds: 4 } }, log: () => {} }).catch(
			(error) => log(`  warm-up failed: ${(error as Error).message}`)
		);
	}
}

const disturbed: string[] = [];
/** W1's and W1 × 2's rounds so far, per system: pooled into one result. */
const roundsOf = { w1: {} as Partial<Record<SystemName, EditingResult[]>>, w1x2: {} as Partial<Record<SystemName, EditingResult[]>> };
/** Why a system does not run a workload, or null when it does. */
const notRun = (workload: string, name: SystemName): string | null => {
	const system = SYSTEMS[name];
	if (workload !== 'w1x2') return system.onlyMultiProcess ? '' : null;
	if ('cannot' in system.multiProcess) return system.multiProcess.cannot;
	if (system.usesRedis && !redisUp) return `needs Redis, and none answers at ${config.redisUrl}`;
	return null;
};
for (const workload of config.workloads) {
	const rounds = workload === 'w1' ? config.w1.rounds : workload === 'w1x2' ? config.w1x2.rounds : 1;
	for (let round = 1; round <= rounds; round++)
	for (const name of systems) {
		const skip = notRun(workload, name);
		if (skip !== null) {
			if (skip && round === 1) log(`${workload} · ${name}: not run (${skip})`);
			continue;
		}
		log(`${workload}${rounds > 1 ? ` round ${round}/${rounds}` : ''} · ${name}`);
		try {
			// Other people's work on this machine would be measured as ours: wait
			// for a quiet moment, and run again (once, while time allows) if it was
			// disturbed anyway; RESULTS.md lists what stayed disturbed.
			let result: unknown;
			for (let attempt = 1; ; attempt++) {
				await waitForQuiet(25, 90_000, log);
				const window = cpuWindow();
				result = await runners[workload](SYSTEMS[name], ctx);
				const foreign = window().foreignPercent;
				if (foreign <= 25) break;
				const note = `${workload}${rounds > 1 ? ` round ${round}` : ''} · ${name}: other processes used ${foreign.toFixed(0)} % of a core meanwhile`;
				const retry = attempt === 1 && performance.now() - t0 < 8 * 60_000;
				log(`  ${note}${retry ? '; running it again' : ''}`);
				if (!retry) {
					disturbed.push(note);
					break;
				}
			}
			if (workload === 'w1' || workload === 'w1x2') {
				const kept = (roundsOf[workload][name] ??= []);
				kept.push(result as EditingResult);
				result = combineRounds(kept);
			}
			(results[workload] as Record<string, unknown>)[name] = result;
			if (workload === 'w1' || workload === 'w1x2' || workload === 'w2') {
				const r = (workload === 'w2' ? result : roundsOf[workload][name]!.at(-1)) as EditingResult;
				log(
					`  p50 ${r.latency.p50.toFixed(2)} ms, p99 ${r.latency.p99.toFixed(2)} ms, max ${r.latency.max.toFixed(1)} ms, ` +
						`${r.edits} edits, delivered ${(r.delivered * 100).toFixed(2)} %, server CPU ${r.server.cpuPercent.toFixed(0)} %` +
						(r.servers.length > 1 ? ` (${r.servers.map((s) => s.cpuPercent.toFixed(0)).join(' + ')})` : '') +
						`, Postgres CPU ${r.cpu.postgresPercent.toFixed(0)} %, Redis CPU ${r.cpu.redisPercent.toFixed(0)} %, machine ${r.cpu.machinePercent.toFixed(0)} %, ` +
						`client loop p99 ${r.clientEventLoop.p99.toFixed(1)} ms`
				);
				log(
					`  server loop p99 ${r.server.eventLoop.p99.toFixed(1)} / max ${r.server.eventLoop.max.toFixed(0)} ms, GC ${r.server.gc.totalMs.toFixed(0)} ms (longest ${r.server.gc.maxMs.toFixed(0)}); ` +
						`client loop max ${r.clientEventLoop.max.toFixed(0)} ms, GC ${r.clientGc.totalMs.toFixed(0)} ms (longest ${r.clientGc.maxMs.toFixed(0)})`
				);
				log(`  worst per second: ${r.worstBySecond.map((v) => v.toFixed(0)).join(' ')}`);
			}
		} catch (error) {
			const message = `${workload} · ${name}: ${(error as Error).message}`;
			errors.push(message);
			log(`  FAILED ${message}`);
			(results[workload] as Record<string, unknown>)[name] = { error: String(error) };
		}
	}
}
await pool.terminate();

console.log('\n' + consoleTable(config, results, systems as SystemName[]) + '\n');
const minutes = (performance.now() - t0) / 60000;
if (config.out) {
	const notes: Notes = {
		started: started.toISOString(),
		minutes,
		systems: systems as SystemName[],
		persistence: Object.fromEntries(chosen.filter((s) => !s.onlyMultiProcess).map((s) => [s.name, s.persistence])),
		multiProcess: Object.fromEntries(
			chosen.map((s) => [s.name, 'cannot' in s.multiProcess ? `not run: ${s.multiProcess.cannot}` : s.multiProcess.how])
		),
		trama: tramaNote,
		errors,
		disturbed,
		machine: machineInfo(),
		commit
	};
	writeResults(config.out, markdown(config, results, notes));
	writeFileSync(
		config.out.replace(/\.md$/, '.json'),
		JSON.stringify({ config, results, notes }, (key, value) => (key === 'samples' ? undefined : value), '\t')
	);
	log(`wrote ${config.out}`);
}
log(`done in ${minutes.toFixed(1)} min`);
process.exit(errors.length ? 1 : 0);
