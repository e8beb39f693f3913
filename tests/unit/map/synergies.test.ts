import { describe, expect, it } from 'vitest';
import type { MapEntry } from '../../../src/lib/map/entry.ts';
import { NO_FILTER } from '../../../src/lib/map/filter.ts';
import { haversineKm, KM_PER_DEGREE } from '../../../src/lib/map/distance.ts';
import { answersFor, findSynergies, roundKm, type NeedSynergies, type SynergyOptions } from '../../../src/lib/map/synergies.ts';
import { PLACES, entry, need, service } from '../../fixtures/frosinone.ts';
import { randomMap } from '../../../bench/synergy-map.ts';

const names = (matches: { entry: MapEntry }[]) => matches.map((match) => match.entry.name);
const only = (entries: MapEntry[], options: SynergyOptions): NeedSynergies => {
	const { needs } = findSynergies(entries, options);
	expect(needs).toHaveLength(1);
	return needs[0];
};

describe('a need in Frosinone and the answers around it', () => {
	const reinserimento = need('Inserimento lavorativo di persone in uscita dal carcere', {
		system: 'employment',
		targets: ['detainees', 'long_term_unemployed'],
		position: PLACES.frosinone
	});
	const cpi = service('Centro per l’impiego di Frosinone – sportello orientamento', {
		system: 'employment',
		targets: ['long_term_unemployed', 'over_50'],
		position: PLACES.frosinoneStazione
	});
	const tirocini = entry({
		name: 'Tirocini in cooperativa sociale di tipo B',
		category: 'opportunity',
		system: 'employment',
		targets: ['long_term_unemployed', 'detainees'],
		position: PLACES.ceccano,
		places: 4
	});
	const falegnameria = entry({
		name: 'Laboratorio di falegnameria',
		category: 'resource',
		system: 'social',
		targets: ['detainees'],
		position: PLACES.alatri
	});
	const haccp = service('Corso HACCP per aiuto cuoco', { system: 'training', targets: ['long_term_unemployed', 'neet'], position: PLACES.sora });
	const cassino = service('Sportello lavoro di Cassino', { system: 'employment', targets: ['long_term_unemployed'], position: PLACES.cassino });
	const casaDelQuartiere = entry({ name: 'Casa del quartiere Cavoni', category: 'meeting_place', targets: ['detainees'], position: PLACES.frosinone });
	const altroBisogno = need('Alloggio temporaneo per ex detenuti', { targets: ['detainees'], position: PLACES.frosinone });
	const csm = service('Centro di salute mentale di Frosinone', { system: 'health', targets: ['mental_health'], position: PLACES.frosinone });
	const map = [reinserimento, cpi, tirocini, falegnameria, haccp, cassino, casaDelQuartiere, altroBisogno, csm];
	const of = (options: SynergyOptions) => findSynergies(map, options).needs.find((result) => result.need === reinserimento)!;

	it('ranks more shared target groups first, then the nearer answer', () => {
		const result = of({ maxKm: 25 });
		expect(names(result.matches)).toEqual([tirocini.name, cpi.name, falegnameria.name, haccp.name]);
		expect(result.matchCount).toBe(4);
		expect(result.gap).toBeNull();
	});

	it('gives the reasons of each rank: shared groups in the vocabulary’s order, km, same system, places', () => {
		const [first, second, third] = of({ maxKm: 25 }).matches;
		expect(first.reasons).toEqual({ shared: ['detainees', 'long_term_unemployed'], km: expect.any(Number), sameSystem: true, places: 4 });
		expect(roundKm(first.reasons.km!)).toBe(7.8);
		expect(second.reasons).toMatchObject({ shared: ['long_term_unemployed'], sameSystem: true, places: null });
		expect(second.reasons.km).toBeCloseTo(1.85, 1);
		expect(third.reasons).toMatchObject({ shared: ['detainees'], sameSystem: false });
	});

	it('leaves out meeting places, other needs and answers for other people', () => {
		const found = names(of({ maxKm: null }).matches);
		expect(found).not.toContain(casaDelQuartiere.name);
		expect(found).not.toContain(altroBisogno.name);
		expect(found).not.toContain(csm.name);
	});

	it('reaches Cassino, 44 km away, only when the distance allows it', () => {
		expect(names(of({ maxKm: 25 }).matches)).not.toContain(cassino.name);
		expect(names(of({ maxKm: 50 }).matches).at(-1)).toBe(cassino.name);
		expect(names(of({ maxKm: null }).matches)).toEqual([tirocini.name, cpi.name, falegnameria.name, haccp.name, cassino.name]);
	});

	it('keeps the best matches up to the limit and still counts them all', () => {
		const result = of({ maxKm: 25, limit: 2 });
		expect(names(result.matches)).toEqual([tirocini.name, cpi.name]);
		expect(result.matchCount).toBe(4);
	});

	it('looks for answers among other entries when told to', () => {
		const result = findSynergies([reinserimento], { maxKm: 25, among: [cpi, haccp] }).needs[0];
		expect(names(result.matches)).toEqual([cpi.name, haccp.name]);
	});
});

describe('ties', () => {
	// Every answer is in Isola del Liri, 5.5 km from a need in Sora.
	const accoglienza = need('Prima accoglienza per persone migranti', { system: 'social', targets: ['migrants'], position: PLACES.sora });
	const there = (name: string, fields: Partial<MapEntry>) => service(name, { targets: ['migrants'], position: PLACES.isolaDelLiri, ...fields });

	it('at the same distance puts the same system first, then free places, unknown places, none; then the name', () => {
		const sanitario = there('Ambulatorio per stranieri', { system: 'health', places: 50 });
		const mensa = there('Mensa solidale', { system: 'social', places: 0 });
		const italiano = there('Corso di italiano L2', { system: 'social', places: 12 });
		const notturna = there('Accoglienza notturna', { system: 'social', places: 3 });
		const sportello = there('Sportello migranti', { system: 'social' });
		const doposcuola = there('Doposcuola interculturale', { system: 'social' });
		const result = only([accoglienza, sanitario, mensa, italiano, notturna, sportello, doposcuola], { maxKm: 10 });
		expect(names(result.matches)).toEqual([italiano.name, notturna.name, doposcuola.name, sportello.name, mensa.name, sanitario.name]);
	});

	it('orders answers with the same name by id, whatever order they come in', () => {
		const first = there('Doposcuola', { system: 'social' });
		const second = there('Doposcuola', { system: 'social' });
		expect(first.id < second.id).toBe(true);
		for (const entries of [
			[accoglienza, first, second],
			[second, accoglienza, first]
		]) {
			expect(only(entries, { maxKm: 10 }).matches.map((match) => match.entry.id)).toEqual([first.id, second.id]);
		}
	});

	it('weighs distance to the tenth of a km, as it is shown, so the system breaks a tie the eye cannot see', () => {
		const further = there('Ambulatorio (25 m più in là)', {
			system: 'social',
			position: { lat: PLACES.isolaDelLiri.lat, lng: PLACES.isolaDelLiri.lng - 0.0003 }
		});
		const nearer = there('Sportello sanitario', { system: 'health' });
		const [a, b] = [nearer, further].map((entry) => haversineKm(PLACES.sora, entry.position!));
		expect(a).toBeLessThan(b);
		expect(roundKm(a)).toBe(roundKm(b));
		expect(names(only([accoglienza, nearer, further], { maxKm: 10 }).matches)).toEqual([further.name, nearer.name]);
	});
});

describe('gaps', () => {
	const csm = service('Centro di salute mentale di Frosinone', { system: 'health', targets: ['mental_health'], position: PLACES.frosinone });

	it('makes a need without target groups a gap of its own, even with answers all around', () => {
		const trasporto = need('Trasporto per le visite mediche', { position: PLACES.frosinone });
		const result = only([trasporto, csm], { maxKm: null });
		expect(result).toMatchObject({ gap: 'no_targets', matches: [], matchCount: 0, unplaced: [] });
	});

	it('says when nobody on the map serves the need’s people at all', () => {
		const casaRifugio = need('Casa rifugio per donne vittime di violenza', { targets: ['women_violence'], position: PLACES.frosinone });
		expect(only([casaRifugio, csm], { maxKm: null }).gap).toBe('no_answers');
	});

	it('says how far the nearest answer is when none is within the distance', () => {
		const automutuo = need('Gruppo di auto mutuo aiuto', { targets: ['mental_health'], position: PLACES.cassino });
		const far = only([automutuo, csm], { maxKm: 25 });
		expect(far.gap).toBe('none_nearby');
		expect(far.nearestKm).toBeCloseTo(43.8, 1);
		expect(only([automutuo, csm], { maxKm: 50 }).gap).toBeNull();
	});

	it('counts the needs answered and the gaps, and lists the needs by name', () => {
		const result = findSynergies(
			[
				need('Supporto psicologico', { targets: ['mental_health'], position: PLACES.frosinone }),
				need('Centro diurno a Cassino', { targets: ['mental_health'], position: PLACES.cassino }),
				need('Borse lavoro', { targets: [] }),
				csm
			],
			{ maxKm: 10 }
		);
		expect(result.needs.map((n) => [n.need.name, n.gap])).toEqual([
			['Borse lavoro', 'no_targets'],
			['Centro diurno a Cassino', 'none_nearby'],
			['Supporto psicologico', null]
		]);
		expect([result.answered, result.gaps]).toEqual([1, 2]);
	});
});

describe('entries without a position', () => {
	const neet = need('Orientamento per giovani NEET', { system: 'training', targets: ['neet'], position: PLACES.frosinone });
	const hub = service('Informagiovani di Alatri', { system: 'training', targets: ['neet'], position: PLACES.alatri });
	const civile = entry({ name: 'Servizio civile universale', category: 'opportunity', system: 'social', targets: ['neet'] });

	it('lists an answer without a position apart, to be checked, when a distance is chosen', () => {
		const result = only([neet, hub, civile], { maxKm: 25 });
		expect(names(result.matches)).toEqual([hub.name]);
		expect(names(result.unplaced)).toEqual([civile.name]);
		expect(result.unplaced[0].reasons.km).toBeNull();
		expect(result.unplacedCount).toBe(1);
	});

	it('keeps a need a gap when only unplaced answers could serve it, and still lists them', () => {
		const cassino = need('Orientamento per giovani NEET a Cassino', { targets: ['neet'], position: PLACES.cassino });
		const result = only([cassino, hub, civile], { maxKm: 25 });
		expect(result.gap).toBe('none_nearby');
		expect(result.nearestKm).toBeCloseTo(48.2, 1);
		expect(names(result.unplaced)).toEqual([civile.name]);
	});

	it('ranks them after the placed answers when any distance will do', () => {
		const result = only([neet, civile, hub], { maxKm: null });
		expect(names(result.matches)).toEqual([hub.name, civile.name]);
		expect(result.unplaced).toEqual([]);
		expect(result.gap).toBeNull();
	});

	it('cannot measure from a need without a position: its answers are candidates and the need a gap', () => {
		const unplacedNeed = need('Tutoraggio per giovani NEET', { system: 'training', targets: ['neet'] });
		const within = only([unplacedNeed, hub, civile], { maxKm: 25 });
		expect(within.gap).toBe('need_unplaced');
		expect(names(within.unplaced)).toEqual([hub.name, civile.name]);
		const anywhere = only([unplacedNeed, hub, civile], { maxKm: null });
		expect(anywhere.gap).toBeNull();
		expect(anywhere.matches.map((match) => match.reasons.km)).toEqual([null, null]);
	});
});

describe('the distance limit', () => {
	const dipendenze = need('Reinserimento dopo la comunità terapeutica', { targets: ['addiction'], position: PLACES.frosinone });

	it('includes an answer exactly at the limit and leaves out one just beyond it', () => {
		const serd = service('SerD di Sora', { system: 'health', targets: ['addiction'], position: PLACES.sora });
		const exact = haversineKm(PLACES.frosinone, PLACES.sora);
		expect(names(only([dipendenze, serd], { maxKm: exact }).matches)).toEqual([serd.name]);
		const beyond = only([dipendenze, serd], { maxKm: exact - 1e-9 });
		expect(beyond.gap).toBe('none_nearby');
		expect(beyond.nearestKm).toBe(exact);
	});

	it('keeps an answer due north exactly at the limit, which the latitude sieve must not cut', () => {
		const north = service('Comunità alloggio', {
			targets: ['addiction'],
			position: { lat: PLACES.frosinone.lat + 10 / KM_PER_DEGREE, lng: PLACES.frosinone.lng }
		});
		const exact = haversineKm(PLACES.frosinone, north.position!);
		expect(exact).toBeCloseTo(10, 6);
		expect(names(only([dipendenze, north], { maxKm: exact }).matches)).toEqual([north.name]);
	});
});

describe('the answers the synergy view looks among', () => {
	const migranti = service('Sportello migranti', { targets: ['migrants'] });
	const misto = service('Centro servizi per il lavoro', { targets: ['migrants', 'long_term_unemployed'] });
	const lavoro = service('Sportello over 50', { targets: ['over_50'] });
	const all = [migranti, misto, lavoro];

	it('are every entry, whatever the system, partner or words of the filter', () => {
		expect(answersFor(all, { ...NO_FILTER, system: 'health', q: 'lavoro', partner: '6b1f0c4e-0000-4000-8000-000000000001' })).toBe(all);
	});

	it('serve the filtered target group when the filter names one', () => {
		expect(answersFor(all, { ...NO_FILTER, target: 'migrants' })).toEqual([migranti, misto]);
	});
});

describe('on a large map', () => {
	// The plain reading of the rules: every pair, every match sorted. The indexed
	// search (latitude band, chord sieve, best-few lists) must answer the same.
	function reference(entries: MapEntry[], maxKm: number | null, limit: number) {
		const answers = entries.filter((entry) => ['service', 'resource', 'opportunity'].includes(entry.category));
		const tier = (places: number | null) => (places === null ? 1 : places > 0 ? 2 : 0);
		return entries
			.filter((entry) => entry.category === 'need')
			.map((need) => {
				const all = answers
					.map((answer) => {
						const shared = answer.targets.filter((group) => need.targets.includes(group)).length;
						const km = need.position && answer.position ? haversineKm(need.position, answer.position) : null;
						return { answer, shared, km };
					})
					.filter(({ shared }) => shared > 0);
				const sorted = (list: typeof all) =>
					list
						.sort(
							(a, b) =>
								b.shared - a.shared ||
								(a.km === null ? Infinity : Math.round(a.km * 10)) - (b.km === null ? Infinity : Math.round(b.km * 10)) ||
								Number(b.answer.system === need.system) - Number(a.answer.system === need.system) ||
								tier(b.answer.places) - tier(a.answer.places) ||
								(b.answer.places ?? 0) - (a.answer.places ?? 0) ||
								a.answer.name.localeCompare(b.answer.name, 'it') ||
								(a.answer.id < b.answer.id ? -1 : 1)
						)
						.map(({ answer }) => answer.id);
				const within = maxKm === null ? all : all.filter(({ km }) => km !== null && km <= maxKm);
				const apart = maxKm === null ? [] : all.filter(({ km }) => km === null);
				return { id: need.id, matches: sorted(within).slice(0, limit), matchCount: within.length, unplaced: sorted(apart).slice(0, limit), unplacedCount: apart.length };
			})
			.sort((a, b) => a.id.localeCompare(b.id));
	}

	it.each([
		{ within: '5 km', maxKm: 5 },
		{ within: '25 km', maxKm: 25 },
		{ within: 'any distance', maxKm: null }
	])('finds what comparing every pair finds, within $within', ({ maxKm }) => {
		const entries = randomMap(1500, 7);
		const found = findSynergies(entries, { maxKm, limit: 5 })
			.needs.map((result) => ({
				id: result.need.id,
				matches: result.matches.map((match) => match.entry.id),
				matchCount: result.matchCount,
				unplaced: result.unplaced.map((match) => match.entry.id),
				unplacedCount: result.unplacedCount
			}))
			.sort((a, b) => a.id.localeCompare(b.id));
		expect(found).toEqual(reference(entries, maxKm, 5));
		expect(found.filter((need) => need.matchCount > 5).length).toBeGreaterThan(10);
	});
});
