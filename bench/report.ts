// The results table: stdout and bench/RESULTS.md. Each line is one number
// per system; a line with a target marks each value ✅/❌, and the last
// column says whether Trama is no worse than either peer on that line.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { Config } from './config.ts';
import { median } from './stats.ts';
import type { SystemName } from './systems/types.ts';
import type { EditingResult } from './workloads/context.ts';
import type { MemoryResult } from './workloads/memory.ts';
import type { OpenResult } from './workloads/open.ts';
import type { IdleResult } from './workloads/w3.ts';

export type Outcome<T> = T | { error: string };
export interface Results {
	w1: Partial<Record<SystemName, Outcome<EditingResult>>>;
	w1x2: Partial<Record<SystemName, Outcome<EditingResult>>>;
	w2: Partial<Record<SystemName, Outcome<EditingResult>>>;
	w3: Partial<Record<SystemName, Outcome<IdleResult>>>;
	memory: Partial<Record<SystemName, Outcome<MemoryResult>>>;
	open: Partial<Record<SystemName, Outcome<OpenResult>>>;
}

/** The table's columns. trama-redis appears in Trama's column on its own lines (W1 × 2 over Redis). */
const SYSTEMS: SystemName[] = ['trama', 'hocuspocus', 'y-websocket-server'];
const PEERS: SystemName[] = ['hocuspocus', 'y-websocket-server'];

interface Line {
	section: string;
	metric: string;
	target?: number;
	/** The target is "no worse than either peer" itself (W1's p50). */
	targetNoWorse?: boolean;
	/** true when more is better (delivery ratio). */
	higher?: boolean;
	/** About the harness, not the server: never compared. */
	info?: boolean;
	/** A value of Trama's alone (a ratio to the peers): the peers' cells stay empty and nothing is compared. */
	tramaOnly?: boolean;
	/** The result shown in Trama's column (default trama; W1 × 2 over Redis: trama-redis). */
	tramaAs?: SystemName;
	/** The peers Trama is compared with on this line (default both; W1 × 2: Hocuspocus alone). */
	peers?: SystemName[];
	/** Differences this small are measurement noise, not "worse". */
	slack: number;
	digits: number;
	value: (results: Results, system: SystemName) => number | undefined;
	failed: (results: Results, system: SystemName) => boolean;
}

const ok = <T>(o: Outcome<T> | undefined): T | undefined => (o && !('error' in (o as object)) ? (o as T) : undefined);

type EditingKey = 'w1' | 'w1x2' | 'w2';
type LineSpec = Omit<Line, 'failed'>;

function editingLines(
	config: Config,
	key: EditingKey,
	title: string,
	targets: { p50?: number | 'no worse'; p99?: number },
	extra: Partial<LineSpec> = {}
): LineSpec[] {
	// RESULTS.json from before a workload existed has no entry for it.
	const get = (r: Results, s: SystemName) => ok(r[key]?.[s]);
	const rate = key === 'w2' ? config.w2.editors * config.w2.editsPerSecond : config.w1.documents * config.w1.editors * config.w1.editsPerSecond;
	const several = key === 'w1x2';
	const both = several ? ', both processes' : '';
	const lines: LineSpec[] = [
		{
			section: title,
			metric: 'propagation p50 (ms)',
			target: typeof targets.p50 === 'number' ? targets.p50 : undefined,
			targetNoWorse: targets.p50 === 'no worse',
			slack: 1,
			digits: 2,
			value: (r, s) => get(r, s)?.latency.p50
		},
		{ section: title, metric: 'propagation p99 (ms)', target: targets.p99, slack: 2, digits: 2, value: (r, s) => get(r, s)?.latency.p99 },
		...(key === 'w1'
			? [
					{
						section: title,
						metric: 'propagation p99, Trama ÷ the better peer',
						target: 0.5,
						tramaOnly: true,
						slack: 0,
						digits: 2,
						value: (r: Results, s: SystemName) => {
							if (s !== 'trama') return undefined;
							const peers = PEERS.map((p) => get(r, p)?.latency.p99);
							const trama = get(r, s)?.latency.p99;
							if (trama === undefined || peers.some((p) => p === undefined)) return undefined;
							return trama / Math.min(...(peers as number[]));
						}
					}
				]
			: []),
		{ section: title, metric: 'propagation max (ms)', slack: 10, digits: 1, value: (r, s) => get(r, s)?.latency.max },
		{ section: title, metric: 'edits delivered (%)', higher: true, slack: 0.1, digits: 2, value: (r, s) => pct(get(r, s)?.delivered) },
		{ section: title, metric: `edits sent per second (harness; asked ${rate})`, info: true, slack: 0, digits: 0, value: (r, s) => get(r, s)?.editsPerSecond },
		{ section: title, metric: 'whole machine CPU (harness, % of a core; 200 = both)', info: true, slack: 0, digits: 0, value: (r, s) => get(r, s)?.cpu.machinePercent },
		{ section: title, metric: 'client event-loop delay p99 (harness, ms)', info: true, slack: 0, digits: 1, value: (r, s) => get(r, s)?.clientEventLoop.p99 },
		{ section: title, metric: `server event-loop delay p50 (ms${several ? ', the worse process' : ''})`, slack: 1, digits: 2, value: (r, s) => get(r, s)?.server.eventLoop.p50 },
		{ section: title, metric: `server event-loop delay p99 (ms${several ? ', the worse process' : ''})`, slack: 2, digits: 2, value: (r, s) => get(r, s)?.server.eventLoop.p99 },
		{ section: title, metric: `server event-loop delay max (ms${several ? ', the worse process' : ''})`, slack: 10, digits: 1, value: (r, s) => get(r, s)?.server.eventLoop.max },
		{ section: title, metric: `server CPU (% of a core${both})`, slack: 3, digits: 1, value: (r, s) => get(r, s)?.server.cpuPercent },
		{ section: title, metric: 'Postgres CPU (% of a core)', slack: 3, digits: 1, value: (r, s) => get(r, s)?.cpu.postgresPercent },
		...(several
			? [{ section: title, metric: 'Redis CPU (% of a core)', slack: 3, digits: 1, value: (r: Results, s: SystemName) => get(r, s)?.cpu.redisPercent }]
			: []),
		{ section: title, metric: `server peak RSS (MB${both})`, slack: 5, digits: 0, value: (r, s) => get(r, s)?.server.peakRssMb },
		...(several
			? [
					{
						section: title,
						metric: 'server peak RSS (MB, the larger process)',
						slack: 5,
						digits: 0,
						value: (r: Results, s: SystemName) => {
							const servers = get(r, s)?.servers;
							return servers?.length ? Math.max(...servers.map((x) => x.peakRssMb)) : undefined;
						}
					}
				]
			: []),
		{ section: title, metric: 'connect → synced p50 (ms)', slack: 2, digits: 1, value: (r, s) => get(r, s)?.connect.p50 },
		{ section: title, metric: 'connect → synced p99 (ms)', slack: 5, digits: 1, value: (r, s) => get(r, s)?.connect.p99 }
	];
	return lines.map((line) => ({ ...line, ...extra }));
}
const pct = (v: number | undefined) => (v === undefined ? undefined : v * 100);

const failedIn = (key: keyof Results) => (r: Results, s: SystemName) => {
	const o = r[key]?.[s];
	return !!o && 'error' in (o as object);
};

export function lines(config: Config): Line[] {
	return allLines(config).map((line) => ({ ...line, failed: failedIn(keyOf(line.section)) }));
}

function keyOf(section: string): keyof Results {
	if (section.startsWith('W1 × 2')) return 'w1x2';
	if (section.startsWith('W1')) return 'w1';
	if (section.startsWith('W2')) return 'w2';
	if (section.startsWith('W3')) return 'w3';
	if (section.startsWith('Memory')) return 'memory';
	return 'open';
}

/** W1 × 2 over Redis: the lines worth a second look when only the bus changes. */
const REDIS_METRICS = /^(propagation|edits delivered|server CPU|Postgres CPU|Redis CPU|server peak RSS|connect)/;

function allLines(config: Config): LineSpec[] {
	const w3 = (r: Results, s: SystemName) => ok(r.w3[s]);
	const open = (r: Results, s: SystemName) => ok(r.open[s]);
	const memory = (r: Results, s: SystemName) => ok(r.memory[s]);
	const { w1, w2 } = config;
	const twoProcesses = `W1 × 2 — W1 on ${config.w1x2?.processes ?? 2} server processes (each document's clients split between them)`;
	return [
		...editingLines(config, 'w1', `W1 — ${w1.documents} docs × ${w1.editors} editors @ ${w1.editsPerSecond}/s (not applying each other's edits) + ${w1.viewers} viewers, one server process`, {
			p50: 'no worse'
		}),
		...editingLines(config, 'w1x2', `${twoProcesses}: Trama over Postgres NOTIFY, Hocuspocus over Redis`, { p99: 50 }, { peers: ['hocuspocus'] }),
		...editingLines(config, 'w1x2', `W1 × 2 (Redis bus) — Trama over Redis (redisBus); Hocuspocus as above`, { p99: 50 }, {
			peers: ['hocuspocus'],
			tramaAs: 'trama-redis'
		}).filter((line) => REDIS_METRICS.test(line.metric)),
		...editingLines(
			config,
			'w2',
			w2.observers
				? `W2 — 1 doc × ${w2.editors} editors @ ${w2.editsPerSecond}/s (read, not applying each other's edits) + ${w2.observers} observers`
				: `W2 — 1 doc × ${w2.editors} editors @ ${w2.editsPerSecond}/s`,
			{ p99: 150 }
		),
		{ section: `W3 — ${config.w3.connections} idle connections`, metric: 'server peak RSS (MB)', target: 600, slack: 5, digits: 0, value: (r, s) => w3(r, s)?.peakRssMb },
		{ section: 'W3', metric: 'server RSS after GC (MB)', slack: 5, digits: 0, value: (r, s) => w3(r, s)?.settledRssMb },
		{ section: 'W3', metric: 'of which: fresh server (MB)', slack: 5, digits: 0, value: (r, s) => w3(r, s)?.baselineRssMb },
		{ section: 'W3', metric: `of which: ${config.w3.documents} documents open, 1 connection each (MB)`, slack: 5, digits: 0, value: (r, s) => w3(r, s)?.documentsOpenRssMb },
		{ section: 'W3', metric: 'RSS per further idle connection (KB)', slack: 5, digits: 1, value: (r, s) => w3(r, s)?.rssPerConnectionKb },
		{ section: 'W3', metric: 'server CPU while idle (% of a core)', slack: 1, digits: 1, value: (r, s) => w3(r, s)?.idle.cpuPercent },
		{ section: 'W3', metric: 'server event-loop delay p99 idle (ms)', slack: 2, digits: 2, value: (r, s) => w3(r, s)?.idle.eventLoop.p99 },
		{ section: 'W3', metric: 'connect → synced p50 (ms)', slack: 2, digits: 1, value: (r, s) => w3(r, s)?.connect.p50 },
		{ section: 'W3', metric: 'connect → synced p99 (ms)', slack: 5, digits: 1, value: (r, s) => w3(r, s)?.connect.p99 },
		{ section: 'Memory per open document (20 KB doc, 1 connection)', metric: 'RSS (KB)', slack: 10, digits: 0, value: (r, s) => memory(r, s)?.rssPerDocumentKb },
		{ section: 'Memory', metric: 'JS heap (KB)', slack: 10, digits: 0, value: (r, s) => memory(r, s)?.heapPerDocumentKb },
		{ section: 'Open (median, socket → whole document)', metric: '1 MB warm (ms)', target: 100, slack: 2, digits: 1, value: (r, s) => median(open(r, s)?.warm1mb ?? []) },
		{ section: 'Open', metric: '1 MB cold from Postgres (ms)', target: 500, slack: 5, digits: 1, value: (r, s) => median(open(r, s)?.cold1mb ?? []) },
		{ section: 'Open', metric: '16 MB warm (ms)', slack: 20, digits: 0, value: (r, s) => median(open(r, s)?.warm16mb ?? []) },
		{ section: 'Open', metric: '16 MB cold from Postgres (ms)', slack: 50, digits: 0, value: (r, s) => median(open(r, s)?.cold16mb ?? []) }
	];
}

interface Row {
	section: string;
	metric: string;
	target: string;
	cells: string[];
	meetsTarget: boolean | null;
	noWorse: boolean | null;
}

function rows(config: Config, results: Results, systems: SystemName[]): Row[] {
	return lines(config).map((line) => {
		// The result in each column: the column's system, but Trama's column may show a variant of it.
		const shown = (column: SystemName): SystemName => (column === 'trama' ? (line.tramaAs ?? 'trama') : column);
		const values = Object.fromEntries(SYSTEMS.map((s) => [s, finite(line.value(results, shown(s)))])) as Record<SystemName, number | undefined>;
		const meets = (v: number | undefined) =>
			line.target === undefined || v === undefined ? null : line.higher ? v >= line.target : v <= line.target;
		const cells = SYSTEMS.map((s) => {
			if (!systems.includes(shown(s))) return 'not run';
			if (line.tramaOnly && s !== 'trama') return '';
			const v = values[s];
			if (v === undefined) return line.failed(results, shown(s)) ? 'failed' : '—';
			const m = s === 'trama' || !line.tramaOnly ? meets(v) : null;
			return `${v.toFixed(line.digits)}${m === null ? '' : m ? ' ✅' : ' ❌'}`;
		});
		const trama = values.trama;
		const peerNames = line.peers ?? PEERS;
		const peers = peerNames.map((p) => values[p]).filter((v): v is number => v !== undefined);
		let noWorse: boolean | null = null;
		if (!line.info && !line.tramaOnly && trama !== undefined && peers.length === peerNames.length) {
			noWorse = peers.every((p) => (line.higher ? trama >= p - line.slack : trama <= Math.max(p * 1.1, p + line.slack)));
		}
		return {
			section: line.section,
			metric: line.metric,
			target: line.targetNoWorse
				? 'no worse than either peer'
				: line.target === undefined
					? ''
					: `${line.higher ? '≥' : '≤'} ${line.target}${line.peers ? ` and no worse than ${line.peers.join(', ')}` : ''}`,
			cells,
			meetsTarget: line.targetNoWorse ? noWorse : meets(trama),
			noWorse
		};
	});
}

const finite = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? undefined : v);
const mark = (b: boolean | null) => (b === null ? '—' : b ? '✅' : '❌');

export function table(config: Config, results: Results, systems: SystemName[]): string {
	const out = [
		'| section | metric | target | trama | hocuspocus | y-websocket-server | Trama meets target | Trama no worse than the peers (W1 × 2: Hocuspocus) |',
		'|---|---|---|---|---|---|---|---|'
	];
	let last = '';
	for (const row of rows(config, results, systems)) {
		const section = row.section === last ? '' : row.section;
		last = row.section;
		out.push(`| ${section} | ${row.metric} | ${row.target} | ${row.cells.join(' | ')} | ${row.target ? mark(row.meetsTarget) : '—'} | ${mark(row.noWorse)} |`);
	}
	return out.join('\n');
}

/** Plain-text table for the terminal. */
export function consoleTable(config: Config, results: Results, systems: SystemName[]): string {
	const data = rows(config, results, systems).map((r) => [r.section, r.metric, r.target, ...r.cells, r.target ? mark(r.meetsTarget) : '', mark(r.noWorse)]);
	const header = ['section', 'metric', 'target', 'trama', 'hocuspocus', 'y-ws-server', 'target', 'vs peers'];
	const all = [header, ...data];
	const width = header.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
	let last = '';
	return all
		.map((r, j) => {
			const cells = [...r];
			if (j > 0) {
				if (cells[0] === last) cells[0] = '';
				else last = cells[0];
			}
			return cells.map((c, i) => c.padEnd(width[i])).join('  ');
		})
		.join('\n');
}

function version(pkg: string): string {
	try {
		return JSON.parse(readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')).version;
	} catch {
		return '?';
	}
}

function postgresVersion(): string {
	try {
		return execSync('psql --version', { encoding: 'utf8' }).trim();
	} catch {
		return 'PostgreSQL';
	}
}

export interface Notes {
	started: string;
	minutes: number;
	systems: SystemName[];
	persistence: Record<string, string>;
	/** How each system runs on two processes (W1 × 2), or why it does not. */
	multiProcess?: Record<string, string>;
	trama: string;
	errors: string[];
	disturbed: string[];
	machine?: string;
	/** The commit measured, and whether src/lib/server/collab had uncommitted changes. */
	commit?: string;
}

/** Per editing run: was the harness able to do what was asked? */
function health(config: Config, results: Results, systems: SystemName[]): string[] {
	const out: string[] = [];
	for (const key of ['w1', 'w1x2', 'w2'] as const) {
		for (const name of systems) {
			const r = ok(results[key]?.[name]);
			if (!r) continue;
			const asked =
				key === 'w2' ? config.w2.editors * config.w2.editsPerSecond : config.w1.documents * config.w1.editors * config.w1.editsPerSecond;
			const saturated = r.clientEventLoop.p99 > 50 || r.editsPerSecond < asked * 0.9;
			out.push(
				`- ${key === 'w1x2' ? 'W1 × 2' : key.toUpperCase()} · ${name}: client event loop p50 ${r.clientEventLoop.p50.toFixed(1)} ms, p99 ${r.clientEventLoop.p99.toFixed(1)} ms, max ${r.clientEventLoop.max.toFixed(0)} ms; ` +
					`${r.editsPerSecond.toFixed(0)} of ${asked} edits/s sent; client GC ${r.clientGc.totalMs.toFixed(0)} ms in total, longest ${r.clientGc.maxMs.toFixed(0)} ms; ` +
					`machine CPU ${r.cpu.machinePercent.toFixed(0)} % of a core, of which other people's processes ${r.cpu.foreignPercent.toFixed(0)} %` +
					(saturated ? ' — **harness saturated: these latencies are mostly the clients’ own queueing, not the server’s**' : '')
			);
		}
	}
	return out;
}

/** The machine and the software versions, as RESULTS.md shows them. */
export function machineInfo(): string {
	const cpus = os.cpus();
	return `- Machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.type()} ${os.release()}
- Node ${process.version}; ${postgresVersion()} on 127.0.0.1
- yjs ${version('yjs')}, y-protocols ${version('y-protocols')}, y-websocket ${version('y-websocket')} (client), ws ${version('ws')},
  @hocuspocus/server ${version('@hocuspocus/server')} + @hocuspocus/provider ${version('@hocuspocus/provider')}, @y/websocket-server ${version('@y/websocket-server')}`;
}

export function markdown(config: Config, results: Results, notes: Notes): string {
	const systems = notes.systems;
	const started = new Date(notes.started);
	const targets = rows(config, results, systems).filter((r) => r.target);
	const summary = targets.map(
		(r) =>
			`- ${r.section.split(' — ')[0]} ${r.metric} ${r.target}: Trama ${mark(r.meetsTarget)}` +
			(r.noWorse === null || r.target.startsWith('no worse') ? '' : `, no worse than ${r.section.startsWith('W1 × 2') ? 'Hocuspocus' : 'either peer'} ${mark(r.noWorse)}`)
	);
	return `# Trama collab benchmark — results

Generated by \`npm run bench\` (bench/run.ts) on ${started.toISOString()} in ${notes.minutes.toFixed(1)} minutes.
See bench/README.md for what each number means and how it is measured. The pages of a grown network and their live updates are measured by \`npm run bench:pages\`: bench/PAGES.md.

${notes.machine ?? machineInfo()}
- Each server alone in its own process (W1 × 2: two processes); the simulated clients in ${config.workers} client processes under \`nice -n 10\`, so that the server under test gets the cores first. Systems interleaved per workload in the order trama → (trama-redis) → hocuspocus → y-websocket-server.
- Each editing run: ${config.warmupSeconds} s warm-up, then the measured window — W1 ${config.w1.rounds} × ${config.w1.measureSeconds} s${config.w1x2 ? ` and W1 × 2 ${config.w1x2.rounds} × ${config.w1x2.measureSeconds} s` : ''} (rounds interleaved across systems, samples pooled, other lines the median round), W2 ${config.measureSeconds} s. W3 idle period ${config.w3.idleSeconds} s. Open times: median of ${config.open.runs1mb} runs (1 MB) and ${config.open.runs16mb} runs (16 MB).${config.quick ? '\n- **QUICK RUN (smoke test): short windows, not a result.**' : ''}

**Trama:** ${notes.trama}${notes.commit ? ` Commit ${notes.commit}.` : ''}

${table(config, results, systems)}

Reading it:
- **W1**: Trama's p99 is also shown as a ratio of the better peer's p99 in the same run (target ≤ 0.5); its p50's target is to be no worse than either peer.
- **W1 × 2**: the same clients on two server processes of each system, each document's editors and viewers split evenly between them, so that every edit reaches half its receivers through the other process. Server CPU and RSS are the two processes' sum (and the larger process's RSS); event-loop lines are the worse process's. Postgres CPU includes Trama's NOTIFY fan-out, Redis CPU the Redis fan-out (all of the machine's redis-server). The y-websocket server cannot share a document between processes: "—". Compared with Hocuspocus alone.
- **W1, W1 × 2**: the editors read every message the server sends them but do not apply each other's edits; the ${config.w1.viewers} viewers of each document apply everything and log the propagation (the server's work is unchanged).
- **W2**: the 200 editors read every message the server sends them but do not apply each other's edits (two cores cannot run 200 Yjs documents applying 200 updates a second each); ${config.w2.observers ?? 0} observers (read-only viewers) apply everything and log the propagation. The server's work is unchanged: it receives, applies, stores and sends every edit to all ${config.w2.editors + (config.w2.observers ?? 0)} sockets.
- Trama checks the session and the person's role in Postgres on every socket upgrade; the peers admit anyone. That is in its connect → synced and open times.
- Open times include the client applying the document (about 0.6 s of the 16 MB ones).

"No worse than either peer" allows measurement noise: Trama's value may exceed the better peer's by 10 % or by the line's slack (1 ms p50, 2 ms p99, 5 MB RSS, 2–50 ms open times, …), whichever is larger.

## Targets

${summary.join('\n')}

## Harness health

The clients share the two cores with the server; a client process whose event loop is late adds that lateness to the latencies it logs. During the measured windows:

${health(config, results, systems).join('\n')}

Other people's processes on the machine (CPU that was neither the bench's nor Postgres's nor Redis's; each run waits for a quiet moment first):
${notes.disturbed.length ? notes.disturbed.map((d) => `- **disturbed:** ${d}`).join('\n') : '- none above 25 % of a core during any run.'}

## Persistence used for each system

${Object.entries(notes.persistence)
	.map(([name, text]) => `- **${name}**: ${text}`)
	.join('\n')}

${
	notes.multiProcess
		? `On two processes (W1 × 2):\n\n${Object.entries(notes.multiProcess)
				.map(([name, text]) => `- **${name}**: ${text}`)
				.join('\n')}\n\n`
		: ''
}Cold opens therefore read from Postgres for all three. For y-websocket-server, setupWSConnection does not wait for its persistence to load: its \`synced\` event fires with the document still empty and the content follows as an update; open times here are to the whole document, for every system.
${notes.errors.length ? `\n## Errors\n\n${notes.errors.map((e) => `- ${e}`).join('\n')}\n` : ''}`;
}

/**
 * Writes RESULTS.md, keeping the sections other benchmarks wrote into it
 * (bench/files.ts and bench/map-import.ts, between <!-- files --> and <!-- map --> markers).
 */
export function writeResults(file: string, text: string) {
	const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
	const kept = ['files', 'map'].map((name) => new RegExp(`<!-- ${name} -->[\\s\\S]*<!-- /${name} -->`).exec(previous)?.[0]).filter(Boolean);
	writeFileSync(file, kept.length ? `${[text.trimEnd(), ...kept].join('\n\n')}\n` : text);
}

// Re-renders RESULTS.md from RESULTS.json: node bench/report.ts [bench/RESULTS.json]
if (import.meta.main) {
	const file = process.argv[2] ?? 'bench/RESULTS.json';
	const { config, results, notes } = JSON.parse(readFileSync(file, 'utf8'));
	writeResults(file.replace(/\.json$/, '.md'), markdown(config, results, notes));
	console.log(consoleTable(config, results, notes.systems));
}

/** The commit being measured (read-only git). */
export function commitInfo(): string | undefined {
	try {
		const head = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
		const dirty = execSync('git status --porcelain src/lib/server/collab', { encoding: 'utf8' }).trim();
		return dirty ? `${head} with uncommitted changes in src/lib/server/collab` : head;
	} catch {
		return undefined;
	}
}
