import { describe, expect, it } from 'vitest';
import { mentionToken, writeMentions, type Named } from '../../src/lib/mentions.ts';

// How the server writes the @names people type as the mentions it stores.

const person = (name: string, n: number): Named => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name });

const ANNA = person('Anna', 1);
const ANNA_COLOMBO = person('Anna Colombo', 2);
const NICOLO = person('Nicolò Marino', 3);
const DANGELO = person("Maria D'Angelo", 4);
const PAOLO = person('Paolo De Santis', 5);
const MEMBERS = [ANNA, ANNA_COLOMBO, NICOLO, DANGELO, PAOLO];

const token = (member: Named) => mentionToken(member.name, member.id);

describe('writeMentions', () => {
	it('writes an @ and a member\'s exact name as her mention, the rest as typed', () => {
		expect(writeMentions('Ciao @Paolo De Santis come va?', MEMBERS)).toBe(`Ciao ${token(PAOLO)} come va?`);
	});

	it('prefers the longest name, so "Anna Colombo" wins over "Anna"', () => {
		expect(writeMentions('@Anna Colombo e @Anna', MEMBERS)).toBe(`${token(ANNA_COLOMBO)} e ${token(ANNA)}`);
	});

	it('takes the shorter name when the longer is not all there', () => {
		expect(writeMentions('@Anna Col, a domani', MEMBERS)).toBe(`${token(ANNA)} Col, a domani`);
	});

	it('ends a name at punctuation, not inside a longer word', () => {
		for (const mark of [',', '.', '!', '?', ':', ';', ')', '»', "'s", '\n'])
			expect(writeMentions(`(@Anna Colombo${mark}`, MEMBERS)).toBe(`(${token(ANNA_COLOMBO)}${mark}`);
		expect(writeMentions('@Annalisa e @Anna-Maria', MEMBERS)).toBe('@Annalisa e @Anna-Maria');
		expect(writeMentions('@Anna - ciao', MEMBERS)).toBe(`${token(ANNA)} - ciao`);
	});

	it('reads names with accents, in either Unicode form', () => {
		expect(writeMentions('grazie @Nicolò Marino!', MEMBERS)).toBe(`grazie ${token(NICOLO)}!`);
		expect(writeMentions('grazie @Nicolo\u0300 Marino!', MEMBERS)).toBe(`grazie ${token(NICOLO)}!`);
		expect(writeMentions('grazie @Nicolo Marino!', MEMBERS)).toBe('grazie @Nicolo Marino!');
	});

	it("reads names with an apostrophe, typed straight or curly as a phone's keyboard does", () => {
		expect(writeMentions("@Maria D'Angelo, ci sei?", MEMBERS)).toBe(`${token(DANGELO)}, ci sei?`);
		expect(writeMentions('@Maria D’Angelo, ci sei?', MEMBERS)).toBe(`${token(DANGELO)}, ci sei?`);
	});

	it('ignores the case typed, and stores the name as the member wrote it', () => {
		expect(writeMentions('@anna colombo', MEMBERS)).toBe(token(ANNA_COLOMBO));
	});

	it('leaves email addresses, escaped @s and names of people outside the network as text', () => {
		expect(writeMentions('scrivi a anna@Anna Colombo.it o info@comune.it', MEMBERS)).toBe(
			'scrivi a anna@Anna Colombo.it o info@comune.it'
		);
		expect(writeMentions('\\@Anna Colombo', MEMBERS)).toBe('\\@Anna Colombo');
		expect(writeMentions('@Mario Rossi, ciao', MEMBERS)).toBe('@Mario Rossi, ciao');
	});

	it('leaves mentions already written alone', () => {
		const written = `Ciao ${token(ANNA_COLOMBO)} e @[Anna](mention:${ANNA.id})`;
		expect(writeMentions(written, MEMBERS)).toBe(written);
	});

	it('writes every occurrence, at the start of a line or after a quote', () => {
		expect(writeMentions('@Anna\n«@Paolo De Santis»', MEMBERS)).toBe(`${token(ANNA)}\n«${token(PAOLO)}»`);
	});

	describe('two members with the same name', () => {
		const other = person('Anna Colombo', 9);
		const members = [...MEMBERS, other];

		it('mentions the one picked from the suggestions', () => {
			expect(writeMentions('@Anna Colombo ciao', members, [other.id])).toBe(`${token(other)} ciao`);
			expect(writeMentions('@Anna Colombo ciao', members, [ANNA_COLOMBO.id])).toBe(`${token(ANNA_COLOMBO)} ciao`);
		});

		it('mentions both when the name was typed by hand: nothing tells which was meant', () => {
			expect(writeMentions('@Anna Colombo ciao', members)).toBe(`${token(ANNA_COLOMBO)} ${token(other)} ciao`);
		});

		it('is not swayed by a picked id that is not among those with the name', () => {
			expect(writeMentions('@Anna ciao', members, [other.id])).toBe(`${token(ANNA)} ciao`);
		});
	});

	it('changes nothing when the network has no one to mention', () => {
		expect(writeMentions('@Anna', [])).toBe('@Anna');
	});
});
