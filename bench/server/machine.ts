// CPU that the server's own process does not show: Postgres's (the
// persistence work a system asks of it), Redis's (the fan-out between
// processes in W1 × 2) and the whole machine's, read from /proc (Linux).
// All in % of one core over a window.
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let tick = 100;
try {
	tick = Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
} catch {
	// 100 Hz is Linux's default.
}

/** utime + stime of a process; with `reaped`, also its children that have exited (cutime + cstime). */
function processTicks(pid: number, reaped = false): number {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0);
	} catch {
		return 0;
	}
}

/** Live child processes of the bench (servers and clients register here). */
export const benchChildren = new Set<number>();

/** The bench's CPU: this process, the children that have exited, and the ones alive. */
function ticksOfOurs(): number {
	let total = processTicks(process.pid, true);
	for (const pid of benchChildren) total += processTicks(pid);
	return total;
}

/** CPU ticks of each process named `command` for which `mine(pid)` holds. */
function ticksOf(command: string, mine: (pid: string) => boolean = () => true): Map<number, number> {
	const ticks = new Map<number, number>();
	let entries: string[] = [];
	try {
		entries = readdirSync('/proc');
	} catch {
		return ticks;
	}
	for (const pid of entries) {
		if (!/^\d+$/.test(pid)) continue;
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const close = stat.lastIndexOf(')');
			if (stat.slice(stat.indexOf('(') + 1, close) !== command || !mine(pid)) continue;
			const fields = stat.slice(close + 2).split(' ');
			ticks.set(Number(pid), Number(fields[11]) + Number(fields[12])); // utime, stime
		} catch {
			// The process ended meanwhile.
		}
	}
	return ticks;
}

/** CPU ticks of each Postgres backend serving `database` (other databases' backends are someone else's load). */
function postgresTicks(database: string): Map<number, number> {
	// "postgres: 15/main: postgres trama_bench 127.0.0.1(5432) idle"
	return ticksOf('postgres', (pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `));
}

/** CPU ticks of every redis-server process (a Redis on this machine serves the bench's fan-out). */
const redisTicks = () => ticksOf('redis-server');

/** Ticks used between two readings by the processes alive at the end (new ones count from zero). */
function ticksDelta(before: Map<number, number>, after: Map<number, number>): number {
	let total = 0;
	for (const [pid, t] of after) total += Math.max(0, t - (before.get(pid) ?? 0));
	return total;
}

function machineTicks(): { busy: number; all: number } {
	try {
		const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
		const idle = cpu[3] + (cpu[4] ?? 0);
		const all = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
		return { busy: all - idle, all };
	} catch {
		return { busy: NaN, all: NaN };
	}
}

export interface CpuWindow {
	/** Postgres backends serving the bench database, % of one core. */
	postgresPercent: number;
	/** redis-server, % of one core (the Redis fan-out of W1 × 2; near 0 elsewhere). */
	redisPercent: number;
	/** Everything on the machine, % of one core (200 % = both cores busy). */
	machinePercent: number;
	/** Neither the bench's processes nor Postgres nor Redis: someone else's load on the machine, which spoils the numbers. */
	foreignPercent: number;
}

let benchDatabase = 'trama_bench';
/** Names the database whose Postgres backends count as the bench's. */
export function setBenchDatabase(name: string) {
	benchDatabase = name;
}

/** Starts a window over the machine's CPU, split into the bench's, Postgres's and other people's. */
export function cpuWindow(): () => CpuWindow {
	const pg0 = postgresTicks(benchDatabase);
	const redis0 = redisTicks();
	const our0 = ticksOfOurs();
	const m0 = machineTicks();
	const t0 = performance.now();
	return () => {
		const seconds = (performance.now() - t0) / 1000;
		const m1 = machineTicks();
		const percent = (ticks: number) => (ticks / tick / seconds) * 100;
		const postgresPercent = percent(ticksDelta(pg0, postgresTicks(benchDatabase)));
		const redisPercent = percent(ticksDelta(redis0, redisTicks()));
		const machinePercent = percent(m1.busy - m0.busy);
		const oursPercent = percent(ticksOfOurs() - our0);
		return {
			postgresPercent,
			redisPercent,
			machinePercent,
			foreignPercent: Math.max(0, machinePercent - oursPercent - postgresPercent - redisPercent)
		};
	};
}

/** Waits (up to `maxMs`) until other people's load on the machine is below `percent` of a core for 3 s running. */
export async function waitForQuiet(percent: number, maxMs: number, log: (m: string) => void): Promise<number> {
	const start = performance.now();
	let warned = false;
	let last = NaN;
	while (performance.now() - start < maxMs) {
		const window = cpuWindow();
		await new Promise((r) => setTimeout(r, 3_000));
		last = window().foreignPercent;
		if (last < percent) return last;
		if (!warned) log(`  waiting for the machine to quieten: other processes use ${last.toFixed(0)} % of a core`);
		warned = true;
	}
	log(`  the machine stayed busy (${last.toFixed(0)} % of a core from other processes); measuring anyway`);
	return last;
}
