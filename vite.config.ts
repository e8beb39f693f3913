import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { sveltekit } from '@sveltejs/kit/vite';

// In production src/serve.ts hands /collab/ upgrades to the collab server;
// `vite dev` gets the same from this hook.
function collabSocketInDev(): Plugin {
	return {
		name: 'trama-collab-socket',
		configureServer(server) {
			server.httpServer?.on('upgrade', async (request, socket, head) => {
				if (!request.url?.startsWith('/collab/')) return;
				const { runtime } = await server.ssrLoadModule('/src/lib/server/runtime.ts');
				(await runtime()).collab.handleUpgrade(request, socket, head);
			});
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), collabSocketInDev()],
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
			}
		]
	}
});
