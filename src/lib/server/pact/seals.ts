// Sealing a community pact, and reading its sealed versions back. Sealing is
// asked of the database as the person (check_pact_sealing: the network's
// facilitator, a community pact); then the server reads the room's state at
// one instant, computes the canonical export and its fingerprint itself, and
// writes the row with its own connection: no API role inserts a seal, so no
// browser ever sends a fingerprint. The live pact is only read, never
// changed: people typing meanwhile lose nothing.
import type { Database, Queryable } from '../db/types.ts';
import type { SealedPact } from '../../pact/sealed.ts';
import { canonicalPact } from '../../pact/fingerprint.ts';
import { docToJson, readState } from '../../documents/content.ts';
import { readItems } from '../../structured/items-doc.ts';
import { COMMITMENTS } from '../../pact/commitments-doc.ts';
import { listPartners } from '../networks/partners.ts';

/** What the person's transaction found, to seal with. */
interface SealingContext {
	networkId: string;
	networkName: string;
	title: string;
	partnerNames: Map<string, string>;
}

/** Raises the database's named refusal unless the person may seal this pact; what sealing needs otherwise. */
export async function sealingContext(tx: Queryable, documentId: string): Promise<SealingContext> {
	const { rows } = await tx.query<{ networkId: string }>('select public.check_pact_sealing($1) as "networkId"', [documentId]);
	const { networkId } = rows[0];
	const found = await tx.query<{ networkName: string; title: string }>(
		`select n.name as "networkName", d.title from public.documents d join public.networks n on n.id = d.network_id
		 where d.id = $1`,
		[documentId]
	);
	const partners = await listPartners(tx, networkId);
	return { networkId, ...found.rows[0], partnerNames: new Map(partners.map((p) => [p.id, p.name])) };
}

export interface Sealed {
	id: string;
	number: number;
	fingerprint: string;
}

/**
 * Seals the pact: `asPerson` runs the check in the person's transaction,
 * `encodeState` is the collab server's (the room's state at one instant),
 * `service` writes the row. The number follows the document's last seal,
 * with the document's row locked so two seals at once are numbered apart.
 */
export async function sealPact(options: {
	asPerson: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;
	service: Database;
	encodeState: (documentId: string) => Promise<Uint8Array>;
	documentId: string;
	userId: string;
}): Promise<Sealed> {
	const { asPerson, service, encodeState, documentId, userId } = options;
	// Asked first, in its own transaction: the collab server reads the state with its own connection (PGlite has one).
	const context = await asPerson((tx) => sealingContext(tx, documentId));
	const state = await encodeState(documentId);
	const canonical = readState(state, (ydoc) =>
		canonicalPact(ydoc, {
			network: { id: context.networkId, name: context.networkName },
			documentId,
			title: context.title,
			partnerNames: context.partnerNames
		})
	);
	return service.transaction(async (tx) => {
		await tx.query('select 1 from public.documents where id = $1 for update', [documentId]);
		const { rows } = await tx.query<Sealed>(
			`insert into public.pact_seals
			   (network_id, document_id, number, title, state, canonical_text, fingerprint, sealed_by, sealed_by_name)
			 select $1, $2, coalesce((select max(number) from public.pact_seals where document_id = $2), 0) + 1,
			        $3, $4, $5, $6, $7, coalesce((select display_name from public.profiles where id = $7), '')
			 returning id, number, fingerprint`,
			[context.networkId, documentId, context.title, Buffer.from(state), canonical.text, canonical.fingerprint, userId]
		);
		return rows[0];
	});
}

/** One line of a pact's list of sealed versions. */
export interface SealSummary {
	id: string;
	number: number;
	sealedAt: Date;
	sealedByName: string;
	fingerprint: string;
	/** Partners of the network with an adhesion standing, and partners of the network. */
	adhered: number;
	partners: number;
}

/** The document's sealed versions, newest first, read as the person. */
export async function listSeals(tx: Queryable, documentId: string): Promise<SealSummary[]> {
	const { rows } = await tx.query<SealSummary>(
		`select s.id, s.number, s.sealed_at as "sealedAt", s.sealed_by_name as "sealedByName", s.fingerprint,
		        (select count(*)::int from public.partners p where p.network_id = s.network_id and exists (
		           select 1 from public.pact_adhesions a
		           where a.seal_id = s.id and a.partner_id = p.id and a.kind = 'adhesion'
		             and not exists (select 1 from public.pact_adhesions w where w.withdraws = a.id))) as adhered,
		        (select count(*)::int from public.partners p where p.network_id = s.network_id) as partners
		 from public.pact_seals s where s.document_id = $1
		 order by s.number desc`,
		[documentId]
	);
	return rows;
}

/** Sottoscritto: every partner of the network has an adhesion standing. */
export const isSubscribed = (seal: Pick<SealSummary, 'adhered' | 'partners'>): boolean =>
	seal.partners > 0 && seal.adhered === seal.partners;

/** A sealed version as its page and its exports show it, read as the person; null when not there for them. */
export async function loadSeal(tx: Queryable, networkId: string, documentId: string, sealId: string): Promise<SealedPact | null> {
	const { rows } = await tx.query<{
		id: string;
		title: string;
		number: number;
		sealedAt: Date;
		sealedByName: string;
		fingerprint: string;
		state: Uint8Array;
		networkName: string;
	}>(
		`select s.id, s.title, s.number, s.sealed_at as "sealedAt", s.sealed_by_name as "sealedByName", s.fingerprint,
		        s.state, n.name as "networkName"
		 from public.pact_seals s join public.networks n on n.id = s.network_id
		 where s.id = $1 and s.network_id = $2 and s.document_id = $3`,
		[sealId, networkId, documentId]
	);
	const seal = rows[0];
	if (!seal) return null;
	const { json, commitments } = readState(new Uint8Array(seal.state), (ydoc) => ({
		json: docToJson(ydoc),
		commitments: readItems(ydoc, COMMITMENTS).items
	}));
	const entryIds = [...new Set(commitments.flatMap((c) => [...c.needIds, ...c.entryIds]))];
	const entries = entryIds.length
		? (
				await tx.query<{ id: string; name: string }>(
					'select id, name from public.map_entries where network_id = $1 and id = any ($2::uuid[])',
					[networkId, entryIds]
				)
			).rows
		: [];
	return {
		id: seal.id,
		networkId,
		networkName: seal.networkName,
		documentId,
		title: seal.title,
		number: seal.number,
		sealedAt: seal.sealedAt,
		sealedByName: seal.sealedByName,
		fingerprint: seal.fingerprint.trim(),
		json,
		commitments,
		partners: await listPartners(tx, networkId),
		entryNames: new Map(entries.map((entry) => [entry.id, entry.name]))
	};
}
