// The file endpoints on a loopback port, over a real disk store, with the
// people and the network their tests act in.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { embeddedAuth } from '../../../src/lib/server/auth/embedded.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { createFileEndpoints } from '../../../src/lib/server/files/http.ts';
import { openDiskStore } from '../../../src/lib/server/files/disk.ts';
import type { FileStore } from '../../../src/lib/server/files/store.ts';
import { FILE_NAME_HEADER, type UploadedFile } from '../../../src/lib/files/api.ts';
import { addMember, createNetwork, createSession, createUser, type TestNetwork, type TestUser } from '../factories.ts';

export interface FileServer {
	url: string;
	port: number;
	store: FileStore;
	dir: string;
	/** Every file under the store's directory (objects and temporary files), relative to it. */
	storedFiles(): string[];
	close(): Promise<void>;
}

export async function startFileServer(db: Database, uploadLimit: number): Promise<FileServer> {
	const dir = mkdtempSync(path.join(tmpdir(), 'trama-files-'));
	const store = await openDiskStore(dir);
	const files = createFileEndpoints({ db, auth: embeddedAuth(db), store, uploadLimit });
	const server = http.createServer((req, res) => {
		if (!files.handle(req, res)) res.writeHead(418).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		store,
		dir,
		storedFiles: () =>
			readdirSync(dir, { recursive: true, withFileTypes: true })
				.filter((entry) => entry.isFile())
				.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))),
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export type Person = TestUser & { cookie: string };

/** Posts `body` to an upload address as the page's uploader does, as `person` or, without a cookie, as nobody. */
export const postUpload = (
	server: FileServer,
	person: Person | null,
	url: string,
	name: string,
	body: Buffer,
	headers: Record<string, string> = {}
) =>
	fetch(server.url + url, {
		method: 'POST',
		body: new Uint8Array(body),
		headers: {
			[FILE_NAME_HEADER]: encodeURIComponent(name),
			'content-type': 'application/octet-stream',
			...(person ? { cookie: person.cookie } : {}),
			...headers
		}
	});

/** An upload that must be stored: the file the server says it made. */
export async function uploadThrough(server: FileServer, person: Person, url: string, name: string, body: Buffer): Promise<UploadedFile> {
	const response = await postUpload(server, person, url, name, body);
	if (response.status !== 201) throw new Error(`upload of ${name} answered ${response.status}: ${await response.text()}`);
	return ((await response.json()) as { file: UploadedFile }).file;
}

export interface FilesScene {
	network: TestNetwork;
	other: TestNetwork;
	facilitator: Person;
	editor: Person;
	viewer: Person;
	/** A facilitator of the other network only. */
	outsider: Person;
}

export async function filesScene(db: Database): Promise<FilesScene> {
	const person = async (locale: 'it' | 'en' = 'it'): Promise<Person> => {
		const user = await createUser(db, { locale });
		return { ...user, cookie: await createSession(db, user) };
	};
	const facilitator = await person();
	const editor = await person();
	const viewer = await person('en');
	const outsider = await person();
	const network = await createNetwork(db, facilitator);
	const other = await createNetwork(db, outsider);
	await addMember(db, network, editor, 'editor');
	await addMember(db, network, viewer, 'viewer');
	return { network, other, facilitator, editor, viewer, outsider };
}
