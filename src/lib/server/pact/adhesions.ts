// The partners' adhesions to a sealed pact: recorded and withdrawn through
// the database's functions, as the person (adhere_to_pact,
// withdraw_adhesion: only who speaks for the partner, one standing at a
// time), and read back as the register each sealed version keeps.
import type { Queryable } from '../db/types.ts';
import type { AdhesionAct, RegisterLine, SignatureCheck } from '../../pact/sealed.ts';
import type { SignedDocumentReport } from '../../pact/signature.ts';

export { SIGNER_TITLES, type SignerTitle } from '../../pact/sealed.ts';
import type { SignerTitle } from '../../pact/sealed.ts';
export const ACT_KINDS = ['delibera', 'determina', 'decreto', 'other'] as const satisfies readonly AdhesionAct['kind'][];

export interface AdhesionInput {
	partnerId: string;
	signerName: string;
	signerTitle: SignerTitle;
	/** yyyy-mm-dd */
	adheredOn: string;
	act: AdhesionAct | null;
	reservations: string;
	fileId: string | null;
}

/** Records the adhesion; the database refuses with a named error anyone who may not. Returns its id. */
export async function adhere(tx: Queryable, networkId: string, sealId: string, input: AdhesionInput): Promise<string> {
	const { rows } = await tx.query<{ id: string }>(
		'select public.adhere_to_pact($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) as id',
		[
			networkId,
			sealId,
			input.partnerId,
			input.signerName,
			input.signerTitle,
			input.adheredOn,
			input.act?.kind ?? null,
			input.act?.number ?? null,
			input.act?.date || null,
			input.reservations,
			input.fileId
		]
	);
	return rows[0].id;
}

/** Withdraws the partner's standing adhesion, with its reason. Returns the withdrawal's id. */
export async function withdraw(tx: Queryable, networkId: string, sealId: string, partnerId: string, reason: string): Promise<string> {
	const { rows } = await tx.query<{ id: string }>('select public.withdraw_adhesion($1, $2, $3, $4) as id', [
		networkId,
		sealId,
		partnerId,
		reason
	]);
	return rows[0].id;
}

/** Tells the people of the partners with no adhesion standing; returns how many people were told. */
export async function remindPending(tx: Queryable, sealId: string): Promise<number> {
	const { rows } = await tx.query<{ told: number }>('select public.remind_pending_partners($1) as told', [sealId]);
	return rows[0].told;
}

/** The partner the person speaks for in the network, if any (their membership names it). */
export async function partnerSpokenFor(tx: Queryable, networkId: string): Promise<{ id: string; name: string } | null> {
	const { rows } = await tx.query<{ id: string; name: string }>(
		`select p.id, p.name from public.memberships m join public.partners p on p.id = m.partner_id
		 where m.network_id = $1 and m.user_id = (select auth.uid())`,
		[networkId]
	);
	return rows[0] ?? null;
}

interface AdhesionRow {
	id: string;
	partnerId: string;
	partnerName: string;
	kind: 'adhesion' | 'withdrawal';
	withdraws: string | null;
	reason: string | null;
	signerName: string | null;
	signerTitle: SignerTitle | null;
	adheredOn: string | null;
	actKind: AdhesionAct['kind'] | null;
	actNumber: string | null;
	actDate: string | null;
	reservations: string;
	createdAt: Date;
	signatureSigner: string | null;
	signatureMatches: boolean | null;
}

/**
 * One line per partner of the network, and per partner since removed that
 * adhered: where each stands now (its latest row), by partner name.
 */
export async function loadRegister(tx: Queryable, sealId: string): Promise<RegisterLine[]> {
	const { rows } = await tx.query<AdhesionRow>(
		`select a.id, a.partner_id as "partnerId", a.partner_name as "partnerName", a.kind::text as kind, a.withdraws,
		        a.reason, a.signer_name as "signerName", a.signer_title::text as "signerTitle",
		        a.adhered_on::text as "adheredOn", a.act_kind::text as "actKind", a.act_number as "actNumber",
		        a.act_date::text as "actDate", a.reservations, a.created_at as "createdAt",
		        sig.signer_name as "signatureSigner", (sig.intact and sig.matches_fingerprint) as "signatureMatches"
		 from public.pact_adhesions a
		 left join lateral (
		   select g.signer_name, g.intact, g.matches_fingerprint from public.adhesion_signatures g
		   where g.adhesion_id = a.id order by g.checked_at desc limit 1
		 ) sig on true
		 where a.seal_id = $1
		 order by a.created_at, a.id`,
		[sealId]
	);
	const partners = await tx.query<{ id: string; name: string }>(
		`select p.id, p.name from public.pact_seals s join public.partners p on p.network_id = s.network_id where s.id = $1`,
		[sealId]
	);
	const byId = new Map<string, AdhesionRow>(rows.map((row) => [row.id, row]));
	const lines = new Map<string, RegisterLine>();
	for (const partner of partners.rows) lines.set(partner.id, pendingLine(partner.id, partner.name, true));
	for (const row of rows) {
		const line = lines.get(row.partnerId) ?? pendingLine(row.partnerId, row.partnerName, false);
		lines.set(row.partnerId, row.kind === 'adhesion' ? adheredLine(line, row) : withdrawnLine(line, row, byId));
	}
	return [...lines.values()].sort((a, b) => a.partnerName.localeCompare(b.partnerName, 'it'));
}

function pendingLine(partnerId: string, partnerName: string, stillInNetwork: boolean): RegisterLine {
	return {
		partnerId,
		partnerName,
		stillInNetwork,
		standing: 'pending',
		signerName: null,
		signerTitle: null,
		adheredOn: null,
		act: null,
		reservations: '',
		withdrawnAt: null,
		withdrawalReason: null,
		signature: null
	};
}

function adheredLine(line: RegisterLine, row: AdhesionRow): RegisterLine {
	const signature: SignatureCheck | null =
		row.signatureMatches === null ? null : { signerName: row.signatureSigner, matches: row.signatureMatches };
	return {
		...line,
		standing: 'adhered',
		signerName: row.signerName,
		signerTitle: row.signerTitle,
		adheredOn: row.adheredOn,
		act: row.actKind ? { kind: row.actKind, number: row.actNumber ?? '', date: row.actDate ?? '' } : null,
		reservations: row.reservations,
		withdrawnAt: null,
		withdrawalReason: null,
		signature
	};
}

/** A withdrawal keeps what was withdrawn on the line, and says when and why. */
function withdrawnLine(line: RegisterLine, row: AdhesionRow, byId: Map<string, AdhesionRow>): RegisterLine {
	const withdrawn = row.withdraws ? byId.get(row.withdraws) : undefined;
	return {
		...(withdrawn ? adheredLine(line, withdrawn) : line),
		standing: 'withdrawn',
		withdrawnAt: row.createdAt,
		withdrawalReason: row.reason
	};
}

/** What the signature reader (src/lib/pact/signature.ts) says of a signed adhesion document. */
/** Keeps what the server read from an adhesion's signed document, with its own connection (no API role writes it). */
export async function recordSignatureCheck(db: Queryable, adhesionId: string, report: SignedDocumentReport): Promise<void> {
	await db.query(
		`insert into public.adhesion_signatures
		   (adhesion_id, network_id, format, signer_name, signed_at, intact, matches_fingerprint, problem)
		 select a.id, a.network_id, $2, left($3, 300), $4, $5, $6, left($7, 1000) from public.pact_adhesions a where a.id = $1`,
		[adhesionId, report.format, report.signerName, report.signedAt, report.intact, report.matchesFingerprint, report.problem]
	);
}

/** The network's files out of the bin, by name: what an adhesion may cite as its signed document. */
export async function adhesionFiles(tx: Queryable, networkId: string): Promise<{ id: string; name: string }[]> {
	const { rows } = await tx.query<{ id: string; name: string }>(
		`select id, name from public.files where network_id = $1 and deleted_at is null order by lower(name), id limit 500`,
		[networkId]
	);
	return rows;
}
