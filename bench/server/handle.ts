// The orchestrator's side of a server child process.
import { fork, type ChildProcess } from 'node:child_process';
import type { StartOptions, SystemName } from '../systems/types.ts';
import type { ServerSample } from './child.ts';
import { benchChildren } from './machine.ts';

export interface ServerHandle {
	system: SystemName;
	port: number;
	pid: number;
	reset(): Promise<void>;
	sample(options?: { gc?: boolean }): Promise<ServerSample>;
	stop(): Promise<void>;
}

const CHILD = new URL('./child.ts', import.meta.url);

export async function startServer(
	system: SystemName,
	databaseUrl: string,
	options: Partial<Omit<StartOptions, 'databaseUrl'>> = {}
): Promise<ServerHandle> {
	const start: StartOptions = { databaseUrl, processes: 1, redisUrl: 'redis://127.0.0.1:6379', ...options };
	const child: ChildProcess = fork(CHILD, [system, JSON.stringify(start)], {
		execArgv: [
			'--expose-gc',
			'--experimental-transform-types',
			'--no-warnings',
			// BENCH_PROFILE=1: a CPU profile of every server process in bench/.cache/profiles.
			...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${new URL('../.cache/profiles/', import.meta.url).pathname}`] : [])
		],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		serialization: 'advanced'
	});
	benchChildren.add(child.pid!);
	child.once('exit', () => benchChildren.delete(child.pid!));
	const pending = new Map<number, (body: any) => void>();
	let nextId = 1;
	let exited = false;
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${system} server did not start in 60 s`)), 60_000);
		child.on('message', (message: any) => {
			if (message.type === 'ready') {
				clearTimeout(timer);
				resolve(message.port);
			} else pending.get(message.id)?.(message.body);
		});
		child.once('exit', (code) => {
			exited = true;
			clearTimeout(timer);
			reject(new Error(`${system} server exited with ${code} before it was ready`));
			for (const resolve of pending.values()) resolve(null);
		});
	});
	const request = <T>(type: string, extra: object = {}) =>
		new Promise<T>((resolve, reject) => {
			if (exited) return reject(new Error(`${system} server has exited`));
			const id = nextId++;
			pending.set(id, (body) => {
				pending.delete(id);
				resolve(body);
			});
			child.send({ id, type, ...extra });
		});
	return {
		system,
		port,
		pid: child.pid!,
		reset: () => request('reset'),
		sample: (options = {}) => request<ServerSample>('sample', options),
		async stop() {
			if (exited) return;
			const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			await Promise.race([request('stop'), new Promise((r) => setTimeout(r, 20_000))]);
			const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
			await gone;
			clearTimeout(killer);
		}
	};
}
