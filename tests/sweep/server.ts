// The real built server (src/serve.ts over build/), started as a child
// process the way production starts it, with everything it writes kept:
// that is "the server log" the log check reads.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ROOT } from './discovery.ts';
import type { SweepDatabase } from './database.ts';
import { isAnswer, send } from './http.ts';

/** The server's limit on a request body's arrival, in seconds: short, so that the slow-body test is quick. */
export const BODY_TIMEOUT_SECONDS = 2;

export interface AppServer {
	origin: URL;
	/** Everything the server wrote on stdout and stderr so far. */
	log(): string;
	/** Null while it runs. */
	exit(): { code: number | null; signal: NodeJS.Signals | null } | null;
	stop(): Promise<void>;
}

/** Polls until check() answers true, or fails with what was awaited once the deadline has passed. */
async function until(check: () => Promise<boolean> | boolean, what: string, deadlineMs: number, everyMs = 100): Promise<void> {
	const deadline = Date.now() + deadlineMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`gave up after ${deadlineMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

// The server loads its page chunks lazily, from build/: a rebuild while a
// sweep runs (a colleague's `vite build`, the next `npm test`) would pull
// them out from under it. It runs from a copy, kept under node_modules so
// that the bundle's own imports still resolve.
function snapshotBuild(): { dir: string; remove(): void } {
	const build = path.join(ROOT, 'build');
	if (!existsSync(path.join(build, 'handler.js'))) throw new Error('no build/handler.js: run `vite build` first (npm test builds before the sweep)');
	const home = path.join(ROOT, 'node_modules/.cache/trama-sweep', randomBytes(4).toString('hex'));
	mkdirSync(home, { recursive: true });
	cpSync(build, path.join(home, 'build'), { recursive: true });
	return { dir: path.join(home, 'build'), remove: () => rmSync(home, { recursive: true, force: true }) };
}

export async function startServer(database: SweepDatabase): Promise<AppServer> {
	const port = await freePort();
	const origin = new URL(`http://127.0.0.1:${port}`);
	const build = snapshotBuild();
	// A clean environment: nothing of the caller's (a DATABASE_URL, Supabase keys, SMTP) may choose the mode.
	const env: NodeJS.ProcessEnv = {
		PATH: process.env.PATH,
		HOME: process.env.HOME,
		HOST: '127.0.0.1',
		PORT: String(port),
		TRAMA_SEED_DEMO: '1',
		TRAMA_BODY_TIMEOUT: String(BODY_TIMEOUT_SECONDS),
		TRAMA_DATA_DIR: database.dataDir,
		TRAMA_BUILD_DIR: build.dir,
		...database.env
	};
	const child = spawn(path.join(ROOT, 'node_modules/.bin/node'), ['src/serve.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	const chunks: Buffer[] = [];
	child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
	child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
	let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
	const exit = new Promise<void>((resolve) =>
		child.once('exit', (code, signal) => {
			exited = { code, signal };
			resolve();
		})
	);
	const log = () => Buffer.concat(chunks).toString('utf8');

	async function stop() {
		if (!exited) {
			child.kill('SIGTERM');
			// The server gives itself five seconds to close; past that it is stuck.
			await until(() => exited !== null, 'the server to stop', 10_000).catch(() => child.kill('SIGKILL'));
			await exit;
		}
		build.remove();
	}

	try {
		await until(
			async () => {
				if (exited) throw new Error(`the server exited (${JSON.stringify(exited)}) before it answered /healthz:\n${log().slice(-3000)}`);
				const reply = await send(origin, { method: 'GET', path: '/healthz', headers: {}, timeoutMs: 5_000 });
				return isAnswer(reply) && reply.status === 200;
			},
			'/healthz to answer 200',
			120_000
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return { origin, log, exit: () => exited, stop };
}
