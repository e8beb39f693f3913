import { describe, expect, it } from 'vitest';
import { contactParts } from '../../../src/lib/map/contacts.ts';

describe('contactParts', () => {
	it('links e-mail addresses and Italian telephone numbers, and keeps the words between', () => {
		expect(contactParts('tel. 0775 123456, sportello@comune.frosinone.it (mattina)')).toEqual([
			{ text: 'tel. ' },
			{ text: '0775 123456', href: 'tel:0775123456' },
			{ text: ', ' },
			{ text: 'sportello@comune.frosinone.it', href: 'mailto:sportello@comune.frosinone.it' },
			{ text: ' (mattina)' }
		]);
	});

	it('keeps the international prefix of a number', () => {
		expect(contactParts('+39 0775/21.34.56')).toEqual([{ text: '+39 0775/21.34.56', href: 'tel:+390775213456' }]);
	});

	it('leaves short numbers such as house numbers and years as text', () => {
		expect(contactParts('Via Roma 12, dal 2024')).toEqual([{ text: 'Via Roma 12, dal 2024' }]);
	});
});
