// Collab servers in processes of their own (child-server.ts), for tests that
// run several on one database or kill one with SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./child-server.ts', import.meta.url));
/** Lines of a child's log kept for a failure message. */
const KEPT_LINES = 100;

export interface ChildServer {
	/** The collab socket's base URL, as harness.ts's connect() takes it. */
	url: string;
	port: number;
	process: ChildProcess;
	/** Null while it runs; how it ended once it has. */
	readonly ended: { code: number | null; signal: NodeJS.Signals | null } | null;
	/** The last lines it printed (its JSON log). */
	log(): string;
	/** SIGTERM: it closes the way a deployment stops it; resolves once it has exited. */
	stop(): Promise<void>;
	/** SIGKILL: nothing runs after it; resolves once it has exited. */
	kill(): Promise<void>;
}

const running = new Set<ChildServer>();

/** Starts child-server.ts with `env` (CHILD_DATABASE_URL and the like) and waits until it listens. */
export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
	const child = spawn(process.execPath, ['--experimental-transform-types', '--no-warnings', script], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const lines: string[] = [];
	let ended: ChildServer['ended'] = null;
	const exited = new Promise<void>((resolve) =>
		child.once('exit', (code, signal) => {
			ended = { code, signal };
			resolve();
		})
	);
	let partial = '';
	// Read to the end, so that a chatty log never fills the pipe and stalls the child.
	child.stdout!.on('data', (chunk: Buffer) => {
		const parts = (partial + chunk.toString()).split('\n');
		partial = parts.pop()!;
		lines.push(...parts);
		lines.splice(0, lines.length - KEPT_LINES);
	});
	const port = await new Promise<number>((resolve, reject) => {
		const look = () => {
			const match = lines.map((line) => /^listening (\d+)$/.exec(line)).find(Boolean);
			if (match) {
				child.stdout!.off('data', look);
				resolve(Number(match[1]));
			}
		};
		child.stdout!.on('data', look);
		void exited.then(() => reject(new Error(`child server exited with ${ended?.code ?? ended?.signal}:\n${lines.join('\n')}`)));
	});
	const signal = async (name: NodeJS.Signals) => {
		if (!ended) child.kill(name);
		await exited;
		running.delete(server);
	};
	const server: ChildServer = {
		url: `ws://127.0.0.1:${port}/collab`,
		port,
		process: child,
		get ended() {
			return ended;
		},
		log: () => lines.join('\n'),
		stop: () => signal('SIGTERM'),
		kill: () => signal('SIGKILL')
	};
	running.add(server);
	return server;
}

/** Kills every child server still running: for afterAll, whatever a test left behind. */
export async function killChildServers(): Promise<void> {
	await Promise.all([...running].map((server) => server.kill()));
}
