import { describe, expect, it, vi } from 'vitest';
import { EMBEDDED_V8_FLAGS, ensureEngineFlags, restartCommand } from '../../../src/lib/server/engine-flags.ts';

const proc = (over: Partial<Parameters<typeof restartCommand>[0]> = {}) => ({
	execArgv: ['--enable-source-maps'],
	argv: ['/usr/bin/node', '/srv/trama/src/serve.ts', '--extra'],
	execPath: '/usr/bin/node',
	env: {},
	execve: vi.fn(),
	...over
});

describe('restartCommand', () => {
	it('restarts the embedded mode with its flags first, keeping node options and arguments', () => {
		expect(restartCommand(proc())).toEqual([
			'/usr/bin/node',
			...EMBEDDED_V8_FLAGS,
			'--enable-source-maps',
			'/srv/trama/src/serve.ts',
			'--extra'
		]);
	});

	it('goes on as it is once the flags are there', () => {
		expect(restartCommand(proc({ execArgv: [...EMBEDDED_V8_FLAGS] }))).toBeNull();
	});

	it('goes on as it is with a database server: no PGlite to run', () => {
		expect(restartCommand(proc({ env: { DATABASE_URL: 'postgres://db/trama' } }))).toBeNull();
		expect(restartCommand(proc({ env: { DATABASE_URL: '  ' } }))).not.toBeNull();
	});

	it('goes on as it is without execve or with an IPC channel, which execve would close', () => {
		expect(restartCommand(proc({ execve: undefined }))).toBeNull();
		expect(restartCommand(proc({ channel: {} }))).toBeNull();
	});
});

describe('ensureEngineFlags', () => {
	it('replaces the process with the command, environment unchanged', () => {
		const p = proc({ env: { TRAMA_DATA_DIR: '/data' } });
		ensureEngineFlags(p);
		expect(p.execve).toHaveBeenCalledWith('/usr/bin/node', restartCommand(p), { TRAMA_DATA_DIR: '/data' });
	});

	it('does nothing when no restart is needed', () => {
		const p = proc({ execArgv: [...EMBEDDED_V8_FLAGS] });
		ensureEngineFlags(p);
		expect(p.execve).not.toHaveBeenCalled();
	});
});
