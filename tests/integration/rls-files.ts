import { randomUUID } from 'node:crypto';
import type { TestUser } from './factories.ts';
import { storeObject } from './file-scene.ts';
import { archiveDocumentA, ownComment, ownMessage, ownReply, ownThread, POSTERS } from './rls-conversations.ts';
import {
	exists,
	inAnotherName,
	MEMBERS,
	sawRow,
	SIGNED_IN,
	wroteRow,
	type ActorName,
	type Attempt,
	type ConversationScene,
	type FileScene,
	type Operation,
	type Prepare,
	type World
} from './rls-types.ts';
import type { Database, Queryable } from '../../src/lib/server/db/types.ts';

// The file space part of the row-level policy matrix (rls-matrix.test.ts):
// folders, files, their versions, the stored objects behind them, the queue
// of objects to remove, and files attached to posts. The rules, as the
// migrations write them:
// - file_folders, files: members see (the bin too); facilitators and editors
//   create in their own name, rename, move, bin and restore; only
//   facilitators delete a file for good. The bin's date and who binned are
//   the database's.
// - file_versions: members see; facilitators and editors upload and restore
//   versions in their own name, never to a file in the bin; history is never
//   changed or removed.
// - file_objects: members see what is stored; only the server records it.
//   file_removals: the server alone. networks.file_quota: the operator alone.
// - attachments: members see; a person attaches a file that is not in the
//   bin to a post of their own where they may still post, and takes off what
//   they attached; facilitators take off anything.
// A row names its network beside the folder, file, object or post it points
// at: for those whom the policies let through, the composite foreign keys
// keep everything in one network.

/** Who may add to and rearrange network A's file space. */
const UPLOADERS: ActorName[] = ['facilitator', 'editor'];

/** Inserts one row of `table` with exactly these columns: a column left out keeps its default, and needs no grant. */
const insertRow = (tx: Queryable, table: string, row: Record<string, unknown>) => {
	const columns = Object.keys(row);
	return tx.query(
		`insert into public.${table} (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
		Object.values(row)
	);
};

/**
 * A folder with a file in it, and an object no version uses any more, in
 * `network`; the file is attached to the conversation's thread by its author.
 * Written by the service in one transaction, since a file commits only with
 * its first version.
 */
export function createFileScene(
	db: Database,
	network: { id: string },
	uploader: TestUser,
	conversation: ConversationScene
): Promise<FileScene> {
	const [folderId, fileId, versionId, attachmentId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
	return db.transaction(async (tx) => {
		const name = 'Avviso pubblico.pdf';
		await insertRow(tx, 'file_folders', { id: folderId, network_id: network.id, name: 'Avvisi', created_by: uploader.id });
		const storageKey = await storeObject(tx, network);
		await insertRow(tx, 'files', { id: fileId, network_id: network.id, folder_id: folderId, name, created_by: uploader.id });
		await insertRow(tx, 'file_versions', {
			id: versionId,
			file_id: fileId,
			network_id: network.id,
			storage_key: storageKey,
			original_name: name,
			uploaded_by: uploader.id
		});
		await insertRow(tx, 'attachments', {
			id: attachmentId,
			network_id: network.id,
			file_id: fileId,
			thread_id: conversation.threadId,
			added_by: conversation.author.id
		});
		// Removed by the service once nothing used it: its key waits in file_removals for the bytes to go.
		const removalKey = await storeObject(tx, network);
		await tx.query('delete from public.file_objects where storage_key = $1', [removalKey]);
		return { folderId, fileId, versionId, storageKey, attachmentId, removalKey };
	});
}

// What the server does before a person acts, inside the attempt's transaction.
/** The bytes the attempt is about to use, recorded under the attempt's id. */
const storeForAttempt: Prepare = (tx, w, _self, at) => storeObject(tx, w.a, { key: at.id });
/** Another folder of network A, with the attempt's id. */
const newFolder: Prepare = (tx, w, _self, at) =>
	tx.query(`insert into public.file_folders (id, network_id, name) values ($1, $2, 'Verbali')`, [at.id, w.a.id]);
const binFileA: Prepare = (tx, w) => tx.query('update public.files set deleted_at = now() where id = $1', [w.filesA.fileId]);
const closeThreadA: Prepare = (tx, w) =>
	tx.query('update public.threads set closed = true where id = $1', [w.conversationA.threadId]);

/** Is network A's file so, as the service sees it? In the condition, $2 is the person who acted. */
const fileA =
	(condition: string): Operation['tookEffect'] =>
	(tx, w, self) =>
		exists(
			tx,
			`select 1 from public.files where id = $1 and ${condition}`,
			condition.includes('$2') ? [w.filesA.fileId, self?.id ?? null] : [w.filesA.fileId]
		);

/** A new file of network A with its first version, as an upload writes them: the attempt's id names the file and its object. */
async function uploadToA(tx: Queryable, w: World, at: Attempt, file: { created_by?: string } = {}) {
	await insertRow(tx, 'files', { id: at.id, network_id: w.a.id, name: 'Bilancio 2027.xlsx', ...file });
	return insertRow(tx, 'file_versions', {
		file_id: at.id,
		network_id: w.a.id,
		storage_key: at.id,
		original_name: 'Bilancio 2027.xlsx'
	});
}

/** A version of network A's file, as an upload or a restore writes it: the attempt's id names the version. */
const addVersion = (
	tx: Queryable,
	w: World,
	at: Attempt,
	version: { storage_key: string; restored_from?: string; uploaded_by?: string }
) =>
	insertRow(tx, 'file_versions', {
		id: at.id,
		file_id: w.filesA.fileId,
		network_id: w.a.id,
		original_name: 'Avviso pubblico.pdf',
		...version
	});

/** Did the attempt's version land as version 2, by the person who acted, restoring `from`, and become the file's current one? */
const currentVersion =
	(from: (w: World) => string | null): Operation['tookEffect'] =>
	(tx, w, self, _rows, at) =>
		exists(
			tx,
			`select 1 from public.file_versions v join public.files f on f.current_version_id = v.id
			 where v.id = $1 and f.id = $2 and v.number = 2 and f.version_count = 2 and v.uploaded_by = $3
			   and v.restored_from is not distinct from $4`,
			[at.id, w.filesA.fileId, self?.id ?? null, from(w)]
		);

// The four kinds of post a file is attached to, each with the prepare that gives the actor one of its own.
interface Post {
	column: string;
	noun: string;
	own: Prepare;
}
const REPLY: Post = { column: 'message_id', noun: 'its own reply in a discussion of network A', own: ownMessage };
const COMMENT: Post = { column: 'comment_id', noun: 'its own comment on a document of network A', own: ownComment };
const POSTS: Post[] = [
	{ column: 'thread_id', noun: 'a discussion of network A it started', own: ownThread },
	REPLY,
	COMMENT,
	{ column: 'reply_id', noun: 'its own reply to a comment in network A', own: ownReply }
];

/**
 * Attaching network A's file to the actor's own post (written with the
 * attempt's id), after `then` has changed the scene: `allowed` succeed.
 */
function attachToOwn({ column, own }: Post, noun: string, allowed: ActorName[], then?: Prepare): Operation {
	return {
		table: 'attachments',
		phrase: `attach a file of network A to ${noun}`,
		actors: SIGNED_IN,
		allowed,
		prepare: async (tx, w, self, at) => {
			await own(tx, w, self, at);
			await then?.(tx, w, self, at);
		},
		// added_by is left to its default, auth.uid(), as the app leaves it.
		act: (tx, w, _self, at) => insertRow(tx, 'attachments', { network_id: w.a.id, file_id: w.filesA.fileId, [column]: at.id }),
		// Those allowed attach in their own name. Where nobody is, the service's control attempt
		// attaches in nobody's, so whether anything landed is the question.
		tookEffect: (tx, w, self, _rows, at) =>
			exists(
				tx,
				`select 1 from public.attachments where ${column} = $1 and file_id = $2 and ($3::uuid is null or added_by = $3)`,
				[at.id, w.filesA.fileId, allowed.length > 0 ? (self?.id ?? null) : null]
			)
	};
}

/** Attaches `file` to the actor's own reply (prepared by ownMessage with the attempt's id), filed under network A. */
const attachToOwnReply = (tx: Queryable, w: World, at: Attempt, file: string, attachment: { added_by?: string } = {}) =>
	insertRow(tx, 'attachments', { network_id: w.a.id, file_id: file, message_id: at.id, ...attachment });

/** Did an attachment to the actor's own reply land? */
const attachedToReply: Operation['tookEffect'] = (tx, _w, _self, _rows, at) =>
	exists(tx, 'select 1 from public.attachments where message_id = $1', [at.id]);

export const fileOperations: Operation[] = [
	// networks.file_quota: the operator's; column grants leave it out for everyone.
	{
		table: 'networks',
		phrase: 'raise the file quota of network A',
		allowed: [],
		act: (tx, w) => tx.query('update public.networks set file_quota = file_quota * 10 where id = $1', [w.a.id]),
		tookEffect: (tx, w) => exists(tx, `select 1 from public.networks where id = $1 and file_quota > 5368709120`, [w.a.id])
	},
	{
		table: 'networks',
		phrase: 'create a network with a file quota of its own choosing',
		allowed: [],
		act: (tx, _w, self, at) =>
			tx.query(
				`insert into public.networks (id, name, territory, created_by, file_quota) values ($1, 'Rete capiente', 'Ambito di Sora', $2, 1e15)`,
				[at.id, self?.id ?? null]
			),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.networks where id = $1', [at.id])
	},

	// file_folders: select member; insert uploaders in their own name; update uploaders; delete uploaders (empty only).
	{
		table: 'file_folders',
		phrase: 'see a folder of network A',
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id from public.file_folders where id = $1', [w.filesA.folderId]),
		tookEffect: sawRow
	},
	{
		table: 'file_folders',
		phrase: 'create a folder in network A in its own name',
		allowed: UPLOADERS,
		// created_by is left to its default, auth.uid(), as the app leaves it.
		act: (tx, w, _self, at) =>
			tx.query(`insert into public.file_folders (id, network_id, name) values ($1, $2, 'Moduli firmati')`, [at.id, w.a.id]),
		tookEffect: (tx, _w, self, _rows, at) =>
			exists(tx, 'select 1 from public.file_folders where id = $1 and created_by = $2', [at.id, self?.id ?? null])
	},
	...inAnotherName(
		{
			table: 'file_folders',
			phrase: "create a folder in network A in another person's name",
			act: (tx, w, _self, at) =>
				tx.query(`insert into public.file_folders (id, network_id, name, created_by) values ($1, $2, 'Cartella altrui', $3)`, [
					at.id,
					w.a.id,
					w.coFacilitator.id
				]),
			tookEffect: wroteRow('file_folders')
		},
		'created_by'
	),
	{
		table: 'file_folders',
		phrase: 'create a folder in network A inside a folder of network B',
		actors: UPLOADERS,
		allowed: [],
		refusedForAll: 'file_folders_parent_id_network_id_fkey',
		act: (tx, w, _self, at) =>
			tx.query(`insert into public.file_folders (id, network_id, parent_id, name) values ($1, $2, $3, 'Di passaggio')`, [
				at.id,
				w.a.id,
				w.filesB.folderId
			]),
		tookEffect: wroteRow('file_folders')
	},
	{
		table: 'file_folders',
		phrase: 'rename a folder of network A',
		allowed: UPLOADERS,
		act: (tx, w) => tx.query(`update public.file_folders set name = 'Bandi e avvisi' where id = $1`, [w.filesA.folderId]),
		tookEffect: (tx, w) =>
			exists(tx, `select 1 from public.file_folders where id = $1 and name = 'Bandi e avvisi'`, [w.filesA.folderId])
	},
	{
		table: 'file_folders',
		phrase: 'move a folder of network A into another of its folders',
		allowed: UPLOADERS,
		prepare: newFolder,
		act: (tx, w, _self, at) => tx.query('update public.file_folders set parent_id = $2 where id = $1', [w.filesA.folderId, at.id]),
		tookEffect: (tx, w, _self, _rows, at) =>
			exists(tx, 'select 1 from public.file_folders where id = $1 and parent_id = $2', [w.filesA.folderId, at.id])
	},
	{
		table: 'file_folders',
		phrase: 'remove an empty folder of network A',
		allowed: UPLOADERS,
		prepare: newFolder,
		act: (tx, _w, _self, at) => tx.query('delete from public.file_folders where id = $1', [at.id]),
		tookEffect: async (tx, _w, _self, _rows, at) => !(await exists(tx, 'select 1 from public.file_folders where id = $1', [at.id]))
	},

	// file_objects: select member; written by the server alone.
	{
		table: 'file_objects',
		phrase: 'see what is stored for a file of network A',
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select storage_key from public.file_objects where storage_key = $1', [w.filesA.storageKey]),
		tookEffect: sawRow
	},
	{
		table: 'file_objects',
		phrase: 'record a stored object for network A, which only the server does',
		allowed: [],
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.file_objects (storage_key, network_id, size, content_type, sha256)
				 values ($1, $2, 1, 'application/pdf', repeat('0', 64))`,
				[at.id, w.a.id]
			),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.file_objects where storage_key = $1', [at.id])
	},
	{
		table: 'file_objects',
		phrase: 'change the type recorded for a stored object of network A, which the server detects from its bytes',
		allowed: [],
		act: (tx, w) =>
			tx.query(`update public.file_objects set content_type = 'text/html' where storage_key = $1`, [w.filesA.storageKey]),
		tookEffect: (tx, w) =>
			exists(tx, `select 1 from public.file_objects where storage_key = $1 and content_type = 'text/html'`, [
				w.filesA.storageKey
			])
	},
	{
		table: 'file_objects',
		phrase: 'delete a stored object of network A that no version uses',
		allowed: [],
		prepare: storeForAttempt,
		act: (tx, _w, _self, at) => tx.query('delete from public.file_objects where storage_key = $1', [at.id]),
		tookEffect: async (tx, _w, _self, _rows, at) =>
			!(await exists(tx, 'select 1 from public.file_objects where storage_key = $1', [at.id]))
	},

	// file_removals: the server alone.
	{
		table: 'file_removals',
		phrase: 'see which stored objects wait to be removed',
		allowed: [],
		act: (tx, w) => tx.query('select storage_key from public.file_removals where storage_key = $1', [w.filesA.removalKey]),
		tookEffect: sawRow
	},
	{
		table: 'file_removals',
		phrase: 'queue the stored object of a file of network A for removal',
		allowed: [],
		act: (tx, w) => tx.query('insert into public.file_removals (storage_key) values ($1)', [w.filesA.storageKey]),
		tookEffect: (tx, w) => exists(tx, 'select 1 from public.file_removals where storage_key = $1', [w.filesA.storageKey])
	},
	{
		table: 'file_removals',
		phrase: 'change when a stored object was queued for removal',
		allowed: [],
		act: (tx, w) =>
			tx.query(`update public.file_removals set queued_at = '2000-01-01' where storage_key = $1`, [w.filesA.removalKey]),
		tookEffect: (tx, w) =>
			exists(tx, `select 1 from public.file_removals where storage_key = $1 and queued_at = '2000-01-01'`, [
				w.filesA.removalKey
			])
	},
	{
		table: 'file_removals',
		phrase: 'take a stored object off the removal queue',
		allowed: [],
		act: (tx, w) => tx.query('delete from public.file_removals where storage_key = $1', [w.filesA.removalKey]),
		tookEffect: async (tx, w) =>
			!(await exists(tx, 'select 1 from public.file_removals where storage_key = $1', [w.filesA.removalKey]))
	},

	// files: select member; insert/update uploaders, in their own name; delete for good facilitator.
	{
		table: 'files',
		phrase: 'see a file of network A',
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id from public.files where id = $1', [w.filesA.fileId]),
		tookEffect: sawRow
	},
	{
		table: 'files',
		phrase: 'see a file of network A in the bin',
		allowed: MEMBERS,
		prepare: binFileA,
		act: (tx, w) => tx.query('select id from public.files where id = $1 and deleted_at is not null', [w.filesA.fileId]),
		tookEffect: sawRow
	},
	{
		table: 'files',
		phrase: 'upload a file to network A in its own name',
		allowed: UPLOADERS,
		prepare: storeForAttempt,
		// created_by and uploaded_by are left to their default, auth.uid(), as the app leaves them.
		act: (tx, w, _self, at) => uploadToA(tx, w, at),
		tookEffect: (tx, _w, self, _rows, at) =>
			exists(
				tx,
				`select 1 from public.files f join public.file_versions v on v.id = f.current_version_id
				 where f.id = $1 and f.created_by = $2 and v.uploaded_by = $2 and v.number = 1 and v.storage_key = $1`,
				[at.id, self?.id ?? null]
			)
	},
	...inAnotherName(
		{
			table: 'files',
			phrase: "upload a file to network A in another person's name",
			prepare: storeForAttempt,
			act: (tx, w, _self, at) => uploadToA(tx, w, at, { created_by: w.coFacilitator.id }),
			tookEffect: wroteRow('files')
		},
		'created_by'
	),
	{
		table: 'files',
		phrase: 'rename a file of network A',
		allowed: UPLOADERS,
		act: (tx, w) => tx.query(`update public.files set name = 'Avviso 2027.pdf' where id = $1`, [w.filesA.fileId]),
		tookEffect: fileA(`name = 'Avviso 2027.pdf'`)
	},
	{
		table: 'files',
		phrase: 'move a file of network A into another of its folders',
		allowed: UPLOADERS,
		prepare: newFolder,
		act: (tx, w, _self, at) => tx.query('update public.files set folder_id = $2 where id = $1', [w.filesA.fileId, at.id]),
		tookEffect: (tx, w, _self, _rows, at) =>
			exists(tx, 'select 1 from public.files where id = $1 and folder_id = $2', [w.filesA.fileId, at.id])
	},
	{
		table: 'files',
		phrase: 'move a file of network A into a folder of network B',
		actors: UPLOADERS,
		allowed: [],
		refusedForAll: 'files_folder_id_network_id_fkey',
		act: (tx, w) => tx.query('update public.files set folder_id = $2 where id = $1', [w.filesA.fileId, w.filesB.folderId]),
		tookEffect: (tx, w) =>
			exists(tx, 'select 1 from public.files where id = $1 and folder_id = $2', [w.filesA.fileId, w.filesB.folderId])
	},
	{
		table: 'files',
		phrase: 'put a file of network A in the bin',
		allowed: UPLOADERS,
		act: (tx, w) => tx.query('update public.files set deleted_at = now() where id = $1', [w.filesA.fileId]),
		tookEffect: fileA('deleted_at is not null and deleted_by = $2')
	},
	{
		table: 'files',
		// A bin dated back would be emptied early: the database dates it itself.
		phrase: 'put a file of network A in the bin dated 31 days back, which the database dates now',
		allowed: UPLOADERS,
		act: (tx, w) =>
			tx.query(`update public.files set deleted_at = now() - interval '31 days' where id = $1`, [w.filesA.fileId]),
		tookEffect: fileA('deleted_at = now() and deleted_by = $2')
	},
	{
		table: 'files',
		// Even with deleted_by lent to the role, the database names who really binned it.
		phrase: "put a file of network A in the bin in another person's name, which the database records as its own",
		allowed: UPLOADERS,
		prepare: (tx) => tx.query('grant update (deleted_by) on table public.files to authenticated'),
		act: (tx, w) =>
			tx.query('update public.files set deleted_at = now(), deleted_by = $2 where id = $1', [w.filesA.fileId, w.coFacilitator.id]),
		tookEffect: fileA('deleted_at is not null and deleted_by = $2')
	},
	{
		table: 'files',
		phrase: 'change who put a file of network A in the bin',
		allowed: [],
		prepare: binFileA,
		act: (tx, w) => tx.query('update public.files set deleted_by = $2 where id = $1', [w.filesA.fileId, w.coFacilitator.id]),
		tookEffect: (tx, w) =>
			exists(tx, 'select 1 from public.files where id = $1 and deleted_by = $2', [w.filesA.fileId, w.coFacilitator.id])
	},
	{
		table: 'files',
		phrase: 'restore a file of network A from the bin',
		allowed: UPLOADERS,
		prepare: binFileA,
		act: (tx, w) => tx.query('update public.files set deleted_at = null where id = $1', [w.filesA.fileId]),
		tookEffect: fileA('deleted_at is null and deleted_by is null')
	},
	{
		table: 'files',
		phrase: 'change the type recorded for a file of network A, which the database takes from its current version',
		allowed: [],
		act: (tx, w) => tx.query(`update public.files set content_type = 'text/html' where id = $1`, [w.filesA.fileId]),
		tookEffect: fileA(`content_type = 'text/html'`)
	},
	{
		table: 'files',
		phrase: 'delete a file of network A for good',
		allowed: ['facilitator'],
		act: (tx, w) => tx.query('delete from public.files where id = $1', [w.filesA.fileId]),
		tookEffect: async (tx, w) => !(await exists(tx, 'select 1 from public.files where id = $1', [w.filesA.fileId]))
	},
	{
		table: 'files',
		phrase: 'empty a file of network A out of the bin',
		allowed: ['facilitator'],
		prepare: binFileA,
		act: (tx, w) => tx.query('delete from public.files where id = $1 and deleted_at is not null', [w.filesA.fileId]),
		tookEffect: async (tx, w) => !(await exists(tx, 'select 1 from public.files where id = $1', [w.filesA.fileId]))
	},

	// file_versions: select member; insert uploaders in their own name, not into the bin; never changed or deleted.
	{
		table: 'file_versions',
		phrase: 'see a version of a file of network A',
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id from public.file_versions where id = $1', [w.filesA.versionId]),
		tookEffect: sawRow
	},
	{
		table: 'file_versions',
		phrase: 'upload a new version of a file of network A in its own name',
		allowed: UPLOADERS,
		prepare: storeForAttempt,
		act: (tx, w, _self, at) => addVersion(tx, w, at, { storage_key: at.id }),
		tookEffect: currentVersion(() => null)
	},
	{
		table: 'file_versions',
		phrase: 'restore an earlier version of a file of network A',
		allowed: UPLOADERS,
		act: (tx, w, _self, at) =>
			addVersion(tx, w, at, { storage_key: w.filesA.storageKey, restored_from: w.filesA.versionId }),
		tookEffect: currentVersion((w) => w.filesA.versionId)
	},
	...inAnotherName(
		{
			table: 'file_versions',
			phrase: "upload a new version of a file of network A in another person's name",
			prepare: storeForAttempt,
			act: (tx, w, _self, at) => addVersion(tx, w, at, { storage_key: at.id, uploaded_by: w.coFacilitator.id }),
			tookEffect: wroteRow('file_versions')
		},
		'uploaded_by'
	),
	{
		table: 'file_versions',
		phrase: 'upload a new version of a file of network A that is in the bin',
		allowed: [],
		prepare: async (tx, w, self, at) => {
			await binFileA(tx, w, self, at);
			await storeForAttempt(tx, w, self, at);
		},
		act: (tx, w, _self, at) => addVersion(tx, w, at, { storage_key: at.id }),
		tookEffect: wroteRow('file_versions')
	},
	{
		table: 'file_versions',
		phrase: 'add a version to a file of network A made of an object stored for network B',
		actors: UPLOADERS,
		allowed: [],
		refusedForAll: 'file_versions_storage_key_network_id_fkey',
		act: (tx, w, _self, at) => addVersion(tx, w, at, { storage_key: w.filesB.storageKey }),
		tookEffect: wroteRow('file_versions')
	},
	{
		table: 'file_versions',
		phrase: 'restore, as a version of a file of network A, a version of a file of network B',
		actors: UPLOADERS,
		allowed: [],
		refusedForAll: 'restore_mismatch',
		act: (tx, w, _self, at) =>
			addVersion(tx, w, at, { storage_key: w.filesA.storageKey, restored_from: w.filesB.versionId }),
		tookEffect: wroteRow('file_versions')
	},
	{
		table: 'file_versions',
		phrase: 'point a version of a file of network A at other stored bytes',
		allowed: [],
		prepare: storeForAttempt,
		act: (tx, w, _self, at) => tx.query('update public.file_versions set storage_key = $2 where id = $1', [w.filesA.versionId, at.id]),
		tookEffect: (tx, w, _self, _rows, at) =>
			exists(tx, 'select 1 from public.file_versions where id = $1 and storage_key = $2', [w.filesA.versionId, at.id])
	},
	{
		table: 'file_versions',
		phrase: 'delete a version of a file of network A',
		allowed: [],
		act: (tx, w) => tx.query('delete from public.file_versions where id = $1', [w.filesA.versionId]),
		tookEffect: async (tx, w) => !(await exists(tx, 'select 1 from public.file_versions where id = $1', [w.filesA.versionId]))
	},

	// attachments: select member; insert posters on their own posts; never changed; delete who attached, or a facilitator.
	{
		table: 'attachments',
		phrase: 'see a file attached to a discussion of network A',
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id from public.attachments where id = $1', [w.filesA.attachmentId]),
		tookEffect: sawRow
	},
	...POSTS.map((post) => attachToOwn(post, post.noun, POSTERS)),
	attachToOwn(REPLY, 'its own reply in a closed discussion of network A', [], closeThreadA),
	attachToOwn(COMMENT, 'its own comment on an archived document of network A', [], archiveDocumentA),
	attachToOwn(REPLY, 'its own reply in a discussion of network A, while the file is in the bin', [], binFileA),
	{
		table: 'attachments',
		phrase: 'attach a file of network A to a reply someone else wrote in network A',
		allowed: [],
		act: (tx, w) =>
			insertRow(tx, 'attachments', { network_id: w.a.id, file_id: w.filesA.fileId, message_id: w.conversationA.messageId }),
		tookEffect: (tx, w) =>
			exists(tx, 'select 1 from public.attachments where message_id = $1 and file_id = $2', [
				w.conversationA.messageId,
				w.filesA.fileId
			])
	},
	{
		table: 'attachments',
		phrase: 'attach a file of network B to its own reply in network A',
		actors: POSTERS,
		allowed: [],
		refusedForAll: 'attachments_file_id_network_id_fkey',
		prepare: ownMessage,
		act: (tx, w, _self, at) => attachToOwnReply(tx, w, at, w.filesB.fileId),
		tookEffect: attachedToReply
	},
	...inAnotherName(
		{
			table: 'attachments',
			phrase: "attach a file of network A to its own reply in network A in another person's name",
			actors: SIGNED_IN,
			prepare: ownMessage,
			act: (tx, w, _self, at) => attachToOwnReply(tx, w, at, w.filesA.fileId, { added_by: w.coFacilitator.id }),
			tookEffect: attachedToReply
		},
		'added_by'
	),
	{
		table: 'attachments',
		// Claiming an attachment would let its new owner take it off.
		phrase: 'make itself the one who attached a file to a discussion of network A',
		allowed: [],
		act: (tx, w, self) =>
			tx.query('update public.attachments set added_by = $2 where id = $1', [w.filesA.attachmentId, self?.id ?? null]),
		tookEffect: (tx, w, self) =>
			exists(tx, 'select 1 from public.attachments where id = $1 and added_by is not distinct from $2', [
				w.filesA.attachmentId,
				self?.id ?? null
			])
	},
	{
		table: 'attachments',
		// A member who attached while an editor may take it off after becoming a viewer.
		phrase: 'take off a file it attached to its own reply in network A',
		actors: SIGNED_IN,
		allowed: MEMBERS,
		prepare: async (tx, w, self, at) => {
			await ownMessage(tx, w, self, at);
			await attachToOwnReply(tx, w, at, w.filesA.fileId, { added_by: self!.id });
		},
		act: (tx, _w, _self, at) => tx.query('delete from public.attachments where message_id = $1', [at.id]),
		tookEffect: async (...args) => !(await attachedToReply(...args))
	},
	{
		table: 'attachments',
		phrase: 'take off a file someone else attached to a discussion of network A',
		allowed: ['facilitator'],
		act: (tx, w) => tx.query('delete from public.attachments where id = $1', [w.filesA.attachmentId]),
		tookEffect: async (tx, w) => !(await exists(tx, 'select 1 from public.attachments where id = $1', [w.filesA.attachmentId]))
	}
];
