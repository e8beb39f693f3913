// The orchestrator's side of the client processes. They run under
// `nice -n 10`: when the two cores are short, the server under test gets
// them first, so its own CPU, RSS and event-loop numbers are not the
// harness's, and the harness's lateness shows in its own event-loop delay.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchChildren } from '../server/machine.ts';
import type { Command } from './worker.ts';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

export class ClientPool {
	readonly size: number;
	private children: ChildProcess[] = [];
	private pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
	private nextId = 1;

	constructor(size: number) {
		this.size = size;
		for (let i = 0; i < size; i++) {
			const child = spawn('nice', ['-n', '10', process.execPath, '--no-warnings', '--expose-gc', '--max-old-space-size=3072', WORKER], {
				stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
				serialization: 'advanced'
			});
			child.on('message', ({ id, ok, body, error }: { id: number; ok: boolean; body: unknown; error?: string }) => {
				const p = this.pending.get(id);
				this.pending.delete(id);
				if (!p) return;
				if (ok) p.resolve(body);
				else p.reject(new Error(error));
			});
			benchChildren.add(child.pid!);
			child.on('exit', (code) => {
				benchChildren.delete(child.pid!);
				for (const [id, p] of this.pending) {
					p.reject(new Error(`client process exited with ${code}`));
					this.pending.delete(id);
				}
			});
			this.children.push(child);
		}
	}

	/** The client processes' pids (nice execs node in place, so they are node's). */
	get pids(): number[] {
		return this.children.map((c) => c.pid!).filter(Boolean);
	}

	send<T>(worker: number, command: Command): Promise<T> {
		const id = this.nextId++;
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			this.children[worker].send({ id, command });
		});
	}

	/** The same command to every client process; one result per process. */
	all<T>(command: Command | ((worker: number) => Command)): Promise<T[]> {
		return Promise.all(
			this.children.map((_, i) => this.send<T>(i, typeof command === 'function' ? command(i) : command))
		);
	}

	async terminate() {
		await Promise.all(
			this.children.map(
				(child) =>
					new Promise<void>((resolve) => {
						if (child.exitCode !== null) return resolve();
						child.once('exit', () => resolve());
						child.disconnect();
						setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
					})
			)
		);
	}
}
