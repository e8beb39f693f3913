import { describe, expect, it } from 'vitest';
import { listPlace, placeHref } from '../../../src/lib/server/documents/cursor.ts';
import { formatKeyset } from '../../../src/lib/server/keyset.ts';

const ID = '3f2a8c1e-5b7d-4e9f-a1c2-0d4e6f8a9b1c';
const AT = '2026-03-01T10:00:00.000041Z';

describe('listPlace', () => {
	it('follows after when a link carries both, and ignores a broken before', () => {
		const after = formatKeyset({ at: AT, id: ID });
		expect(listPlace(new URLSearchParams({ after, before: after }))).toEqual({ after: { at: AT, id: ID }, before: null });
		expect(listPlace(new URLSearchParams({ before: after }))).toEqual({ after: null, before: { at: AT, id: ID } });
		expect(listPlace(new URLSearchParams({ before: 'x' }))).toEqual({ after: null, before: null });
	});
});

describe('placeHref', () => {
	const url = new URL(`https://trama.test/networks/n/documents?kind=minutes&status=draft&after=${AT}_${ID}`);

	it('keeps the filters and replaces the place', () => {
		const href = placeHref(url, { before: { at: AT, id: ID } });
		const next = new URL(href, url);
		expect(next.pathname).toBe('/networks/n/documents');
		expect([...next.searchParams]).toEqual([
			['kind', 'minutes'],
			['status', 'draft'],
			['before', `${AT}_${ID}`]
		]);
	});

	it('leads to the first page without any place', () => {
		expect(placeHref(url, null)).toBe('/networks/n/documents?kind=minutes&status=draft');
		expect(placeHref(new URL(`https://trama.test/networks/n/documents?after=${AT}_${ID}`), null)).toBe('/networks/n/documents');
	});
});
