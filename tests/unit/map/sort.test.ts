import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/lib/i18n/translate.ts';
import { DEFAULT_SORT, nextSort, sortEntries, sortFromParams, sortToParams, type SortWords } from '../../../src/lib/map/sort.ts';
import { TARGET_GROUPS } from '../../../src/lib/map/entry.ts';
import { PARTNERS, entry, partnerList } from '../../fixtures/frosinone.ts';

const words: SortWords = {
	category: (code) => translate('it', `map.category.${code}`),
	system: (code) => translate('it', `system.${code}`),
	target: (code) => translate('it', `map.target.${code}`),
	partner: (id) => partnerList.find((p) => p.id === id)?.name ?? ''
};
const names = (list: { name: string }[]) => list.map((e) => e.name);

describe('sortEntries', () => {
	it('orders names the Italian way: accents beside their letter, numbers by value, case ignored', () => {
		const entries = ['Sportello 10', 'èquipe territoriale', 'Sportello 9', 'Centro diurno', 'emporio solidale'].map((name) => entry({ name }));
		expect(names(sortEntries(entries, { column: 'name', dir: 'asc' }, words))).toEqual([
			'Centro diurno',
			'emporio solidale',
			'èquipe territoriale',
			'Sportello 9',
			'Sportello 10'
		]);
	});

	it('sorts codes by the words a person reads, not by the codes', () => {
		// Codes: employment < health < social < training; Italian words: Formazione < Lavoro < Sanitario < Sociale.
		const entries = (['employment', 'health', 'social', 'training'] as const).map((system) => entry({ name: system, system }));
		expect(names(sortEntries(entries, { column: 'system', dir: 'asc' }, words))).toEqual(['training', 'employment', 'health', 'social']);
	});

	it('sorts by partner name and puts entries without a partner last, whichever the direction', () => {
		const noPartner = entry({ name: 'Orto sociale' });
		const ilPonte = entry({ name: 'Manutenzione del verde', partnerId: PARTNERS.ilPonte.id });
		const cpi = entry({ name: 'Collocamento mirato', partnerId: PARTNERS.cpi.id });
		const dsm = entry({ name: 'CSM Frosinone', partnerId: PARTNERS.dsm.id });
		const entries = [noPartner, ilPonte, cpi, dsm];
		expect(names(sortEntries(entries, { column: 'partner', dir: 'asc' }, words))).toEqual([
			'CSM Frosinone',
			'Collocamento mirato',
			'Manutenzione del verde',
			'Orto sociale'
		]);
		expect(names(sortEntries(entries, { column: 'partner', dir: 'desc' }, words))).toEqual([
			'Manutenzione del verde',
			'Collocamento mirato',
			'CSM Frosinone',
			'Orto sociale'
		]);
	});

	it('sorts places as numbers, with entries that have none last', () => {
		const entries = [entry({ name: 'a', places: 12 }), entry({ name: 'b', places: null }), entry({ name: 'c', places: 3 }), entry({ name: 'd', places: 0 })];
		expect(names(sortEntries(entries, { column: 'places', dir: 'asc' }, words))).toEqual(['d', 'c', 'a', 'b']);
		expect(names(sortEntries(entries, { column: 'places', dir: 'desc' }, words))).toEqual(['a', 'c', 'd', 'b']);
	});

	it('sorts target groups by their words in alphabetical order, so the same groups sort together', () => {
		const both = entry({ name: 'Borsa lavoro', targets: ['mental_health', 'addiction'] });
		const sameOtherOrder = entry({ name: 'Gruppo', targets: ['addiction', 'mental_health'] });
		const migrants = entry({ name: 'Corso di italiano', targets: ['migrants'] });
		const sorted = sortEntries([migrants, both, sameOtherOrder], { column: 'targets', dir: 'asc' }, words);
		// "Dipendenze, Salute mentale" < "Migranti"
		expect(names(sorted)).toEqual(['Borsa lavoro', 'Gruppo', 'Corso di italiano']);
	});

	it('breaks ties by name, so equal keys come out the same on every screen', () => {
		const entries = ['Zeta', 'Alfa', 'Mu'].map((name) => entry({ name, category: 'need' }));
		expect(names(sortEntries(entries, { column: 'category', dir: 'desc' }, words))).toEqual(['Alfa', 'Mu', 'Zeta']);
	});

	it('leaves the list it is given untouched', () => {
		const entries = [entry({ name: 'b' }), entry({ name: 'a' })];
		sortEntries(entries, DEFAULT_SORT, words);
		expect(names(entries)).toEqual(['b', 'a']);
	});

	it('sorts 10,000 entries by a column of words in well under a second', () => {
		const many = Array.from({ length: 10_000 }, (_, i) =>
			entry({ name: `Voce ${i}`, partnerId: partnerList[i % partnerList.length].id, targets: [TARGET_GROUPS[i % TARGET_GROUPS.length]] })
		);
		const started = performance.now();
		const sorted = sortEntries(many, { column: 'partner', dir: 'desc' }, words);
		const took = performance.now() - started;
		expect(sorted).toHaveLength(10_000);
		expect(sorted[0].partnerId).toBe(PARTNERS.serd.id);
		expect(took).toBeLessThan(1000);
	});
});

describe('the order in the address', () => {
	it('reads a column and a direction, and falls back to the name ascending for anything else', () => {
		expect(sortFromParams(new URLSearchParams('sort=places&dir=desc'))).toEqual({ column: 'places', dir: 'desc' });
		expect(sortFromParams(new URLSearchParams('sort=contacts&dir=sideways'))).toEqual(DEFAULT_SORT);
	});

	it('writes only what differs from the default and keeps the other parameters', () => {
		expect(sortToParams({ column: 'system', dir: 'desc' }, new URLSearchParams('view=table&target=neet')).toString()).toBe(
			'view=table&target=neet&sort=system&dir=desc'
		);
		expect(sortToParams(DEFAULT_SORT, new URLSearchParams('view=table&sort=system&dir=desc')).toString()).toBe('view=table');
	});

	it('turns a column round when chosen again and starts another ascending', () => {
		expect(nextSort({ column: 'name', dir: 'asc' }, 'name')).toEqual({ column: 'name', dir: 'desc' });
		expect(nextSort({ column: 'name', dir: 'desc' }, 'hours')).toEqual({ column: 'hours', dir: 'asc' });
	});
});
