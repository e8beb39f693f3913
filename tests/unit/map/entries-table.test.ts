import { describe, expect, it } from 'vitest';
import { withEntries } from '../../../src/lib/documents/entries-table.ts';
import { toMarkdown } from '../../../src/lib/documents/markdown.ts';
import { blankEntry } from '../../../src/lib/map/entry.ts';
import type { DocNode } from '../../../src/lib/documents/json.ts';
import type { Partner } from '../../../src/lib/domain.ts';
import { makePartner } from '../../fixtures/partners.ts';

const text: DocNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Contesto territoriale.' }] }] };
const coop: Partner = makePartner({ id: 'b0000000-0000-4000-8000-000000000001', name: 'Coop. sociale Il Ponte', kind: 'social_coop_b', systems: ['employment'] });
const entries = [
	blankEntry('00000000-0000-4000-8000-000000000002', { name: 'Tirocini in agricoltura sociale', category: 'service', system: 'employment', targets: ['detainees', 'addiction'], partnerId: coop.id, places: 6, hours: 'lun–ven' }),
	blankEntry('00000000-0000-4000-8000-000000000001', { name: 'Lavoro per over 50 a Cassino', category: 'need', partnerId: 'b0000000-0000-4000-8000-0000000000ff' })
];

describe('a territorial map’s entries in its exports', () => {
	it('follow the text as a table, needs first, in the reader’s language', () => {
		const markdown = toMarkdown(withEntries(text, entries, [coop], 'it'), { origin: 'https://trama.example' });
		expect(markdown).toContain('Contesto territoriale.');
		const lines = markdown.split('\n');
		const at = lines.indexOf('## Voci della mappa');
		expect(at).toBeGreaterThan(0);
		expect(lines.slice(at + 2, at + 6)).toEqual([
			'| Nome | Categoria | Sistema | Destinatari | Partner | Indirizzo | Posti | Orari | Contatti |',
			'| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
			'| Lavoro per over 50 a Cassino | Bisogno | Sociale |  | Partner non più nella rete |  |  |  |  |',
			'| Tirocini in agricoltura sociale | Servizio | Lavoro | Persone detenute o ex detenute, Dipendenze | Coop. sociale Il Ponte |  | 6 | lun–ven |  |'
		]);
		expect(toMarkdown(withEntries(text, entries, [coop], 'en'), { origin: 'https://trama.example' })).toContain('## Map entries');
	});

	it('leave a map without entries as it was', () => {
		expect(withEntries(text, [], [coop], 'it')).toBe(text);
	});
});
