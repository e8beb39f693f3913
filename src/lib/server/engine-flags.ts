// The V8 flags the embedded mode runs with. PGlite is Postgres compiled to
// WebAssembly; V8 runs it first with its baseline compiler (Liftoff) and
// recompiles hot functions with its optimizing one (TurboFan). One of them,
// a 100 KB function of Postgres hot from the first query, takes TurboFan 5 s
// of CPU and 600 MB of memory at once, a few seconds after the start, and the
// process kept some 90 MB of that for good (bench/AT-REST.md). With Liftoff
// alone: no such peak, the first requests are faster, and a warm query runs
// about 15 % slower in a tight loop of small queries (page times stay within
// the noise: the rendering, not Postgres, is most of a page).
//
// V8 reads these flags only from the command line (not NODE_OPTIONS, and
// v8.setFlagsFromString is too late), so src/serve.ts, started without them,
// replaces itself (execve: same process id, same stdio, nothing started yet)
// with the same command plus the flags.

/** What the embedded mode adds to node's command line. */
export const EMBEDDED_V8_FLAGS = ['--liftoff-only'];

interface ProcessLike {
	execArgv: string[];
	argv: string[];
	execPath: string;
	env: NodeJS.ProcessEnv;
	channel?: unknown;
	execve?: (file: string, args?: string[], env?: NodeJS.ProcessEnv) => void;
}

/**
 * The command line to restart with, or null to go on as we are: with a
 * database server (no PGlite), when the flags are there already, where
 * execve is missing (Windows), or when a parent talks to us over an IPC
 * channel (execve would close it).
 */
export function restartCommand(proc: ProcessLike): string[] | null {
	if (proc.env.DATABASE_URL?.trim()) return null;
	const missing = EMBEDDED_V8_FLAGS.filter((flag) => !proc.execArgv.includes(flag));
	if (missing.length === 0 || typeof proc.execve !== 'function' || proc.channel) return null;
	return [proc.execPath, ...missing, ...proc.execArgv, ...proc.argv.slice(1)];
}

/** Restarts this process with the embedded mode's flags when it needs them; returns only when it does not. */
export function ensureEngineFlags(proc: ProcessLike = process): void {
	const command = restartCommand(proc);
	if (command) proc.execve!(proc.execPath, command, proc.env);
}
