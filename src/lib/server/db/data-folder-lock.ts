// PGlite is Postgres inside this process: two processes opening one data
// folder would each believe they own it and corrupt it. The embedded mode is
// one process by nature, so the folder is claimed with a lock file naming
// its process, and a second process stops at once with a clear message.
//
// A lock file rather than proper-lockfile's refreshed lock directory: a
// process killed with -9 leaves its lock behind, and the pid in it tells at
// the next start that nobody holds it any more, where a refreshed lock would
// refuse every restart until its staleness timeout had passed.
import { hostname } from 'node:os';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const LOCK_FILE = 'trama.lock';

interface Holder {
	pid: number;
	host: string;
	since: string;
}

export class DataFolderInUse extends Error {
	constructor(folder: string, holder: Holder) {
		super(
			`The data folder ${folder} is already in use by Trama process ${holder.pid} (started ${holder.since}). ` +
				'The embedded database (PGlite) serves one process only: stop that process first, or give this one ' +
				'its own TRAMA_DATA_DIR. To run several processes on one database, set DATABASE_URL to a Postgres server.'
		);
		this.name = 'DataFolderInUse';
	}
}

/** Whether the process that wrote this lock is still running (on this machine; another machine's is trusted to be). */
function alive(holder: Holder): boolean {
	if (holder.host !== hostname()) return true;
	if (holder.pid === process.pid) return false;
	try {
		process.kill(holder.pid, 0);
		return !zombie(holder.pid);
	} catch (error) {
		// EPERM: it runs, as another user.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Killed but not yet reaped by its parent: it answers signals, yet holds nothing. Linux tells through /proc. */
function zombie(pid: number): boolean {
	try {
		// The state follows the command name, which is in parentheses and may hold spaces.
		return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? false;
	} catch {
		return false;
	}
}

function readHolder(file: string): Holder | null {
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as Holder;
	} catch {
		return null;
	}
}

/**
 * Claims `folder` for this process, or throws DataFolderInUse naming the
 * process that holds it. A lock left by a process that no longer runs is
 * taken over. Returns the release, which the database's close calls.
 */
export function lockDataFolder(folder: string): () => void {
	const file = path.join(folder, LOCK_FILE);
	const mine: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			// 'wx': created only if absent, so of two processes starting together one wins.
			writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
			return () => {
				if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = readHolder(file);
			if (holder && alive(holder)) throw new DataFolderInUse(folder, holder);
			rmSync(file, { force: true });
		}
	}
	throw new DataFolderInUse(folder, readHolder(file) ?? { pid: 0, host: hostname(), since: 'just now' });
}
