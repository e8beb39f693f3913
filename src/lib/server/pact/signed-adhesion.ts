// What Trama reads from the signed document an adhesion cites: its bytes,
// taken from the file store, checked against the sealed version's
// fingerprint (src/lib/pact/signature.ts) and kept beside the adhesion. Run
// with the service connection once adhere_to_pact, asked as the person, has
// accepted the adhesion and the file (one of the network's).
import type { Database } from '../db/types.ts';
import type { FileStore } from '../files/store.ts';
import { checkSignedDocument, MAX_SIGNED_DOCUMENT_BYTES } from '../../pact/signature.ts';
import { recordSignatureCheck } from './adhesions.ts';
import { log } from '../log.ts';

export async function checkAdhesionDocument(db: Database, store: FileStore, adhesionId: string): Promise<void> {
	const { rows } = await db.query<{ storage_key: string; size: string; fingerprint: string }>(
		`select o.storage_key, o.size, s.fingerprint
		 from public.pact_adhesions a
		 join public.pact_seals s on s.id = a.seal_id
		 join public.files f on f.id = a.file_id and f.network_id = a.network_id
		 join public.file_versions v on v.id = f.current_version_id
		 join public.file_objects o on o.storage_key = v.storage_key
		 where a.id = $1`,
		[adhesionId]
	);
	const found = rows[0];
	if (!found) return;
	// The reader bounds its own work; a larger file is not read into memory at all.
	const bytes = Number(found.size) > MAX_SIGNED_DOCUMENT_BYTES ? new Uint8Array(MAX_SIGNED_DOCUMENT_BYTES + 1) : await readAll(store, found.storage_key);
	try {
		await recordSignatureCheck(db, adhesionId, await checkSignedDocument(bytes, found.fingerprint));
	} catch (error) {
		// The adhesion stands without it: the register then says nothing of a signature.
		log.error({ err: error, adhesionId }, 'pact: keeping the signed document check failed');
	}
}

async function readAll(store: FileStore, key: string): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	for await (const chunk of await store.get(key)) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}
