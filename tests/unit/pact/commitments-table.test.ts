import { describe, expect, it } from 'vitest';
import { commitmentsSection, formatEuros, formatPeriod, withCommitments } from '../../../src/lib/documents/commitments-table.ts';
import { toMarkdown } from '../../../src/lib/documents/markdown.ts';
import { toHtml } from '../../../src/lib/documents/html.ts';
import type { DocNode } from '../../../src/lib/documents/json.ts';
import { PARTNERS } from '../../fixtures/frosinone.ts';
import { demoCommitments, ENTRIES, makeCommitment } from '../../fixtures/pact.ts';
import { plainText } from '../../../src/lib/documents/content.ts';

const text: DocNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Premesse del patto.' }] }] };
const partners = [PARTNERS.comune, PARTNERS.ilPonte];
const names = new Map(Object.values(ENTRIES).map((entry) => [entry.id, entry.name]));
// Intl separates the amount from its currency with a no-break space, which Markdown keeps.
const plain = (value: string) => value.replaceAll('\u00a0', ' ');

describe('a community pact’s commitments in its exports', () => {
	it('follow the text as a table by partner name, with resources, dates and the maps’ entries by name', () => {
		const markdown = plain(toMarkdown(withCommitments(text, demoCommitments(), partners, names, 'it'), { origin: 'https://trama.example' }));
		expect(markdown).toContain('Premesse del patto.');
		const lines = markdown.split('\n');
		const at = lines.indexOf('## Impegni dei partner');
		expect(at).toBeGreaterThan(0);
		expect(lines.slice(at + 2, at + 7)).toEqual([
			'| Partner | Impegno | Sistema | Risorse | Dal – al | Bisogni a cui risponde | Servizi e risorse che mette a disposizione |',
			'| --- | --- | --- | --- | --- | --- | --- |',
			// Markdown escapes the "120." a paragraph opens with, lest it read as a numbered list.
			'| Comune di Frosinone – Servizi sociali | **Borse lavoro per persone in carico ai servizi sociali** Il Comune finanzia 20 borse lavoro di sei mesi. | Sociale | 2 persone, 2.400 ore 120\\.000,00 € | dal 01/01/2027 al 31/12/2027 | Lavoro per over 50 a Cassino |  |',
			'| Cooperativa sociale Il Ponte | **Tirocini in agricoltura sociale** Accoglienza e tutoraggio in azienda. | Lavoro | 1 persona, 1 ora Spazi: Serre e laboratorio di Ceccano Attrezzature: Attrezzi agricoli | dal 01/03/2027 |  | Tirocini in agricoltura sociale |',
			// The Centro per l'impiego is not among the partners given: it reads as having left, and an entry no map holds says so.
			'| Partner non più nella rete | **Orientamento e profilazione** | Lavoro |  | fino al 30/06/2028 |  | Sportello orientamento al lavoro Voce non più nelle mappe |'
		]);
	});

	it('are written in the reader’s language', () => {
		const markdown = plain(toMarkdown(withCommitments(text, demoCommitments(), partners, names, 'en'), { origin: 'https://trama.example' }));
		expect(markdown).toContain('## Partners’ commitments');
		expect(markdown).toContain('| Social | 2 people, 2,400 hours €120,000.00 | from 01/01/2027 to 31/12/2027 |');
	});

	it('put each resource on its own line in the print view', () => {
		const html = toHtml(withCommitments(text, demoCommitments().slice(1, 2), partners, names, 'it'));
		expect(html).toContain('<p>Spazi: Serre e laboratorio di Ceccano</p><p>Attrezzature: Attrezzi agricoli</p>');
	});

	it('list a partner’s commitments with the numbers in their titles in order', () => {
		const numbered = [10, 2, 1].map((n) => makeCommitment(`c0000000-0000-4000-8000-00000000000${n % 10}`, PARTNERS.comune.id, { title: `Impegno n. ${n}` }));
		const [, table] = commitmentsSection(numbered, partners, names, 'it');
		expect(plainText(table).split('\n').slice(1).map((line) => line.split('\t')[1])).toEqual(['Impegno n. 1', 'Impegno n. 2', 'Impegno n. 10']);
	});

	it('leave a pact without commitments as it was', () => {
		expect(withCommitments(text, [], partners, names, 'it')).toBe(text);
		expect(commitmentsSection([], partners, names, 'it')).toEqual([]);
	});

	it('write money in euro as Italians read it, and open periods with the end they have', () => {
		expect(plain(formatEuros('it', 120000))).toBe('120.000,00 €');
		expect(plain(formatEuros('it', 1234.5))).toBe('1.234,50 €');
		expect(formatPeriod('it', null, null)).toBe('');
		expect(formatPeriod('en', '2027-02-28', null)).toBe('from 28/02/2027');
	});
});
