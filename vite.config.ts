import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { sveltekit } from '@sveltejs/kit/vite';

// In production src/serve.ts hands /collab/ upgrades to the collab server
// and /api/ requests to the file endpoints; `vite dev` gets the same here.
function ownServersInDev(): Plugin {
	return {
		name: 'trama-own-servers',
		configureServer(server) {
			server.middlewares.use(async (request, response, next) => {
				if (!request.url?.startsWith('/api/')) return next();
				const { runtime } = await server.ssrLoadModule('/src/lib/server/runtime.ts');
				if (!(await runtime()).files.handle(request, response)) next();
			});
			server.httpServer?.on('upgrade', async (request, socket, head) => {
				if (!request.url?.startsWith('/collab/')) return;
				const { runtime } = await server.ssrLoadModule('/src/lib/server/runtime.ts');
				(await runtime()).collab.handleUpgrade(request, socket, head);
			});
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), ownServersInDev()],
	server: { port: 3000 },
	test: {
		expect: { requireAssertions: true },
		// Two cores: run test files one or two at a time, never a worker per test.
		maxWorkers: 2,
		projects: [
			{
				extends: './vite.config.ts',
				test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] }
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					// The collab memory test collects garbage before it measures.
					execArgv: ['--expose-gc'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					// The hostile-input sweep (tests/sweep): the built server in a child
					// process, so `npm test` runs it after the build. One file at a time:
					// each starts a server, and the slow-body test measures time limits.
					name: 'sweep',
					environment: 'node',
					include: ['tests/sweep/**/*.test.ts'],
					fileParallelism: false,
					testTimeout: 120_000,
					hookTimeout: 900_000
				}
			}
		]
	}
});
