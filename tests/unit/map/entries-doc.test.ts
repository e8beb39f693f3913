import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blankEntry } from '../../../src/lib/map/entry.ts';
import { entriesMap, patchEntry, putEntries, readEntries, removeEntries } from '../../../src/lib/map/entries-doc.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

describe('entries in the Yjs state', () => {
	it('reads back what was put, and leaves out (but counts) what no check accepts', () => {
		const doc = new Y.Doc();
		putEntries(doc, [blankEntry(id(1), { name: 'Centro di salute mentale di Cassino', system: 'health' })]);
		const hostile = new Y.Map<unknown>();
		hostile.set('name', '<img src=x onerror=alert(1)>');
		hostile.set('category', 'nonsense');
		entriesMap(doc).set(id(2), hostile);
		entriesMap(doc).set('not-an-id', new Y.Map());
		const { entries, malformed } = readEntries(doc);
		expect(entries.map((e) => e.name)).toEqual(['Centro di salute mentale di Cassino']);
		expect(malformed).toBe(2);
	});

	it('keeps both people’s changes to different fields of one entry', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		putEntries(a, [blankEntry(id(1), { name: 'Emporio solidale' })]);
		sync(a, b);
		patchEntry(a, id(1), { places: 30 });
		patchEntry(b, id(1), { name: 'Emporio solidale di Alatri', targets: ['homeless'] });
		sync(a, b);
		sync(b, a);
		for (const doc of [a, b]) {
			expect(readEntries(doc).entries[0]).toMatchObject({ name: 'Emporio solidale di Alatri', places: 30, targets: ['homeless'] });
		}
	});

	it('converges on one value when two people change the same field', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		putEntries(a, [blankEntry(id(1), { name: 'Mensa' })]);
		sync(a, b);
		patchEntry(a, id(1), { name: 'Mensa Caritas' });
		patchEntry(b, id(1), { name: 'Mensa della Caritas diocesana' });
		sync(a, b);
		sync(b, a);
		expect(readEntries(a).entries[0].name).toBe(readEntries(b).entries[0].name);
	});

	it('writes only fields that changed, and says when the entry is gone', () => {
		const doc = new Y.Doc();
		putEntries(doc, [blankEntry(id(1), { name: 'Orto sociale', tags: ['verde'] })]);
		let updates = 0;
		doc.on('update', () => updates++);
		expect(patchEntry(doc, id(1), { name: 'Orto sociale', tags: ['verde'] })).toBe(true);
		expect(updates).toBe(0);
		removeEntries(doc, [id(1)]);
		expect(patchEntry(doc, id(1), { name: 'Orto' })).toBe(false);
		expect(readEntries(doc).entries).toEqual([]);
	});

	it('puts many entries in one change', () => {
		const doc = new Y.Doc();
		let updates = 0;
		doc.on('update', () => updates++);
		putEntries(doc, Array.from({ length: 500 }, (_, i) => blankEntry(id(i + 1), { name: `Voce ${i + 1}` })));
		expect(updates).toBe(1);
		expect(readEntries(doc).entries).toHaveLength(500);
	});
});
