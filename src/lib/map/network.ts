// The network as its entries reveal it: which partners work for the same
// people, and whose needs another partner's offers could meet. This is what
// the network view draws; a pure function of the (filtered) entries, so
// narrowing the filter narrows the links too.
import type { MapEntry, TargetGroup } from './entry.ts';
import type { Partner } from '../domain.ts';
import { groupsOf, isAnswer, maskOf } from './target-groups.ts';

export interface PartnerLink {
	/** The two partners' ids, `a` before `b` in the partners' order. */
	a: string;
	b: string;
	/** The target groups both partners' entries serve, in the vocabulary's order. */
	targets: TargetGroup[];
	/** Pairs of a need of `a` and an offer of `b` that serve a same target group. */
	answersToA: number;
	/** The same, the other way round: needs of `b` that offers of `a` could meet. */
	answersToB: number;
	/** How strong the link is: shared target groups plus need–offer pairs. */
	weight: number;
}

export interface NetworkShape {
	/** Each partner's entries, for every partner of the network (an empty list when it has none). */
	entriesOf: Map<string, MapEntry[]>;
	/** Links between partners, strongest first. */
	links: PartnerLink[];
	/** Entries that belong to no partner. */
	withoutPartner: MapEntry[];
	/** Entries whose partner has left the network. */
	formerPartner: MapEntry[];
}

/** How many entries carry each combination of target groups: a partner has few combinations, however many entries. */
function tally(entries: MapEntry[]): Map<number, number> {
	const counts = new Map<number, number>();
	for (const entry of entries) {
		const mask = maskOf(entry.targets);
		if (mask) counts.set(mask, (counts.get(mask) ?? 0) + 1);
	}
	return counts;
}

function pairs(needs: Map<number, number>, offers: Map<number, number>): number {
	let count = 0;
	for (const [needMask, needCount] of needs) {
		for (const [offerMask, offerCount] of offers) if (needMask & offerMask) count += needCount * offerCount;
	}
	return count;
}

interface Profile {
	targets: number;
	needs: Map<number, number>;
	offers: Map<number, number>;
}

/**
 * The links between `partners` made by `entries`: two partners are linked
 * when their entries serve a same target group, and more strongly when a
 * need of one shares a target group with a service, resource or opportunity
 * of the other. Entries without a partner, or of a partner no longer in the
 * network, link nobody and are counted apart.
 */
export function partnerLinks(entries: readonly MapEntry[], partners: readonly Partner[]): NetworkShape {
	const entriesOf = new Map<string, MapEntry[]>(partners.map((partner) => [partner.id, []]));
	const withoutPartner: MapEntry[] = [];
	const formerPartner: MapEntry[] = [];
	for (const entry of entries) {
		if (entry.partnerId === null) withoutPartner.push(entry);
		else (entriesOf.get(entry.partnerId) ?? formerPartner).push(entry);
	}

	const profiles = partners.map(({ id }): Profile => {
		const own = entriesOf.get(id)!;
		return {
			targets: maskOf(own.flatMap((entry) => entry.targets)),
			needs: tally(own.filter((entry) => entry.category === 'need')),
			offers: tally(own.filter((entry) => isAnswer(entry.category)))
		};
	});

	const links: PartnerLink[] = [];
	for (let i = 0; i < partners.length; i++) {
		for (let j = i + 1; j < partners.length; j++) {
			const shared = profiles[i].targets & profiles[j].targets;
			if (!shared) continue;
			const targets = groupsOf(shared);
			const answersToA = pairs(profiles[i].needs, profiles[j].offers);
			const answersToB = pairs(profiles[j].needs, profiles[i].offers);
			links.push({ a: partners[i].id, b: partners[j].id, targets, answersToA, answersToB, weight: targets.length + answersToA + answersToB });
		}
	}
	// Stable for equal weights: the partners' own order, so the list reads the same on every screen.
	links.sort((x, y) => y.weight - x.weight);
	return { entriesOf, links, withoutPartner, formerPartner };
}
