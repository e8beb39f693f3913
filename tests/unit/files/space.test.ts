import { describe, expect, it } from 'vitest';
import { fileListHref, fileListQuery } from '../../../src/lib/files/space.ts';

const FOLDER = '0b7f3f5e-8a47-4c3e-9d7e-2f6a1c9b0d11';
const NETWORK = 'de000000-0000-4000-8000-000000000001';

describe('the files page’s address', () => {
	it('reads the folder, order, kind, words and page it names', () => {
		const query = fileListQuery(new URLSearchParams({ folder: FOLDER, sort: '-date', kind: 'pdf', q: '  avviso  ', page: '3' }));
		expect(query).toEqual({ folder: FOLDER, sort: '-date', kind: 'pdf', q: 'avviso', page: 3 });
	});

	it('takes anything it does not know for the default: the top, by name, everything, the first page', () => {
		const query = fileListQuery(
			new URLSearchParams({ folder: '../../etc', sort: 'size; drop table files', kind: 'exe', page: '-2' })
		);
		expect(query).toEqual({ folder: null, sort: 'name', kind: null, q: '', page: 1 });
		expect(fileListQuery(new URLSearchParams({ page: '1e9' })).page).toBe(1);
		expect(fileListQuery(new URLSearchParams({ page: '99999999' })).page).toBe(10_000);
	});

	it('keeps no more of the typed words than any name could hold', () => {
		expect(fileListQuery(new URLSearchParams({ q: 'a'.repeat(5000) })).q).toHaveLength(200);
	});

	it('writes only the parameters that differ from the default, so the plain list has the plain address', () => {
		expect(fileListHref(NETWORK, { folder: null, sort: 'name', kind: null, q: '', page: 1 })).toBe(`/networks/${NETWORK}/files`);
		const href = fileListHref(NETWORK, { folder: FOLDER, sort: 'size', kind: 'image', q: 'foto & video', page: 2 });
		expect(fileListQuery(new URL(href, 'http://trama.test').searchParams)).toEqual({
			folder: FOLDER,
			sort: 'size',
			kind: 'image',
			q: 'foto & video',
			page: 2
		});
	});
});
