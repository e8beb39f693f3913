// A community pact's commitment: what one partner commits to, with which
// resources, from when to when, and what of the network's territorial maps
// it answers or brings. The vocabulary below is the contract of the pact's
// Yjs state, of the SQL projection (supabase/migrations/*_pact_commitments.sql)
// and of the sealed exports: change them together.
import type { NetworkSystem } from '../domain.ts';

export interface Commitment {
	/** A UUID chosen by whoever creates the commitment. */
	id: string;
	/** The partner that commits: one of the document's network. */
	partnerId: string;
	/** What it commits to, in a line. */
	title: string;
	/** How, in the partner's words. */
	description: string;
	system: NetworkSystem;
	/** People the partner puts in, and the hours they give over the whole commitment. */
	people: number | null;
	hours: number | null;
	/** Spaces (rooms, premises) offered, as people write them. */
	spaces: string;
	/** Money pledged, in euro with at most two decimals. */
	euros: number | null;
	equipment: string;
	/** From and to, as ISO dates (yyyy-mm-dd); either may be open. */
	from: string | null;
	to: string | null;
	/** Who to ask about it. */
	contact: string;
	/** The needs of the network's territorial maps this commitment answers (map entry ids). */
	needIds: string[];
	/** The map entries (services, resources…) the partner brings (map entry ids). */
	entryIds: string[];
}

/** The fields a person can change, in the order forms and tables show them. */
export const COMMITMENT_FIELDS = [
	'partnerId',
	'title',
	'description',
	'system',
	'people',
	'hours',
	'spaces',
	'euros',
	'equipment',
	'from',
	'to',
	'contact',
	'needIds',
	'entryIds'
] as const satisfies readonly Exclude<keyof Commitment, 'id'>[];

export type CommitmentField = (typeof COMMITMENT_FIELDS)[number];

/** Limits on what one commitment may hold, checked wherever a commitment is written (and by SQL). */
export const COMMITMENT_LIMITS = {
	title: 200,
	description: 4000,
	spaces: 500,
	equipment: 500,
	contact: 300,
	people: 10_000,
	hours: 1_000_000,
	euros: 1_000_000_000,
	links: 50
} as const;

/** A new commitment's starting values. */
export function blankCommitment(id: string, partnerId: string, overrides: Partial<Commitment> = {}): Commitment {
	return {
		id,
		partnerId,
		title: '',
		description: '',
		system: 'social',
		people: null,
		hours: null,
		spaces: '',
		euros: null,
		equipment: '',
		from: null,
		to: null,
		contact: '',
		needIds: [],
		entryIds: [],
		...overrides
	};
}
