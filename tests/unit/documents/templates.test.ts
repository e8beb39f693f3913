import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { documentSchema, FRAGMENT } from '../../../src/lib/editor/extensions.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../src/lib/documents/kinds.ts';
import { templateFor, templateState } from '../../../src/lib/documents/templates.ts';
import { plainText, stateToJson } from '../../../src/lib/documents/content.ts';
import type { DocNode } from '../../../src/lib/documents/json.ts';
import { LOCALES } from '../../../src/lib/i18n/translate.ts';

const headings = (doc: DocNode) => (doc.content ?? []).filter((n) => n.type === 'heading').map(plainText);
const tables = (doc: DocNode) => (doc.content ?? []).filter((n) => n.type === 'table');
const headerRow = (table: DocNode) => plainText(table.content![0]).split('\t');

const SECTIONS: Record<DocumentKind, string[]> = {
	territorial_map: ['Contesto territoriale', 'Bisogni rilevati', 'Servizi e risorse presenti', 'Opportunità e sinergie', 'Fonti e metodo'],
	community_pact: [
		'Premesse',
		'Finalità e obiettivi',
		'Soggetti sottoscrittori e ruoli',
		'Impegni delle parti',
		'Governance',
		'Durata e rinnovo',
		'Monitoraggio e verifica',
		'Sottoscrizioni'
	],
	co_design: [
		'Contesto e bisogni',
		'Obiettivi generali e specifici',
		'Destinatari',
		'Partner e ruoli',
		'Piano delle azioni',
		'Risorse e budget',
		'Governance',
		'Durata',
		'Monitoraggio e valutazione'
	],
	minutes: ['Data, luogo e presenti', 'Ordine del giorno', 'Discussione', 'Decisioni', 'Prossimi passi'],
	free: ['Introduzione']
};

const TABLES: Record<DocumentKind, string[][]> = {
	territorial_map: [['Servizio', 'Ente', 'Sistema (sanitario/sociale/formazione/lavoro)', 'Destinatari', 'Luogo']],
	community_pact: [['Partner', 'Impegno', 'Risorse messe a disposizione']],
	co_design: [['Azione', 'Partner responsabile', 'Inizio', 'Fine', 'Indicatore', 'Verifica']],
	minutes: [['Azione', 'Chi', 'Entro']],
	free: []
};

describe('templates', () => {
	it('are valid documents in the editor’s schema, in every language', () => {
		for (const kind of DOCUMENT_KINDS) {
			for (const locale of LOCALES) {
				expect(() => documentSchema().nodeFromJSON(templateFor(kind, locale)).check(), `${kind} ${locale}`).not.toThrow();
			}
		}
	});

	it('hold the sections of their kind, in order, as second-level headings', () => {
		for (const kind of DOCUMENT_KINDS) {
			const doc = templateFor(kind);
			expect(headings(doc), kind).toEqual(SECTIONS[kind]);
			expect(doc.content!.filter((n) => n.type === 'heading').every((n) => n.attrs?.level === 2)).toBe(true);
		}
	});

	it('hold tables with a header row of the columns the process fills in', () => {
		for (const kind of DOCUMENT_KINDS) {
			const found = tables(templateFor(kind));
			expect(found.map(headerRow), kind).toEqual(TABLES[kind]);
			for (const table of found) {
				expect(table.content![0].content!.every((cell) => cell.type === 'tableHeader')).toBe(true);
				expect(table.content).toHaveLength(2);
			}
		}
	});

	it('guide the writer with a hint on the empty paragraph under each heading, never with text', () => {
		for (const kind of DOCUMENT_KINDS.filter((k) => k !== 'free')) {
			const template = templateFor(kind);
			const blocks = template.content!;
			blocks.forEach((block, i) => {
				if (block.type !== 'heading') return;
				const guide = blocks[i + 1];
				expect(guide.type, `${kind}: ${plainText(block)}`).toBe('paragraph');
				expect(guide.content, `${kind}: ${plainText(block)}`).toBeUndefined();
				expect(guide.attrs?.guide, `${kind}: ${plainText(block)}`).toMatch(/^\S.{20,}$/);
				expect(plainText(template)).not.toContain(guide.attrs!.guide);
			});
			expect(JSON.stringify(template), kind).not.toContain('italic');
		}
	});

	it('keep each guide in the Yjs document, where every collaborator reads the same hint', () => {
		const ydoc = new Y.Doc();
		Y.applyUpdate(ydoc, templateState('co_design', 'en'));
		const second = ydoc.getXmlFragment(FRAGMENT).get(1) as Y.XmlElement;
		expect(second.nodeName).toBe('paragraph');
		expect(second.getAttribute('guide')).toBe('The context and the needs the project answers, drawing on the outcomes of co-programming and of the territorial map.');
		expect(second.length).toBe(0);
		ydoc.destroy();
	});

	it('leave room to write after a table or a list', () => {
		for (const kind of DOCUMENT_KINDS) {
			const blocks = templateFor(kind).content!;
			blocks.forEach((block, i) => {
				if (!['table', 'bulletList', 'orderedList'].includes(block.type)) return;
				expect(blocks[i + 1], `${kind}: after a ${block.type}`).toEqual({ type: 'paragraph', attrs: { guide: null } });
			});
		}
	});

	it('start the minutes’ agenda as a numbered list', () => {
		const agenda = templateFor('minutes').content!.find((n) => n.type === 'orderedList')!;
		expect(agenda.content!.map(plainText)).toEqual(['Approvazione del verbale della seduta precedente', '', 'Varie ed eventuali']);
	});

	it('leave a free document as a heading and an empty paragraph', () => {
		expect(templateFor('free')).toEqual({
			type: 'doc',
			content: [
				{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Introduzione' }] },
				{ type: 'paragraph', attrs: { guide: null } }
			]
		});
	});

	it('speak English with the same structure as in Italian', () => {
		const shape = (node: DocNode): unknown => ({ type: node.type, content: node.content?.map(shape) });
		for (const kind of DOCUMENT_KINDS) {
			const english = templateFor(kind, 'en');
			expect(shape(english), kind).toEqual(shape(templateFor(kind, 'it')));
			expect(plainText(english)).not.toBe(plainText(templateFor(kind, 'it')));
		}
		expect(headings(templateFor('community_pact', 'en'))).toContain('Commitments of the parties');
	});

	it('read back from their Yjs state exactly as they were written', () => {
		for (const kind of DOCUMENT_KINDS) {
			for (const locale of LOCALES) {
				expect(stateToJson(templateState(kind, locale)), `${kind} ${locale}`).toEqual(templateFor(kind, locale));
			}
		}
	});
});
