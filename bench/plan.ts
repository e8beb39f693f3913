// `npm run bench:plan`: a co-design plan of 300 actions (BENCH_PLAN_ACTIONS)
// with 3,000 progress updates (ten an action) in a fresh embedded database,
// and what its size costs: reading it as a member, the roll-up, the CSV,
// XLSX, monitoring PDF and DOCX exports in this process as the routes do,
// then the monitoring PDF's download and the plan's pages over HTTP from the built app
// (`npx vite build` first); a page this build does not have is skipped with
// a line saying so. A benchmark, not a test: it fails on nothing. It writes
// its table to bench/PLAN.md with the machine's load; see there for how the
// harness keeps itself out of what it measures.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { signIn, startApp, stopApp } from './app-server.ts';
import { connect } from './clients/client.ts';
import { quantile } from './stats.ts';
import { DEMO_PARTNERS } from '../src/lib/server/db/demo-map.ts';
import { openPglite } from '../src/lib/server/db/pglite.ts';
import { withUser } from '../src/lib/server/db/with-user.ts';
import { putItems } from '../src/lib/structured/items-doc.ts';
import { PLAN_ACTIONS, PLAN_OBJECTIVES } from '../src/lib/plan/plan-doc.ts';
import { blankAction, blankObjective, type Action, type Objective } from '../src/lib/plan/plan.ts';
import { SYSTEMS } from '../src/lib/domain.ts';
import { actionStates, objectiveRollups, rollup } from '../src/lib/plan/rollup.ts';
import { readPlanExport, type PlanExportData } from '../src/lib/server/plan/export-data.ts';
import { planReport, planTableOf, type PlanReportSource } from '../src/lib/plan/report.ts';
import { planToCsv } from '../src/lib/plan/export-csv.ts';
import { planToXlsx } from '../src/lib/plan/export-xlsx.ts';
import { planReportPdf } from '../src/lib/plan/report-pdf.ts';
import { planReportDocx } from '../src/lib/plan/report-docx.ts';

const NETWORK = 'de000000-0000-4000-8000-000000000001';
const PORT = 3935;
const ACTIONS = Number(process.env.BENCH_PLAN_ACTIONS ?? 300);
const UPDATES_PER_ACTION = Number(process.env.BENCH_PLAN_UPDATES_PER_ACTION ?? 10);
// Three timed runs a step keep the whole run under two minutes on a busy two-core machine.
const RUNS = Number(process.env.BENCH_PLAN_RUNS ?? 3);
const TODAY = '2026-12-08';
// The demo's facilitator and an editor (src/lib/server/db/seed.ts, which Node cannot import: it reads seed.sql through Vite).
const GIULIA = { sub: 'd0000000-0000-4000-8000-000000000001', email: 'giulia.rinaldi@trama.test', role: 'authenticated' as const };
const MARCO_ID = 'd0000000-0000-4000-8000-000000000002';

interface Step {
	name: string;
	/** Measured over HTTP against the app: this process's CPU says nothing of it. */
	http?: boolean;
	run: () => Promise<string>;
}
interface Timing {
	name: string;
	medianMs: number;
	p95Ms: number;
	cpuMs: number | null;
	result: string;
}

const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-GB')} KiB`;
const uuid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Ten general objectives with two specific ones each, and ACTIONS actions over the specific ones, every field filled. */
function makePlan(): { objectives: Objective[]; actions: Action[] } {
	const partners = Object.values(DEMO_PARTNERS);
	const objectives: Objective[] = [];
	for (let g = 1; g <= 10; g++) {
		const general = blankObjective(uuid('b0000000', g), { title: `Obiettivo generale n. ${g}`, description: 'Più persone in carico ai servizi lavorano.' });
		objectives.push(general);
		for (let s = 1; s <= 2; s++) {
			objectives.push(blankObjective(uuid('b1000000', g * 10 + s), { level: 'specific', parentId: general.id, title: `Obiettivo specifico n. ${g}.${s}` }));
		}
	}
	const specifics = objectives.filter((objective) => objective.level === 'specific');
	const actions = Array.from({ length: ACTIONS }, (_, i) =>
		blankAction(uuid('b2000000', i + 1), specifics[i % specifics.length].id, {
			title: `Azione n. ${i + 1}: tirocini e accompagnamento`,
			description: 'Tirocini di inclusione con un tutor della cooperativa e un referente del servizio.',
			leadPartnerId: partners[i % partners.length],
			partnerIds: [partners[(i + 1) % partners.length], partners[(i + 2) % partners.length]],
			system: SYSTEMS[i % SYSTEMS.length],
			from: '2026-01-15',
			to: i % 7 === 0 ? '2026-11-30' : '2027-06-30',
			people: 3,
			hours: 400,
			eurosPublic: 12000,
			eurosOwn: 1500.5,
			outputs: 'Dieci tirocini avviati',
			indicators: [
				{ id: uuid('b3000000', 2 * i + 1), name: 'Tirocini avviati', baseline: 0, target: 10, unit: 'tirocini' },
				{ id: uuid('b3000000', 2 * i + 2), name: 'Tirocini conclusi', baseline: 0, target: 80, unit: '%' }
			],
			verificationHow: 'Colloqui con i tirocinanti',
			verificationBy: 'Servizio sociale',
			verificationOn: i % 5 === 0 ? '2026-11-30' : '2027-06-30'
		})
	);
	return { objectives, actions };
}

/** Writes the plan into a new co-design document of the running app, as an editor's page would, and waits for its projection. */
async function writePlan(base: string, cookie: string, plan: { objectives: Objective[]; actions: Action[] }): Promise<string> {
	const headers = { cookie, origin: base, 'x-sveltekit-action': 'true' };
	const created = await fetch(`${base}/networks/${NETWORK}/documents?/create`, {
		method: 'POST',
		body: new URLSearchParams({ title: `Bench: piano di ${ACTIONS} azioni`, kind: 'co_design' }),
		headers
	});
	const location = ((await created.json()) as { location?: string }).location;
	if (!location) throw new Error('co-design document not created');
	const documentId = location.split('/').at(-1)!;
	const writer = connect({ protocol: 'y-websocket', url: `${base.replace('http', 'ws')}/collab`, room: documentId, headers: { cookie, origin: base } }, 'Bench');
	await writer.synced;
	putItems(writer.doc, PLAN_OBJECTIVES, plan.objectives);
	putItems(writer.doc, PLAN_ACTIONS, plan.actions);
	const last = plan.actions.at(-1)!.id;
	for (const deadline = Date.now() + 120_000; !(await (await fetch(`${base}${location}/plan/export.csv`, { headers: { cookie } })).text()).includes(last); ) {
		if (Date.now() > deadline) throw new Error('the plan was not projected within 2 minutes');
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	writer.destroy();
	return location;
}

/** UPDATES_PER_ACTION progress updates on every action, a day apart, written straight into the stopped app's database (setup, not measured). */
async function postUpdates(dataDir: string, documentId: string) {
	const db = await openPglite(path.join(dataDir, 'pglite'));
	try {
		await db.query(
			`insert into public.plan_progress (network_id, document_id, action_id, status, percent, indicator_values, note, posted_by, posted_at)
			 select a.network_id, a.document_id, a.id,
			        (array['on_track','at_risk','on_track','late']::public.plan_action_status[])[1 + (n % 4)],
			        least(100, n * 10), '{}'::jsonb, 'Aggiornamento n. ' || n || ': tirocini in corso, incontro con le aziende.',
			        $2::uuid, timestamptz '2026-01-01' + make_interval(days => n * 30)
			 from public.plan_actions a cross join generate_series(1, $3::int) n
			 where a.document_id = $1`,
			[documentId, MARCO_ID, UPDATES_PER_ACTION]
		);
		const { rows } = await db.query<{ n: number }>('select count(*)::int as n from public.plan_progress where document_id = $1', [documentId]);
		return rows[0].n;
	} finally {
		await db.close();
	}
}

/** `step` once to warm up, then RUNS times, timed by the wall clock and by this process's CPU. */
async function time(step: Step): Promise<Timing> {
	let result = await step.run();
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		const startedCpu = process.cpuUsage();
		result = await step.run();
		const spent = process.cpuUsage(startedCpu);
		wall.push(performance.now() - started);
		cpu.push((spent.user + spent.system) / 1000);
	}
	const sorted = (values: number[]) => Float64Array.from(values).sort();
	return { name: step.name, medianMs: quantile(sorted(wall), 0.5), p95Ms: quantile(sorted(wall), 0.95), cpuMs: step.http ? null : quantile(sorted(cpu), 0.5), result };
}

/** The in-process steps, on the plan and follow-up a member reads from the database. */
async function localSteps(dataDir: string, documentId: string): Promise<Timing[]> {
	const db = await openPglite(path.join(dataDir, 'pglite'));
	try {
		const read = async (): Promise<PlanExportData> => (await withUser(db, GIULIA, (tx) => readPlanExport(tx, NETWORK, documentId)))!;
		const data: PlanExportData = await read();
		const source: PlanReportSource = { ...data, networkName: 'Rete demo', title: data.document.title, now: new Date(`${TODAY}T10:00:00Z`), today: TODAY };
		const names = [...data.partners.values()];
		const steps: Step[] = [
			{ name: 'read the plan and its follow-up as a member (SQL, RLS)', run: async () => `${(await read()).updates.length} updates` },
			{
				name: 'roll-up (actionStates, rollup, objectiveRollups)',
				run: async () => {
					const states = actionStates(data.actions, data.updates, data.verifications, TODAY);
					objectiveRollups(data.objectives, states);
					return `${rollup(states).late} late`;
				}
			},
			{ name: 'CSV export', run: async () => kib(new TextEncoder().encode(planToCsv(planTableOf(source, 'it'))).byteLength) },
			{ name: 'XLSX export', run: async () => kib((await planToXlsx(planTableOf(source, 'it'), 'Piano', source.title)).byteLength) },
			{ name: 'monitoring report PDF', run: async () => kib((await planReportPdf(planReport(source, 'it'), data.objectives, 'it')).byteLength) },
			{ name: 'monitoring report DOCX', run: async () => kib((await planReportDocx(planReport(source, 'it'), data.objectives, names, 'it')).byteLength) }
		];
		const timings: Timing[] = [];
		for (const step of steps) timings.push(await time(step));
		return timings;
	} finally {
		await db.close();
	}
}

/** The heaviest download and the pages over HTTP; a page this build does not have (404) is skipped and said so. */
async function httpSteps(base: string, cookie: string, location: string): Promise<{ timings: Timing[]; skipped: string[] }> {
	const get = async (url: string) => {
		const response = await fetch(url, { headers: { cookie } });
		const body = new Uint8Array(await response.arrayBuffer());
		if (!response.ok) throw new Error(`${url}: ${response.status}`);
		return kib(body.byteLength);
	};
	const candidates: [string, string][] = [
		['monitoring report PDF download (HTTP)', `${location}/plan/report.pdf`],
		['plan page, server-rendered (HTTP)', `${location}/plan`],
		['plan timeline, server-rendered (HTTP)', `${location}/plan?view=timeline`],
		['monitoring page, server-rendered (HTTP)', `${location}/plan/monitoring`]
	];
	const timings: Timing[] = [];
	const skipped: string[] = [];
	for (const [name, pathname] of candidates) {
		const probe = await fetch(`${base}${pathname}`, { headers: { cookie } });
		await probe.arrayBuffer();
		if (probe.status === 404) {
			skipped.push(`${name}: \`${pathname.replace(location, '…')}\` is not in this build (404), skipped.`);
			continue;
		}
		timings.push(await time({ name, http: true, run: () => get(`${base}${pathname}`) }));
	}
	return { timings, skipped };
}

// The machine is shared: a busy one makes every wall-clock figure slower, so the load is noted with them.
const load = loadavg()[0];
const started = performance.now();
const dataDir = mkdtempSync(path.join(tmpdir(), 'trama-bench-plan-'));
const timings: Timing[] = [];
let skipped: string[] = [];
let updates = 0;
try {
	let app = await startApp(PORT, { TRAMA_DATA_DIR: dataDir, TRAMA_SEED_DEMO: '1' });
	let location: string;
	try {
		location = await writePlan(app.base, await signIn(app.base), makePlan());
	} finally {
		await stopApp(app);
	}
	const documentId = location.split('/').at(-1)!;
	updates = await postUpdates(dataDir, documentId);
	timings.push(...(await localSteps(dataDir, documentId)));
	app = await startApp(PORT, { TRAMA_DATA_DIR: dataDir, TRAMA_SEED_DEMO: '1' });
	try {
		const http = await httpSteps(app.base, await signIn(app.base), location);
		timings.push(...http.timings);
		skipped = http.skipped;
	} finally {
		await stopApp(app);
	}
} finally {
	rmSync(dataDir, { recursive: true, force: true });
}

const ms = (value: number) => Math.round(value).toLocaleString('en-GB');
const table = [
	`| ${ACTIONS} actions, ${updates.toLocaleString('en-GB')} updates | median (ms) | p95 (ms) | median CPU (ms) | result |`,
	'|---|---|---|---|---|',
	...timings.map((t) => `| ${t.name} | ${ms(t.medianMs)} | ${ms(t.p95Ms)} | ${t.cpuMs === null ? '—' : ms(t.cpuMs)} | ${t.result} |`)
].join('\n');
console.log(table);
for (const line of skipped) console.log(line);
writeFileSync(
	'bench/PLAN.md',
	`# Trama co-design plan at size — results

Generated by \`npm run bench:plan\` (bench/plan.ts) on ${new Date().toISOString()} in ${Math.round((performance.now() - started) / 1000)} s: a co-design plan of ${ACTIONS} actions (ten general objectives with two specific ones each; every action with a lead, two contributing partners, dates, money, two indicators and a verification) and ${updates.toLocaleString('en-GB')} progress updates (${UPDATES_PER_ACTION} an action), in a fresh embedded database (the built app in embedded mode, demo seeded). One warm-up run, then ${RUNS} timed runs a step; p95 is the nearest rank. Load average when the run started: ${load.toFixed(2)} on 2 cores (the machine is shared: the CPU column is what the step itself cost).

## How the harness keeps itself out of the figures

- Everything a step needs is made before its clock starts: the plan is written into the document by a y-websocket client, as an editor's page would, and the bench waits until the collab server has projected it into SQL; the updates are inserted in one statement while the app is stopped; the writer is closed first. None of it is timed.
- The in-process steps run on what a member reads under row-level security (readPlanExport), as the export routes do; the read itself is a step of its own, so the roll-up and export figures are the pure work. Each step runs once to warm up (fonts parsed, code compiled, PGlite's cache filled) before it is timed.
- The in-process figures have a CPU column: this process's user and system time over the step, which a busy shared machine does not stretch as it does the wall clock.
- The HTTP steps run against the app in its own process, with this process's database closed first so the two do not share PGlite's work; the bench only waits on the socket and counts the body's bytes, so its own cost is loopback and a copy, and no CPU figure is claimed for them.
- A page this build does not have answers 404 and is skipped, with a line below; nothing is measured on a 404.

${table}
${skipped.length ? `\n${skipped.map((line) => `- ${line}`).join('\n')}\n` : ''}`
);
