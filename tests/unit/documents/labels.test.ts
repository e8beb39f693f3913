import { describe, expect, it } from 'vitest';
import { versionLabel } from '../../../src/lib/documents/labels.ts';
import { formatDateTime } from '../../../src/lib/dates.ts';

const lateEvening = new Date('2026-11-23T23:30:00Z');

describe('export labels', () => {
	it('date exports in Rome’s time whichever zone the server runs in', () => {
		expect(formatDateTime('it', lateEvening)).toBe('24 novembre 2026 alle ore 00:30');
		expect(formatDateTime('en', lateEvening)).toBe('24 November 2026 at 00:30');
	});

	it('name the live document as the current version at the time of export', () => {
		expect(versionLabel('it', null, lateEvening)).toBe('Versione corrente al 24 novembre 2026 alle ore 00:30');
	});

	it('name a saved version by its name, or as automatic, with its date', () => {
		const createdAt = new Date('2026-03-01T09:05:00Z');
		expect(versionLabel('it', { name: 'Bozza per il Comune', automatic: false, createdAt }, lateEvening)).toBe(
			'Versione «Bozza per il Comune» del 1 marzo 2026 alle ore 10:05'
		);
		expect(versionLabel('en', { name: null, automatic: true, createdAt }, lateEvening)).toBe(
			'Automatic version of 1 March 2026 at 10:05'
		);
	});
});
