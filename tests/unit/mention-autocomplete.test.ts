import { describe, expect, it } from 'vitest';
import {
	foldForSearch,
	insertMention,
	isPastName,
	lengthState,
	matchMembers,
	mentionableMembers,
	mentionQueryAt
} from '../../src/lib/mention-autocomplete.ts';

const member = (name: string, organisation = '', id = `00000000-0000-4000-8000-${name.length.toString().padStart(12, '0')}`) => ({
	id,
	name,
	organisation
});

const MARCO = member('Marco Ferri', 'Cooperativa Il Ponte', '11111111-1111-4111-8111-111111111111');
const ANNA = member('Anna Colombo', 'Comune di Sora – Servizi sociali', '22222222-2222-4222-8222-222222222222');
const NICOLO = member('Nicolò Marino', 'ASL Frosinone', '33333333-3333-4333-8333-333333333333');
const MARIA = member('Anna Maria De Santis', '', '44444444-4444-4444-8444-444444444444');
const PEOPLE = [MARCO, ANNA, NICOLO, MARIA];

/** The text with the caret where the | is, as a test reads it. */
function at(marked: string): [string, number] {
	const caret = marked.indexOf('|');
	return [marked.replace('|', ''), caret];
}

describe('mentionQueryAt', () => {
	it('finds the @query typed just before the caret', () => {
		expect(mentionQueryAt(...at('Ciao @Mar|'))).toEqual({ start: 5, query: 'Mar' });
	});

	it('opens on a bare @ at the start of the text or of a line', () => {
		expect(mentionQueryAt(...at('@|'))).toEqual({ start: 0, query: '' });
		expect(mentionQueryAt(...at('Primo punto\n@|'))).toEqual({ start: 12, query: '' });
	});

	it('lets a name of several words be typed', () => {
		expect(mentionQueryAt(...at('grazie @Anna Maria De| per'))).toEqual({ start: 7, query: 'Anna Maria De' });
	});

	it('leaves an email address alone', () => {
		expect(mentionQueryAt(...at('scrivete a info@comune|'))).toBeNull();
	});

	it('accepts an @ right after an opening bracket or quote', () => {
		expect(mentionQueryAt(...at('(@Ann|'))?.query).toBe('Ann');
		expect(mentionQueryAt(...at('«@Ann|'))?.query).toBe('Ann');
	});

	it('ends at a line break, a bracket, a leading space or a long run of words', () => {
		expect(mentionQueryAt(...at('@Marco\nbuongiorno|'))).toBeNull();
		expect(mentionQueryAt(...at('@[Marco Ferri](mention:x) |'))).toBeNull();
		expect(mentionQueryAt(...at('@ Marco|'))).toBeNull();
		expect(mentionQueryAt(...at('@Marco ti mando la bozza di|'))).toBeNull();
	});

	it('looks only before the caret', () => {
		expect(mentionQueryAt(...at('Ciao @Ma|rco'))).toEqual({ start: 5, query: 'Ma' });
		expect(mentionQueryAt(...at('Ci|ao @Marco'))).toBeNull();
	});
});

describe('foldForSearch', () => {
	it('ignores accents and case', () => {
		expect(foldForSearch('Nicolò ÈLITE')).toBe('nicolo elite');
	});
});

describe('matchMembers', () => {
	it('matches the beginning of any word of the name, accents ignored', () => {
		expect(matchMembers(PEOPLE, 'nicolo')).toEqual([NICOLO]);
		expect(matchMembers(PEOPLE, 'fer')).toEqual([MARCO]);
	});

	it('matches the organisation a person speaks for', () => {
		expect(matchMembers(PEOPLE, 'comune')).toEqual([ANNA]);
		expect(matchMembers(PEOPLE, 'asl')).toEqual([NICOLO]);
	});

	it('needs every typed word to match, in the name or the organisation', () => {
		expect(matchMembers(PEOPLE, 'anna sora')).toEqual([ANNA]);
		expect(matchMembers(PEOPLE, 'anna xyz')).toEqual([]);
	});

	it('puts names that begin as typed before other name matches, and those before organisations', () => {
		// "mar": Marco and Marino by name (Marco's first word), Maria by a later word.
		expect(matchMembers(PEOPLE, 'mar').map((m) => m.name)).toEqual(['Marco Ferri', 'Anna Maria De Santis', 'Nicolò Marino']);
		const byOrganisation = member('Zeno Blu', 'Marche Lavoro');
		expect(matchMembers([byOrganisation, NICOLO], 'mar')).toEqual([NICOLO, byOrganisation]);
	});

	it('lists everyone, by name, for a bare @, up to the limit', () => {
		expect(matchMembers(PEOPLE, '').map((m) => m.name)).toEqual([
			'Anna Colombo',
			'Anna Maria De Santis',
			'Marco Ferri',
			'Nicolò Marino'
		]);
		expect(matchMembers(PEOPLE, '', 2)).toHaveLength(2);
	});
});

describe('insertMention', () => {
	it('replaces the @query with the name as people read it and a space, caret after it, never the stored form', () => {
		const [text, caret] = at('Ciao @Mar| come va?');
		const result = insertMention(text, { start: 5, query: 'Mar' }, caret, MARCO);
		expect(result.text).toBe('Ciao @Marco Ferri come va?');
		expect(result.caret).toBe('Ciao @Marco Ferri '.length);
	});

	it('works at the very end of the text', () => {
		const result = insertMention('@an', { start: 0, query: 'an' }, 3, ANNA);
		expect(result.text).toBe('@Anna Colombo ');
		expect(result.caret).toBe(result.text.length);
	});
});

describe('isPastName', () => {
	it("is true once a member's whole name and a space are written, so the list shuts and Enter makes a new line", () => {
		expect(isPastName(PEOPLE, 'Anna Colombo ')).toBe(true);
		expect(isPastName(PEOPLE, 'nicolo marino ')).toBe(true);
	});

	it('stays true while the message goes on, even with words of her organisation', () => {
		expect(isPastName(PEOPLE, 'Anna Colombo servizi')).toBe(true);
	});

	it('is false while a name is still being typed, or is the start of a longer one', () => {
		expect(isPastName(PEOPLE, 'Anna Colombo')).toBe(false);
		expect(isPastName(PEOPLE, 'Anna ')).toBe(false);
		const anna = member('Anna', '', '55555555-5555-4555-8555-555555555555');
		expect(isPastName([...PEOPLE, anna], 'Anna Col')).toBe(false);
		expect(isPastName([...PEOPLE, anna], 'Anna ciao')).toBe(true);
	});
});

describe('lengthState', () => {
	it('is calm below 90% of the limit, warns from there, and refuses past it', () => {
		expect(lengthState(17_999, 20_000)).toBe('ok');
		expect(lengthState(18_000, 20_000)).toBe('near');
		expect(lengthState(20_000, 20_000)).toBe('near');
		expect(lengthState(20_001, 20_000)).toBe('over');
	});
});

describe('mentionableMembers', () => {
	it('offers everyone in the network but the person writing', () => {
		const members = [
			{ userId: 'u-me', displayName: 'Giulia Rinaldi', organisation: 'Ambito' },
			{ userId: 'u-marco', displayName: 'Marco Ferri', organisation: 'Il Ponte' }
		];
		expect(mentionableMembers(members, 'u-me')).toEqual([{ id: 'u-marco', name: 'Marco Ferri', organisation: 'Il Ponte' }]);
	});
});
