// `node bench/at-rest.ts`: the built app (src/serve.ts) in the embedded mode
// (PGlite) at rest, nobody connected. Starts it on a fresh data folder with
// the demo seed, waits until it listens and then BENCH_IDLE_SECONDS (30) of
// idle, and reads where its resident memory is (bench/at-rest-probe.ts, loaded
// into the app's process: V8's heap, PGlite's WASM memory, malloc, code);
// stops it, starts it again on the same folder (already seeded), the same.
// Prints a table and writes bench/AT-REST.md. Needs a build (`npx vite build`;
// BENCH_BUILD_DIR picks another one than build/). About a minute and a half.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Breakdown } from './at-rest-probe.ts';

const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
const BUILD_DIR = path.resolve(process.env.BENCH_BUILD_DIR ?? 'build');
const OUT = process.env.BENCH_OUT ?? fileURLToPath(new URL('./AT-REST.md', import.meta.url));
const PROBE = new URL('./at-rest-probe.ts', import.meta.url).href;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Start {
	label: string;
	/** ms from spawning the process to "listening" (migrations, and the seed on the first start). */
	readyMs: number;
	/** Highest RSS of the process up to the measurement (the kernel's VmHWM). */
	peakRssMb: number;
	atRest: Breakdown;
	/** The same after a forced full GC: what the heap keeps alive. */
	afterGc: Breakdown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nobody listens on now (the machines are shared). */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer().once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

async function start(label: string, dataDir: string): Promise<Start> {
	const started = performance.now();
	const probeOut = path.join(dataDir, '..', `${path.basename(dataDir)}-probe.json`);
	rmSync(probeOut, { force: true });
	// As people start it (`node src/serve.ts`, which restarts itself with its V8 flags), plus the probe and --expose-gc.
	const child = spawn(process.execPath, ['--expose-gc', '--import', PROBE, 'src/serve.ts'], {
		cwd: ROOT,
		env: {
			...process.env,
			TRAMA_BUILD_DIR: BUILD_DIR,
			TRAMA_DATA_DIR: dataDir,
			TRAMA_SEED_DEMO: '1',
			PORT: String(await freePort()),
			HOST: '127.0.0.1',
			DATABASE_URL: '',
			AT_REST_PROBE_OUT: probeOut
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
	try {
		await new Promise<void>((resolve, reject) => {
			child.once('exit', (code) => reject(new Error(`${label}: the app exited with ${code} before listening`)));
			let out = '';
			child.stdout!.on('data', (chunk: Buffer) => {
				out += chunk;
				if (out.includes('listening')) resolve();
			});
		});
		const readyMs = performance.now() - started;
		process.stdout.write(`${label}: listening after ${(readyMs / 1000).toFixed(1)} s, idle ${IDLE_SECONDS} s…`);
		await sleep(IDLE_SECONDS * 1000);
		child.kill('SIGUSR2');
		let read: { atRest: Breakdown; afterGc: Breakdown } | null = null;
		for (let i = 0; i < 100 && !read; i++) {
			await sleep(100);
			try {
				read = JSON.parse(readFileSync(probeOut, 'utf8'));
			} catch {
				// not written yet
			}
		}
		if (!read) throw new Error(`${label}: the probe did not answer`);
		process.stdout.write(` RSS ${read.atRest.rssMb.toFixed(0)} MB\n`);
		return { label, readyMs, peakRssMb: read.atRest.peakRssMb, ...read };
	} finally {
		child.kill('SIGTERM');
		await exited;
		rmSync(probeOut, { force: true });
	}
}

const mb = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');

function table(starts: Start[]): string {
	const rows: [string, (s: Start) => string][] = [
		['node flags', (s) => s.atRest.execArgv.filter((a, i, all) => a !== '--expose-gc' && a !== '--import' && all[i - 1] !== '--import').join(' ') || '–'],
		['ready after (s)', (s) => (s.readyMs / 1000).toFixed(1)],
		['**RSS at rest (MB)**', (s) => `**${mb(s.atRest.rssMb)}**`],
		['RSS after a forced GC', (s) => mb(s.afterGc.rssMb)],
		['peak RSS while starting', (s) => mb(s.peakRssMb)],
		['PGlite WASM memory: size', (s) => s.atRest.wasm.map((w) => mb(w.sizeMb)).join(' + ') || '–'],
		['PGlite WASM memory: resident', (s) => s.atRest.wasm.map((w) => mb(w.residentMb)).join(' + ') || '–'],
		['V8 heap used / total', (s) => `${mb(s.atRest.heapUsedMb)} / ${mb(s.atRest.heapTotalMb)}`],
		['V8 heap used after GC', (s) => mb(s.afterGc.heapUsedMb)],
		['  of which JS code and bytecode', (s) => mb(s.afterGc.jsCodeMb)],
		['external / of which ArrayBuffers', (s) => `${mb(s.atRest.externalMb)} / ${mb(s.atRest.arrayBuffersMb)}`],
		['malloc arena ([heap])', (s) => mb(s.atRest.maps.mallocMb)],
		['other anonymous (V8 pages, arenas)', (s) => mb(s.atRest.maps.otherAnonMb)],
		['executable (JIT and WASM code)', (s) => mb(s.atRest.maps.codeMb)],
		['node binary', (s) => mb(s.atRest.maps.binaryMb)],
		['other files (libraries)', (s) => mb(s.atRest.maps.otherFileMb)]
	];
	const head = `| | ${starts.map((s) => s.label).join(' | ')} |\n|---|${starts.map(() => '---:').join('|')}|\n`;
	return head + rows.map(([name, f]) => `| ${name} | ${starts.map(f).join(' | ')} |`).join('\n') + '\n';
}

/** What the same script measured before the embedded mode was trimmed, for comparison. */
const BASELINE = `Before (2026-12-07, the same script on the code before: PGlite with initdb's 128 MB of
shared buffers, TurboFan tiering up Postgres's WASM, initdb and every module loaded in the
app's process): first start **508** MB at rest (peak 1,218), second start **389** MB (peak
932); PGlite's WASM memory 189 MB of which 158 / 153 resident, malloc arena 105 / 20 MB,
other anonymous 172 / 148 MB, V8 heap used 33 / 36 MB.
`;

const dataDir = mkdtempSync(path.join(tmpdir(), 'trama-at-rest-'));
try {
	const first = await start('first start (seeds the demo)', dataDir);
	const second = await start('second start (same folder)', dataDir);
	const result = table([first, second]);
	console.log('\n' + result);
	const node = process.version;
	const md = `# The embedded app at rest

\`node bench/at-rest.ts\` (${new Date().toISOString().slice(0, 10)}, Node ${node}): the built app
(\`src/serve.ts\`, embedded PGlite, \`TRAMA_SEED_DEMO=1\`) on a fresh data folder, nobody
connected, measured ${IDLE_SECONDS} s after it listens; then stopped and started again on the
same folder. Sizes in MB. The WASM memory is PGlite's Postgres (what it grew to, and the
part of it the kernel holds); the mapping lines split the RSS by kind of mapping
(\`/proc/self/smaps\`); "external" is memory V8 knows of outside its heap: Buffers, and
the WASM memory's whole size, resident or not.

${result}
${BASELINE}`;
	writeFileSync(OUT, md);
	console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
} finally {
	rmSync(dataDir, { recursive: true, force: true });
}
