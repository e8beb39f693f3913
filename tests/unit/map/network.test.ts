import { describe, expect, it } from 'vitest';
import { partnerLinks } from '../../../src/lib/map/network.ts';
import { PARTNERS, entry, partnerList } from '../../fixtures/frosinone.ts';

const { dsm, serd, comune, arcobaleno, futuroLavoro, cpi, ilPonte } = PARTNERS;
const linkOf = (shape: ReturnType<typeof partnerLinks>, x: string, y: string) =>
	shape.links.find((link) => (link.a === x && link.b === y) || (link.a === y && link.b === x));

describe('partnerLinks', () => {
	const entries = [
		entry({ name: 'Inserimenti lavorativi per utenti del CSM', category: 'need', system: 'health', partnerId: dsm.id, targets: ['mental_health'] }),
		entry({ name: 'Percorsi di reinserimento dopo la comunità', category: 'need', system: 'health', partnerId: serd.id, targets: ['addiction', 'detainees'] }),
		entry({ name: 'Borse lavoro in manutenzione del verde', category: 'opportunity', system: 'employment', partnerId: ilPonte.id, targets: ['mental_health', 'addiction', 'disability'] }),
		entry({ name: 'Logistica di magazzino: tirocini', category: 'opportunity', system: 'employment', partnerId: ilPonte.id, targets: ['addiction'] }),
		entry({ name: 'Collocamento mirato L. 68/1999', category: 'service', system: 'employment', partnerId: cpi.id, targets: ['disability', 'long_term_unemployed'] }),
		entry({ name: 'Corso OSS per over 50', category: 'service', system: 'training', partnerId: futuroLavoro.id, targets: ['over_50', 'long_term_unemployed'] }),
		entry({ name: 'Centro diurno', category: 'meeting_place', system: 'social', partnerId: arcobaleno.id, targets: ['mental_health'] }),
		entry({ name: 'Emporio solidale', category: 'resource', system: 'social', partnerId: null, targets: ['homeless'] }),
		entry({ name: 'Sportello del vecchio partner', category: 'service', system: 'social', partnerId: 'de000000-0000-4000-8000-000000000999', targets: ['migrants'] })
	];
	const shape = partnerLinks(entries, partnerList);

	it('links two partners whose entries serve a same target group, naming the groups', () => {
		const link = linkOf(shape, dsm.id, arcobaleno.id)!;
		expect(link.targets).toEqual(['mental_health']);
		// The CSM's need and the day centre share a target, but a meeting place is no answer to a need.
		expect(link.answersToA + link.answersToB).toBe(0);
		expect(link.weight).toBe(1);
	});

	it("makes a link stronger for each need of one partner that another partner's offer could meet", () => {
		const link = linkOf(shape, serd.id, ilPonte.id)!;
		expect(link.targets).toEqual(['addiction']);
		// The SerD's need meets both of Il Ponte's opportunities (both serve addiction).
		expect(link.a).toBe(serd.id);
		expect(link.answersToA).toBe(2);
		expect(link.answersToB).toBe(0);
		expect(link.weight).toBe(3);
	});

	it('counts shared target groups across all of a partner’s entries', () => {
		const link = linkOf(shape, ilPonte.id, cpi.id)!;
		expect(link.targets).toEqual(['disability']);
		expect(linkOf(shape, cpi.id, futuroLavoro.id)!.targets).toEqual(['long_term_unemployed']);
	});

	it('does not link partners that serve nobody in common, nor partners without entries', () => {
		expect(linkOf(shape, dsm.id, cpi.id)).toBeUndefined();
		expect(shape.links.some((link) => link.a === comune.id || link.b === comune.id)).toBe(false);
		expect(shape.entriesOf.get(comune.id)).toEqual([]);
	});

	it('puts the strongest links first', () => {
		const weights = shape.links.map((link) => link.weight);
		expect(weights).toEqual([...weights].sort((x, y) => y - x));
		expect(shape.links[0]).toMatchObject({ a: serd.id, b: ilPonte.id });
	});

	it('counts apart the entries without a partner and those of a partner no longer in the network', () => {
		expect(shape.withoutPartner.map((e) => e.name)).toEqual(['Emporio solidale']);
		expect(shape.formerPartner.map((e) => e.name)).toEqual(['Sportello del vecchio partner']);
		const assigned = [...shape.entriesOf.values()].reduce((sum, own) => sum + own.length, 0);
		expect(assigned + shape.withoutPartner.length + shape.formerPartner.length).toBe(entries.length);
	});

	it('sees only the entries it is given, so a filter by target group narrows the links', () => {
		const addictionOnly = partnerLinks(entries.filter((e) => e.targets.includes('addiction')), partnerList);
		expect(addictionOnly.links.map((link) => [link.a, link.b])).toEqual([[serd.id, ilPonte.id]]);
		expect(addictionOnly.entriesOf.get(dsm.id)).toEqual([]);
	});

	it('counts need–offer pairs of many entries without listing them one by one', () => {
		const needs = Array.from({ length: 3000 }, (_, i) => entry({ name: `Bisogno ${i}`, category: 'need', partnerId: comune.id, targets: ['neet'] }));
		const offers = Array.from({ length: 3000 }, (_, i) =>
			entry({ name: `Tirocinio ${i}`, category: 'opportunity', partnerId: cpi.id, targets: i % 2 ? ['neet', 'migrants'] : ['migrants'] })
		);
		const [link] = partnerLinks([...needs, ...offers], partnerList).links;
		expect(link).toMatchObject({ a: comune.id, b: cpi.id, targets: ['neet'], answersToA: 3000 * 1500, answersToB: 0 });
	});
});
