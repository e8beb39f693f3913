import { describe, expect, it } from 'vitest';
import { MARK_START, MARK_STOP, headlineParts } from '../../src/lib/server/documents/headline.ts';

const S = MARK_START;
const E = MARK_STOP;

describe('headlineParts', () => {
	it('splits a headline into plain and marked parts', () => {
		expect(headlineParts(`Il ${S}patto${E} di ${S}comunità${E} impegna`)).toEqual([
			{ text: 'Il ', mark: false },
			{ text: 'patto', mark: true },
			{ text: ' di ', mark: false },
			{ text: 'comunità', mark: true },
			{ text: ' impegna', mark: false }
		]);
	});

	it('keeps markup typed in the document as text, never as HTML', () => {
		const parts = headlineParts(`<img src=x onerror=alert(1)> ${S}<b>tirocini</b>${E}`);
		expect(parts).toEqual([
			{ text: '<img src=x onerror=alert(1)> ', mark: false },
			{ text: '<b>tirocini</b>', mark: true }
		]);
	});

	it('survives unbalanced markers without producing empty parts', () => {
		expect(headlineParts(`${S}${S}aperto`)).toEqual([{ text: 'aperto', mark: true }]);
		expect(headlineParts(`chiuso${E}${E} dopo`)).toEqual([{ text: 'chiuso dopo', mark: false }]);
	});

	it('collapses line breaks into spaces', () => {
		expect(headlineParts('riga uno\n\nriga due')).toEqual([{ text: 'riga uno riga due', mark: false }]);
	});
});
