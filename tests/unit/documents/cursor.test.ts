import { describe, expect, it } from 'vitest';
import { formatCursor, listPlace, parseCursor, placeHref } from '../../../src/lib/server/documents/cursor.ts';

const ID = '3f2a8c1e-5b7d-4e9f-a1c2-0d4e6f8a9b1c';
const AT = '2026-03-01T10:00:00.000041Z';

describe('list cursors', () => {
	it('reads back what it wrote, microseconds included', () => {
		expect(parseCursor(formatCursor({ changedAt: AT, id: ID }))).toEqual({ changedAt: AT, id: ID });
	});

	it('takes an id in capitals as the same id', () => {
		expect(parseCursor(`${AT}_${ID.toUpperCase()}`)).toEqual({ changedAt: AT, id: ID });
	});

	it('is no cursor when missing, malformed or naming a day that does not exist', () => {
		for (const value of [
			null,
			'',
			AT,
			`${AT}_${ID}_x`,
			`2026-03-01T10:00:00.000Z_${ID}`,
			`2026-03-01 10:00:00.000041Z_${ID}`,
			`${AT}_not-an-id`,
			`2026-02-30T10:00:00.000000Z_${ID}`,
			`2026-13-01T10:00:00.000000Z_${ID}`,
			`2026-03-01T25:00:00.000000Z_${ID}`,
			`'; drop table documents; --_${ID}`
		]) {
			expect(parseCursor(value), String(value)).toBeNull();
		}
	});
});

describe('listPlace', () => {
	it('follows after when a link carries both, and ignores a broken before', () => {
		const after = formatCursor({ changedAt: AT, id: ID });
		expect(listPlace(new URLSearchParams({ after, before: after }))).toEqual({ after: { changedAt: AT, id: ID }, before: null });
		expect(listPlace(new URLSearchParams({ before: after }))).toEqual({ after: null, before: { changedAt: AT, id: ID } });
		expect(listPlace(new URLSearchParams({ before: 'x' }))).toEqual({ after: null, before: null });
	});
});

describe('placeHref', () => {
	const url = new URL(`https://trama.test/networks/n/documents?kind=minutes&status=draft&after=${AT}_${ID}`);

	it('keeps the filters and replaces the place', () => {
		const href = placeHref(url, { before: { changedAt: AT, id: ID } });
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
