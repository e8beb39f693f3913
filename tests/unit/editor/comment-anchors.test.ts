import { describe, expect, it } from 'vitest';
import { decodeAnchor, encodeAnchor, quoteOf, type Anchor } from '../../../src/lib/editor/comment-anchors.ts';
import { doc, p, ul, li } from '../documents/factories.ts';
import { QUOTE_MAX } from '../../../src/lib/comments/types.ts';
import { find, PACT, Replica } from './replica.ts';

// Anchors against a real Y.Doc and the ProseMirror document y-tiptap builds
// from it; other people's edits arrive from a second replica (replica.ts).

/** The text a placement covers now, or the reason it covers none. */
function covered(replica: Replica, anchor: Anchor): string {
	const { doc, place } = replica.render();
	const placement = place(anchor);
	return typeof placement === 'string' ? placement : doc.textBetween(placement.from, placement.to, '\n');
}

function commentOn(replica: Replica, words: string): Anchor {
	const { doc, anchor } = replica.render();
	return anchor(find(doc, words));
}

describe('a comment anchor', () => {
	it('covers exactly the commented words', () => {
		const anna = Replica.of(PACT);
		expect(covered(anna, commentOn(anna, 'una sala'))).toBe('una sala');
	});

	it('follows its words while someone types in a paragraph above', () => {
		const anna = Replica.of(PACT);
		const marco = anna.fork();
		const anchor = commentOn(anna, 'una sala');
		marco.block(1).insert(0, 'Premessa: ');
		marco.block(1).insert(marco.block(1).length, ' Entro marzo.');
		anna.receive(marco);
		expect(anna.render().doc.textContent).toContain('Premessa: Le parti');
		expect(covered(anna, anchor)).toBe('una sala');
	});

	it('follows its words when text is typed before them in the same paragraph, and keeps text typed at its edges outside', () => {
		const anna = Replica.of(PACT);
		const marco = anna.fork();
		const anchor = commentOn(anna, 'una sala');
		const start = 'Il Comune mette a disposizione '.length;
		marco.block(2).insert(0, 'Dal 2027 ');
		marco.block(2).insert('Dal 2027 '.length + start, 'gratuitamente ');
		marco.block(2).insert('Dal 2027 gratuitamente '.length + start + 'una sala'.length, ' attrezzata');
		anna.receive(marco);
		expect(anna.render().doc.textContent).toContain('gratuitamente una sala attrezzata');
		expect(covered(anna, anchor)).toBe('una sala');
	});

	it('grows with text typed inside it', () => {
		const anna = Replica.of(PACT);
		const marco = anna.fork();
		const anchor = commentOn(anna, 'una sala per gli incontri');
		marco.block(2).insert('Il Comune mette a disposizione una sala'.length, ' riunioni');
		anna.receive(marco);
		expect(covered(anna, anchor)).toBe('una sala riunioni per gli incontri');
	});

	it('shrinks to what is left when part of its words is deleted', () => {
		const anna = Replica.of(PACT);
		const marco = anna.fork();
		const anchor = commentOn(anna, 'una sala per gli incontri');
		marco.block(2).delete('Il Comune mette a disposizione '.length, 'una sala '.length);
		anna.receive(marco);
		expect(covered(anna, anchor)).toBe('per gli incontri');
	});

	it('is detached when all of its words are deleted', () => {
		const anna = Replica.of(PACT);
		const marco = anna.fork();
		const anchor = commentOn(anna, 'una sala');
		marco.block(2).delete('Il Comune mette a disposizione '.length, 'una sala'.length);
		anna.receive(marco);
		expect(covered(anna, anchor)).toBe('removed');
	});

	it('is detached when its paragraph is deleted, and the paragraph after it does not take its place', () => {
		const anna = Replica.of(doc(p('Primo paragrafo da togliere.'), p('Secondo paragrafo che resta.')));
		const marco = anna.fork();
		const anchor = commentOn(anna, 'da togliere');
		marco.fragment.delete(0, 1);
		anna.receive(marco);
		expect(anna.render().doc.textContent).toBe('Secondo paragrafo che resta.');
		expect(covered(anna, anchor)).toBe('removed');
	});

	it('resolves at the very first character of the document', () => {
		// y-tiptap answers null for a position there; the anchor must not read as detached.
		const anna = Replica.of(PACT);
		expect(covered(anna, commentOn(anna, 'Patto'))).toBe('Patto');
	});

	it('spans blocks, inside a list too', () => {
		const anna = Replica.of(doc(p('Obiettivi del progetto:'), ul(li(p('tirocini')), li(p('tutoraggio')))));
		const { doc: rendered, anchor } = anna.render();
		const range = { from: find(rendered, 'progetto').from, to: find(rendered, 'tirocini').to };
		expect(covered(anna, anchor(range))).toBe('progetto:\ntirocini');
	});

	it('waits, rather than reading as detached, while it names text this browser has not received', () => {
		const marco = Replica.of(PACT);
		const paolo = marco.fork();
		marco.block(2).insert(0, 'Nuova frase di Marco. ');
		const anchor = commentOn(marco, 'Nuova frase');
		expect(covered(paolo, anchor)).toBe('pending');
		paolo.receive(marco);
		expect(covered(paolo, anchor)).toBe('Nuova frase');
	});

	it('survives the trip through the form and the database as base64', () => {
		const anna = Replica.of(PACT);
		const anchor = commentOn(anna, 'i dati');
		const stored = encodeAnchor(anchor);
		expect(stored.from).toMatch(/^[A-Za-z0-9+/]+=*$/);
		expect(covered(anna, decodeAnchor(stored)!)).toBe('i dati');
		expect(decodeAnchor({ from: '', to: stored.to })).toBeNull();
	});
});

describe('quoteOf', () => {
	it('quotes the words with each block on its own line', () => {
		const { doc: rendered } = Replica.of(PACT).render();
		const range = { from: find(rendered, 'i dati').from, to: find(rendered, 'Il Comune').to };
		expect(quoteOf(rendered, range)).toBe('i dati.\nIl Comune');
	});

	it('cuts a long selection to what the database keeps, marking the cut', () => {
		const long = 'parola '.repeat(400);
		const { doc: rendered } = Replica.of(doc(p(long))).render();
		const quote = quoteOf(rendered, { from: 1, to: rendered.content.size - 1 });
		expect(quote).toHaveLength(QUOTE_MAX);
		expect(quote.endsWith('…')).toBe(true);
	});
});
