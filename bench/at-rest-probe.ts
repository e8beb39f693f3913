// Loaded into the app's process by bench/at-rest.ts (`node --import`):
// keeps a weak list of every WebAssembly.Memory the process creates (PGlite's
// Postgres heap is one) and, on SIGUSR2, writes to $AT_REST_PROBE_OUT where
// the process's resident memory is: process.memoryUsage(), V8's code statistics,
// the WASM memories' sizes, /proc/self/smaps grouped by kind of mapping; then
// the same after a full GC (with --expose-gc). A signal and a file rather than
// IPC: src/serve.ts restarts itself in place with its V8 flags (execve),
// which keeps the process id and stdio but not an IPC channel, and this
// module comes along (it is in execArgv). It changes nothing in the app but
// the WebAssembly.Memory constructor's identity (a subclass that remembers
// its instances).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import v8 from 'node:v8';

const memories: WeakRef<WebAssembly.Memory>[] = [];
const Original = WebAssembly.Memory;
class TrackedMemory extends Original {
	constructor(descriptor: WebAssembly.MemoryDescriptor) {
		super(descriptor);
		memories.push(new WeakRef(this));
	}
}
Object.defineProperty(WebAssembly, 'Memory', { value: TrackedMemory, writable: true, configurable: true });

const MB = 2 ** 20;

export interface Mapping {
	start: bigint;
	sizeKb: number;
	perm: string;
	name: string;
	rssKb: number;
}

function smaps(): Mapping[] {
	const rows: Mapping[] = [];
	let current: Mapping | null = null;
	for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
		const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
		if (head) {
			const start = BigInt('0x' + head[1]);
			const end = BigInt('0x' + head[2]);
			current = { start, sizeKb: Number((end - start) / 1024n), perm: head[3], name: head[4], rssKb: 0 };
			rows.push(current);
		} else if (current && line.startsWith('Rss:')) current.rssKb = Number(line.split(/\s+/)[1]);
	}
	return rows;
}

function status(field: string): number {
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
	return match ? Number(match[1]) / 1024 : NaN;
}

export interface Breakdown {
	rssMb: number;
	peakRssMb: number;
	heapUsedMb: number;
	heapTotalMb: number;
	externalMb: number;
	arrayBuffersMb: number;
	/** WASM memories alive: their size (what they grew to) and the resident part of their mapping. */
	wasm: { sizeMb: number; residentMb: number }[];
	/** Resident memory by kind of mapping. */
	maps: {
		/** glibc's main malloc arena ([heap]): native allocations, Buffers' backing stores. */
		mallocMb: number;
		/** The node binary's text and data. */
		binaryMb: number;
		/** Executable anonymous mappings: JIT code, WASM code. */
		codeMb: number;
		/** The WASM memories' mappings (counted in `wasm` too). */
		wasmMb: number;
		/** Every other anonymous mapping: V8's heap pages, other malloc arenas, thread stacks. */
		otherAnonMb: number;
		/** Shared libraries and anything else file-backed. */
		otherFileMb: number;
	};
	/** JS code and its metadata in the V8 heap. */
	jsCodeMb: number;
	/** The flags node runs with (after src/serve.ts's restart). */
	execArgv: string[];
}

export function breakdown(): Breakdown {
	const usage = process.memoryUsage();
	const maps = smaps();
	const alive = memories.map((ref) => ref.deref()).filter((m): m is WebAssembly.Memory => !!m);
	const wasmMaps = new Set<Mapping>();
	const wasm = alive.map((memory) => {
		const kb = memory.buffer.byteLength / 1024;
		// The accessible part of a WASM memory is one read-write mapping of exactly its size between guard regions.
		const map = maps.find((m) => !m.name && m.perm === 'rw-p' && m.sizeKb === kb && !wasmMaps.has(m));
		if (map) wasmMaps.add(map);
		return { sizeMb: kb / 1024, residentMb: map ? map.rssKb / 1024 : NaN };
	});
	const sum = (filter: (m: Mapping) => boolean) => maps.filter(filter).reduce((s, m) => s + m.rssKb, 0) / 1024;
	const binary = process.execPath;
	const code = v8.getHeapCodeStatistics();
	return {
		rssMb: usage.rss / MB,
		peakRssMb: status('VmHWM'),
		heapUsedMb: usage.heapUsed / MB,
		heapTotalMb: usage.heapTotal / MB,
		externalMb: usage.external / MB,
		arrayBuffersMb: usage.arrayBuffers / MB,
		wasm,
		maps: {
			mallocMb: sum((m) => m.name === '[heap]'),
			binaryMb: sum((m) => m.name === binary),
			codeMb: sum((m) => !m.name && m.perm.includes('x')),
			wasmMb: sum((m) => wasmMaps.has(m)),
			otherAnonMb: sum((m) => (!m.name || m.name.startsWith('[anon')) && !m.perm.includes('x') && !wasmMaps.has(m)),
			otherFileMb: sum((m) => !!m.name && m.name !== '[heap]' && m.name !== binary && !m.name.startsWith('[anon'))
		},
		jsCodeMb: (code.code_and_metadata_size + code.bytecode_and_metadata_size) / MB,
		execArgv: process.execArgv.filter((arg) => !arg.includes('at-rest-probe'))
	};
}

const out = process.env.AT_REST_PROBE_OUT;
if (out) {
	process.on('SIGUSR2', () => {
		const atRest = breakdown();
		(globalThis as { gc?: () => void }).gc?.();
		// Whole or not at all: the bench polls for the file.
		writeFileSync(`${out}.part`, JSON.stringify({ atRest, afterGc: breakdown() }));
		renameSync(`${out}.part`, out);
	});
}

// AT_REST_TRACE=1: a line on stderr whenever the RSS moved by 15 MB (to see what a start does, and when).
if (process.env.AT_REST_TRACE) {
	const t0 = performance.now();
	let last = 0;
	setInterval(() => {
		const rss = process.memoryUsage.rss() / MB;
		if (Math.abs(rss - last) < 15) return;
		last = rss;
		const alive = memories.map((ref) => ref.deref()).filter((m) => !!m).map((m) => (m!.buffer.byteLength / MB).toFixed(0));
		const u = process.memoryUsage();
		process.stderr.write(`[probe ${((performance.now() - t0) / 1000).toFixed(1)} s] rss ${rss.toFixed(0)} heap ${(u.heapTotal / MB).toFixed(0)} ab ${(u.arrayBuffers / MB).toFixed(0)} ext ${(u.external / MB).toFixed(0)} wasm [${alive.join(', ')}]\n`);
	}, 50).unref();
}
