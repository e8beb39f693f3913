import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFolderInUse, lockDataFolder } from '../../../src/lib/server/db/data-folder-lock.ts';

let folder: string;
const lockFile = () => path.join(folder, 'trama.lock');
const leaveLock = (pid: number, host = hostname()) =>
	writeFileSync(lockFile(), JSON.stringify({ pid, host, since: '2026-12-07T09:00:00.000Z' }));

beforeEach(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'trama-lock-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('lockDataFolder', () => {
	it('claims a free folder for this process and frees it on release', () => {
		const release = lockDataFolder(folder);
		expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
		release();
		expect(existsSync(lockFile())).toBe(false);
	});

	it('refuses a folder held by another running process, naming it and saying what to do', () => {
		leaveLock(process.ppid);
		expect(() => lockDataFolder(folder)).toThrow(DataFolderInUse);
		expect(() => lockDataFolder(folder)).toThrow(new RegExp(`in use by Trama process ${process.ppid}.*TRAMA_DATA_DIR.*DATABASE_URL`));
		expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(process.ppid);
	});

	it('takes over a lock left by a process that no longer runs (killed with -9, say)', () => {
		const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
		leaveLock(gone);
		const release = lockDataFolder(folder);
		expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);
		release();
	});

	it('trusts a lock taken on another machine sharing the folder, as it cannot ask that machine', () => {
		leaveLock(1, 'another-host.example');
		expect(() => lockDataFolder(folder)).toThrow(DataFolderInUse);
	});

	it('does not remove a lock another process took after this one released', () => {
		const release = lockDataFolder(folder);
		leaveLock(process.ppid);
		release();
		expect(existsSync(lockFile())).toBe(true);
	});
});
