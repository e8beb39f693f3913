// `npm run bench:pact`: a community pact of 500 commitments (BENCH_PACT_COMMITMENTS)
// and what its size costs: exporting a sealed version to PDF and to DOCX, in
// this process as the export routes do, then the commitments page and a seal
// against the built app (`npx vite build` first).
// A benchmark, not a test: it fails on nothing. After one warm-up (fonts
// parsed, code compiled), each step runs RUNS times; it prints a table of the
// median and p95 wall-clock times and the median CPU time of this process (on
// a shared machine the wall clock stretches, the work does not), and writes
// it to bench/PACT.md with the machine's load.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sealedPactPdf } from '../src/lib/pact/export-pdf.ts';
import { sealedPactDocx } from '../src/lib/pact/export-docx.ts';
import { demoRegister, manyCommitments, sealedPact } from '../tests/fixtures/pact.ts';
import { quantile } from './stats.ts';
import { signIn, startApp, stopApp } from './app-server.ts';
import { connect } from './clients/client.ts';
import { DEMO_PARTNERS } from '../src/lib/server/db/demo-map.ts';
import { putItems } from '../src/lib/structured/items-doc.ts';
import { COMMITMENTS as COMMITMENTS_KIND } from '../src/lib/pact/commitments-doc.ts';

const NETWORK = '/networks/de000000-0000-4000-8000-000000000001';
const PORT = 3920;

const COMMITMENTS = Number(process.env.BENCH_PACT_COMMITMENTS ?? 500);
const RUNS = Number(process.env.BENCH_PACT_RUNS ?? 7);

interface Step {
	name: string;
	/** Measured over HTTP against the app: this process's CPU says nothing of it. */
	http?: boolean;
	/** One run of the step; what it returns is described in the table (a file's size, a page count). */
	run: () => Promise<string>;
}

interface Timing {
	name: string;
	medianMs: number;
	p95Ms: number;
	cpuMs: number | null;
	result: string;
}

const pact = sealedPact({ commitments: manyCommitments(COMMITMENTS) });
const register = demoRegister();
const kib = (bytes: Uint8Array) => `${Math.round(bytes.byteLength / 1024).toLocaleString('en-GB')} KiB`;

/** A PDF's page count, as its page tree says it: enough here, where the file is the export's own. */
const pdfPages = (pdf: Uint8Array) => Math.max(...[...Buffer.from(pdf).toString('latin1').matchAll(/\/Count (\d+)/g)].map(([, n]) => Number(n)));

const STEPS: Step[] = [
	{
		name: 'PDF export (sealedPactPdf)',
		run: async () => {
			const pdf = await sealedPactPdf(pact, register, 'it');
			return `${pdfPages(pdf)} pages, ${kib(pdf)}`;
		}
	},
	{
		name: 'DOCX export (sealedPactDocx)',
		run: async () => kib(await sealedPactDocx(pact, register, 'it'))
	}
];

/**
 * The same 500 commitments in a pact of the built app (embedded mode, demo
 * seeded), written by a y-websocket client as an editor's page would: the
 * commitments page rendered by the server (its first paint reads the SQL
 * projection), and a seal (the room's state, the canonical export and its
 * SHA-256, the row). Measured over HTTP: the wall clock is the server's
 * work plus loopback; this process only waits, so its CPU is not shown.
 */
async function appSteps(): Promise<{ steps: Step[]; stop: () => Promise<void> }> {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'trama-bench-pact-'));
	const server = await startApp(PORT, { TRAMA_DATA_DIR: dataDir, TRAMA_SEED_DEMO: '1' });
	const { base } = server;
	const cookie = await signIn(base);
	const headers = { cookie, origin: base, 'x-sveltekit-action': 'true' };
	const created = await fetch(`${base}${NETWORK}/documents?/create`, {
		method: 'POST',
		body: new URLSearchParams({ title: 'Bench: patto di 500 impegni', kind: 'community_pact' }),
		headers
	});
	const location = ((await created.json()) as { location?: string }).location;
	if (!location) throw new Error('pact not created');
	const documentId = location.split('/').at(-1)!;
	const writer = connect({ protocol: 'y-websocket', url: `${base.replace('http', 'ws')}/collab`, room: documentId, headers: { cookie, origin: base } }, 'Bench');
	await writer.synced;
	const partners = Object.values(DEMO_PARTNERS);
	putItems(writer.doc, COMMITMENTS_KIND, pact.commitments.map((commitment, i) => ({ ...commitment, partnerId: partners[i % partners.length] })));
	const page = `${base}${location}/commitments`;
	const last = `Impegno n. ${COMMITMENTS}:`;
	// Projected a few seconds after the writer pauses: the page's first paint shows them from then on.
	for (const deadline = Date.now() + 120_000; !(await (await fetch(page, { headers: { cookie } })).text()).includes(last); ) {
		if (Date.now() > deadline) throw new Error('the commitments were not projected within 2 minutes');
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	writer.destroy();
	return {
		steps: [
			{
				name: 'commitments page, server-rendered (HTTP)',
				http: true,
				run: async () => kib(new TextEncoder().encode(await (await fetch(page, { headers: { cookie } })).text()))
			},
			{
				name: 'seal (HTTP form action)',
				http: true,
				run: async () => {
					const response = await fetch(`${base}${location}?/seal`, { method: 'POST', body: new URLSearchParams({ confirm: '1' }), headers });
					const result = (await response.json()) as { type: string; location?: string };
					if (result.type !== 'redirect') throw new Error(`not sealed: ${JSON.stringify(result)}`);
					return 'one sealed version';
				}
			}
		],
		stop: async () => {
			await stopApp(server);
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
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

// The machine is shared: a busy one makes every wall-clock figure slower, so the load is noted with them.
const load = loadavg()[0];
const timings: Timing[] = [];
for (const step of STEPS) timings.push(await time(step));
const app = await appSteps();
try {
	for (const step of app.steps) timings.push(await time(step));
} finally {
	await app.stop();
}

const ms = (value: number) => Math.round(value).toLocaleString('en-GB');
const table = [
	`| ${COMMITMENTS} commitments | median (ms) | p95 (ms) | median CPU (ms) | result |`,
	'|---|---|---|---|---|',
	...timings.map((t) => `| ${t.name} | ${ms(t.medianMs)} | ${ms(t.p95Ms)} | ${t.cpuMs === null ? '—' : ms(t.cpuMs)} | ${t.result} |`)
].join('\n');
console.log(table);
writeFileSync(
	'bench/PACT.md',
	`# Trama community pact at size — results

Generated by \`npm run bench:pact\` (bench/pact.ts) on ${new Date().toISOString()}: a sealed pact of ${COMMITMENTS} commitments spread over the demo network's seven partners (tests/fixtures/pact.ts: each with a description, people and hours, some with money, spaces and map entries), its text, and an adhesion register of five partners; exported in the reader's language (Italian) as the export routes do, in this process. One warm-up run, then ${RUNS} timed runs a step; p95 is the nearest rank. Load average when the run started: ${load.toFixed(2)} on 2 cores (the machine is shared: the CPU column is what the export itself cost).

The page and the seal are measured against the built app in its embedded mode (\`npx vite build\` first), on a pact whose commitments a y-websocket client wrote and the collab server projected; over HTTP, so their CPU is the server's and not shown here.\n\nThe PDF's cost is pdfmake measuring, laying out and paginating every row of the commitments table on landscape pages (fonts subset, content compressed); the DOCX's is writing its XML, the pages being laid out by Word or LibreOffice when the file is opened.

${table}
`
);
