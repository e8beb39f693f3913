// What a pact's commitments add up to, as the top of its pages says it
// ("10 partner, 34 impegni, 120.000 € e 2.400 ore"), and its gaps: the needs
// of the network's territorial maps that no commitment answers. A pure
// module, so the pages, the exports and the tests read the same sums.
import { SYSTEMS, type NetworkSystem } from '../domain.ts';
import type { Category } from '../map/entry.ts';
import type { Commitment } from './commitment.ts';
import { unknownReferences, type KnownReferences } from './check.ts';

/** A map entry of the network as a commitment may name it: what the pact's pages offer to choose from. */
export interface MapChoice {
	id: string;
	name: string;
	category: Category;
	/** The territorial map that holds it. */
	documentId: string;
	documentTitle: string;
}

export interface PactSummary {
	/** Partners with at least one commitment, of all the network's partners. */
	partnersCommitted: number;
	partners: number;
	commitments: number;
	euros: number;
	hours: number;
	people: number;
	/** Commitments per system, every system named (0 when none). */
	bySystem: Record<NetworkSystem, number>;
	/**
	 * Commitments that name a partner or a map entry the network does not
	 * hold (a partner removed, an entry deleted, a forged id): counted here
	 * and left out of every sum above, so a notice can ask someone to mend them.
	 */
	unresolved: number;
}

/** What a commitment may name, from the network's partners and its maps' entries. */
export function knownReferences(partnerIds: Iterable<string>, entries: readonly MapChoice[]): KnownReferences {
	return {
		partners: new Set(partnerIds),
		entries: new Map(entries.map((entry) => [entry.id, entry.category]))
	};
}

/** The commitments whose every reference the network holds: the ones a summary adds up and a gap counts as answers. */
export function resolvedCommitments(commitments: readonly Commitment[], known: KnownReferences): Commitment[] {
	return commitments.filter((commitment) => unknownReferences(commitment, known).length === 0);
}

export function summarise(commitments: readonly Commitment[], known: KnownReferences): PactSummary {
	const resolved = resolvedCommitments(commitments, known);
	const bySystem = Object.fromEntries(SYSTEMS.map((system) => [system, 0])) as Record<NetworkSystem, number>;
	let euros = 0;
	let hours = 0;
	let people = 0;
	for (const commitment of resolved) {
		bySystem[commitment.system]++;
		// In cents, so that 0,10 + 0,20 is 0,30 however many are added.
		euros += Math.round((commitment.euros ?? 0) * 100);
		hours += commitment.hours ?? 0;
		people += commitment.people ?? 0;
	}
	return {
		partnersCommitted: new Set(resolved.map((commitment) => commitment.partnerId)).size,
		partners: known.partners.size,
		commitments: resolved.length,
		euros: euros / 100,
		hours,
		people,
		bySystem,
		unresolved: commitments.length - resolved.length
	};
}

/** The maps' needs that no (resolved) commitment answers, in the order given. */
export function gaps(commitments: readonly Commitment[], entries: readonly MapChoice[], known: KnownReferences): MapChoice[] {
	const answered = new Set(resolvedCommitments(commitments, known).flatMap((commitment) => commitment.needIds));
	return entries.filter((entry) => entry.category === 'need' && !answered.has(entry.id));
}
