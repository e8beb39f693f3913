// `node bench/synergies.ts`: how long the synergy ranking takes on a map of
// 10,000 entries (2,000 needs), at each distance the view offers and with the
// view's limit of matches per need. A benchmark, not a test: it prints the
// times (median and worst of a few runs) and fails on nothing.
import { performance } from 'node:perf_hooks';
import { DISTANCE_CHOICES } from '../src/lib/map/distance.ts';
import { findSynergies } from '../src/lib/map/synergies.ts';
import { randomMap } from './synergy-map.ts';

const ENTRIES = Number(process.env.BENCH_SYNERGY_ENTRIES ?? 10_000);
const RUNS = 7;
const LIMIT = 5;

const map = randomMap(ENTRIES);
console.log(`${ENTRIES} entries, ${map.filter((entry) => entry.category === 'need').length} needs, ${LIMIT} matches kept per need`);
for (const maxKm of DISTANCE_CHOICES) {
	const times: number[] = [];
	let summary = '';
	for (let run = 0; run < RUNS; run++) {
		const start = performance.now();
		const result = findSynergies(map, { maxKm, limit: LIMIT });
		times.push(performance.now() - start);
		summary = `${result.answered} answered, ${result.gaps} gaps`;
	}
	times.sort((a, b) => a - b);
	const label = maxKm === null ? 'any distance' : `${maxKm} km`;
	console.log(`${label.padEnd(13)} median ${times[RUNS >> 1].toFixed(1)} ms, worst ${times.at(-1)!.toFixed(1)} ms (${summary})`);
}
