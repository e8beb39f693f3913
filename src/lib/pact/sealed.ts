// A sealed version of a community pact and its adhesion register, as the
// pages and the sealed exports (PDF, DOCX, CSV) receive them. The SQL rows
// they are read from are supabase/migrations/*_pact_seals.sql's.
import type { DocNode } from '../documents/json.ts';
import type { Partner } from '../domain.ts';
import type { Commitment } from './commitment.ts';

export interface SealedPact {
	id: string;
	networkId: string;
	networkName: string;
	documentId: string;
	/** The pact's title when it was sealed. */
	title: string;
	/** 1 for the first version sealed, then 2, 3… */
	number: number;
	sealedAt: Date;
	sealedByName: string;
	/** SHA-256 of the canonical export of the sealed state, 64 lower-case hex digits. */
	fingerprint: string;
	/** The sealed text, as the editor's JSON. */
	json: DocNode;
	/** The sealed commitments, well-formed only, in the kind's order. */
	commitments: Commitment[];
	/** The network's partners when the register is read (a removed partner keeps its name in its adhesions). */
	partners: Partner[];
	/** Names of the map entries the commitments name, by id. */
	entryNames: ReadonlyMap<string, string>;
}

/** In which capacity a person adheres for their organisation. */
export const SIGNER_TITLES = ['legal_representative', 'delegate', 'other'] as const;
export type SignerTitle = (typeof SIGNER_TITLES)[number];

/** Where one partner stands with one sealed version. */
export type AdhesionStanding = 'adhered' | 'withdrawn' | 'pending';

/** The organisation's own act that decided the adhesion, where there is one. */
export interface AdhesionAct {
	kind: 'delibera' | 'determina' | 'decreto' | 'other';
	number: string;
	date: string;
}

/** What Trama read from a digitally signed adhesion document; no trust list is checked (offline). */
export interface SignatureCheck {
	signerName: string | null;
	/** True when the signature verifies over the content and the content is this sealed version. */
	matches: boolean;
}

/** One partner's line in a sealed version's adhesion register. */
export interface RegisterLine {
	partnerId: string;
	partnerName: string;
	/** False when the partner has since left the network: its adhesion stays on the register. */
	stillInNetwork: boolean;
	standing: AdhesionStanding;
	signerName: string | null;
	signerTitle: SignerTitle | null;
	/** The day of the adhesion (yyyy-mm-dd). */
	adheredOn: string | null;
	act: AdhesionAct | null;
	reservations: string;
	withdrawnAt: Date | null;
	withdrawalReason: string | null;
	signature: SignatureCheck | null;
}
