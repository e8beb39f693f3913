// A made-up territorial map of the size a large network reaches, the same on
// every run: entries scattered over the south of Lazio (Frosinone, Sora,
// Cassino and the valleys between, about 80 × 55 km). Every fifth entry is a
// need; one in ten has no position and one in twenty no target group, as in
// maps written by many hands.
import { CATEGORIES, SYSTEMS, TARGET_GROUPS, blankEntry, type MapEntry } from '../src/lib/map/entry.ts';
import { rng } from './stats.ts';

const OTHERS = CATEGORIES.filter((category) => category !== 'need');

export function randomMap(count: number, seed = 2027): MapEntry[] {
	const random = rng(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
	return Array.from({ length: count }, (_, index) => {
		const targets = random() < 0.05 ? [] : [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(TARGET_GROUPS)))];
		return blankEntry(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, {
			name: `Voce ${String(Math.floor(random() * count)).padStart(5, '0')}`,
			category: index % 5 === 0 ? 'need' : pick(OTHERS),
			system: pick(SYSTEMS),
			targets,
			position: random() < 0.1 ? null : { lat: 41.35 + random() * 0.5, lng: 13.0 + random() * 1.0 },
			places: random() < 0.4 ? null : Math.floor(random() * 30)
		});
	});
}
