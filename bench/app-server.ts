// The built app (src/serve.ts) in a process of its own, as the page and file
// benchmarks drive it: started with the demo network, signed into as a demo
// person, stopped cleanly. Needs a build (`npx vite build`).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const node = path.resolve('node_modules/.bin/node');

export interface AppServer {
	child: ChildProcess;
	base: string;
}

export function startApp(port: number, env: Record<string, string>): Promise<AppServer> {
	const child = spawn(node, ['src/serve.ts'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TRAMA_SEED_DEMO: '1', ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	return new Promise((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
		child.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('listening')) resolve({ child, base: `http://127.0.0.1:${port}` });
		});
	});
}

export async function stopApp({ child }: AppServer) {
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	await exited;
}

/** The session cookie of a demo person, signed in through the login form. */
export async function signIn(base: string, email = 'giulia.rinaldi@trama.test'): Promise<string> {
	const form = new URLSearchParams({ email, password: 'Trama-demo-2026', redirectTo: '/' });
	const response = await fetch(`${base}/login`, { method: 'POST', body: form, redirect: 'manual', headers: { origin: base } });
	const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
	if (cookies.length === 0) throw new Error(`sign-in failed: ${response.status}`);
	return cookies.join('; ');
}
