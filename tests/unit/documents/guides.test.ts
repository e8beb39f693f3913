import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../../src/lib/documents/kinds.ts';
import { templateFor, templateState } from '../../../src/lib/documents/templates.ts';
import { plainText, stateToJson } from '../../../src/lib/documents/content.ts';
import { toMarkdown } from '../../../src/lib/documents/markdown.ts';
import { toHtml } from '../../../src/lib/documents/html.ts';
import { toDocx, type DocxMeta } from '../../../src/lib/documents/docx.ts';
import { diffBlocks } from '../../../src/lib/documents/diff.ts';
import type { DocNode } from '../../../src/lib/documents/json.ts';
import { stateText } from '../../../src/lib/server/collab/text.ts';
import { demoState } from '../../../src/lib/server/db/demo-writing.ts';
import { LOCALES, type Locale } from '../../../src/lib/i18n/translate.ts';
import { unzip } from './zip.ts';

/** Every guide a document holds, as the editor's placeholders show them. */
function guides(doc: DocNode): string[] {
	const found: string[] = [];
	const visit = (node: DocNode) => {
		if (typeof node.attrs?.guide === 'string') found.push(node.attrs.guide);
		node.content?.forEach(visit);
	};
	visit(doc);
	return found;
}

/** The same document with words written in the paragraph that shows its first guide, as a person typing there. */
function writtenInFirstSection(doc: DocNode, words: string): DocNode {
	const at = doc.content!.findIndex((node) => typeof node.attrs?.guide === 'string');
	const content = doc.content!.map((node, i) => (i === at ? { ...node, content: [{ type: 'text', text: words }] } : node));
	return { ...doc, content };
}

const docxMeta = (locale: Locale): DocxMeta => ({
	title: 'Patto',
	networkName: 'Rete',
	partners: [],
	versionLabel: 'Versione attuale',
	exportedAt: new Date('2027-03-04T09:00:00Z'),
	locale
});

describe('template guides', () => {
	const templates = DOCUMENT_KINDS.filter((kind) => kind !== 'free').flatMap((kind) =>
		LOCALES.map((locale) => ({ name: `${kind} ${locale}`, locale, json: templateFor(kind, locale), state: templateState(kind, locale) }))
	);

	it('never reach the Markdown export, the print HTML, the plain text or the search text', () => {
		for (const { name, json, state } of templates) {
			const all = guides(json);
			expect(all.length, name).toBeGreaterThan(2);
			for (const exported of [toMarkdown(json), toHtml(json), plainText(json), stateText(state)]) {
				for (const guide of all) expect(exported, name).not.toContain(guide);
			}
			// Nor any piece of them: a print view that showed the first words would still be wrong.
			expect(toHtml(json), name).not.toContain(all[0].slice(0, 20));
		}
	});

	it('never reach the DOCX export', async () => {
		for (const { name, locale, json } of templates) {
			const xml = unzip(await toDocx(json, docxMeta(locale))).get('word/document.xml')!;
			expect(xml, name).toContain(plainText(json.content![0]));
			for (const guide of guides(json)) expect(xml, name).not.toContain(guide.slice(0, 30));
		}
	});

	it('never show in a version diff, whether a section is written or not', () => {
		const before = templateFor('community_pact');
		const after = writtenInFirstSection(before, 'Il patto nasce dall’avviso del Comune.');
		const diff = diffBlocks(before, after);
		expect(diff.filter((block) => block.status === 'added').map((block) => block.parts.map((part) => part.text).join(''))).toEqual([
			'Il patto nasce dall’avviso del Comune.'
		]);
		const shown = JSON.stringify(diff);
		for (const guide of guides(before)) expect(shown).not.toContain(guide.slice(0, 30));
	});

	it('stay on a paragraph someone writes in (to show again if its words are deleted), still out of the export', () => {
		const before = templateFor('co_design');
		const after = writtenInFirstSection(before, 'Scritto da Giulia.');
		expect(guides(after)).toEqual(guides(before));
		expect(toMarkdown(after)).toContain('Scritto da Giulia.');
		expect(toMarkdown(after)).not.toContain(guides(before)[0]);
	});
});

describe('the demo documents', () => {
	it('hold what their people wrote as plain text, and show the guides of the sections still empty', () => {
		const pact = stateToJson(demoState('community_pact'));
		const premesse = pact.content![1];
		expect(plainText(premesse)).toContain('art. 55 del D.Lgs. 117/2017');
		expect(premesse.content!.every((text) => !text.marks)).toBe(true);
		const empty = pact.content!.filter((node) => node.type === 'paragraph' && !node.content && node.attrs?.guide);
		expect(empty.length).toBeGreaterThan(3);
		expect(JSON.stringify(pact)).not.toContain('italic');
		expect(stateText(demoState('community_pact'))).not.toContain(empty[0].attrs!.guide);
	});

	it('start every kind from its template', () => {
		for (const kind of DOCUMENT_KINDS) {
			const demo = stateToJson(demoState(kind));
			expect(demo.content!.filter((node) => node.type === 'heading').map(plainText), kind).toEqual(
				templateFor(kind).content!.filter((node) => node.type === 'heading').map(plainText)
			);
		}
	});
});
