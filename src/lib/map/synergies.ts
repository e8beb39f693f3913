// Synergies: for every need on the map, the entries that could answer it —
// services, resources and opportunities that serve at least one of the same
// target groups within a chosen distance — ranked, and the needs nobody
// answers (gaps). This is what the network discusses at its tavolo, so every
// rank comes with its reasons and the order never depends on chance.
//
// Decisions a reader should know:
// - Answers are services, resources and opportunities, as the issue names
//   them. A meeting place hosts people rather than serving a need, and a need
//   never answers another need.
// - An answer must share a target group with the need. A need without target
//   groups cannot be matched and is a gap of its own kind ('no_targets'), so
//   the tavolo sees that it must be completed rather than that nobody helps.
// - Distance is haversine km between positions, inclusive: an answer exactly
//   at the limit is within it. An entry without a position cannot be within a
//   distance, but it is never silently dropped: with a limit chosen, answers
//   whose distance cannot be measured (either side has no position) are
//   listed apart as `unplaced`, to be checked by a person; with any distance
//   they are matches like the others, ranked after the placed ones of the
//   same number of shared groups.
// - A need with no match is a gap even when unplaced candidates exist: the
//   gap says "no confirmed answer", and the candidates say where to look.
import type { EntryFilter } from './filter.ts';
import { TARGET_GROUPS, type MapEntry, type TargetGroup } from './entry.ts';
import { groupsOf, isAnswer, maskOf } from './target-groups.ts';
import { arcKm, chordSquared, chordSquaredOf, latitudeSpan, prepare, preparedKm, type Prepared } from './distance.ts';

export interface SynergyOptions {
	/** The greatest distance in km between a need and an answer; null for any distance. */
	maxKm: number | null;
	/** How many matches (and unplaced candidates) to keep per need, the best ones; every one is still counted. */
	limit?: number;
	/** Where answers are looked for; the needs' own list when absent. */
	among?: readonly MapEntry[];
}

/** Why a match ranks where it does, in the order the ranking weighs them. */
export interface MatchReasons {
	/** The target groups the answer shares with the need, in the vocabulary's order. */
	shared: TargetGroup[];
	/** Kilometres from the need, or null when either has no position. */
	km: number | null;
	sameSystem: boolean;
	/** The answer's places, as recorded (null when it has no number of places). */
	places: number | null;
}

export interface SynergyMatch {
	entry: MapEntry;
	reasons: MatchReasons;
}

/**
 * Why a need has no match:
 * - 'no_targets': the need names no target group, so nothing can share one;
 * - 'no_answers': no answer anywhere serves any of its groups;
 * - 'need_unplaced': a distance is chosen but the need has no position;
 * - 'none_nearby': answers serve its groups, but none within the distance.
 */
export type GapReason = 'no_targets' | 'no_answers' | 'need_unplaced' | 'none_nearby';

export interface NeedSynergies {
	need: MapEntry;
	/** The best matches, best first, at most `limit`. */
	matches: SynergyMatch[];
	matchCount: number;
	/** With a distance chosen: answers sharing a group whose distance cannot be measured, best first, at most `limit`. */
	unplaced: SynergyMatch[];
	unplacedCount: number;
	gap: GapReason | null;
	/** For a 'none_nearby' gap: how far the nearest placed answer sharing a group is, if any. */
	nearestKm: number | null;
}

export interface Synergies {
	/** Every need, by name. */
	needs: NeedSynergies[];
	answered: number;
	gaps: number;
}

const collator = new Intl.Collator('it');

/** Distances are shown to a tenth of a km; ranking on the same precision keeps ties visible as ties. */
export const roundKm = (km: number): number => Math.round(km * 10) / 10;

/** How many groups each mask holds, looked up rather than counted in the inner loop. */
const GROUP_COUNT = Uint8Array.from({ length: 1 << TARGET_GROUPS.length }, (_, mask) => groupsOf(mask).length);

/** An answer, with what the ranking asks of it worked out once. */
interface Candidate {
	entry: MapEntry;
	mask: number;
	/** Its latitude, or NaN without a position. */
	lat: number;
	at: Prepared | null;
	/** Free places first, then an unknown number, then none left. */
	placesTier: number;
	places: number;
}

function candidateOf(entry: MapEntry): Candidate {
	const { places, position } = entry;
	return {
		entry,
		mask: maskOf(entry.targets),
		lat: position?.lat ?? NaN,
		at: position ? prepare(position) : null,
		placesTier: places === null ? 1 : places > 0 ? 2 : 0,
		places: places ?? 0
	};
}

/** One answer weighed against one need. */
interface Scored {
	candidate: Candidate;
	shared: number;
	sharedCount: number;
	km: number | null;
	/** km in tenths as shown, unmeasured last. */
	tenths: number;
	sameSystem: number;
}

const UNMEASURED = Number.MAX_SAFE_INTEGER;

/**
 * The ranking, best first: more shared target groups; nearer (to the tenth of
 * a km, unmeasured last); the same system as the need; places (free, unknown,
 * none; then more); then name and id, so equal answers keep one order.
 */
function compareScored(a: Scored, b: Scored): number {
	const x = a.candidate;
	const y = b.candidate;
	return (
		b.sharedCount - a.sharedCount ||
		a.tenths - b.tenths ||
		b.sameSystem - a.sameSystem ||
		y.placesTier - x.placesTier ||
		y.places - x.places ||
		collator.compare(x.entry.name, y.entry.name) ||
		(x.entry.id < y.entry.id ? -1 : x.entry.id > y.entry.id ? 1 : 0)
	);
}

/**
 * The best `limit` answers offered so far, kept sorted, and how many were
 * offered: cheaper than sorting thousands per need. Answers are weighed in one
 * reused record and copied only when they make the cut, so a need that meets
 * thousands of answers allocates for a handful.
 */
class Best {
	readonly kept: Scored[] = [];
	readonly limit: number;
	count = 0;
	readonly #probe: Scored = { candidate: null!, shared: 0, sharedCount: 0, km: null, tenths: 0, sameSystem: 0 };

	constructor(limit: number) {
		this.limit = limit;
	}

	offer(need: MapEntry, candidate: Candidate, shared: number, km: number | null) {
		this.count++;
		const probe = this.#probe;
		probe.candidate = candidate;
		probe.shared = shared;
		probe.sharedCount = GROUP_COUNT[shared];
		probe.km = km;
		probe.tenths = km === null ? UNMEASURED : Math.round(km * 10);
		probe.sameSystem = candidate.entry.system === need.system ? 1 : 0;
		const kept = this.kept;
		if (kept.length >= this.limit && compareScored(probe, kept[kept.length - 1]) >= 0) return;
		let low = 0;
		let high = kept.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (compareScored(probe, kept[middle]) < 0) high = middle;
			else low = middle + 1;
		}
		kept.splice(low, 0, { ...probe });
		if (kept.length > this.limit) kept.pop();
	}

	/**
	 * True, and counted, when an answer sharing these groups would rank below
	 * every kept one at any distance (it shares fewer groups than the last
	 * kept): it need not be measured.
	 */
	outranked(shared: number): boolean {
		const kept = this.kept;
		if (kept.length < this.limit || GROUP_COUNT[shared] >= kept[kept.length - 1].sharedCount) return false;
		this.count++;
		return true;
	}

	matches(): SynergyMatch[] {
		return this.kept.map(({ candidate, shared, km, sameSystem }) => ({
			entry: candidate.entry,
			reasons: { shared: groupsOf(shared), km, sameSystem: sameSystem === 1, places: candidate.entry.places }
		}));
	}
}

/**
 * The synergies of the needs among `entries` with the answers among
 * `options.among` (the same entries when absent). Candidates are indexed
 * once: placed ones sorted by latitude, so each need measures only those in
 * its latitude band (see latitudeSpan) rather than every pair.
 */
export function findSynergies(entries: readonly MapEntry[], options: SynergyOptions): Synergies {
	const { maxKm, limit = Infinity } = options;
	const answers = (options.among ?? entries)
		.filter((entry) => isAnswer(entry.category))
		.map(candidateOf)
		.filter((candidate) => candidate.mask !== 0);
	const placed = answers.filter((candidate) => candidate.at).sort((a, b) => a.lat - b.lat);
	const unplaced = answers.filter((candidate) => !candidate.at);
	const served = answers.reduce((mask, candidate) => mask | candidate.mask, 0);

	const needs = entries
		.filter((entry) => entry.category === 'need')
		.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1))
		.map((need) => synergiesOf(need));
	const gaps = needs.filter((result) => result.gap !== null).length;
	return { needs, answered: needs.length - gaps, gaps };

	function synergiesOf(need: MapEntry): NeedSynergies {
		const mask = maskOf(need.targets);
		const matches = new Best(limit);
		const apart = new Best(limit);
		const result = (gap: GapReason | null, nearestKm: number | null = null): NeedSynergies => ({
			need,
			matches: matches.matches(),
			matchCount: matches.count,
			unplaced: apart.matches(),
			unplacedCount: apart.count,
			gap: matches.count > 0 ? null : gap,
			nearestKm
		});
		if (mask === 0) return result('no_targets');
		if ((mask & served) === 0) return result('no_answers');

		const here = need.position ? prepare(need.position) : null;
		if (maxKm === null || !here) {
			// Nothing to measure against a limit: every answer sharing a group is a match (any
			// distance) or a candidate to check (a limit, but no position to measure from).
			const into = maxKm === null ? matches : apart;
			for (const candidate of answers) {
				const shared = mask & candidate.mask;
				if (shared && !into.outranked(shared)) into.offer(need, candidate, shared, here && candidate.at ? preparedKm(here, candidate.at) : null);
			}
			return result(maxKm === null ? null : 'need_unplaced');
		}

		// Cheap sieves before the exact distance: the latitude band, then the chord, which
		// grows with the arc. Both are a hair wider than exact, so rounding never cuts an
		// answer at the limit; only a chord within a hair of it pays for the exact arc.
		const span = latitudeSpan(maxKm) + 1e-9;
		const edge = chordSquaredOf(maxKm);
		const [inside, outside] = [edge * (1 - 1e-9), edge * (1 + 1e-9)];
		const north = need.position!.lat + span;
		for (let i = firstAtOrAbove(placed, need.position!.lat - span); i < placed.length && placed[i].lat <= north; i++) {
			const candidate = placed[i];
			const shared = mask & candidate.mask;
			if (!shared) continue;
			const chord = chordSquared(here, candidate.at!);
			if (chord > outside || (chord > inside && arcKm(chord) > maxKm)) continue;
			if (!matches.outranked(shared)) matches.offer(need, candidate, shared, arcKm(chord));
		}
		for (const candidate of unplaced) {
			const shared = mask & candidate.mask;
			if (shared) apart.offer(need, candidate, shared, null);
		}
		if (matches.count > 0) return result(null);
		// Only gaps pay for a full scan: the tavolo wants to know how far the nearest answer is.
		let nearest = Infinity;
		for (const candidate of placed) if (mask & candidate.mask) nearest = Math.min(nearest, chordSquared(here, candidate.at!));
		return result('none_nearby', nearest === Infinity ? null : arcKm(nearest));
	}
}

/** The index of the first candidate at or north of `lat` in a list sorted by latitude. */
function firstAtOrAbove(sorted: Candidate[], lat: number): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (sorted[middle].lat < lat) low = middle + 1;
		else high = middle;
	}
	return low;
}

/**
 * Where the synergy view looks for answers, given the page's filter. The needs
 * shown follow the whole filter; the answers come from every entry, so a
 * filter that picks needs (by text, system, partner) never hides who could
 * answer them: crossing systems and partners is the point of a synergy. A
 * filter by target group is the exception: the facilitator is asking about
 * those people, so an answer must serve them too, not just another group the
 * need also names.
 */
export function answersFor(all: readonly MapEntry[], filter: EntryFilter): readonly MapEntry[] {
	const target = filter.target;
	return target ? all.filter((entry) => entry.targets.includes(target)) : all;
}
